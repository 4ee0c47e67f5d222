package review_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/review"
)

// Outside git, the commands that keep the plan in git start with git init
// (git add alone fails: "not a git repository"); once the folder is in a
// work tree, only git add and git commit.
func TestCommitStepsStartWithGitInitOutsideGit(t *testing.T) {
	s := newSession(t)
	steps := s.CommitSteps()
	if len(steps) != 3 || !slices.Equal(steps[0], []string{"git", "init"}) || steps[1][1] != "add" || steps[2][1] != "commit" {
		t.Fatalf("outside git: %q", steps)
	}
	if out, err := exec.Command(testtool.Need(t, "git"), "init", "-q", filepath.Dir(filepath.Dir(s.Path()))).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	steps = s.CommitSteps()
	if len(steps) != 2 || steps[0][1] != "add" || steps[1][1] != "commit" {
		t.Fatalf("in a git work tree: %q", steps)
	}
}

// A plan whose folder git is told to ignore, as plans/ is in a clone of
// ladder itself (where the README's `go run .` puts it), is still kept
// by the commands shown: run as they are printed, they commit it.
func TestCommitStepsCommitAnIgnoredPlan(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	if err := os.WriteFile(filepath.Join(repo.Dir, ".gitignore"), []byte("/plans/*.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	t.Chdir(repo.Dir)
	s, err := review.Create(review.NewPlan{Path: filepath.Join("plans", "acme.yaml"), Organisation: "Acme",
		Title: "Spring review", Checklist: c, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range s.CommitSteps() {
		if out, err := exec.Command("sh", "-c", strings.Join(words, " ")).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(words, " "), err, out)
		}
	}
	if files := repo.Git("ls-files"); !strings.Contains(files, "plans/acme.yaml") {
		t.Fatalf("the plan is not in git: %q", files)
	}
}

// The workforce data ladder data import writes beside a plan
// (plans/acme.yaml has plans/acme.data.yaml) is the plan's own: the
// commands that keep the plan in git named the plan alone, and someone
// running them as shown committed the plan and left the counts out. They
// name the data file while git does not have it as it is (new, or
// changed), never one git already has unchanged; and run as shown, in a
// real repository, they leave both committed.
func TestCommitStepsKeepThePlansDataFileBesideIt(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	c, _ := checklist.Builtin(checklist.DefaultID)
	t.Chdir(repo.Dir)
	for _, name := range []string{"acme", "-bea's café $1"} {
		plan := filepath.Join("plans", name+".yaml")
		data := filepath.Join("plans", name+".data.yaml")
		s, err := review.Create(review.NewPlan{Path: plan, Organisation: "Acme",
			Title: "Spring review", Checklist: c, Today: today}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if named := commitNames(t, s); slices.Contains(named, data) {
			t.Fatalf("%s: a data file not there is named: %q", name, named)
		}
		if err := os.WriteFile(data, []byte("schema: 1\nthreshold: 10\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		run := func(what string) {
			t.Helper()
			if named := commitNames(t, s); !slices.Contains(named, data) || !slices.Contains(named, plan) {
				t.Fatalf("%s: %s is not named with the plan: %q", name, what, named)
			}
			runSteps(t, s)
			if st := repo.Git("status", "--porcelain", "--", "plans"); st != "" {
				t.Fatalf("%s: %s: after the commands shown, git has not all of it:\n%s", name, what, st)
			}
		}
		run("a new data file")
		if files := repo.Git("ls-files", "-z", "plans"); !strings.Contains(files, data+"\x00") {
			t.Fatalf("%s: the data file is not in git: %q", name, files)
		}
		if named := commitNames(t, s); slices.Contains(named, data) {
			t.Fatalf("%s: a data file git has unchanged is named: %q", name, named)
		}
		if err := os.WriteFile(data, []byte("schema: 1\nthreshold: 12\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		run("a data file changed since its commit")
	}
}

// A data file git is told to leave out while the plan is not (a team
// that keeps its counts out of git) is not named: git add would refuse
// it, and commit nothing. One left out by the same rule as the plan, as
// plans/*.yaml in a clone of ladder, goes with the plan (--force).
func TestCommitStepsFollowGitignoreForTheDataFile(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	for ignore, wantData := range map[string]bool{"/plans/*.data.yaml\n": false, "/plans/*.yaml\n": true} {
		repo := gittest.New(t)
		gittest.Isolate(t)
		t.Chdir(repo.Dir)
		repo.Commit(".gitignore", []byte(ignore), "ignore")
		s, err := review.Create(review.NewPlan{Path: filepath.Join("plans", "acme.yaml"), Organisation: "Acme",
			Title: "Spring review", Checklist: c, Today: today}, nil)
		if err != nil {
			t.Fatal(err)
		}
		data := filepath.Join("plans", "acme.data.yaml")
		if err := os.WriteFile(data, []byte("schema: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if named := commitNames(t, s); slices.Contains(named, data) != wantData {
			t.Fatalf("%q ignored: data named %v, want %v: %q", ignore, !wantData, wantData, named)
		}
		runSteps(t, s)
		files := repo.Git("ls-files", "plans")
		if !strings.Contains(files, "plans/acme.yaml") || strings.Contains(files, data) != wantData {
			t.Fatalf("%q ignored: git has %q", ignore, files)
		}
	}
}

// Outside git, a data file beside the plan is named too: after git init
// nothing is in git yet.
func TestCommitStepsNameTheDataFileOutsideGit(t *testing.T) {
	s := newSession(t)
	data := filepath.Join(filepath.Dir(s.Path()), "acme.data.yaml")
	if err := os.WriteFile(data, []byte("schema: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	steps := s.CommitSteps()
	if len(steps) != 3 || !slices.Contains(steps[1], data) || !slices.Contains(steps[2], data) {
		t.Fatalf("outside git: %q", steps)
	}
}

// commitNames are the paths the git add shown names, unquoted by a shell.
func commitNames(t *testing.T, s *review.Session) []string {
	t.Helper()
	steps := s.CommitSteps()
	add := steps[len(steps)-2]
	out, err := exec.Command("sh", "-c", "set -- "+strings.Join(add, " ")+`; for a in "$@"; do printf '%s\0' "$a"; done`).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

// runSteps runs the commands shown, as a person pasting them would.
func runSteps(t *testing.T, s *review.Session) {
	t.Helper()
	for _, words := range s.CommitSteps() {
		if out, err := exec.Command("sh", "-c", strings.Join(words, " ")).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(words, " "), err, out)
		}
	}
}

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

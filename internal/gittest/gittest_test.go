package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A user whose git signs every commit with a key the test cannot use, and
// a run from a git hook (GIT_DIR pointing at another repository): the
// repository's commands, and git run after Isolate, see neither.
func TestTheUsersConfigurationIsNotRead(t *testing.T) {
	home := t.TempDir()
	config := "[user]\n\tname = Someone Else\n[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = false\n"
	if err := os.WriteFile(filepath.Join(home, ".gitconfig"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("GIT_DIR", filepath.Join(home, "elsewhere.git"))

	r := New(t)
	r.CommitAt("2027-01-15T10:00:00Z", "plans/a.yaml", []byte("one\n"), "First")
	if got := r.Git("log", "--format=%an %ad %s", "--date=short"); got != "Ana 2027-01-15 First" {
		t.Errorf("the commit is %q, want Ana's of 2027-01-15", got)
	}
	if got := string(r.Read("plans/a.yaml")); got != "one\n" {
		t.Errorf("plans/a.yaml holds %q", got)
	}

	Isolate(t)
	cmd := exec.Command("git", "log", "--format=%an")
	cmd.Dir = r.Dir
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "Ana" {
		t.Errorf("git run after Isolate: %v\n%s", err, out)
	}
	if os.Getenv("GIT_DIR") != "" || os.Getenv("HOME") == home {
		t.Error("Isolate left the hook's GIT_DIR or the user's HOME")
	}
}

// git tidies a repository after a commit or a merge (git maintenance run
// --auto, or gc --auto before git 2.29): one more process for each, in
// repositories a test throws away. The repository's commands, and git run
// after Isolate, are told not to.
func TestGitDoesNotTidyAfterCommits(t *testing.T) {
	r := New(t)
	for key, want := range map[string]string{"maintenance.auto": "false", "gc.auto": "0"} {
		if got, err := r.Try("config", "--get", key); err != nil || strings.TrimSpace(got) != want {
			t.Errorf("git config %s = %q, %v; want %s", key, got, err, want)
		}
	}
	Isolate(t)
	cmd := exec.Command("git", "config", "--get", "maintenance.auto")
	cmd.Dir = r.Dir
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "false" {
		t.Errorf("git run after Isolate: maintenance.auto = %q, %v", out, err)
	}
}

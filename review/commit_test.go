package review_test

import (
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
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
	if out, err := exec.Command("git", "init", "-q", filepath.Dir(filepath.Dir(s.Path()))).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	steps = s.CommitSteps()
	if len(steps) != 2 || steps[0][1] != "add" || steps[1][1] != "commit" {
		t.Fatalf("in a git work tree: %q", steps)
	}
}

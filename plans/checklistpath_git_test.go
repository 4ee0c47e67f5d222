package plans

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Some tools keep a repository's worktrees inside its .git folder
// (.git/beads-worktrees/NAME): a plan there reads its checklist as any
// other. Only a .git folder inside the repository, git's own files, is
// refused, not one the repository itself sits in.
func TestChecklistPathInARepositoryUnderAGitFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".git", "worktrees-x", "repo")
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Skipf("git: %v %s", err, out)
	}
	planDir := filepath.Join(dir, "plans")
	if _, err := ChecklistPath("ours.yaml", planDir); err != nil {
		t.Errorf("a checklist beside the plan, the repository under a .git folder: %v", err)
	}
	_, err := ChecklistPath("../.git/config", planDir)
	if err == nil || !strings.Contains(err.Error(), "is in .git, git's own folder") {
		t.Errorf("the repository's own .git/config: %v", err)
	}
}

package review_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/review"
)

// The git commands shown after a review add the previous review with the
// plan, as ladder new --from changed both. A plan from a pull request
// names its previous_review itself: one that leads to any other file of
// the work tree (a file of secrets git ignores, or notes never meant for
// git) must not be added with the plan, with --force where the plan's
// folder is ignored. Only a previous review that names this plan back as
// its next review, as carrying on writes them, is added.
func TestCommitStepsAddOnlyAPreviousReviewThatNamesThePlanBack(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".gitignore", "/plans/*.yaml\n/secrets.yaml\n")
	write("secrets.yaml", "token: ghp_0123456789\n")
	write("notes.yaml", "private: notes\n")
	plan := func(previous string) string {
		return "schema: 1\nchecklist:\n  id: smc-progression\n  version: '1'\norganisation: Acme\ntitle: Review\ndate: 2027-09-01\nprevious_review: " +
			previous + "\nitems:\n  lc-vision:\n    rating: red\n"
	}
	for _, previous := range []string{"../secrets.yaml", "../notes.yaml"} {
		write("plans/acme.yaml", plan(previous))
		s, err := review.Open(filepath.Join("plans", "acme.yaml"), nil, today)
		if err != nil {
			t.Fatal(err)
		}
		for _, words := range s.CommitSteps() {
			line := strings.Join(words, " ")
			if strings.Contains(line, "secrets") || strings.Contains(line, "notes") {
				t.Errorf("previous_review: %s: the commands add it: %s", previous, line)
			}
			if out, err := exec.Command("sh", "-c", line).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", line, err, out)
			}
		}
		s.Close()
		if files := repo.Git("ls-files"); strings.Contains(files, "secrets") || strings.Contains(files, "notes") {
			t.Errorf("previous_review: %s: committed %q", previous, files)
		}
	}
}

package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/gittest"
)

// A commit named by its hash, on a history this branch shares nothing
// with, has no tip: the heading says what the hash is compared with once,
// where it read "1a2b3c4 (1a2b3c4, its tip: …)".
func TestDiffRevHashWithNoBranchPoint(t *testing.T) {
	g := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(g.Dir)
	if code, _, errOut := ladderRun(t, "new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15"); code != ExitOK {
		t.Fatalf("new: %d %s", code, errOut)
	}
	plan := g.Read("plans/acme.yaml")
	g.Commit("plans/acme.yaml", plan, "Start")
	hash := g.Git("rev-parse", "--short=7", "HEAD")
	g.Git("checkout", "-q", "--orphan", "lonely")
	g.Commit("plans/acme.yaml", bytes.Replace(plan, []byte("  lc-vision:\n    rating: unrated"), []byte("  lc-vision:\n    rating: green"), 1), "Alone")

	code, out, errOut := ladderRun(t, "diff", "--rev", hash)
	if code != ExitOK {
		t.Fatalf("diff --rev %s: %d %s", hash, code, errOut)
	}
	first, _, _ := strings.Cut(out, "\n")
	want := "Plan changes since " + hash + " (git finds no commit where this branch left it: what it has that this branch lacks reads as undone here): 1 plan: 1 changed."
	if first != want {
		t.Errorf("heading:\n got %s\nwant %s", first, want)
	}
}

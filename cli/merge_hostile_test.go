package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// The plan's path git passes a merge driver (%P) is a file name from the
// branch being merged, anyone's, and the fields it names come from the
// plan: what ladder merge says of a conflict carries nothing that acts on
// the terminal, the command it suggests included.
func TestMergeSaysNothingThatActsOnTheTerminal(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	side := func(owner string) []byte {
		p := plans.New(c, "Acme", "Review", plans.Date{Year: 2026, Month: 3, Day: 2})
		p.Response("lc-vision").Owner = owner
		p.Answer("project-plan").Steps = []plans.Step{{ID: 1, Text: "Book \u202eit\x1b[31m", Owner: owner, Status: plans.StatusTodo}}
		return plans.Encode(p)
	}
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "base"), filepath.Join(dir, "ours"), filepath.Join(dir, "theirs")}
	for i, owner := range []string{"Ana", "Sam", "Jo"} {
		if err := os.WriteFile(files[i], side(owner), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := cli.Main(append([]string{"merge"}, append(files, "plans/a\x1b[31m\u202eb.yaml")...), nil, &stdout, &stderr)
	if code != cli.ExitProblems || !bytes.Contains(stderr.Bytes(), []byte("both branches changed 2 fields")) {
		t.Fatalf("exit %d, want %d for a conflict\n%s", code, cli.ExitProblems, stderr.String())
	}
	if out := stdout.String() + stderr.String(); !safetext.Safe(out) {
		t.Errorf("output acts on the terminal: %q", out)
	}
}

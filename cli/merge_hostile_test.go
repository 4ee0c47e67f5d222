package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// A file past the size ladder reads plans up to (a large workforce data
// file under plans/, which the README's attributes line covers) is merged
// by its lines, as git would without the driver, where ladder refused to
// read it and git took the current branch's file, without the other
// branch's changes or a conflict marker, for the merge.
func TestMergeTakesAFileTooLargeForAPlanByItsLines(t *testing.T) {
	var lines []string
	for i := range 40000 {
		lines = append(lines, fmt.Sprintf("row%d: %d", i, i))
	}
	base := strings.Join(lines, "\n") + "\n"
	ours := strings.Replace(base, "row1: 1\n", "row1: 100\n", 1)
	theirs := strings.Replace(base, "row39998: 39998\n", "row39998: 7\n", 1)
	want := strings.Replace(ours, "row39998: 39998\n", "row39998: 7\n", 1)
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "base"), filepath.Join(dir, "ours"), filepath.Join(dir, "theirs")}
	for i, data := range []string{base, ours, theirs} {
		if err := os.WriteFile(files[i], []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := cli.Main(append([]string{"merge"}, append(files, "plans/acme.data.yaml")...), nil, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("exit %d, want %d for a clean merge by lines\n%s", code, cli.ExitOK, stderr.String())
	}
	if got, err := os.ReadFile(files[1]); err != nil || string(got) != want {
		t.Errorf("merged file (%d bytes, %v) is not both branches' changes", len(got), err)
	}
}

package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// mergeSides writes the three files git passes a merge driver, base, ours
// and theirs, to a new folder, and returns their paths in that order.
func mergeSides(t *testing.T, base, ours, theirs []byte) []string {
	t.Helper()
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "base"), filepath.Join(dir, "ours"), filepath.Join(dir, "theirs")}
	for i, data := range [][]byte{base, ours, theirs} {
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return files
}

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
	files := mergeSides(t, side("Ana"), side("Sam"), side("Jo"))
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
	files := mergeSides(t, []byte(base), []byte(ours), []byte(theirs))
	var stdout, stderr bytes.Buffer
	if code := cli.Main(append([]string{"merge"}, append(files, "plans/acme.data.yaml")...), nil, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("exit %d, want %d for a clean merge by lines\n%s", code, cli.ExitOK, stderr.String())
	}
	if got, err := os.ReadFile(files[1]); err != nil || string(got) != want {
		t.Errorf("merged file (%d bytes, %v) is not both branches' changes", len(got), err)
	}
}

// A stranger's branch can carry a file of any size under plans/ (the
// README's attributes line gives them all to ladder merge): past the size
// of a plan, ladder leaves the merge by lines to git, reading none of the
// three sides into memory, where it read all three whole and kept the
// merge beside them (1.5 GB for three sides of 200 MB, beside git's own).
// The merge is what git's is, conflicts marked.
func TestMergeOfLargeFilesHoldsNoneOfThemInMemory(t *testing.T) {
	const size = 16 << 20
	row := strings.Repeat("x", 63) + "\n"
	base := strings.Repeat(row, size/len(row))
	sides := []string{base, "ours\n" + base, base + "theirs\n"}
	files := mergeSides(t, []byte(sides[0]), []byte(sides[1]), []byte(sides[2]))
	var stdout, stderr bytes.Buffer
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code := cli.Main(append([]string{"merge"}, append(files, "plans/big.yaml")...), nil, &stdout, &stderr)
	runtime.ReadMemStats(&after)
	if code != cli.ExitOK {
		t.Fatalf("exit %d, want %d for a clean merge by lines\n%s", code, cli.ExitOK, stderr.String())
	}
	if got, err := os.ReadFile(files[1]); err != nil || string(got) != "ours\n"+base+"theirs\n" {
		t.Errorf("merged file (%d bytes, %v) is not both branches' changes", len(got), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("ladder merge allocated %d MB for sides of %d MB", alloc>>20, size>>20)
	}

	// Both change the first line: git's markers, and ladder says why it
	// merged by lines.
	sides[2] = "theirs\n" + base
	if err := os.WriteFile(files[2], []byte(sides[2]), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[1], []byte(sides[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := cli.Main(append([]string{"merge"}, append(files, "plans/big.yaml")...), nil, &stdout, &stderr); code != cli.ExitProblems {
		t.Fatalf("exit %d, want %d for a conflict\n%s", code, cli.ExitProblems, stderr.String())
	}
	if got, _ := os.ReadFile(files[1]); !bytes.HasPrefix(got, []byte("<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\n")) {
		t.Errorf("merged file begins %q, want git's markers", got[:min(len(got), 80)])
	}
	if want := "ladder merge: plans/big.yaml: merged by its lines, as git does, since it is larger than a plan can be (512 KiB).\n"; stderr.String() != want {
		t.Errorf("said %q, want %q", stderr.String(), want)
	}
}

// A side that does not load (a stranger's hand edit: a key written twice)
// is merged by its lines, and ladder says where that side goes wrong,
// FILE:LINE:COL as check would, where it said only that the side does not
// load, and the merged file, markers and all, no longer shows where.
func TestMergeSaysWhereASideDoesNotLoad(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Review", plans.Date{Year: 2026, Month: 3, Day: 2})
	base := string(plans.Encode(p))
	ours := strings.Replace(base, "title: Review\n", "title: Review 2026\n", 1)
	theirs := strings.Replace(base, "title: Review\n", "title: Spring review\ntitle: Again\n", 1)
	line := strings.Count(theirs[:strings.Index(theirs, "title: Again")], "\n") + 1
	files := mergeSides(t, []byte(base), []byte(ours), []byte(theirs))
	var stdout, stderr bytes.Buffer
	if code := cli.Main(append([]string{"merge"}, append(files, "plans/acme.yaml")...), nil, &stdout, &stderr); code != cli.ExitProblems {
		t.Fatalf("exit %d, want %d for a conflict\n%s", code, cli.ExitProblems, stderr.String())
	}
	want := fmt.Sprintf("ladder merge: plans/acme.yaml: merged by its lines, as git does, since theirs does not load as a plan (plans/acme.yaml:%d:1 on theirs: ", line)
	if !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("said\n%s\nwant it to begin\n%s", stderr.String(), want)
	}
	if !safetext.Safe(stderr.String()) {
		t.Errorf("output acts on the terminal: %q", stderr.String())
	}
}

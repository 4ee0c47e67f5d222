package plans_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// crlf is data with every line ending CRLF, as an editor on Windows, or git
// with core.autocrlf, leaves a plan.
func crlf(data []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

// TestCRLFPlanKeepsItsLineEndings: a plan whose lines end CRLF is written
// back with CRLF, untouched byte for byte and changed only where it
// changed; were it written with LF, git would show every line of it
// changed (where the repository does not convert line endings), and a
// pull request's diff would hide the one rating that did change.
func TestCRLFPlanKeepsItsLineEndings(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// With comments people wrote, on a line of their own and at a line's
	// end, which are kept where they were.
	golden = bytes.Replace(golden, []byte("    rating: red\n"), []byte("    # Agreed after a long talk\n    rating: red # was amber\n"), 1)
	data := crlf(golden)
	p, err := plans.Parse("golden.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := plans.Encode(p); !bytes.Equal(got, data) {
		t.Fatalf("a CRLF plan is not written back as it was:\n%q", got[:min(len(got), 300)])
	}
	// Its text is read as on any other platform: no carriage return in a
	// note of several lines.
	for id, r := range p.Items {
		if strings.Contains(r.Notes, "\r") || strings.Contains(r.Action, "\r") {
			t.Fatalf("item %s reads a carriage return: %q", id, r.Notes)
		}
	}

	// Changed, and saved through a File as the review saves it.
	path := filepath.Join(t.TempDir(), "golden.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lf, err := plans.Parse("golden.yaml", golden, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []*plans.Plan{f.Plan, lf} {
		for _, r := range q.Items {
			r.Action = "Two lines:\nof action"
			r.Notes = "A note\nof two lines"
			break
		}
	}
	// Maps are walked in any order: change one item the same in both.
	for id, r := range f.Plan.Items {
		*lf.Items[id] = *r
		lf.Items[id].Votes = r.Votes.Clone()
	}
	if _, err := f.Save(); err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := crlf(plans.Encode(lf)); !bytes.Equal(saved, want) {
		t.Fatalf("the saved CRLF plan is not the LF plan's lines ending CRLF:\n%q", saved[:min(len(saved), 300)])
	}
	if bytes.Equal(saved, data) {
		t.Fatal("the change was not saved")
	}
	// A copy saved beside, after a conflict, keeps them too.
	cp, err := f.SaveCopy()
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	copied, err := os.ReadFile(cp.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(copied, saved) {
		t.Fatalf("the copy beside does not keep CRLF:\n%q", copied[:min(len(copied), 300)])
	}
}

// TestLFPlanStaysLF: a plan written with LF, as ladder writes a new one,
// stays LF, even with a carriage return in its text (a quoted "\r").
func TestLFPlanStaysLF(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plans.Parse("golden.yaml", golden, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Items {
		r.Notes = "a line\r\nfrom Windows"
	}
	got := plans.Encode(p)
	if bytes.Contains(got, []byte("\r\n")) {
		t.Fatalf("an LF plan was written with CRLF:\n%q", got)
	}
}

// TestMixedLineEndingsFollowMostLines: a plan whose lines end mostly LF,
// with a comment added at its top in an editor on Windows (its one line
// ending CRLF), is written back LF, and one mostly CRLF with a line pasted
// in with LF is written back CRLF: git shows the odd line changed, not
// every other line of the plan.
func TestMixedLineEndingsFollowMostLines(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte // the file as it was left
		want []byte // the same plan written back
	}{
		{"LF, one line CRLF", bytes.Replace(golden, []byte("\n"), []byte("\r\n"), 1), golden},
		{"CRLF, one line LF", bytes.Replace(crlf(golden), []byte("\r\n"), []byte("\n"), 1), crlf(golden)},
	} {
		p, err := plans.Parse("golden.yaml", c.data, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := plans.Encode(p); !bytes.Equal(got, c.want) {
			t.Errorf("%s: written back %d lines CRLF of %d, want %d", c.name, bytes.Count(got, []byte("\r\n")), bytes.Count(got, []byte("\n")), bytes.Count(c.want, []byte("\r\n")))
		}
	}
}

// TestByteOrderMarkIsKept: a plan saved by Notepad as "UTF-8 with BOM"
// (CRLF, the three bytes EF BB BF first) loads, and is written back with
// its mark and its line endings: without the mark, git shows its first
// line changed though it looks the same, ladder fmt --check fails a tidy
// plan in CI, and the merge driver leaves the plan to git's merge by lines
// as "not in ladder's layout". A plan without one gets none.
func TestByteOrderMarkIsKept(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bom := []byte("\xef\xbb\xbf")
	for _, data := range [][]byte{append(bom, crlf(golden)...), append(bom, golden...)} {
		p, err := plans.Parse("golden.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := plans.Encode(p); !bytes.Equal(got, data) {
			t.Errorf("a plan with a byte-order mark is written back otherwise:\n%q", got[:min(len(got), 80)])
		}
		// Changed and saved as the review saves it: only the change
		// differs, the mark and the line endings kept.
		path := filepath.Join(t.TempDir(), "golden.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := plans.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range f.Plan.Items {
			r.Notes = "Agreed at the board"
		}
		if _, err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		saved, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(saved, bom) || bytes.Contains(saved, []byte("\r\n")) != bytes.Contains(data, []byte("\r\n")) {
			t.Errorf("saved without its mark or its line endings:\n%q", saved[:min(len(saved), 80)])
		}
	}
	p, err := plans.Parse("golden.yaml", golden, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := plans.Encode(p); bytes.HasPrefix(got, bom) {
		t.Error("a plan without a byte-order mark was given one")
	}
}

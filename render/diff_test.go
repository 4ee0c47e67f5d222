package render

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The fixtures diff-old.yaml and diff-new.yaml are the golden plan and the
// same plan a quarter later: ratings moved both ways, an action re-owned
// and re-dated, answers rewritten, steps edited, reordered, added and
// removed.
func TestDiffGolden(t *testing.T) {
	old, new := loadFixture(t, "testdata/diff-old.yaml"), loadFixture(t, "testdata/diff-new.yaml")
	c := plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	checkGolden(t, "diff.txt", DiffText(c))
	md := DiffMarkdown(c)
	checkGolden(t, "diff.md", md)
	lint(t, map[string][]byte{"diff.md": md, "empty.md": DiffMarkdown(plans.FileChange{OldName: "a", NewName: "b", Old: old, New: old})})
}

func TestDiffOfSamePlan(t *testing.T) {
	p := loadFixture(t, "testdata/diff-old.yaml")
	c := plans.FileChange{Path: "b.yaml", OldName: "a.yaml", NewName: "b.yaml", Old: p, New: p}
	if got := string(DiffText(c)); got != "No changes from a.yaml to b.yaml.\n" {
		t.Errorf("text = %q", got)
	}
	if got := string(DiffMarkdown(c)); got != "# Plan changes\n\nNo changes from a.yaml to b.yaml.\n" {
		t.Errorf("markdown = %q", got)
	}
}

// A plan moved to a new version of its checklist has items only in one
// version: listed as added or removed, in a section of their own.
func TestDiffAcrossChecklistVersions(t *testing.T) {
	p := loadFixture(t, "testdata/diff-old.yaml")
	d := &plans.Diff{Old: p, New: p, Items: []plans.ItemChange{
		{ID: "added", Title: "Added item", AreaTitle: "Area A", Added: true,
			Rating: &plans.RatingChange{Old: checklist.Unrated, New: "green", OldLabel: "○ Unrated", NewLabel: "● Green", Direction: plans.NewlyRated}},
		{ID: "dropped", Title: "Dropped item", AreaTitle: "Area A", Removed: true},
		{ID: "kept", Title: "Kept item", AreaTitle: "Area A",
			Rating: &plans.RatingChange{Old: "green", New: "amber", OldLabel: "● Green", NewLabel: "▲ Amber", Direction: plans.Worse}},
	}}
	doc := diffSet{plans: []planDoc{{kind: planChanged, oldName: "v1", newName: "v2", sections: changeSections(d)}}}
	text := string(writeDiffText(doc))
	for _, s := range []string{"\nItems (the checklist changed)\n  added: Added item (Area A), rated ● Green\n  removed: Dropped item (Area A)\n", "\nRatings: 1 worse\n  worse   ● Green → ▲ Amber  Kept item (Area A)\n"} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	md := string(writeDiffMarkdown(doc))
	for _, s := range []string{"## Items\n\nThe plan now follows another version of its checklist.\n\n- **Added:** Added item (Area A), rated ● Green\n- **Removed:** Dropped item (Area A)\n"} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
}

// TestDiffTextFitsTheTerminal: in a terminal, diff's text is wrapped at
// spaces to the window rather than cut mid-word at its edge, a rating's
// title under itself, and says every word in the same order. Narrow
// enough, a long line is simply wrapped.
func TestDiffTextFitsTheTerminal(t *testing.T) {
	golden, err := os.ReadFile("testdata/diff.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(FitToWidth(golden, 0), golden) {
		t.Error("with no width, the text changed")
	}
	for cols := 30; cols <= 120; cols++ {
		got := FitToWidth(golden, cols)
		for i, line := range strings.Split(string(got), "\n") {
			if w := width(line); w > cols {
				t.Errorf("at %d columns line %d is %d wide: %q", cols, i+1, w, line)
			}
		}
		if !slices.Equal(strings.Fields(string(got)), strings.Fields(string(golden))) {
			t.Errorf("at %d columns the text says other words:\n%s", cols, got)
		}
	}
	got := string(FitToWidth(golden, 80))
	if !strings.Contains(got, "\n  better  ■ Red → ▲ Amber      Develop a clear vision for your D&I strategy\n                               (Leadership & Culture)\n") {
		t.Errorf("at 80 columns a rating's title does not wrap under itself:\n%s", got)
	}
}

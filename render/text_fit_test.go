package render

import (
	"slices"
	"strings"
	"testing"
)

// A word wider than the terminal (a path, most often from a plan or a
// folder's name) is cut at the edge, and what is left of it goes on at the
// start of the next line: no space is put into it (the end of
// "…/evil/acme.yaml" read "/e vil/acme.yaml").
func TestFitToWidthPutsNoSpaceIntoACutWord(t *testing.T) {
	word := "abcdefghijklmnopqrstuvwxyz0123456789ABCD"
	got := string(FitToWidth([]byte("  Plan "+word+" here\n"), 30))
	want := "  Plan\n    abcdefghijklmnopqrstuvwxyz\n    0123456789ABCD here\n"
	if got != want {
		t.Errorf("FitToWidth =\n%q\nwant\n%q", got, want)
	}
}

// The workforce data's diff hangs a setting's later lines as FitToWidth
// does, and puts no space into a word it cuts either: a benchmark's path
// wider than the line read "…/bench mark.yaml".
func TestWrapHangingPutsNoSpaceIntoACutWord(t *testing.T) {
	word := strings.Repeat("abcdefghij", 9)
	got := wrapHanging("  ", "Benchmark: (none) → "+word)
	want := "  Benchmark: (none) →\n    " + word[:76] + "\n    " + word[76:] + "\n"
	if got != want {
		t.Errorf("wrapHanging =\n%q\nwant\n%q", got, want)
	}
}

// A table row too wide for its columns, wrapped, keeps two spaces between
// its cells and one between the words of a cell: wrapped with one
// throughout, the owner's name ran into the plan's path ("Zoë Ünal
// plans/acme.yaml Write the vision"), and where one ended no one could
// tell.
func TestFitToWidthKeepsATableRowsCellsApart(t *testing.T) {
	row := "  2026-01-15  318 days late  Zoë Ünal  plans/2026/acme.yaml  Write the vision [Interventions]\n"
	got := string(FitToWidth([]byte(row), 50))
	want := "  2026-01-15  318 days late  Zoë Ünal\n" +
		"    plans/2026/acme.yaml  Write the vision\n" +
		"    [Interventions]\n"
	if got != want {
		t.Errorf("FitToWidth =\n%s\nwant\n%s", got, want)
	}
	// A cell's word cut at the edge goes on with no space put into it.
	got = string(FitToWidth([]byte("  Due  plans/a-very-long-folder-name/and-another-one/acme.yaml  Write it\n"), 40))
	want = "  Due\n    plans/a-very-long-folder-name/and-an\n    other-one/acme.yaml  Write it\n"
	if got != want {
		t.Errorf("FitToWidth =\n%q\nwant\n%q", got, want)
	}
	// A cell's word cut short of the edge (a wide rune that does not fit)
	// loses none of its pieces.
	if got, want := wrapCells("ab漢漢漢  x", 5), []string{"ab漢", "漢漢", "x"}; !slices.Equal(got, want) {
		t.Errorf("wrapCells = %q, want %q", got, want)
	}
}

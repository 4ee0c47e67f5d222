package render

import "testing"

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

package render

import (
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

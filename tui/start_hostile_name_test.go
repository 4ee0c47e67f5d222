package tui

import (
	"os"
	"path/filepath"
	"testing"
)

// A plan file named with an escape sequence (a pull request can add one:
// git takes any byte but / in a name) that stops loading between the list
// and c: the start screen said "NAME does not load, so it cannot be
// carried on" with the name as it is, and the screen took on the name's
// colour. Now the error is shown as text.
func TestStartScreenErrorShowsAHostileFileNameAsText(t *testing.T) {
	dir, path, _ := carryFolder(t)
	hostile := filepath.Join(dir, "acme"+hostileSGR+".yaml")
	if err := os.Rename(path, hostile); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	choosePlan(h, "Spring review 2026")
	if err := os.WriteFile(hostile, []byte("schema: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.press("c")
	h.requireView("does not load, so it cannot be carried on")
	requireNoHostileSequence(t, "the start screen's error", h)
}

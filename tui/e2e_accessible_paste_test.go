//go:build unix

package tui_test

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/tui"
)

// TestAccessiblePastedNoteOfSeveralLinesStaysTheNote: a screen-reader
// user pasted a note of three lines at the accessible prompts' Notes.
// The first line was the note; the second was read as the next item's
// rating ("is not one of the choices") and the third too, or rated it
// where a line was "a" or "2", or ran a command ("back", "item 4").
// At a terminal, notes now take several lines, as the screens' notes
// field does, and end at an empty line: the whole note is kept, as the
// screens keep it (tui.PastedNoteStored), and the next item is asked as
// it should be.
func TestAccessiblePastedNoteOfSeveralLinesStaysTheNote(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "acme.yaml", acme)
	e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")
	for _, step := range [][2]string{{"Rating: ", "a"}, {"Action: ", "Write the vision"}, {"Owner: ", "Ana"}, {"Due date: ", ""}, {"Status: ", ""}} {
		e.waitFor(step[0])
		e.typeText(step[1] + "\r")
	}
	e.waitFor("Notes: ")
	e.typeText("help\r") // says how notes end, and that a later line is words
	e.waitFor("Notes, and answers in your own words, may take several lines: an empty line ends them.",
		"From their second line, a command is kept as words, not done.", "Back to the question.")
	e.typeText(tui.PastedNote) // a paste: every byte at once
	e.typeText("\r")           // and Enter, as after any answer
	e.waitFor("an empty line ends the notes): ")
	e.typeText("\r")
	e.waitFor("2 of 21 in all", "Rating: ")
	e.typeText("quit\r")
	text := e.exits(0)
	if strings.Contains(text, "not one of the choices") {
		t.Errorf("a line of the note was taken as the next item's rating:\n%s", tailText(text, 1500))
	}
	p := loadPlan(t, path)
	if got := p.Response("lc-vision").Notes; got != tui.PastedNoteStored {
		t.Errorf("the notes on disk are %q, want %q", got, tui.PastedNoteStored)
	}
	if got := p.Response("lc-leadership").Rating; got != checklist.Unrated {
		t.Errorf("item 2 was rated %q by a line of the note", got)
	}
}

package accessible

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

// At a terminal, notes take lines until an empty one
// (TestAccessiblePastedNoteOfSeveralLinesStaysTheNote, in tui, pastes one
// into a real terminal). A first line the same as the notes kept is the
// start of new notes too: it went on to the next question at once, and
// the second line typed became that question's answer.
func TestNotesOfSeveralLinesAtATerminal(t *testing.T) {
	for _, tc := range []struct {
		name, current, typed, want string
	}{
		{"new", "", "Board agreed\n  see the minutes\n\n", "Board agreed\n  see the minutes"},
		{"first line as kept", "Quick note", "Quick note\nand a second line\n\n", "Quick note\nand a second line"},
		{"Enter keeps", "Quick note", "\n", "Quick note"},
		{"cleared", "Quick note", "-\n", ""},
		{"a command word is a line", "", "Ask Ana\nback\n\n", "Ask Ana\nback"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			p := newPrompter(strings.NewReader(tc.typed), &out, false)
			p.severalLines = true
			got, err := p.lines("Notes", "Anything else to note?", "the notes", tc.current)
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q\n%s", got, err, tc.want, out.String())
			}
		})
	}
}

// Piped, notes are one line each, handed to the session as typed: an
// indent stays, as the screens keep one (TestScreensAndAccessibleMakeTheSamePlan,
// in tui); the next line is the next question's.
func TestPipedNotesAreOneLineAsTyped(t *testing.T) {
	var out strings.Builder
	p := newPrompter(strings.NewReader("  indented on purpose\nnext answer\n"), &out, true)
	got, err := p.lines("Notes", "Anything else to note?", "the notes", "")
	if err != nil || got != "  indented on purpose" {
		t.Errorf("got %q, %v\n%s", got, err, out.String())
	}
	if !strings.Contains(out.String(), "One line only.") {
		t.Errorf("the hint does not say one line:\n%s", out.String())
	}
}

// ctrl+c at a note's second line: the first line is returned to be saved,
// and the line lost is named as the review names it ("Anything typed at
// Notes, line 2 without Enter is not saved"), without the reminder in
// brackets that its prompt carries.
func TestNotesStoppedAtTheirSecondLine(t *testing.T) {
	var out strings.Builder
	in := io.MultiReader(strings.NewReader("line one\n"), iotest.ErrReader(&Interrupted{Signal: os.Interrupt}))
	p := newPrompter(in, &out, false)
	p.severalLines = true
	got, err := p.lines("Notes", "Anything else to note?", "the notes", "")
	if got != "line one" || !errors.Is(err, ErrInterrupted) {
		t.Errorf("got %q, %v; want the first line and the interruption", got, err)
	}
	if p.waiting != "Notes, line 2" {
		t.Errorf("the line lost is named %q", p.waiting)
	}
}

package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// hostileSGR is a colour no screen of ladder draws in: a plan's text that
// holds it (written "\e[38;2;1;2;3m" in the file) would colour the screen.
const hostileSGR = "\x1b[38;2;1;2;3m"

// hostileText is text from a stranger's plan: a title for the window, a
// colour of its own, and a hyperlink to another site under "CLICK", each
// an escape sequence Bubble Tea's renderer acts on or passes on.
const hostileText = "\x1b]0;PWNED\a" + hostileSGR + "Evil \x1b]8;;http://evil.example/\x1b\\CLICK\x1b]8;;\x1b\\ Ltd"

// requireNoHostileSequence fails when the screen holds the plan's colour
// or hyperlink as escape sequences, rather than as harmless text.
func requireNoHostileSequence(t *testing.T, where string, h *rvHarness) {
	t.Helper()
	v := h.a.View().Content
	for _, bad := range []string{hostileSGR, "\x1b]8;;http", "\x1b]0;"} {
		if strings.Contains(v, bad) {
			t.Errorf("%s: the screen holds %q from the plan:\n%q", where, bad, v)
		}
	}
}

// A plan from a pull request, or last year's cloned from someone else,
// names its organisation, title and action with escape sequences: the
// start screen's list (this year's reviews and last year's) and the item
// screen's one-line summary of the fields (presenter mode, a small
// window) show them as text, where the renderer coloured the rows with
// the plan's colour and made "CLICK" a link to another site.
func TestThePlansEscapeSequencesDoNotStyleTheScreen(t *testing.T) {
	t.Chdir(t.TempDir())
	c, _ := checklist.Builtin(checklist.DefaultID)
	evil := func(year int) *plans.Plan {
		p := plans.New(c, hostileText, hostileText, plans.Date{Year: year, Month: 3, Day: 1})
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner = "red", hostileText, hostileText
		r.Due = plans.Date{Year: year, Month: 5, Day: 1}
		return p
	}
	for _, year := range []string{"2026", "2027"} {
		if err := os.MkdirAll(filepath.Join("plans", year), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writePlanFile(t, filepath.Join("plans", "2026", "evil.yaml"), evil(2026))
	writePlanFile(t, filepath.Join("plans", "2027", "evil.yaml"), evil(2027))

	h := rvStart(t, Options{Dir: "plans"}, 100, 30)
	h.requireView("Resume a review", "Begin this year's review from one of 2026's")
	requireNoHostileSequence(t, "the start screen", h)
	h.press("down")
	requireNoHostileSequence(t, "the start screen, last year's chosen", h)

	path := filepath.Join("plans", "2027", "evil.yaml")
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{{"presenter mode", 100, 30, []string{"P"}}, {"a small window", minWidth, minHeight, nil}} {
		h := rvStart(t, Options{PlanPath: path, Dir: filepath.Dir(path)}, tc.w, tc.h)
		h.press(tc.keys...)
		h.send(navigateMsg{screenItem, 0})
		h.requireView("Develop a clear vision")
		requireNoHostileSequence(t, "the item screen in "+tc.name, h)
	}
}

package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Presenter mode covers every screen of a session. The item screen and the
// board have layouts of their own (present.go, board.go); every other
// screen (the advice, the area summaries, the next-steps questions, the
// end summary, the overview, help) is drawn in presenter mode's frame: in
// a column that grows with the window, centred, under a heading with the
// screen's name (in block letters on a big window, letter-spaced capitals
// on a smaller one) and the clocks at its right. The screens leave out
// what a room should not see on a projector: the summary its file path
// and git commands, the status line everything but problems.

// presentTitler is a screen that names itself for the frame's heading.
type presentTitler interface{ presentTitle() string }

// presentFramed reports whether the active screen is drawn in the frame.
func (a *app) presentFramed() bool {
	if !a.c.present || a.c.session == nil || a.unsaved != nil || a.conflict() {
		return false
	}
	_, ok := a.screen(a.active).(presentTitler)
	return ok
}

// bigFrameHeight is the window height from which the frame's heading is
// drawn in block letters.
const bigFrameHeight = 45

// frameHeadHeight is how many lines the frame's heading takes, with the
// blank line under it.
func (a *app) frameHeadHeight() int {
	if a.termHeight >= bigFrameHeight {
		return 4
	}
	return 2
}

// presentHead is the frame's heading, w cells wide: the screen's name and
// the clocks at the right.
func (a *app) presentHead(w int) string {
	st := &a.c.styles
	name := a.screen(a.active).(presentTitler).presentTitle()
	clocks := a.c.sessionClocks()
	room := w
	if clocks != "" {
		room = w - ansi.StringWidth(clocks) - 2
	}
	if a.termHeight >= bigFrameHeight {
		if rows, ok := bigLine(strings.ToUpper(name)); ok && bigWidth(name) <= room {
			for i, r := range rows {
				rows[i] = st.Heading.Render(r)
			}
			rows[0] = joinEnds(rows[0], clocks, w)
			return strings.Join(rows, "\n") + "\n"
		}
	}
	head := letterSpaced(strings.ToUpper(name))
	if ansi.StringWidth(head) > room {
		head = ansi.Truncate(strings.ToUpper(name), max(1, room), "…")
	}
	head = st.Heading.Render(head)
	if clocks != "" {
		head = joinEnds(head, clocks, w)
	}
	return head + "\n"
}

func (s *guidanceScreen) presentTitle() string    { return "Advice" }
func (s *areasummaryScreen) presentTitle() string { return s.c.checklist().Areas[s.area].Title }
func (s *followupScreen) presentTitle() string    { return "Next steps" }
func (s *summaryScreen) presentTitle() string     { return "The end" }
func (s *overviewScreen) presentTitle() string    { return "Every item" }
func (s *helpScreen) presentTitle() string        { return "Keys" }

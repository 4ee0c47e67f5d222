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
// screen's name and the clocks at its right. Every heading in presenter
// mode (the frame's, the item screen's area, the board's) is drawn alike
// (presentHeadingRows): in block letters on a big window, letter-spaced
// capitals on a smaller one. The screens leave out
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

// bigFrameHeight is the window height from which presenter mode's
// headings are drawn in block letters.
const bigFrameHeight = 45

// bigHeadings reports whether presenter mode's headings are in block
// letters: on a window at least bigFrameHeight tall.
func (c *common) bigHeadings() bool { return c.termHeight >= bigFrameHeight }

// presentHeadingRows is a heading as presenter mode draws it, in at most w
// cells: in block letters when big and they fit (three rows), else in
// letter-spaced capitals, else in capitals cut to fit; width is the
// widest row's.
func presentHeadingRows(st *styles, name string, w int, big bool) (rows []string, width int) {
	up := strings.ToUpper(name)
	if big {
		if drawn, ok := bigLine(up); ok && bigWidth(up) <= w {
			for i, r := range drawn {
				drawn[i] = st.Heading.Render(r)
			}
			return drawn, bigWidth(up)
		}
	}
	head := letterSpaced(up)
	if ansi.StringWidth(head) > w {
		head = ansi.Truncate(up, max(1, w), "…")
	}
	return []string{st.Heading.Render(head)}, ansi.StringWidth(head)
}

// frameHeadHeight is how many lines the frame's heading takes, with the
// blank line under it.
func (a *app) frameHeadHeight() int {
	if a.c.bigHeadings() {
		return 4
	}
	return 2
}

// presentHead is the frame's heading, w cells wide: the screen's name and
// the clocks at the right (the item's too on its advice).
func (a *app) presentHead(w int) string {
	st := &a.c.styles
	name := a.screen(a.active).(presentTitler).presentTitle()
	clocksOf := func(compact bool) string {
		if a.active == screenGuidance {
			// The item's advice: its time box runs on while the room reads it.
			return a.c.clocks(compact)
		}
		// The other screens: the session's clock (the item's countdown
		// belongs to the item screen).
		return a.c.joinClocks(a.c.sessionClock(compact))
	}
	clocks := clocksOf(false)
	if w-ansi.StringWidth(clocks)-2 < ansi.StringWidth(name) {
		// Shortened when they do not fit beside the name: joinEnds cut the
		// name to "…" and dropped the clocks.
		clocks = clocksOf(true)
	}
	room := w
	if clocks != "" {
		room = w - ansi.StringWidth(clocks) - 2
	}
	rows, _ := presentHeadingRows(st, name, room, a.c.bigHeadings())
	if clocks != "" {
		rows[0] = joinEnds(rows[0], clocks, w)
	}
	return strings.Join(rows, "\n") + "\n"
}

func (s *guidanceScreen) presentTitle() string { return "Advice" }
func (s *followupScreen) presentTitle() string { return "Next steps" }
func (s *summaryScreen) presentTitle() string  { return "The end" }
func (s *overviewScreen) presentTitle() string { return "Every item" }
func (s *helpScreen) presentTitle() string     { return "Keys" }

func (s *areasummaryScreen) presentTitle() string {
	// A sentence-long area (the body gives it whole) is headed by its
	// short title rather than cut.
	return areaName(&s.c.checklist().Areas[s.area], s.c.width)
}

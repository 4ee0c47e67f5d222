package tui

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// The next-steps questions in presenter mode (the frame of
// present_frame.go gives the heading and the clocks): the question is
// what the room discusses, so it is drawn as the item screen draws its
// recommendation, in bold in the heavy box (presentBoxedTitle), centred,
// in block letters when the window is big and they leave the answer room;
// the answer and its due date under it in the same column, as the item
// screen's fields are; the whole a little above the middle of the window,
// where the item screen sits, rather than stuck to the top with the
// footer far below. Only the drawing differs: the stops, the keys and
// what they save are the ordinary screen's.

// fuPresentPadHeight is the body height from which the question's box
// has a blank line inside it, above and below: below it the lines go to
// the answer, which scrolls.
const fuPresentPadHeight = 36

// fuPresentTightBelow is the fewest lines the answer is given before the
// blank lines around the question go to it: a list's heading, a few of
// its rows and the line that says it scrolls.
const fuPresentTightBelow = 6

// fuPresentAnswerWidth is the widest the answer's column grows: narrow
// enough to read as one column under the question on a projector's wide
// window rather than a list lost at its left. The project plan, a table
// of step, owner, due date and status, grows wider, up to the question
// box's width, so that on a big screen its steps and owners show whole.
const fuPresentAnswerWidth = 100

// presentView draws the question on screen for presenter mode.
func (s *followupScreen) presentView() string {
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	fus := s.c.checklist().FollowUps
	pad := 0
	if h >= fuPresentPadHeight {
		pad = 1
	}
	where := centreIn(st.Subtle.Render(fmt.Sprintf("question %d of %d", s.index+1, len(fus))), w)
	box := presentBoxedTitle(st, s.presentQuestion(w, h), w, w, pad)
	col := min(w, fuPresentAnswerWidth)
	if pp, ok := s.stops[0].(*projectPlan); ok {
		col = min(w, max(col, pp.tableWidth()))
	}
	due := s.due.view(col, 2, s.focus == len(s.stops)-1)
	if warning := s.leaving.view(st, col); warning != "" {
		due += "\n" + warning
	}
	// A blank line under "question 2 of 5", and above and below the
	// answer; in a short window they go to the answer, which otherwise had
	// its heading alone ("2 chosen. Choose with space or x") and no row.
	top, gap := where+"\n\n"+box+"\n", "\n"
	room := max(1, h-lineCount(top)-lineCount(due)-2)
	if room < fuPresentTightBelow {
		top, gap = where+"\n"+box, ""
		room = max(1, h-lineCount(top)-lineCount(due))
	}
	var answer []string
	if s.followUp().Kind == checklist.KindCounts {
		answer = append(answer, countsAnswer(s.c, col, room))
	}
	if kind := s.stops[:len(s.stops)-1]; len(kind) > 0 {
		answer = append(answer, s.presentStops(kind, col, room))
	}
	body := top
	if len(answer) > 0 {
		body += "\n" + indentLinesBy(clipLines(strings.Join(answer, "\n"), room), (w-col)/2) + gap
	}
	body += "\n" + indentLinesBy(due, (w-col)/2)
	return aboveMiddle(body, h)
}

// presentQuestion is the question as its box holds it, in block letters
// on a big window when they take no more than a quarter of its height
// (the answer below, a list or a plan, needs the rest).
func (s *followupScreen) presentQuestion(w, h int) []string {
	q := s.followUp().Question
	if lines, big := s.bigTitles.boxedTitleText(q, s.c.bigHeadings(), w); big && len(lines) <= h/4 {
		return lines
	}
	lines, _ := s.bigTitles.boxedTitleText(q, false, w)
	return lines
}

// presentStops draws the answer's stops in w cells and h lines: with a
// blank line between them (an area's answer and the next) when they all
// fit so, else as the ordinary screen does, scrolled to the focused one.
func (s *followupScreen) presentStops(stops []fuStop, w, h int) string {
	if len(stops) > 1 {
		blocks := make([]string, len(stops))
		n := len(stops) - 1
		for i, st := range stops {
			blocks[i] = st.view(w, h, s.focus == i)
			n += lineCount(blocks[i])
		}
		if n <= h {
			return strings.Join(blocks, "\n\n")
		}
	}
	return s.stopsView(stops, w, h)
}

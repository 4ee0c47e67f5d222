package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
	roomsrv "github.com/socialmobility/ladder/room"
)

// The room in presenter mode: while the room votes on the item on screen,
// how many have voted ("5 OF 8 VOTED"); after the reveal, the spread
// ("■ 1   ▲ 5   ● 2   ? 0"), each level in its colour, with the levels'
// words on a line below and the disagreement called out. It is what the
// room looks at, so it is drawn as big as the rating's badge: in block
// letters two cells a pixel on a projector's big window, in half blocks
// on a middling one, on one line on a laptop's. Who voted what is never
// shown, and nothing of the spread before the reveal.

// presentRoomFor reports whether the room is voting on the item on screen
// (or has revealed its votes): the presenter layout then has the room's
// part.
func (s *itemScreen) presentRoomFor() (roomsrv.Status, bool) {
	rs := s.c.room
	if !rs.on() {
		return roomsrv.Status{}, false
	}
	st := rs.status
	on := st.ItemID == s.entry().Item.ID && (st.Phase == roomsrv.Voting || st.Phase == roomsrv.Revealed && st.Votes != nil)
	return st, on
}

// presentRoomHeight is how many lines the room's part takes with air.
func (s *itemScreen) presentRoomHeight(air presentAir, w int) int {
	return len(s.presentRoomLines(air, w))
}

// presentRoom draws the room's part, each line centred in w; "" when the
// room is not voting on the item on screen.
func (s *itemScreen) presentRoom(w int, air presentAir) string {
	lines := s.presentRoomLines(air, w)
	for i, l := range lines {
		lines[i] = centreIn(l, w)
	}
	return strings.Join(lines, "\n")
}

// presentRoomLines are the room's part's lines: the count of votes, or
// the spread after the reveal, as big as air's badge and as fits w (in
// block letters, else on one line), and under the spread its words.
func (s *itemScreen) presentRoomLines(air presentAir, w int) []string {
	st, on := s.presentRoomFor()
	if !on {
		return nil
	}
	return s.c.roomPanel(st, roomDraws(air), w)
}

// roomPanel is the room's count of votes, or the spread after the reveal,
// drawn by the first of draws that fits w (else on one line), and under
// the spread its words: for the item screen and the board in presenter
// mode.
func (cm *common) roomPanel(st roomsrv.Status, draws []func(string) ([]string, bool), w int) []string {
	sty := &cm.styles
	c := cm.checklist()
	var parts []string
	var styles []lipgloss.Style
	if st.Phase == roomsrv.Revealed {
		for i, l := range c.Scale {
			parts = append(parts, plans.MarkAt(i, len(c.Scale))+strconv.Itoa(st.Votes.Count(l.Key)))
			styles = append(styles, sty.levelStyle(i, len(c.Scale)))
		}
		parts = append(parts, "?"+strconv.Itoa(st.Votes.Unsure))
		styles = append(styles, sty.Subtle)
	} else {
		parts = []string{strings.ToUpper(votedText(st))}
		styles = []lipgloss.Style{sty.Label}
	}
	var lines []string
	for _, draw := range draws {
		if rows, ok := bigParts(parts, draw, w); ok {
			for _, r := range rows {
				lines = append(lines, paintParts(r, styles))
			}
			break
		}
	}
	if st.Phase == roomsrv.Revealed {
		return append(lines, cm.roomWords(st, w)...)
	}
	if lines == nil {
		lines = []string{sty.Label.Render(ansi.Truncate(votedText(st), w, "…"))}
	}
	return lines
}

// roomWords is the line under the big spread: each level's shape, word
// and count (a rating is never a shape alone), then, when the votes span
// the scale, the call to talk it through, on a line of its own if the
// first is full.
func (cm *common) roomWords(st roomsrv.Status, w int) []string {
	sty := &cm.styles
	c := cm.checklist()
	words := fillLines(cm.spreadParts(c, st.Votes), spreadGap, w)
	if !st.Votes.Disagree(c) {
		return words
	}
	talk := sty.Warning.Render("The votes span " + c.Scale[0].Label + " to " + c.Scale[len(c.Scale)-1].Label + ": talk it through")
	if last := words[len(words)-1]; len(words) == 1 && ansi.StringWidth(last)+3+ansi.StringWidth(talk) <= w {
		return []string{last + "   " + talk}
	}
	return append(words, ansi.Truncate(talk, w, "…"))
}

// presentAirs are the layouts to try, most air first. While the room
// votes on the item, its count and spread are what the room looks at: they
// are drawn as big as the rating's badge, and on a window too small for a
// big badge, still in block letters before any other part loses its air.
func (s *itemScreen) presentAirs() []presentAir {
	if _, on := s.presentRoomFor(); !on {
		return presentAirs
	}
	var big, small []presentAir
	for _, a := range presentAirs {
		if a.badge >= badgeBig {
			a.room = a.badge
			big = append(big, a)
			continue
		}
		small = append(small, a)
		a.room = badgeBig
		big = append(big, a)
	}
	return append(big, small...)
}

// roomDraws are the ways to draw the room's part in block letters with
// air, biggest first.
func roomDraws(air presentAir) []func(string) ([]string, bool) {
	switch air.room {
	case badgeHuge:
		return []func(string) ([]string, bool){bigDouble, bigLine}
	case badgeBig:
		return []func(string) ([]string, bool){bigLine}
	}
	return nil
}

// bigPart is one part of a line drawn in block letters, as drawn.
type bigPart struct {
	rows  []string
	width int
}

// bigParts draws parts side by side in block letters, a wide gap between
// them, in at most w cells; each row comes back as its parts, each padded
// to its width, so that paintParts can colour them apart. ok is false
// when they do not fit or a character has no glyph.
func bigParts(parts []string, draw func(string) ([]string, bool), w int) (rows [][]string, ok bool) {
	drawn := make([]bigPart, len(parts))
	total, height := 0, 0
	for i, p := range parts {
		r, ok := draw(p)
		if !ok {
			return nil, false
		}
		pw := 0
		for _, row := range r {
			pw = max(pw, ansi.StringWidth(row))
		}
		drawn[i] = bigPart{r, pw}
		total += pw
		height = max(height, len(r))
	}
	gap := roomBigGap
	total += gap * (len(parts) - 1)
	if total > w {
		return nil, false
	}
	rows = make([][]string, height)
	for y := range height {
		for i, d := range drawn {
			cell := ""
			if y < len(d.rows) {
				cell = d.rows[y]
			}
			if i > 0 {
				cell = spaces(gap) + padRight(cell, d.width)
			} else {
				cell = padRight(cell, d.width)
			}
			rows[y] = append(rows[y], cell)
		}
	}
	return rows, true
}

// roomBigGap is the space between the parts of the big spread, so that
// each level's count stays with its shape from the back of the room.
const roomBigGap = 8

// paintParts joins one row's parts, each in its style (the gap before a
// part is left unpainted).
func paintParts(parts []string, styles []lipgloss.Style) string {
	var b strings.Builder
	for i, p := range parts {
		lead := len(p) - len(strings.TrimLeft(p, " "))
		if i == 0 {
			lead = 0
		}
		b.WriteString(p[:lead])
		b.WriteString(styles[i].Render(strings.TrimRight(p[lead:], " ")))
		b.WriteString(p[len(strings.TrimRight(p, " ")):])
	}
	return strings.TrimRight(b.String(), " ")
}

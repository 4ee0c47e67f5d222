package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
	roomsrv "github.com/socialmobility/ladder/room"
)

// The room on the board: each tile (or line of the list) shows the spread
// of the room's votes on its item where there is room for it, each level's
// shape and count in its colour ("■1 ▲5 ●2"), with "split" where the votes
// went from one end of the scale to the other; the votes kept in the plan
// (the final round, agreed), or, on the item the room is voting on now,
// how many have voted and, once revealed, the spread: a reveal done from
// the board (v) shows on the board; on an item the facilitator left with
// a spread revealed, that spread, which the room keeps to agree on coming
// back. Where the spread does not fit, "split" alone says where the room
// disagreed.

// boardRoomKey is what the board shows of the room's vote now: when it
// changes, the rows of the items it was and is about are drawn again.
type boardRoomKey struct {
	itemID        string
	phase         roomsrv.Phase
	voted, joined int
	round         int
}

// roomKey is the room's vote now, as the board shows it (zero when the
// room is not voting on an item).
func (s *boardScreen) roomKey() boardRoomKey {
	rs := s.c.room
	if !rs.on() {
		return boardRoomKey{}
	}
	st := rs.status
	if st.Phase != roomsrv.Voting && st.Phase != roomsrv.Revealed {
		return boardRoomKey{}
	}
	return boardRoomKey{itemID: st.ItemID, phase: st.Phase, voted: st.Voted, joined: st.Joined, round: st.Round}
}

// redrawRoomItem draws again the row of the item a room key is about.
func (s *boardScreen) redrawRoomItem(k boardRoomKey) {
	if k.itemID == "" {
		return
	}
	for pos, e := range s.entries {
		if e.Item.ID == k.itemID {
			s.redrawRow(pos)
			return
		}
	}
}

// boardVotes is what the board says of the room's votes on an item.
type boardVotes struct {
	spread string // "■1 ▲5 ●2 ?1", coloured; "" with no votes
	voting string // "5 of 8 voted", while the room votes on it
	short  string // "5/8 voted", where that does not fit
	split  bool   // the votes span the scale
	live   bool   // the room is voting on the item now, or has just revealed
}

// votesOn is what the board says of the room's votes on an item: the
// round revealed now, or the count while the room votes, or else the
// votes kept in the plan.
func (s *boardScreen) votesOn(st *styles, itemID string) boardVotes {
	c := s.c.checklist()
	var v *plans.Votes
	live := false
	if rs := s.c.room; rs.on() && rs.status.ItemID == itemID {
		switch rs.status.Phase {
		case roomsrv.Voting:
			short := st.Label.Render(fmt.Sprintf("%d/%d voted", rs.status.Voted, rs.status.Joined))
			return boardVotes{voting: st.Label.Render(votedText(rs.status)), short: short, live: true}
		case roomsrv.Revealed:
			v, live = rs.status.Votes, true
		}
	}
	if rs := s.c.room; v == nil && rs.on() {
		v = rs.status.LeftSpreads[itemID] // revealed, and the item left: the room's latest
	}
	if v == nil {
		if r := s.c.plan().Response(itemID); r != nil {
			v = r.Votes
		}
	}
	if v == nil || v.Total() == 0 {
		return boardVotes{}
	}
	parts := make([]string, 0, len(c.Scale)+1)
	for i, l := range c.Scale {
		parts = append(parts, st.levelStyle(i, len(c.Scale)).Render(plans.MarkAt(i, len(c.Scale))+strconv.Itoa(v.Count(l.Key))))
	}
	if v.Unsure > 0 {
		parts = append(parts, st.Subtle.Render(fmt.Sprintf("?%d", v.Unsure)))
	}
	return boardVotes{spread: strings.Join(parts, " "), split: v.Disagree(c), live: live}
}

// tileRight is the right of a tile's first line, in at most w cells: the
// room's votes and then the item's number, the votes shortened ("split"
// alone, then nothing) until they fit.
func (v boardVotes) tileRight(st *styles, num string, w int) string {
	split := ""
	if v.split {
		split = st.Warning.Render("split") + " "
	}
	var tries []string
	switch {
	case v.voting != "":
		tries = []string{v.voting + "  " + num, v.short + "  " + num}
	case v.spread != "":
		tries = []string{split + v.spread + "  " + num, v.spread + "  " + num}
	}
	tries = append(tries, split+num, num)
	for _, t := range tries {
		if ansi.StringWidth(t) <= w {
			return t
		}
	}
	return num
}

// listRight is the room's votes at the right of a list line, in at most w
// cells ("" when they do not fit: the line then marks "split" before the
// title).
func (v boardVotes) listRight(st *styles, w int) string {
	var tries []string
	switch {
	case v.voting != "":
		tries = []string{v.voting, v.short}
	case v.split && v.live:
		tries = []string{st.Warning.Render("split") + " " + v.spread, v.spread}
	case v.split:
		tries = []string{st.Warning.Render("split") + " " + v.spread}
	case v.spread != "":
		tries = []string{v.spread}
	}
	for _, t := range tries {
		if ansi.StringWidth(t) <= w {
			return t
		}
	}
	return ""
}

// roomPanel is, in presenter mode, the room's vote on the item it is
// voting on now, under the tiles, as big as the spare lines allow (as on
// the item screen: present_room.go): how many have voted, then the
// spread revealed, in block letters, and its words; nil when the room is
// not voting on an item or there is no room for it.
func (s *boardScreen) roomPanel(w, spare int) []string {
	rs := s.c.room
	if !s.c.present || !rs.on() {
		return nil
	}
	st := rs.status
	if st.Phase != roomsrv.Voting && !(st.Phase == roomsrv.Revealed && st.Votes != nil) {
		return nil
	}
	name := ""
	for _, e := range s.entries {
		if e.Item.ID == st.ItemID {
			name = e.Item.ShortTitle()
		}
	}
	head := s.c.styles.Heading.Render(ansi.Truncate("THE ROOM ON "+strings.ToUpper(name), w, "…"))
	for _, draws := range [][]func(string) ([]string, bool){{bigDouble}, {bigLine}, nil} {
		lines := s.c.roomPanel(st, draws, w)
		if 2+len(lines) <= spare {
			return append([]string{"", head}, lines...)
		}
	}
	return nil
}

// roomPanelFitsAt reports whether the board, its body h lines tall, has
// the spare lines for the room's panel under its tiles, with given lines
// of its footer given to a line the strip says until the next key (view
// leaves the footer out for it, and the panel keeps its place).
func (s *boardScreen) roomPanelFitsAt(h, given int) bool {
	if s.c.session == nil || len(s.entries) == 0 {
		return false
	}
	w := s.c.width
	h += min(given, len(s.footer(w)))
	spare := h - len(s.footer(w)) - s.boardHeight(s.layoutAt(w, h), len(s.heading(w)), w)
	return s.roomPanel(w, spare) != nil
}

// saysNothing is a copy of the room's session with nothing said until
// the next key: the strip as it is between keys.
func (rs *roomSession) saysNothing() *roomSession {
	settled := *rs
	settled.quitAsked, settled.nothingToReveal, settled.enterHeld, settled.rateHeld, settled.kept = false, false, false, "", nil
	settled.noticesSeen = rs.status.NoticeTotal
	return &settled
}

// boardGives is how many lines the board's footer (the item under the
// cursor named in full, the items flagged) may give the room's strip: the
// lines the strip takes beyond those it takes while the room votes, or
// beyond its own with nothing said until the next key, up to the
// footer's own; else 0. Those are the spread, the call to talk it
// through and what to agree, once a vote is revealed on the board, and
// the lines said until the next key (a phone's wrong PIN, the quit's
// warning). The board keeps the layout it had while the room voted, and
// leaves its footer out where the tiles, or the room's panel, no longer
// fit with it (boardScreen.view): laid out again for the strip's lines,
// at 80x24 its tiles went from two columns to three at the reveal, the
// moment the room looks at them, their titles cut to "Educate…" and four items alike as
// "Data: p…"; at 160x45 on the projector a wrong PIN cut every title.
func (a *app) boardGives() int {
	rs := a.c.room
	b, ok := a.screen(a.active).(*boardScreen)
	if !ok || a.active != screenBoard || !rs.on() || a.c.session == nil || len(b.entries) == 0 {
		return 0
	}
	now := countLines(a.roomStrip())
	// The strip as it is with nothing said until the next key, and as it
	// is while the room votes on the item, everyone who voted counted:
	// copies of the room's session, the app's own put back at once. After
	// a reveal that leaves the spread to the board's panel the strip is
	// shorter than while voting, and a line said then took the panel's
	// lines.
	quiet := rs.saysNothing()
	a.c.room = quiet
	give := now - countLines(a.roomStrip())
	voting := *quiet
	if st := &voting.status; st.Phase == roomsrv.Revealed && st.Votes != nil {
		st.Phase, st.Voted, st.Agreed = roomsrv.Voting, max(st.Votes.Total(), 1), ""
	}
	a.c.room = &voting
	give = max(give, now-countLines(a.roomStrip()))
	a.c.room = rs
	if give <= 0 {
		return 0 // nothing to give: the footer is not drawn to measure it
	}
	return min(give, len(b.footer(a.c.width)))
}

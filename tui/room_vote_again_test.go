package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
	roomsrv "github.com/socialmobility/ladder/room"
)

// TestVAfterARevealCanBeTakenBack: V, pressed after the reveal (for v,
// with the shift key down; or before the room had talked it through),
// threw the spread away: every phone asked for a vote again, and the
// only way back to the room's view was twenty people voting again. While
// nobody has voted in the new round, the strip offers V back to the last
// round's votes, which brings the spread back on the screen and on every
// phone, enter agreeing its most common rating and the plan keeping its
// counts (after an agreement, the agreement comes back too). Once a
// phone votes in the new round, V does not go back.
func TestVAfterARevealCanBeTakenBack(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.press("V")
	v := h.waitView("Room: 0 of 1 voted")
	if !strings.Contains(v, "V back to the last round's votes") {
		t.Fatalf("after V, the strip offers no way back:\n%s", v)
	}
	phone := h.phone()
	phone.join()
	if page := phone.page(); !strings.Contains(page, "Voting again") {
		t.Fatalf("after V, a phone shows:\n%s", page)
	}

	h.press("V")
	h.waitView("enter agree ▲ Amber (most common)")
	now := h.a.c.room.room.Status()
	if now.Phase != roomsrv.Revealed || now.Votes.Total() != 1 || now.Votes.Count("amber") != 1 {
		t.Fatalf("V back: the room is %+v", now)
	}
	if page := phone.page(); !strings.Contains(page, "The room's votes") || strings.Contains(page, "Voting again") {
		t.Errorf("V back: a phone shows:\n%s", page)
	}
	h.agreeAmber()
	p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
	if got := p.Response(st.ItemID).Votes; got.Count("amber") != 1 || got.Total() != 1 {
		t.Errorf("the plan keeps %+v", got)
	}

	// V after the room agreed, taken back: the agreement comes back too.
	h.voteAgain()
	h.press("V")
	h.waitView("Agreed ▲ Amber")
	if now := h.a.c.room.room.Status(); now.Phase != roomsrv.Revealed || now.Agreed != "amber" || now.Votes.Total() != 1 {
		t.Fatalf("V back after an agreement: the room is %+v", now)
	}
	if page := phone.page(); !strings.Contains(page, "Agreed: ") {
		t.Errorf("V back after an agreement: a phone shows:\n%s", page)
	}

	// A new round that someone has voted in: V does not go back.
	h.voteAgain()
	st = h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "red")
	v = h.waitView("Room: 1 of 2 voted")
	if strings.Contains(v, "back to the last round") {
		t.Errorf("a vote is in, and the strip still offers the last round:\n%s", v)
	}
	h.press("V")
	if now := h.a.c.room.room.Status(); now.Phase != roomsrv.Voting || now.Voted != 1 {
		t.Errorf("V with a vote in the new round: the room is %+v", now)
	}
}

package tui

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestRatingALeftSpreadFromTheOverviewAgreesIt: a spread revealed on
// item 1 and no rating agreed, n, then the item rated from the overview
// (o, the item's row, a): the rating went into the plan without the
// room's counts, and q still held the spread as "no rating agreed yet".
// Rated where the room saw its spread, the item is agreed on it, as on
// its own screen: the plan keeps the counts beside the rating, and a quit
// loses nothing, and back at the item the phones show the spread agreed.
func TestRatingALeftSpreadFromTheOverviewAgreesIt(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.press("n")
	h.waitView("Room: 0 of 1 voted")
	h.press("o")
	h.waitView("Overview")
	h.press("up", "a")
	p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	if r := p.Response(st.ItemID); r.Votes == nil || r.Votes.Count("amber") != 1 || r.Votes.Total() != 1 {
		t.Errorf("item 1 rated from the overview keeps %+v, want the room's spread", r.Votes)
	}
	h.press("esc", "p")
	h.waitView("Agreed ▲ Amber")
	if now := h.a.c.room.room.Status(); now.ItemID != st.ItemID || now.Agreed != "amber" || now.Votes.Count("amber") != 1 {
		t.Errorf("back at item 1, the room shows %+v, want its spread agreed Amber", now)
	}
	h.press("q")
	if !h.a.quitting {
		t.Errorf("q held a spread the plan keeps:\n%s", h.view())
	}
}

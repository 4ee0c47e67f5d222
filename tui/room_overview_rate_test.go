package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// On the overview r/a/g rate the item under the cursor: with the room
// voting on it, the facilitator's level went on the projector before the
// reveal, which the item screen's held rating keys stop. The overview
// holds them alike: the first press says to reveal first, the same key
// again rates.
func TestTheOverviewHoldsARatingWhileTheRoomVotes(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("o")
	h.waitView("Overview")
	h.press("a")
	requireHeld(t, h, st.ItemID, "a")
	h.pressAfterAPause("a")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
}

// A rating key for the level the item already has changes nothing, so it
// is never held (holdRateForRoom): rated Amber during the vote (a twice),
// a third a says nothing of revealing first.
func TestTheLevelAnItemHasIsNotHeldWhileTheRoomVotes(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("a")
	h.pressAfterAPause("a")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	h.press("a")
	if v := h.view(); strings.Contains(v, "again rates now") {
		t.Errorf("a on an item rated Amber is held while the room votes:\n%s", v)
	}
}

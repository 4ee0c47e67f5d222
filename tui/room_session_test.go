package tui

import (
	"testing"
	"time"
)

// TestTheSessionStartsAtTheRoomsFirstVote: with the room on, a 90-minute
// session's clock waited for the first rating, which comes only after the
// room has voted, revealed and talked the first item through: the ten
// minutes the room spent on it were not counted ("session 1:30:00 ·
// starts at the first rating" with the first item's time box long up),
// so the pace said on time when it was not, and the end came ten minutes
// late. The first vote from a phone starts the session, as a rating does;
// the time people spend joining still does not count.
func TestTheSessionStartsAtTheRoomsFirstVote(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 100, 30)
	h.waitView("Vote from your phone")
	clock := &testClock{}
	h.a.c.now = clock.now
	h.a.c.timer = timebox{limit: 5 * time.Minute, session: 90 * time.Minute}
	clock.advance(10 * 60) // people joining
	h.press("esc")
	h.waitView("starts at the first vote")
	phone := h.phone()
	phone.join()
	st := h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "amber")
	h.waitView("1 of 1 voted")
	clock.advance(8 * 60) // the room talks it through
	h.press("v")
	h.waitView("session 1:22:00")
}

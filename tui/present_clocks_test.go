package tui

import (
	"testing"
	"time"
)

// TestPresenterItemKeepsItsTimeInANarrowWindow: on the item screen in
// presenter mode, a window too narrow for the session's clock in full
// (60 columns: a laptop's half screen beside the notes, or a big font)
// cut the line at the right, where the item's own countdown is ("… 5:00
// left" became "starts at the first rating ·…"), so the facilitator lost
// the one clock the time box is about. It shortens the session's clock
// first, as the laptop's item screen does.
func TestPresenterItemKeepsItsTimeInANarrowWindow(t *testing.T) {
	for _, started := range []bool{false, true} {
		h, _ := rvOpen(t, rvNewPlan(t), 60, 16)
		clock := &testClock{}
		h.a.c.now = clock.now
		h.a.c.timer = timebox{limit: 5 * time.Minute, session: 90 * time.Minute}
		if started {
			h.a.c.timer.startSession(clock.now())
		}
		h.a.c.timer.open(h.a.c.pos(), clock.now())
		h.press("P")
		h.requireView("session 1:30:00", "5:00 left")
		requireFits(t, h, 60, 16)
		// The item's advice, whose heading carries the clocks: they went
		// altogether when they did not fit beside "Advice".
		h.press("i")
		h.requireView("Advice", "session 1:30:00", "5:00 left")
		requireFits(t, h, 60, 16)
	}
}

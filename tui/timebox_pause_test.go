package tui

import (
	"testing"
	"time"
)

// TestASessionStartedWhilePausedKeepsItsLength: the clocks paused (t, a
// break with the time box running) and the first rating given during the
// break, the session came back from it with more time than it was given:
// 90 minutes showed as 1:35:00 when the rating came five minutes into the
// break. It starts where the clocks stopped, as the rest of a pause is not
// counted.
func TestASessionStartedWhilePausedKeepsItsLength(t *testing.T) {
	clock := &testClock{}
	tb := timebox{limit: 5 * time.Minute, session: 90 * time.Minute}
	tb.open(0, clock.now())
	tb.togglePause(clock.now())
	clock.advance(5 * 60)
	tb.startSession(clock.now())
	clock.advance(60)
	tb.togglePause(clock.now())
	if left := tb.sessionLeft(clock.now()); left != 90*time.Minute {
		t.Errorf("just after the break, the session has %v left, want all of its 1h30m0s", left)
	}
}

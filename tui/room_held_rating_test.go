package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// requireHeld fails the test if the item was rated while the room votes,
// or the strip does not say that the key held (want) rates when pressed
// again.
func requireHeld(t *testing.T, h *roomHarness, itemID, want string) {
	t.Helper()
	v := h.waitView("The room is voting: v reveals first, " + want + " again rates now")
	if r := h.a.c.plan().Response(itemID).Rating; r != "unrated" && r != "" {
		t.Fatalf("the item was rated %q while the room votes:\n%s", r, v)
	}
}

// A rating key held while the room votes (a) was forgotten by the next
// key only when the review took that key: a key taken by the "too small"
// screen or by the choice a plan changed on disk asks for kept it, and a
// later a rated at once, the facilitator's level on the projector before
// the reveal, though a key had come between. Any key but a again forgets
// it, wherever it goes.
func TestAKeyTakenElsewhereForgetsAHeldRating(t *testing.T) {
	t.Parallel()
	t.Run("too small", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("a")
		requireHeld(t, h, st.ItemID, "a")
		h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
		h.press("x") // taken by the "too small" screen
		h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
		if v := h.view(); strings.Contains(v, "again rates now") {
			t.Errorf("the strip still says a key again rates after another key:\n%s", v)
		}
		h.pressAfterAPause("a")
		requireHeld(t, h, st.ItemID, "a")
	})
	t.Run("plan changed on disk", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("a")
		requireHeld(t, h, st.ItemID, "a")
		// Another program writes the plan, and the review's next save (a
		// flag set while the room votes, not by a key) finds it changed.
		saveTheirs(t, h.path, func(p *plans.Plan) { p.Response(st.ItemID).Action = "Their action" })
		sn, _ := h.a.c.session.SetRevisit(st.ItemID, true)
		h.run(save(sn))
		// The choice's keys are R and C: the strip does not also say
		// that a again rates now, which sent the facilitator the wrong way.
		if v := h.waitView("save your plan as a copy beside it"); strings.Contains(v, "again rates now") {
			t.Errorf("the conflict's choice is shown beside a held rating key's line:\n%s", v)
		}
		h.press("C") // taken by the choice: carry on in a copy
		h.waitView("your plan is now in")
		h.pressAfterAPause("a")
		requireHeld(t, h, st.ItemID, "a")
	})
}

// A rating key pressed again straight after, as no one does who read the
// strip, rates nothing: a key held down repeats itself (the terminal
// sends it again and again), and a word typed at the rating, "arrange",
// has its r twice, both rating at the second press. The key rates when
// pressed again after a pause, however long it was held, and a key
// pressed again at once keeps it held, the strip saying to wait.
func TestARatingKeyPressedAgainAtOnceRatesNothing(t *testing.T) {
	t.Parallel()
	t.Run("held down", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("a", "a", "a", "a", "a")
		requireHeld(t, h, st.ItemID, "wait a moment, then a")
		h.pressAfterAPause("a")
		waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	})
	t.Run("a word", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("a", "r", "r")
		requireHeld(t, h, st.ItemID, "wait a moment, then r")
	})
	t.Run("the overview", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("o")
		h.waitView("Overview")
		h.press("g", "g")
		requireHeld(t, h, st.ItemID, "wait a moment, then g")
	})
}

// A rating key pressed again too soon to rate left the strip as it was,
// "a again rates now", and a facilitator who pressed it twice quickly,
// meaning it, saw nothing happen and was told again to do what they had
// done. The strip says to wait a moment, until the key rates or another
// key is pressed.
func TestARatingKeyPressedAgainTooSoonSaysToWait(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("a")
	if v := h.waitView("a again rates now"); strings.Contains(v, "wait a moment") {
		t.Errorf("the first press says to wait:\n%s", v)
	}
	h.wait(heldRateAgainAfter / 2)
	h.press("a")
	requireHeld(t, h, st.ItemID, "wait a moment, then a")
	h.pressAfterAPause("a")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	if v := h.view(); strings.Contains(v, "wait a moment") {
		t.Errorf("the strip still says to wait after the rating:\n%s", v)
	}

	h.press("g", "g")
	h.waitView("wait a moment, then g again rates now")
	h.press("x") // any other key: said until the next key
	if v := h.view(); strings.Contains(v, "again rates now") {
		t.Errorf("the strip still says to wait after another key:\n%s", v)
	}
}

// The pause runs from the key's last press, not its first: a key held
// down for longer than the pause, repeating, rates nothing at any of its
// repeats.
func TestAHeldRatingKeysPauseRunsFromItsLastPress(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("a")
	for range 3 {
		h.wait(heldRateAgainAfter - time.Millisecond)
		h.press("a")
	}
	requireHeld(t, h, st.ItemID, "wait a moment, then a")
	h.wait(heldRateAgainAfter)
	h.press("a")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
}

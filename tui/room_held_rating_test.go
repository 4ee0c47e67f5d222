package tui

import (
	"strings"
	"testing"

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
		h.waitView("save your plan as a copy beside it")
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
// pressed again at once keeps it held.
func TestARatingKeyPressedAgainAtOnceRatesNothing(t *testing.T) {
	t.Parallel()
	t.Run("held down", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("a", "a", "a", "a", "a")
		requireHeld(t, h, st.ItemID, "a")
		h.pressAfterAPause("a")
		waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	})
	t.Run("a word", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("a", "r", "r")
		requireHeld(t, h, st.ItemID, "r")
	})
	t.Run("the overview", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "green")
		h.press("o")
		h.waitView("Overview")
		h.press("g", "g")
		requireHeld(t, h, st.ItemID, "g")
	})
}

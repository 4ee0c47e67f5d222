package tui

import (
	"strings"
	"testing"
)

// TestVTakenBackAfterARatingShowsTheRating: the room agreed Amber, V
// opened a vote again, the facilitator rated Green (g twice while the
// room votes), then took the V back. The projector
// showed ✓ Green on the rating and "Agreed ▲ Amber" under it, and the
// phones said "Agreed: Amber". The rating given is the one agreed.
func TestVTakenBackAfterARatingShowsTheRating(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.agreeAmber()
	phone := h.phone()
	phone.join()
	h.voteAgain()
	h.press("g")
	h.pressAfterAPause("g")
	h.waitView("V back to the last round's votes")
	h.press("V")
	v := h.waitView("Votes: ")
	if r := h.a.c.session.Plan().Response(st.ItemID); r.Rating != "green" {
		t.Fatalf("the plan rates %q", r.Rating)
	}
	if !strings.Contains(v, "Agreed ● Green") {
		t.Errorf("rated Green, V taken back: the screen shows\n%s", v)
	}
	if page := phone.page(); !strings.Contains(page, `data-announce="Agreed: Green"`) {
		t.Errorf("rated Green, V taken back: a phone shows:\n%s", page)
	}
}

// TestVTakenBackAfterTheRatingWasClearedAgreesNothing: the room agreed
// Amber, V opened a vote again, the facilitator cleared the rating (x),
// then took the V back. The projector said "Agreed ▲ Amber" beside an
// unrated item, and the phones "Agreed: Amber", where moving on or q in
// the same state (room.KeepLastRound) leaves the spread to agree again,
// as x does on a spread agreed (room.Recall).
func TestVTakenBackAfterTheRatingWasClearedAgreesNothing(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.agreeAmber()
	phone := h.phone()
	phone.join()
	h.voteAgain()
	h.press("x")
	h.waitView("V back to the last round's votes")
	h.press("V")
	v := h.waitView("Votes: ")
	if r := h.a.c.session.Plan().Response(st.ItemID); r.Rating != "unrated" {
		t.Fatalf("the plan rates %q", r.Rating)
	}
	if strings.Contains(v, "Agreed") || !strings.Contains(v, "enter agree ▲ Amber (most common)") {
		t.Errorf("rating cleared, V taken back: the screen shows\n%s", v)
	}
	if page := phone.page(); strings.Contains(page, `data-announce="Agreed`) {
		t.Errorf("rating cleared, V taken back: a phone shows:\n%s", page)
	}
}

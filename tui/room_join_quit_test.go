package tui

import (
	"strings"
	"testing"
)

// TestQOnTheJoinScreenWithPhonesInAsksFirst: the join screen (w, for
// someone late) is shown over the review like a pop-up, and q, which
// closes such a thing in many programs, quit ladder at once: every phone
// sent home, and a new PIN for the whole room to type on the way back in.
// With phones in the room the first q there says what it would end and a
// second quits; esc goes back to the review. With votes open, q there held
// the quit as elsewhere but said nothing (the join screen has no room
// line), so the second q lost the votes without a word: it says so too.
func TestQOnTheJoinScreenWithPhonesInAsksFirst(t *testing.T) {
	t.Parallel()
	h, _ := startRoomWithAPhone(t)
	h.press("w")
	h.waitView("1 phone in the room")
	h.press("q")
	if h.a.quitting {
		t.Fatal("q on the join screen with a phone in the room quit without a word")
	}
	if v := textBesideTheCode(h.view()); !strings.Contains(v, "1 phone in the room ⚠ q again quits and sends the phone home (a new PIN to join again)") {
		t.Errorf("the first q does not say what a second would do:\n%s", h.view())
	}
	h.press("esc")
	if v := h.view(); strings.Contains(v, "Vote from your phone") || strings.Contains(v, "q again") {
		t.Errorf("esc did not go back to the review, or the warning stayed:\n%s", v)
	}

	h2, _ := startRoomWithOneVote(t, "amber")
	h2.press("w")
	h2.waitView("Vote from your phone")
	h2.press("q")
	if h2.a.quitting {
		t.Fatal("q on the join screen with a vote open quit without a word")
	}
	if v := textBesideTheCode(h2.view()); !strings.Contains(v, "1 vote not revealed yet: q again quits and loses it") {
		t.Errorf("the first q does not say the vote would be lost:\n%s", h2.view())
	}
	h2.press("q")
	if !h2.a.quitting {
		t.Fatal("the second q did not quit")
	}
}

// textBesideTheCode is the join screen's words as one line: the QR code's
// blocks taken out, the lines beside it joined.
func textBesideTheCode(v string) string {
	v = strings.Map(func(r rune) rune {
		if strings.ContainsRune("█▀▄", r) {
			return -1
		}
		return r
	}, v)
	return strings.Join(strings.Fields(v), " ")
}

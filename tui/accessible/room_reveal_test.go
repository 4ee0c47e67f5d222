package accessible

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/room/roomtest"
)

// TestRevealBeforeAnyoneVotedRevealsNothing: reveal typed before any
// phone had voted (the room still finding the page) showed "Votes: Red
// 0, Amber 0, Green 0, not sure 0." and closed the vote: every phone's
// buttons went, for a spread of noughts, and only revote brought them
// back. The screens' v refuses there and says why; so does reveal now,
// and the phones go on voting.
func TestRevealBeforeAnyoneVotedRevealsNothing(t *testing.T) {
	path := newPlanFile(t, nil)
	rr := startRoomReview(t, path, nil)
	rr.waitFor("Rating: ")
	p := roomtest.Joined(t, rr.url, roomPIN)
	defer p.Close()
	rr.answer("reveal")
	said := rr.waitFor("Rating: ")
	saysAll(t, "reveal with no votes", said, "Nobody has voted yet, so there is nothing to reveal: phones can still vote. Type votes to hear how many have.\n")
	if strings.Contains(said, "Votes: ") {
		t.Errorf("reveal with no votes said a spread:\n%s", said)
	}
	if _, page := p.Get("/"); !strings.Contains(page, "You have not voted yet.") {
		t.Fatalf("reveal with no votes: a phone shows:\n%s", page)
	}
	p.Vote("amber")
	rr.answer("reveal")
	said = rr.waitFor("Rating: ")
	saysAll(t, "reveal with a vote", said, "Votes: Red 0, Amber 1, Green 0, not sure 0.\n")
	rr.answer("") // agrees Amber
	rr.waitFor("Rated Amber.")
	rr.quits()
}

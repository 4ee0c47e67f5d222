package room

import (
	"strings"
	"testing"
)

// TestAPhoneSaysTheRoomIsVotingAgain: after the reveal and a discussion,
// the facilitator opens the vote again (V). Every phone went back to the
// buttons and "You have not voted yet." on the same item, as if nothing
// had happened: a person who had voted, looking down at their phone,
// took their vote as lost, and one who had stepped out did not know the
// room was voting a second time. The page says now that the room is
// voting again after the discussion, and a screen reader hears "Vote
// again"; it says so through the round, and on coming back to it, and
// not on the next item's first vote.
func TestAPhoneSaysTheRoomIsVotingAgain(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	again := "Voting again after the discussion: the last round's votes are set aside."
	r.Vote("lc-vision")
	if _, body := p.Get("/"); votingAgain(body) {
		t.Fatalf("the first vote on an item says:\n%s", body)
	}
	p.mustVote("lc-vision", r.Status().Round, "red")
	r.Reveal()
	r.Revote()
	_, body := p.Get("/")
	if !strings.Contains(body, again) || !strings.Contains(body, "You have not voted yet.") || !strings.Contains(body, `data-announce="Vote again on Leadership &amp; Culture`) {
		t.Errorf("the vote opened again; the phone's page:\n%s", body)
	}
	p.mustVote("lc-vision", r.Status().Round, "amber")
	if _, body := p.Get("/"); !strings.Contains(body, again) || !strings.Contains(body, "Your vote is in") {
		t.Errorf("voted in the second round; the phone's page:\n%s", body)
	}

	r.Vote("lc-leadership") // on, and back to the round left open
	if _, body := p.Get("/"); votingAgain(body) {
		t.Errorf("the next item's first vote says:\n%s", body)
	}
	r.Vote("lc-vision")
	if _, body := p.Get("/"); !strings.Contains(body, again) || !strings.Contains(body, "Your vote is in") {
		t.Errorf("back at the second round left open; the phone's page:\n%s", body)
	}
}

// votingAgain says whether a page says the room is voting again.
func votingAgain(body string) bool {
	return strings.Contains(body, "Voting again") || strings.Contains(body, "Vote again")
}

// TestBackToTheLastRoundKeepsEachPhonesVote: V taken back (BackToLastRound)
// shows the spread again, and each phone its own vote in it, as before
// the V: "You voted ■ Red." had gone with the new round.
func TestBackToTheLastRoundKeepsEachPhonesVote(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	r.Vote("lc-vision")
	p.mustVote("lc-vision", r.Status().Round, "red")
	r.Reveal()
	r.Revote()
	if st := r.Status(); st.LastRound.Total() != 1 {
		t.Fatalf("after V, the room keeps %+v", st.LastRound)
	}
	votes, ok := r.BackToLastRound()
	if !ok || votes.Count("red") != 1 {
		t.Fatalf("back to the last round: %+v, %v", votes, ok)
	}
	if _, body := p.Get("/"); !strings.Contains(body, "You voted") || votingAgain(body) {
		t.Errorf("back to the last round; the phone's page:\n%s", body)
	}
	if _, ok := r.BackToLastRound(); ok {
		t.Error("went back to the last round twice")
	}
}

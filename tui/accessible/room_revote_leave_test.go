package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestMovingOnAfterRevoteKeepsTheLastRound: the room agreed Green on
// item 1; back at it, revote, then Red typed before anyone voted in the
// new round, and on to the next item. The room keeps the round set aside
// as the item's result beside the rating given (room.KeepLastRound, as
// on the screens), but the prompts said nothing, and the counts beside
// Red waited in memory for a later save. It is said now, and the plan on
// disk has Red with the spread the room last saw.
func TestMovingOnAfterRevoteKeepsTheLastRound(t *testing.T) {
	path := newPlanFile(t, nil)
	rr := startRoomReview(t, path, nil)
	rr.revealRedGreenGreen()
	rr.answer("") // Enter agrees Green
	for range 4 { // action, owner, due, notes
		rr.waitFor(": ")
		rr.answer("")
	}
	rr.waitFor("Rating: ")
	rr.answer("back")
	rr.waitFor("Type revote to vote on it again.")
	rr.answer("revote")
	rr.waitFor("Rating: ")
	rr.answer("red")
	for range 4 {
		rr.waitFor(": ")
		rr.answer("")
	}
	said := rr.waitFor("Rating: ")
	saysAll(t, "moving on", said,
		"Nobody voted again on item 1: it keeps the last round's votes (Red 1, Amber 0, Green 2, not sure 0), agreed Red.\n")
	want := &plans.Votes{Levels: map[string]int{"red": 1, "green": 2}}
	if r := onDiskPlan(t, path).Response("lc-vision"); r.Rating != "red" || !r.Votes.Equal(want) {
		t.Errorf("on disk: rating %q, votes %+v; want red with %+v", r.Rating, r.Votes, want)
	}
	rr.quits()
}

// TestQuitAfterRevoteKeepsTheLastRound: a spread revealed and not agreed,
// revote, then quit before anyone voted in the new round. The screens'
// first q brings the round set aside back and says so; the prompts quit
// at once, the spread gone unsaid (quit saw no votes open). Now the
// round is back, said, and quit asks again for the spread it would lose.
func TestQuitAfterRevoteKeepsTheLastRound(t *testing.T) {
	rr := startRoomReview(t, newPlanFile(t, nil), nil)
	rr.revealRedGreenGreen()
	rr.answer("revote")
	rr.waitFor("Rating: ")
	rr.answer("quit")
	said := rr.waitFor("Rating: ")
	saysAll(t, "quit after revote", said,
		"Nobody voted again on item 1: it keeps the last round's votes (Red 1, Amber 0, Green 2, not sure 0), no rating agreed yet.\n",
		"The votes are revealed and no rating is agreed yet: quitting now loses the spread. Type quit again")
	rr.quits()
}

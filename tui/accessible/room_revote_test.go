package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestRevoteCanBeTakenBack: revote, typed for reveal or before the room
// had talked the spread through, threw it away, as V did on the screens:
// every phone asked for a vote again. Said now with the spread it sets
// aside, and until someone votes in the new round, revote again goes back
// to it, as V does on the screens; Enter then agrees its most common
// vote, and the plan keeps its counts.
func TestRevoteCanBeTakenBack(t *testing.T) {
	path := newPlanFile(t, nil)
	rr := startRoomReview(t, path, nil)
	rr.revealRedGreenGreen()
	rr.answer("revote")
	said := rr.waitFor("Rating: ")
	saysAll(t, "revote", said,
		"Voting again: the last round's votes (Red 1, Amber 0, Green 2, not sure 0) are set aside, and phones can vote now. Until someone votes, type revote again to go back to them.\n")
	rr.answer("revote")
	said = rr.waitFor("Rating: ")
	saysAll(t, "revote again", said,
		"Back to the last round's votes: Red 1, Amber 0, Green 2, not sure 0.\n",
		"press Enter to agree Green, the most common vote")
	rr.answer("")
	// The rating is saved before "Rated Green." and the room's counts in a
	// second save after it: read the file once the second is said.
	rr.waitFor("Rated Green.\nThe room's votes are kept in the plan beside the rating.\n")
	want := &plans.Votes{Levels: map[string]int{"red": 1, "green": 2}}
	if r := onDiskPlan(t, path).Response("lc-vision"); r.Rating != "green" || !r.Votes.Equal(want) {
		t.Errorf("on disk: rating %q, votes %+v; want green with %+v", r.Rating, r.Votes, want)
	}
	rr.quits()
}

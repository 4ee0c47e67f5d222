package accessible

import "testing"

// TestQuitNamesTheItemsMovedOnFrom: votes left on an item moved on from
// were "the votes on an item you moved on from", and quit said "go back
// to it and agree a rating first": a listener could not tell which item
// to go back to. They are named by their number, as item N takes them;
// an item rated without them is said to be rated.
func TestQuitNamesTheItemsMovedOnFrom(t *testing.T) {
	rr := startRoomReview(t, newPlanFile(t, nil), nil)
	rr.revealRedGreenGreen()
	rr.answer("item 3")
	rr.waitFor("Rating: ")
	rr.answer("quit")
	said := rr.waitFor("Rating: ")
	saysAll(t, "quit at item 3", said,
		"The votes on item 1, no rating agreed yet: quitting now loses them. Type quit again to quit all the same, or go back to it and agree a rating first.")
	rr.phonesVote("amber")
	rr.answer("a") // rated while the room votes, nothing revealed
	rr.waitFor(": ")
	rr.answer("item 4")
	rr.waitFor("Rating: ")
	rr.answer("quit")
	said = rr.waitFor("Rating: ")
	saysAll(t, "quit at item 4", said,
		"The votes on item 1, no rating agreed yet, and the votes on item 3, rated Amber without them: quitting now loses them.")
	rr.quits()
}

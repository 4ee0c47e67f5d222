package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// TestTheRoomNamesItemsAsTheScreensNumberThem: the screens and the board
// number items within their area ("Workforce · item 2 of 2"), but the
// room's lines counted through the whole checklist: votes left on
// Workforce's second item were "the votes on item 6", and the board's
// item 6 is another recommendation, in Enablers. An item in another area
// than the one on screen is named with its area; one in the area on
// screen (its end, here) by its number alone.
func TestTheRoomNamesItemsAsTheScreensNumberThem(t *testing.T) {
	t.Parallel()
	h, phone := startRoomWithAPhone(t)
	h.a.c.goToPlace(review.Item(5)) // Workforce, item 2 of 2
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.waitView("item 2 of 2")
	st := h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "amber")
	h.waitView("1 of 1 voted")
	h.revealAmber()
	h.voteAgain()
	h.press("n")
	h.waitView("Workforce: done")
	requireWords(t, h.view(), "Nobody voted again on item 2: it keeps the last round's votes")
	h.press("enter")
	h.waitView("Enablers")
	h.press("q")
	requireWords(t, h.view(), "⚠ The votes on Workforce item 2, no rating agreed yet: q again quits and loses them")
}

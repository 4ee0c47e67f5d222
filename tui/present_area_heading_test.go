package tui

import (
	"strings"
	"testing"
	"time"
)

// TestAnItemInPresenterModeIsNotHeadedByACutArea: a Building Blocks
// review projected at 60x16 with the room and the clocks on was headed by
// its area's sentence cut mid-word, "CREATE A COMPELLING, SHARED VISION OF
// SOCIO-ECONOMI…", the one line of heading the window had room for beside
// the clocks and the room. Where the area's name would be cut, the item is
// headed by the area's short title ("V I S I O N"), as the area's summary
// is; where the name fits whole it is unchanged.
func TestAnItemInPresenterModeIsNotHeadedByACutArea(t *testing.T) {
	t.Parallel()
	_, p := rvPlanOf(t, "smc-building-blocks")
	h := startRoomHarnessOn(t, 60, 16, p, Options{Present: true}, "Phones join at 127.0.0.1, as --listen asked.")
	h.waitView("Vote from your phone")
	h.a.c.now = (&testClock{}).now
	h.a.c.timer = timebox{limit: 5 * time.Minute, session: 90 * time.Minute}
	h.press("esc")
	v := h.waitView("session 1:30:00")
	head, _, _ := strings.Cut(v, "item 1 of 8")
	if strings.Contains(head, "…") || !strings.Contains(head, "V I S I O N") {
		t.Errorf("the item is not headed by its area's short title:\n%s", v)
	}
	// A revealed spread leaves two lines for the name: it is given whole.
	phone := h.phone()
	phone.join()
	st := h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "amber")
	h.waitView("1 of 1 voted")
	h.press("v")
	v = h.waitView("enter agree")
	if !strings.Contains(v, "CREATE A COMPELLING, SHARED VISION OF SOCIO-ECONOMIC") || !strings.Contains(v, "DIVERSITY AND INCLUSION ACROSS YOUR BUSINESS") {
		t.Errorf("the area's name, with room for it whole, is not given whole:\n%s", v)
	}
}

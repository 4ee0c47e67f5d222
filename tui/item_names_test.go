package tui

import (
	"fmt"
	"strings"
	"testing"
)

// The screens number an item within its area ("Enablers  item 10 of
// 11", "Enablers 10" on the summary), and nowhere through the whole
// checklist; what ladder said of an item in its own words numbered it so:
// a due date not read, said as ladder ended, was "the due date of item
// 17", and the owner, looking for item 17 on the board, found none. The
// session's words and the project plan's now name it as the screens do.
func TestTheScreensNameAnItemAsTheyNumberIt(t *testing.T) {
	a, _ := fuApp(t, fuPlan(t), 80, 24)
	cl := a.c.checklist()
	it, ref, _ := cl.Item("en-policy-pathways")
	want := fmt.Sprintf("%s item %d", cl.Areas[ref.Area].Title, ref.Index+1)
	if ref.Index == ref.Seq {
		t.Fatalf("%s is item %d both ways: the test cannot tell them apart", it.ID, ref.Seq+1)
	}
	fuShow(t, a, screenItem, ref.Seq)
	fuPress(t, a, "tab", "tab", "tab")
	fuType(t, a, "next frday")
	fuPress(t, a, "tab", "tab") // warned, then left unsaved
	a.unreadNotice()
	if !strings.Contains(a.exitNotice, "the due date of "+want+" (") {
		t.Errorf("the date not read is not named as %q:\n%s", want, a.exitNotice)
	}

	// The project plan's step that follows an item's action.
	_, ref, _ = cl.Item("en-data-collect")
	a, _ = fuQuestion(t, 4)
	fuPress(t, a, "down", "down")
	fuContains(t, oneSpaced(fuView(a)), fmt.Sprintf("it follows %s item %d,", cl.Areas[ref.Area].Title, ref.Index+1))
}

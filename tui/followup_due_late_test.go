package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestAListsDueDateThatHasPassedIsShownLate: the whole list's due date,
// typed in the past (last year, where this year was meant), showed as any
// other, where an item's due date shows "⚠ 28 days late" beside it, at
// 80x24 and 60x16; and the whole plan's too, while a step is open.
func TestAListsDueDateThatHasPassedIsShownLate(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		p := fuGoldenPlan(t)
		p.Answer("quick-wins").Due = plans.Date{Year: 2027, Month: 2, Day: 1}
		p.Answer("project-plan").Due = plans.Date{Year: 2027, Month: 2, Day: 1}
		for _, q := range []int{1, 4} {
			a, _ := fuApp(t, p, size[0], size[1])
			fuShow(t, a, screenFollowUp, q)
			fuContains(t, oneSpaced(fuView(a)), "Mon 1 Feb 2027 ⚠ 28 days late")
		}
	}

	// Typed: said late once the field is left, as an item's date is.
	a, _ := fuApp(t, fuGoldenPlan(t), 80, 24)
	fuShow(t, a, screenFollowUp, 1)
	const label = "Due date for the whole list"
	for range 8 {
		if strings.Contains(fuView(a), "› "+label) {
			break
		}
		fuPress(t, a, "tab")
	}
	fuType(t, a, "2027-02-01")
	fuPress(t, a, "shift+tab")
	fuContains(t, oneSpaced(fuView(a)), "Mon 1 Feb 2027 ⚠ 28 days late")
}

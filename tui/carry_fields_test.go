package tui

import (
	"strconv"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// On a carried-on plan at 80x24, an item with many questions sums its
// fields up while it is rated: a long carried action must not push its
// due date's lateness and its status off the line, which say whether it
// still needs chasing.
func TestCarriedActionShowsLatenessAndStatusBeforeTab(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		// A folder of its own for each size: last year's plan, once
		// carried on, is carried on again only into the same review.
		dir, oldPath, prev := carryFolder(t)
		r := prev.Response("wf-interventions")
		r.Action = "Review the promotion criteria for every grade with the managers and write down what each one asks of a person who wants to move up"
		r.Owner, r.Status = "李雷", plans.StatusDoing
		r.Due = plans.Date{Year: 2026, Month: 7, Day: 1}
		writePlanFile(t, oldPath, prev)
		h := rvStart(t, Options{Dir: dir}, size[0], size[1])
		choosePlan(h, "Spring review 2026")
		h.press("c")
		h.typeText("Spring review " + strconv.Itoa(size[0]))
		h.press("ctrl+s")
		h.requireView("item 1 of 4")
		h.press("n", "n", "n", "n", "n", "n")
		h.requireView("Interventions", "Last review", "Action Review the promotion criteria",
			"Due Wed 1 Jul 2026  ⚠ 256 days late", "Status doing")
	}
}

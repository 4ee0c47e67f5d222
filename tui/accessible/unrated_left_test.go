package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestLeavingTheItemsSaysHowManyAreUnrated: "item 21" at the first
// item, its rating answered, took the listener on to the next steps with
// 20 items unrated, said only in the summary at the end. As the items
// are left, the listener hears how many are not rated and how to go
// back to the first of them, as the screens' last area summary shows.
func TestLeavingTheItemsSaysHowManyAreUnrated(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{"item 21", "3", "", "", "", "", // item 21, rated: on to the next steps
		"item 1", // at question 1's due date: back to the first not rated
		"quit"}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"End of Enablers: Red 0, Amber 0, Green 1, Unrated 14\n20 items are not rated yet: type item 1 to go back to the first of them.\n",
		"Due date: item 1\n\nArea: Leadership & Culture\nItem 1 of 4 in this area, 1 of 21 in all\n",
	)
}

// One item left unrated is said as one, and "item N" goes back to it.
func TestLeavingTheItemsSaysTheOneUnrated(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		allGreen(p)
		p.Response(p.Checklist.Items()[0].Item.ID).Rating = ""
	})
	answers := []string{"item 21", "3", "", "", "", "", "quit"}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "End of Enablers: Red 0, Amber 0, Green 15, Unrated 0\n1 item is not rated yet: type item 1 to go back to it.\n")
}

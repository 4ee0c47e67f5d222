package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// Quitting at the action of an item just rated Red said where the
// answers are and how to carry on, and nothing of the item left with no
// action, which the review then passes by (it resumes at the first item
// not rated). It says so in a line, as the screens do, with how to go
// back to it; quitting is not held up by a question.
func TestQuittingAtARatedItemWithNoActionSaysSo(t *testing.T) {
	path := newPlanFile(t, nil)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"r", "quit"}))
	checkOutput(t, out,
		"Stopped. Every answer given is saved in "+path+".\n"+
			"Item 1, A clear D&I vision, is rated Red with no action yet. Its rating is saved: when you carry on, type item 1 to write the action.\n"+
			"To carry on where you left off, run: ladder review --accessible ")

	path = newPlanFile(t, func(p *plans.Plan) {
		p.Response("lc-vision").Rating = "red"
		p.Response("en-data-collect").Rating = "amber"
	})
	out = runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"quit"}))
	checkOutput(t, out,
		"Stopped. Every answer given is saved in "+path+".\n"+
			"2 rated items have no action yet: items 1 (Red) and 7 (Amber). Their ratings are saved: when you carry on, type item and its number to write one, as in item 1.\n")
}

package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestOneLineChoicesSayTheirNumbers: asked in one line after the first
// time, the rating and the status named their choices by word alone
// ("Rate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g)"), where the same question in full, and
// every other choice, says its numbers: a listener who answers by number
// heard none to type. The one line says each choice's number, and what
// else it takes, as the full question does; the numbers work there.
func TestOneLineChoicesSayTheirNumbers(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{
		"1", "Write the vision", "Ana", "", "", "", // item 1: Red, in full
		"2", "Ask the team", "Ana", "", "2", "", // item 2: Amber, doing, by number in one line
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Rate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g), or press Enter to skip it and leave it unrated. Type a question mark (?) to hear the descriptions again.\nRating: 2\n",
		"How far has the action got? 1 for todo, 2 for doing or 3 for done; Enter keeps: todo. Type a question mark (?) to hear what they mean again.\nStatus: 2\n",
	)
	p := onDiskPlan(t, path)
	if r := p.Response("lc-leadership"); r.Rating != "amber" || r.Status != plans.StatusDoing {
		t.Errorf("item 2 on disk: %q, %q; want amber, doing", r.Rating, r.Status)
	}
}

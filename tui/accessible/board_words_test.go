package accessible

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestTheBoardSaysAnAreaNoneRatedOnce: board is a listener's map of the
// review, and at its start most of it is unrated. An area with nothing
// rated read "Red 0, Amber 0, Green 0, Unrated 15" and then "Unrated"
// before each of its fifteen items: some thirty words that carry nothing
// a listener has to sit through. Such an area says "none rated yet" once,
// and its items by their names; an area with a rating says its counts
// and each item's rating (Unrated too) as before.
func TestTheBoardSaysAnAreaNoneRatedOnce(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		p.Response("lc-vision").Rating = "amber"
		p.Response("en-data-collect").Revisit = true
	})
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"board", "quit"}))
	checkOutput(t, out,
		"Leadership & Culture, items 1 to 4: Red 0, Amber 1, Green 0, Unrated 3:\n1. Amber: A clear D&I vision\n2. Unrated: Leaders driving D&I\n",
		"Workforce, items 5 to 6: none rated yet:\n5. Business as usual\n6. Interventions\nEnablers, items 7 to 21: none rated yet:\n7. Socio-economic data (flagged to revisit)\n8. Training take-up data\n",
	)
	if n := strings.Count(out, "Unrated"); n != 4 {
		t.Errorf("Unrated is said %d times, want 4 (in item 1's area: its count, items 2 to 4):\n%s", n, out)
	}
}

package accessible

import (
	"strings"
	"testing"
)

// TestBackAtTheFirstItemAsksItsRatingAgain: back at the first item's
// rating said "This is the first item." and then read the whole item out
// again, its area, place, recommendation and questions (and last year's
// rating and the action carried on, a year on), where the listener had
// only to hear that there is nothing before it. The rating is asked
// again, in its one line, and nothing read twice.
func TestBackAtTheFirstItemAsksItsRatingAgain(t *testing.T) {
	path := newPlanFile(t, nil)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"back", "quit"}))
	checkOutput(t, out, "Rating: back\nThis is the first item: there is none before it.\nRate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g), or press Enter to skip it and leave it unrated. Type a question mark (?) to hear the descriptions again.\nRating: quit\n")
	if n := strings.Count(out, "Recommendation: "); n != 1 {
		t.Errorf("the item read out %d times, want once:\n%s", n, out)
	}
}

package accessible

import "testing"

// TestARatingKeptIsSaidKept: Enter at a rated item's rating keeps it, and
// was said "Rated Amber.", as if it had just been given: a listener
// going back over items to put an owner right heard each one rated
// again and wondered what had changed. Kept is said as kept.
func TestARatingKeptIsSaidKept(t *testing.T) {
	path := newPlanFile(t, nil)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{
		"a", "Write the vision", "", "", "", "", // item 1 rated Amber
		"item 1", "", "", "Ana", // Enter keeps Amber and the action
		"quit",
	}))
	checkOutput(t, out, "Rating: a\nRated Amber.\n", "Rating: \nKept Amber.\n")
}

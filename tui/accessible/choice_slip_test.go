package accessible

import (
	"testing"
)

// TestACommandMistypedAtAChoiceIsNamed: "qiut" at a rating was refused
// as "not one of the choices", with the choices said again and no word
// of quit, so a listener took it that quit does not work at a rating. A
// text question names the command a slip is close to; a choice does now
// too, with the choices.
func TestACommandMistypedAtAChoiceIsNamed(t *testing.T) {
	path := newPlanFile(t, nil)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"qiut", "quit"}))
	checkOutput(t, out, "Rating: qiut\n\"qiut\" is not one of the choices; it is close to the command quit: type quit for it. Type 1, 2 or 3 (or r, a or g), or press Enter to skip it and leave it unrated.\nRating: quit\n\nStopped.")
}

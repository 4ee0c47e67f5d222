package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestAStatusChosenIsSaidInWords: a rating typed as a digit is said back
// ("Rated Amber."), but a status typed as one was not: "Status: 2" and on
// to the notes, where once the choices were said in full the question
// says only "todo, doing or done", so 2 was never heard as doing. A status
// changed is said in its words now; one kept with Enter says nothing.
func TestAStatusChosenIsSaidInWords(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{
		"a", "Write the vision", "", "", "2", "", // item 1: doing
		"r", "Brief the board", "", "", "", "", // item 2: todo kept
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "Status: 2\nMarked doing.\nAnything else to note?",
		"Enter keeps: todo. Type a question mark (?) to hear what they mean again.\nStatus: \nAnything else to note?")
	if r := onDiskPlan(t, path).Response("lc-vision"); r.Status != plans.StatusDoing {
		t.Errorf("on disk: %+v", *r)
	}
}

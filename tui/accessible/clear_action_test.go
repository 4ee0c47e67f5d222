package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestClearingAnActionClearsItsStatus: a status is asked only of an
// action, so an action cleared with - (after back, or at item N) left its
// status behind unheard: the file said "status: doing" of no action, and
// the report read "Status: doing." under an item with nothing to do. The
// status goes back to todo with the action now, and the prompts say so;
// the owner and due date, asked next with what Enter keeps, are the
// listener's to keep or clear. The questions asked are the same, so
// piped answers are taken as before.
func TestClearingAnActionClearsItsStatus(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write the vision", "Ana", plans.StatusDoing
		r.Due = plans.Date{Year: 2027, Month: 3, Day: 31}
	})
	answers := []string{
		"item 1", // from item 2, where the review resumes
		"",       // rating kept
		"-",      // the action cleared
		"", "",   // owner and due date kept
		"",     // no notes (the status is not asked: no action)
		"quit", // at item 2's rating
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "Action: -\nAction cleared, and its status, doing, with it.\nWho will do it?")
	r := onDiskPlan(t, path).Response("lc-vision")
	if r.Action != "" || r.Status != plans.StatusTodo || r.Owner != "Ana" || r.Due.IsZero() {
		t.Errorf("on disk: %+v", *r)
	}
}

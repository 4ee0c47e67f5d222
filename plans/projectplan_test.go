package plans

import (
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// A step made from an item's action follows the item until the step is
// edited (issue 12.3).
func TestAStepFollowsItsItemUntilItIsEdited(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := New(c, "Acme", "Spring", Date{2027, 3, 1})
	r := p.Response("lc-vision")
	r.Action, r.Owner, r.Due = "Write the vision", "Ana", Date{2027, 4, 30}
	p.Response("lc-leadership").Action = "Brief the board"
	if n := p.AddActionSteps(); n != 2 {
		t.Fatalf("%d steps", n)
	}
	steps := func() []Step { return p.Answer(p.ProjectPlanID()).Steps }
	// Dated steps first: the vision, then the board.
	if !p.Follows(steps()[0]) {
		t.Fatal("a step just made from an action does not follow it")
	}
	if n := p.FollowItem("lc-vision", func(r *Response) { r.Action, r.Status = "Write the vision with the team", StatusDone }); n != 1 {
		t.Fatalf("%d steps followed the change", n)
	}
	if s := steps()[0]; s.Text != "Write the vision with the team" || s.Status != StatusDone || !p.Follows(s) {
		t.Fatalf("the step did not follow: %+v", s)
	}
	// The team edits the step: it is theirs now, and no longer follows.
	steps()[1].Text = "Brief the board in May"
	p.FollowItem("lc-leadership", func(r *Response) { r.Action = "Brief the board and staff" })
	if s := steps()[1]; s.Text != "Brief the board in May" || p.Follows(s) {
		t.Fatalf("an edited step was changed: %+v", s)
	}
}

package plans

import "testing"

// A review carried on, then edited by hand: one action dropped, one
// reworded, one done since; one step dropped and one reworded. The check
// counts each open action and step of last year once, and names the ones
// that did not come across.
func TestCompareCarried(t *testing.T) {
	prev := blankPlan()
	for id, action := range map[string]string{"lc-vision": "Write the vision", "lc-leadership": "Brief the board", "lc-culture": "Ask staff", "en-data-collect": "Count by grade"} {
		prev.Response(id).Action = action
	}
	prev.Response("lc-educate-leaders").Action, prev.Response("lc-educate-leaders").Status = "Train leaders", StatusDone
	pp := prev.Answer(prev.ProjectPlanID())
	pp.Steps = append(pp.Steps,
		Step{ID: 40, Text: "Book the room", Status: StatusTodo},
		Step{ID: 41, Text: "Order the cake", Status: StatusDoing},
		Step{ID: 42, Text: "Print the posters", Status: StatusTodo},
		Step{ID: 43, Text: "Send the invites", Status: StatusDone})

	next := blankPlan()
	if got := CarryOn(prev, next); got != (Carried{Actions: 4, Steps: 3}) {
		t.Fatalf("carried %+v", got)
	}
	if c := CompareCarried(prev, next); c.Actions != 4 || c.OpenActions != 4 || c.Steps != 3 || c.OpenSteps != 3 || len(c.Dropped)+len(c.Edited) != 0 {
		t.Fatalf("a plan as carried on: %+v", c)
	}

	next.Response("lc-leadership").Action = ""
	next.Response("lc-culture").Action = "Ask staff about background"
	next.Response("en-data-collect").Status = StatusDone
	steps := next.Answer(next.ProjectPlanID())
	steps.Steps = []Step{steps.Steps[1], steps.Steps[2]}
	steps.Steps[0].Text = "Order two cakes"

	c := CompareCarried(prev, next)
	if c.OpenActions != 4 || c.Actions != 3 || c.OpenSteps != 3 || c.Steps != 2 {
		t.Fatalf("counts %+v, want 3 of 4 actions and 2 of 3 steps", c)
	}
	if len(c.Dropped) != 2 || c.Dropped[0].Item == nil || c.Dropped[0].Item.ID != "lc-leadership" || c.Dropped[0].Text != "Brief the board" ||
		c.Dropped[1].Item != nil || c.Dropped[1].StepID != 40 || c.Dropped[1].Text != "Book the room" {
		t.Fatalf("dropped %+v", c.Dropped)
	}
	if len(c.Edited) != 2 || c.Edited[0].Item.ID != "lc-culture" || c.Edited[0].Now != "Ask staff about background" ||
		c.Edited[1].StepID != 41 || c.Edited[1].Now != "Order two cakes" {
		t.Fatalf("edited %+v", c.Edited)
	}
}

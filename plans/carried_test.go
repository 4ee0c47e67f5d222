package plans

import (
	"slices"
	"testing"
)

// lastYearsPlan has three actions open and one done, two steps open and
// one done.
func lastYearsPlan() *Plan {
	p := blankPlan()
	for id, action := range map[string]string{"lc-vision": "Write the vision", "lc-leadership": "Brief the board", "lc-culture": "Ask staff"} {
		p.Response(id).Action = action
	}
	p.Response("lc-educate-leaders").Action, p.Response("lc-educate-leaders").Status = "Train leaders", StatusDone
	pp := p.Answer(p.ProjectPlanID())
	pp.Steps = append(pp.Steps,
		Step{ID: 40, Text: "Book the room", Status: StatusTodo},
		Step{ID: 41, Text: "Order the cake", Status: StatusDoing},
		Step{ID: 43, Text: "Send the invites", Status: StatusDone})
	return p
}

// A review carried on, then edited by hand: one action dropped, one
// reworded, one done since; one step dropped and one reworded. The check
// counts each open action and step of last year once, and names the ones
// that did not come across.
func TestCompareCarried(t *testing.T) {
	prev := lastYearsPlan()
	prev.Response("en-data-collect").Action = "Count by grade"
	pp := prev.Answer(prev.ProjectPlanID())
	pp.Steps = slices.Insert(pp.Steps, 2, Step{ID: 42, Text: "Print the posters", Status: StatusTodo})

	next := blankPlan()
	if got := CarryOn(prev, next); got != (Carried{Actions: 4, Steps: 3}) {
		t.Fatalf("carried %+v", got)
	}
	if c := CompareCarried(prev, nil, next); c.Actions != 4 || c.OpenActions != 4 || c.Steps != 3 || c.OpenSteps != 3 || len(c.Dropped)+len(c.Edited) != 0 {
		t.Fatalf("a plan as carried on: %+v", c)
	}

	next.Response("lc-leadership").Action = ""
	next.Response("lc-culture").Action = "Ask staff about background"
	next.Response("en-data-collect").Status = StatusDone
	steps := next.Answer(next.ProjectPlanID())
	steps.Steps = []Step{steps.Steps[1], steps.Steps[2]}
	steps.Steps[0].Text = "Order two cakes"

	c := CompareCarried(prev, nil, next)
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

// The pull request that carries a plan on often closes last year's
// finished work first. Compared through that change (last year's plan
// before it, and as it leaves it), an action or step done in the change
// is neither carried on nor left behind: it is out of the open count and
// named as done, and flagged when next still has it open. One reopened or
// added in the change counts as open; one removed in the change still
// counts, and is named when it did not come across.
func TestCompareCarriedThroughTheChange(t *testing.T) {
	before := lastYearsPlan()

	// The change: the culture action and the cake done, the board's
	// action removed, the leaders' training and the invites reopened, and
	// a new action added; then the plan carried on.
	after := before.Clone()
	after.Response("lc-culture").Status = StatusDone
	after.Response("lc-leadership").Action = ""
	after.Response("lc-educate-leaders").Status = StatusDoing
	after.Response("en-data-collect").Action = "Count by grade"
	steps := after.Answer(after.ProjectPlanID()).Steps
	steps[1].Status, steps[2].Status = StatusDone, StatusTodo

	next := blankPlan()
	if got := CarryOn(after, next); got != (Carried{Actions: 3, Steps: 2}) {
		t.Fatalf("carried %+v", got)
	}
	c := CompareCarried(before, after, next)
	if c.OpenActions != 4 || c.Actions != 3 || c.OpenSteps != 2 || c.Steps != 2 {
		t.Fatalf("counts %+v, want 3 of 4 actions and 2 of 2 steps", c)
	}
	if len(c.Dropped) != 1 || c.Dropped[0].Item.ID != "lc-leadership" || c.Dropped[0].Text != "Brief the board" {
		t.Fatalf("dropped %+v", c.Dropped)
	}
	if len(c.Done) != 2 || c.Done[0].Item.ID != "lc-culture" || c.Done[0].Text != "Ask staff" || c.Done[0].Now != "" ||
		c.Done[1].Item != nil || c.Done[1].StepID != 41 || c.Done[1].Text != "Order the cake" || c.Done[1].Now != "" {
		t.Fatalf("done %+v", c.Done)
	}
	if len(c.Edited) != 0 {
		t.Fatalf("edited %+v", c.Edited)
	}

	// Carried on first, closed after: next still asks for what is done.
	next = blankPlan()
	CarryOn(before, next)
	c = CompareCarried(before, after, next)
	if len(c.Done) != 2 || c.Done[0].Now != "Ask staff" || c.Done[1].Now != "Order the cake" {
		t.Fatalf("done, yet carried on: %+v", c.Done)
	}
	// An action of other words on that item is next year's own, not the
	// one done.
	next.Response("lc-culture").Action = "Run a staff survey"
	if c = CompareCarried(before, after, next); c.Done[0].Now != "" || c.Done[1].Now != "Order the cake" {
		t.Fatalf("a new action on a done one's item: %+v", c.Done)
	}
	// One version only (two files compared): nothing is done "in this
	// change", and the same plan twice reads as that plan once.
	if one, twice := CompareCarried(after, nil, next), CompareCarried(after, after, next); len(one.Done)+len(twice.Done) != 0 || one.OpenActions != twice.OpenActions || one.Actions != twice.Actions {
		t.Fatalf("one version: %+v, the same twice: %+v", one, twice)
	}
}

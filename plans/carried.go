package plans

import (
	"slices"

	"github.com/socialmobility/ladder/checklist"
)

// CarriedCheck is what a plan kept of the open actions and project-plan
// steps of the previous review it names: what a reviewer of the pull
// request that carries a plan on (CarryOn) asks first, did everything
// still to do come across?
type CarriedCheck struct {
	// OpenActions and OpenSteps count the previous plan's open item
	// actions and open project-plan steps; Actions and Steps how many of
	// them the plan still has.
	OpenActions, Actions int
	OpenSteps, Steps     int
	// Dropped are the open actions and steps the plan does not have, in
	// the previous plan's order (items, then steps); Edited those it has
	// in other words.
	Dropped, Edited []CarriedAction
	// Done are the actions and steps done in the change under review:
	// open in the previous plan before it, done after. They are neither
	// carried on nor left behind, so they are not counted as open.
	Done []CarriedAction
	// Repeats counts the steps (of Steps) that repeat an item action
	// carried on with them (of Actions), by ActionsToChase's rule: each
	// pair is one thing to chase, as CarryOn's Repeats counts it.
	Repeats int
}

// CarriedAction is one open action or step of the previous plan, and its
// words in the plan that carries it on ("" when dropped). For one done in
// the change, Now is set only when the plan still has it open, in the
// same words: carried on, then finished in last year's plan.
type CarriedAction struct {
	// Item is the item whose action it is; nil for a step.
	Item   *checklist.Item
	Area   *checklist.Area
	StepID int
	Text   string // as the previous plan has it
	Now    string // as this plan has it
}

// CompareCarried checks next against the previous review it names. before
// is that review as it stood before the change under review (a pull
// request); after is it as the change leaves it, or nil when there is
// one version only (two files compared). An action or step is open when
// it is open after the change, or was before and the change removed it
// (a removal is not a finish, so it is still named when it did not come
// across); one open before and done after was done in the change.
//
// An item's action counts as carried on when next's item has an action
// (its words may have changed, and it may be done since); a step when
// next's project plan has a step of the same id, as CarryOn keeps ids.
// An item next's checklist lacks has nowhere to carry its action to.
func CompareCarried(before, after, next *Plan) CarriedCheck {
	if after == nil {
		after = before
	}
	var c CarriedCheck
	for _, e := range itemsOfBoth(before, after) {
		id := e.Item.ID
		var now version
		if _, _, ok := next.Checklist.Item(id); ok {
			now = actionOf(next.Items[id])
		}
		open, carried := c.file(CarriedAction{Item: e.Item, Area: e.Area}, actionOf(before.Items[id]), actionOf(after.Items[id]), now)
		c.OpenActions += open
		c.Actions += carried
	}
	c.compareSteps(before, after, next)
	c.Repeats = carriedRepeats(after, next)
	return c
}

// carriedRepeats counts after's open project-plan steps that repeat one
// of its open item actions (the same words, owner and due date, as
// ActionsToChase has it) and came across to next together with that
// action.
func carriedRepeats(after, next *Plan) int {
	if next.ProjectPlanID() != after.ProjectPlanID() {
		return 0
	}
	inNext := map[int]bool{}
	for _, s := range projectSteps(next) {
		inNext[s.ID] = s.Text != ""
	}
	n := 0
	for _, s := range projectSteps(after) {
		if !s.Open() || !inNext[s.ID] {
			continue
		}
		for _, e := range after.Checklist.Items() {
			id := e.Item.ID
			r := after.Items[id]
			if r == nil || !r.OpenAction() || r.Action != s.Text || r.Owner != s.Owner || r.Due != s.Due {
				continue
			}
			if _, _, ok := next.Checklist.Item(id); ok && next.Items[id] != nil && next.Items[id].Action != "" {
				n++
				break
			}
		}
	}
	return n
}

// itemsOfBoth is after's checklist items, then any of before's that
// after's checklist no longer has (the change moved the plan to another
// checklist): an open action there is not lost from view.
func itemsOfBoth(before, after *Plan) []checklist.Entry {
	items := after.Checklist.Items()
	if before == after {
		return items
	}
	items = slices.Clone(items)
	for _, e := range before.Checklist.Items() {
		if _, _, ok := after.Checklist.Item(e.Item.ID); !ok {
			items = append(items, e)
		}
	}
	return items
}

// compareSteps is CompareCarried for the project plan's steps, matched by
// their ids (a step's for life): before's steps in before's order, then
// those the change added.
func (c *CarriedCheck) compareSteps(before, after, next *Plan) {
	was, is, nextSteps := map[int]Step{}, map[int]Step{}, map[int]Step{}
	var order []int
	seen := map[int]bool{}
	for _, steps := range []struct {
		of map[int]Step
		in []Step
	}{{was, projectSteps(before)}, {is, projectSteps(after)}} {
		for _, s := range steps.in {
			steps.of[s.ID] = s
			if !seen[s.ID] {
				seen[s.ID] = true
				order = append(order, s.ID)
			}
		}
	}
	if next.ProjectPlanID() == after.ProjectPlanID() {
		for _, s := range projectSteps(next) {
			nextSteps[s.ID] = s
		}
	}
	for _, id := range order {
		open, carried := c.file(CarriedAction{StepID: id}, stepOf(was[id]), stepOf(is[id]), stepOf(nextSteps[id]))
		c.OpenSteps += open
		c.Steps += carried
	}
}

// version is an item's action or a step in one version of a plan.
type version struct {
	text string
	open bool
}

func actionOf(r *Response) version {
	if r == nil {
		return version{}
	}
	return version{r.Action, r.OpenAction()}
}

func stepOf(s Step) version { return version{s.Text, s.Open()} }

// file sorts a, an action or step of the previous plan as it was before
// the change and is after it, against the plan that carries it on (now),
// and says whether it counts as open and as carried on (0 or 1 each).
func (c *CarriedCheck) file(a CarriedAction, was, is, now version) (open, carried int) {
	switch {
	case is.open:
		a.Text = is.text
	case was.open && is.text != "":
		a.Text = is.text
		if now.open && (now.text == is.text || now.text == was.text) {
			a.Now = now.text
		}
		c.Done = append(c.Done, a)
		return 0, 0
	case was.open:
		// Removed in the change: not a finish, so still owed.
		a.Text = was.text
	default:
		return 0, 0
	}
	a.Now = now.text
	return 1, c.sort(a)
}

// projectSteps is p's project plan's steps, if its checklist asks for one.
func projectSteps(p *Plan) []Step {
	if a := p.FollowUps[p.ProjectPlanID()]; a != nil {
		return a.Steps
	}
	return nil
}

// sort files a as dropped or edited, and says 1 when it was carried on.
func (c *CarriedCheck) sort(a CarriedAction) int {
	switch a.Now {
	case "":
		c.Dropped = append(c.Dropped, a)
		return 0
	case a.Text:
	default:
		c.Edited = append(c.Edited, a)
	}
	return 1
}

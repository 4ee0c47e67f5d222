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
		was, is := before.Items[id], after.Items[id]
		var nextAction *Response
		if _, _, ok := next.Checklist.Item(id); ok {
			nextAction = next.Items[id]
		}
		a := CarriedAction{Item: e.Item, Area: e.Area}
		switch {
		case is.OpenAction():
			a.Text = is.Action
		case was.OpenAction() && is != nil && is.Action != "":
			a.Text = is.Action
			if nextAction.OpenAction() && (nextAction.Action == is.Action || nextAction.Action == was.Action) {
				a.Now = nextAction.Action
			}
			c.Done = append(c.Done, a)
			continue
		case was.OpenAction():
			a.Text = was.Action
		default:
			continue
		}
		if nextAction != nil {
			a.Now = nextAction.Action
		}
		c.OpenActions++
		c.Actions += c.sort(a)
	}
	c.compareSteps(before, after, next)
	return c
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
	for _, s := range projectSteps(before) {
		was[s.ID] = s
		order = append(order, s.ID)
	}
	if after == before {
		clear(was)
	}
	for _, s := range projectSteps(after) {
		if _, ok := is[s.ID]; !ok && !slices.Contains(order, s.ID) {
			order = append(order, s.ID)
		}
		is[s.ID] = s
	}
	if next.ProjectPlanID() == after.ProjectPlanID() {
		for _, s := range projectSteps(next) {
			nextSteps[s.ID] = s
		}
	}
	for _, id := range order {
		b, h := was[id], is[id]
		a := CarriedAction{StepID: id}
		switch {
		case h.Open():
			a.Text = h.Text
		case b.Open() && h.Text != "":
			a.Text = h.Text
			if n := nextSteps[id]; n.Open() && (n.Text == h.Text || n.Text == b.Text) {
				a.Now = n.Text
			}
			c.Done = append(c.Done, a)
			continue
		case b.Open():
			a.Text = b.Text
		default:
			continue
		}
		a.Now = nextSteps[id].Text
		c.OpenSteps++
		c.Steps += c.sort(a)
	}
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

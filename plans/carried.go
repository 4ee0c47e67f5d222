package plans

import "github.com/socialmobility/ladder/checklist"

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
}

// CarriedAction is one open action or step of the previous plan, and its
// words in the plan that carries it on ("" when dropped).
type CarriedAction struct {
	// Item is the item whose action it is; nil for a step.
	Item   *checklist.Item
	Area   *checklist.Area
	StepID int
	Text   string // as the previous plan has it
	Now    string // as this plan has it
}

// CompareCarried checks next against prev, the previous review it names.
// An item's action counts as carried on when next's item has an action
// (its words may have changed, and it may be done since); a step when
// next's project plan has a step of the same id, as CarryOn keeps ids.
// An item next's checklist lacks has nowhere to carry its action to.
func CompareCarried(prev, next *Plan) CarriedCheck {
	var c CarriedCheck
	for _, e := range prev.Checklist.Items() {
		old := prev.Items[e.Item.ID]
		if !old.OpenAction() {
			continue
		}
		c.OpenActions++
		a := CarriedAction{Item: e.Item, Area: e.Area, Text: old.Action}
		if _, _, ok := next.Checklist.Item(e.Item.ID); ok {
			if r := next.Items[e.Item.ID]; r != nil {
				a.Now = r.Action
			}
		}
		c.Actions += c.sort(a)
	}
	id := prev.ProjectPlanID()
	if id == "" {
		return c
	}
	now := map[int]string{}
	if next.ProjectPlanID() == id {
		for _, s := range next.FollowUps[id].Steps {
			now[s.ID] = s.Text
		}
	}
	for _, s := range prev.FollowUps[id].Steps {
		if !s.Open() {
			continue
		}
		c.OpenSteps++
		c.Steps += c.sort(CarriedAction{StepID: s.ID, Text: s.Text, Now: now[s.ID]})
	}
	return c
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

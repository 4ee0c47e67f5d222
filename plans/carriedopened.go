package plans

// OpenedAfterCarryOn is what a change opened in a plan already carried on
// to next: the open actions and steps of after that next does not carry
// (CompareCarried's Dropped), and that before, the plan as the change
// found it, did not have open in the same words (nil before: the whole
// plan is new). A branch begun before the carry-on that adds an action to
// last year's plan, merged after it, leaves the action where ladder status
// and check --overdue no longer look, as the plan's open actions are
// chased in next: no one chases it. One open before the change and not in
// next was dropped on purpose at the carry-on (or since), and is not
// named here.
func OpenedAfterCarryOn(before, after, next *Plan) []CarriedAction {
	var out []CarriedAction
	for _, a := range CompareCarried(after, nil, next).Dropped {
		if before != nil && wasOpen(before, a) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// wasOpen reports whether p has a open, in the same words.
func wasOpen(p *Plan, a CarriedAction) bool {
	if a.Item != nil {
		r := p.Items[a.Item.ID]
		return r.OpenAction() && r.Action == a.Text
	}
	for _, s := range projectSteps(p) {
		if s.ID == a.StepID {
			return s.Open() && s.Text == a.Text
		}
	}
	return false
}

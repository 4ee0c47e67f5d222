package plans

import (
	"slices"

	"github.com/socialmobility/ladder/checklist"
)

// ProjectPlanID returns the id of the checklist's project-plan follow-up,
// or "" if it has none.
func (p *Plan) ProjectPlanID() string {
	for _, f := range p.Checklist.FollowUps {
		if f.Kind == checklist.KindPlan {
			return f.ID
		}
	}
	return ""
}

// AddActionSteps appends to the project plan a step for every item action
// that has none yet (matched by the step's From), in due-date order, and
// returns how many it added. A new project plan thus starts as the actions
// written so far; running it again picks up actions written since without
// touching steps the team has edited or reordered. A step the team removed
// comes back if its action is still there, so callers run it when the plan
// is empty or when the user asks.
func (p *Plan) AddActionSteps() int {
	id := p.ProjectPlanID()
	if id == "" {
		return 0
	}
	a := p.FollowUps[id]
	have := map[string]bool{}
	for _, s := range a.Steps {
		if s.From != "" {
			have[s.From] = true
		}
	}
	var add []Step
	for _, e := range p.Checklist.Items() {
		r := p.Items[e.Item.ID]
		if r.Action == "" || have[e.Item.ID] {
			continue
		}
		add = append(add, Step{Text: r.Action, Owner: r.Owner, Due: r.Due, Status: r.Status, From: e.Item.ID})
	}
	slices.SortStableFunc(add, func(x, y Step) int { return x.Due.Compare(y.Due) })
	for i := range add {
		add[i].ID = a.NextStepID()
		a.Steps = append(a.Steps, add[i])
	}
	return len(add)
}

// WrittenActions lists the item actions written so far, in checklist order,
// for choosing quick wins from.
func (p *Plan) WrittenActions() []string {
	var out []string
	for _, e := range p.Checklist.Items() {
		if a := p.Items[e.Item.ID].Action; a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

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

// Follows reports whether a project-plan step is an item's action that
// nobody has edited as a step: it came from the item (From) and still says
// what the item says (text, owner, due date, status). Such a step follows
// the item: ladder changes both together (see FollowItem), and a person
// reading the plan can tell it from a step the team wrote or edited. The
// link is worked out, not stored, so a plan edited by hand or merged in
// git never holds a link that contradicts its text: a step edited by hand
// simply stops following.
func (p *Plan) Follows(s Step) bool {
	if s.From == "" {
		return false
	}
	r := p.Items[s.From]
	return r != nil && r.Action == s.Text && r.Owner == s.Owner && r.Due == s.Due && r.Status == s.Status
}

// FollowItem makes change to an item's response and carries it to the
// project-plan steps that followed the item before it (see Follows). It
// returns how many steps changed with it.
func (p *Plan) FollowItem(itemID string, change func(r *Response)) int {
	r := p.Items[itemID]
	if r == nil {
		return 0
	}
	id := p.ProjectPlanID()
	var follow []int
	if a := p.FollowUps[id]; id != "" && a != nil {
		for i, s := range a.Steps {
			if s.From == itemID && p.Follows(s) {
				follow = append(follow, i)
			}
		}
	}
	change(r)
	for _, i := range follow {
		s := &p.FollowUps[id].Steps[i]
		s.Text, s.Owner, s.Due, s.Status = r.Action, r.Owner, r.Due, r.Status
	}
	return len(follow)
}

package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// SoonDays is how far ahead "due soon" looks: the month a team plans
// its chasing for.
const SoonDays = 30

// NamedPlan is a plan with the path it was loaded from.
type NamedPlan struct {
	Path string
	Plan *Plan
}

// PlanAction is an open action together with the plan it belongs to.
type PlanAction struct {
	Path string
	Action
	// What says where the action comes from when its text does not: the
	// item's title, or "project plan step 3".
	What string
}

// PlanInfo names a plan in a list of actions: its file, and who and what
// it is about.
type PlanInfo struct {
	Path, Organisation, Title string
}

// InfoOf is the PlanInfo of a plan loaded from path.
func InfoOf(path string, p *Plan) PlanInfo {
	return PlanInfo{Path: path, Organisation: p.Organisation, Title: p.Title}
}

// Outstanding is every open action across some plans, grouped by when it
// is due relative to Today: the "what do we chase this month" list.
type Outstanding struct {
	Today Date
	// Plans is every plan looked at, in the order given (whether or not it
	// has anything open).
	Plans   []PlanInfo
	Overdue []PlanAction
	Soon    []PlanAction // due today or within SoonDays
	Later   []PlanAction
	Undated []PlanAction
}

// CollectOutstanding groups the open actions of plans (item actions and
// project-plan steps not done). Each group is ordered by due date, then
// plan path, then checklist order.
func CollectOutstanding(named []NamedPlan, today Date) *Outstanding {
	infos := make([]PlanInfo, len(named))
	lists := make([][]PlanAction, len(named))
	for i, np := range named {
		infos[i] = InfoOf(np.Path, np.Plan)
		lists[i] = PlanActions(np.Path, np.Plan)
	}
	return GroupOutstanding(infos, lists, today)
}

// PlanActions lists a plan's open actions with where they come from. It is
// CollectOutstanding's work for one plan, for callers that load plans in
// parallel and keep only their actions.
func PlanActions(path string, p *Plan) []PlanAction {
	open := p.ActionsToChase()
	out := make([]PlanAction, len(open))
	for i, a := range open {
		out[i] = PlanAction{Path: path, Action: a, What: actionSource(p, a)}
	}
	return out
}

// GroupOutstanding groups the actions of several plans (one list per plan,
// beside the plan's info) as CollectOutstanding does.
func GroupOutstanding(infos []PlanInfo, lists [][]PlanAction, today Date) *Outstanding {
	o := &Outstanding{Today: today, Plans: infos}
	soon := today.AddDays(SoonDays)
	for _, list := range lists {
		for _, pa := range list {
			switch {
			case pa.Due.IsZero():
				o.Undated = append(o.Undated, pa)
			case compareDates(pa.Due, today) < 0:
				o.Overdue = append(o.Overdue, pa)
			case compareDates(pa.Due, soon) <= 0:
				o.Soon = append(o.Soon, pa)
			default:
				o.Later = append(o.Later, pa)
			}
		}
	}
	for _, g := range []*[]PlanAction{&o.Overdue, &o.Soon, &o.Later, &o.Undated} {
		slices.SortStableFunc(*g, func(a, b PlanAction) int {
			if c := compareDates(a.Due, b.Due); c != 0 {
				return c
			}
			return strings.Compare(a.Path, b.Path)
		})
	}
	return o
}

// compareDates orders like Date.Compare (unset dates last) without making
// time.Times: sorting thousands of actions calls it often.
func compareDates(a, b Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Month, b.Month); c != 0 {
		return c
	}
	return cmp.Compare(a.Day, b.Day)
}

func actionSource(p *Plan, a Action) string {
	if a.ItemID != "" {
		if it, _, ok := p.Checklist.Item(a.ItemID); ok {
			return ItemTitle(it)
		}
		return a.ItemID
	}
	return fmt.Sprintf("project plan step %d", a.StepID)
}

// Total is the number of open actions.
func (o *Outstanding) Total() int {
	return len(o.Overdue) + len(o.Soon) + len(o.Later) + len(o.Undated)
}

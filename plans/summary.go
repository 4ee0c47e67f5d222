package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
)

// Counts is how many items sit at each level of the scale.
type Counts struct {
	// ByLevel is indexed like the checklist's Scale (worst first).
	ByLevel []int
	Unrated int
}

// Total is the number of items counted.
func (c Counts) Total() int {
	n := c.Unrated
	for _, k := range c.ByLevel {
		n += k
	}
	return n
}

// Rated is the number of items with a rating.
func (c Counts) Rated() int { return c.Total() - c.Unrated }

// AreaCounts is the counts for one area.
type AreaCounts struct {
	Area *checklist.Area
	Counts
}

// Counts returns the rating counts per area, in checklist order, and over
// the whole plan. They are always derived, never stored.
func (p *Plan) Counts() (perArea []AreaCounts, total Counts) {
	c := p.Checklist
	total.ByLevel = make([]int, len(c.Scale))
	for ai := range c.Areas {
		a := &c.Areas[ai]
		ac := AreaCounts{Area: a, Counts: Counts{ByLevel: make([]int, len(c.Scale))}}
		for _, it := range a.Items {
			r := p.Items[it.ID]
			if _, li, ok := c.Level(r.Rating); ok {
				ac.ByLevel[li]++
				total.ByLevel[li]++
			} else {
				ac.Unrated++
				total.Unrated++
			}
		}
		perArea = append(perArea, ac)
	}
	return perArea, total
}

// FirstUnrated returns the checklist position of the first unrated item,
// or -1 when every item is rated: where a resumed review picks up.
func (p *Plan) FirstUnrated() int {
	for _, e := range p.Checklist.Items() {
		if !p.Items[e.Item.ID].Rated() {
			return e.Ref.Seq
		}
	}
	return -1
}

// Action is one thing someone has to do: an item's action or a step of the
// project plan.
type Action struct {
	// ItemID is set for an item's action.
	ItemID string
	// FollowUpID and StepID are set for a project-plan step. StepID is
	// the step's id in the file, drawn at random to keep merges apart;
	// StepNumber is its place in the project plan, 1 for the first, as the
	// screens number steps: what a person reading about it is told.
	FollowUpID string
	StepID     int
	StepNumber int
	Text       string
	Owner      string
	Due        Date
	Status     Status
	// FollowedBy, on an item's action in ActionsToChase, are the numbers
	// (StepNumber) of the project-plan steps that repeat it and so are not
	// listed apart.
	FollowedBy []int
}

// OpenActions lists every action not yet done, ordered by due date (undated
// last), then by checklist order.
func (p *Plan) OpenActions() []Action {
	// Sized first: status lists the actions of thousands of plans.
	n := 0
	for _, e := range p.Checklist.Items() {
		if p.Items[e.Item.ID].OpenAction() {
			n++
		}
	}
	for _, f := range p.Checklist.FollowUps {
		if f.Kind == checklist.KindPlan {
			n += len(p.FollowUps[f.ID].Steps)
		}
	}
	out := make([]Action, 0, n)
	for _, e := range p.Checklist.Items() {
		r := p.Items[e.Item.ID]
		if r.OpenAction() {
			out = append(out, Action{ItemID: e.Item.ID, Text: r.Action, Owner: r.Owner, Due: r.Due, Status: r.Status})
		}
	}
	for _, f := range p.Checklist.FollowUps {
		if f.Kind != checklist.KindPlan {
			continue
		}
		for i, s := range p.FollowUps[f.ID].Steps {
			if s.Open() {
				out = append(out, Action{FollowUpID: f.ID, StepID: s.ID, StepNumber: i + 1, Text: s.Text, Owner: s.Owner, Due: s.Due, Status: s.Status})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Action) int { return a.Due.Compare(b.Due) })
	return out
}

// Overdue lists the open actions whose due date is before today, each
// once: a project-plan step that repeats an item's action is in the item's
// FollowedBy (see ActionsToChase).
func (p *Plan) Overdue(today Date) []Action {
	var out []Action
	for _, a := range p.ActionsToChase() {
		if !a.Due.IsZero() && a.Due.Before(today) {
			out = append(out, a)
		}
	}
	return out
}

// Position returns the line and column of an action's due date in the file
// the plan was loaded from, or 0, 0 for a plan not loaded from a file.
func (p *Plan) Position(a Action) (line, col int) {
	key := a.ItemID
	if key == "" {
		key = a.FollowUpID + "#" + strconv.Itoa(a.StepID)
	}
	pos := p.positions[key]
	return pos.Line, pos.Column
}

// statusAloneKey marks, among a plan's positions, the status of an item
// that has none of its own (StatusesAlone): no item id starts with it.
const statusAloneKey = "#status "

// StatusesAlone is what ladder check warns of at each item's status,
// other than to do, that stands beside no action, as the file was read,
// in file order: a hand edit that deleted the action and left "status:
// doing". The status belongs to the action (the screens and prompts
// refuse one without it), so every reader takes such an item as to do
// with nothing to chase, where the file seems to say otherwise, and a
// reviewer of the pull request should hear of it. The plan still loads.
func (p *Plan) StatusesAlone() []Problem {
	var out []Problem
	for id, r := range p.Items {
		pos, ok := p.positions[statusAloneKey+id]
		if !ok || r.Action != "" || r.Status == StatusTodo {
			continue
		}
		pos.Message = fmt.Sprintf("item %s status is %s, but the item has no action: a status goes with an action, "+
			"so ladder reads it as to do and chases nothing there; write the action back, or set status: todo", safetext.Name(id), r.Status)
		out = append(out, pos)
	}
	slices.SortFunc(out, func(a, b Problem) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column)) })
	return out
}

// Marks are the shapes that stand for ratings wherever a rating is shown
// (screens, reports, diffs), so that a rating never rests on colour alone:
// the worst level is a square, the best a filled circle, the levels between
// get other shapes, and an unrated item a hollow circle.
var (
	markWorst   = "■"
	markBest    = "●"
	markBetween = []string{"▲", "◆", "★", "✚"}
	MarkUnrated = "○"
)

// Mark returns the shape for a rating key of checklist c.
func Mark(c *checklist.Checklist, rating string) string {
	_, i, ok := c.Level(rating)
	if !ok {
		return MarkUnrated
	}
	return MarkAt(i, len(c.Scale))
}

// MarkAt returns the shape for level i of a scale of n levels.
func MarkAt(i, n int) string {
	switch {
	case i == 0:
		return markWorst
	case i == n-1:
		return markBest
	default:
		return markBetween[(i-1)%len(markBetween)]
	}
}

// IsMark reports whether s is one of the rating marks, so that text
// layouts can keep a mark with the word after it.
func IsMark(s string) bool {
	return s == MarkUnrated || s == markWorst || s == markBest || slices.Contains(markBetween, s)
}

// Label returns "■ Red"-style text for a rating: mark and word.
func Label(c *checklist.Checklist, rating string) string {
	if l, _, ok := c.Level(rating); ok {
		return Mark(c, rating) + " " + l.Label
	}
	return MarkUnrated + " Unrated"
}

// ActionsToChase is OpenActions without the project-plan steps that only
// repeat an item's action (same text, owner and due date: a step made from
// the action and still following it, see Follows), so a list of what to
// chase names nothing twice. Each such step is named in the item action's
// FollowedBy: a person changes the two together, from the item.
func (p *Plan) ActionsToChase() []Action {
	all := p.OpenActions()
	repeats := func(step Action) int {
		for i, a := range all {
			if a.ItemID != "" && a.Text == step.Text && a.Owner == step.Owner && a.Due == step.Due {
				return i
			}
		}
		return -1
	}
	// A plan has a few steps and a few dozen actions: a look over them is
	// cheaper than a map. The steps to leave out are found first, then the
	// list is filtered in place (OpenActions made it for this call).
	var repeated []int
	for i, a := range all {
		if a.ItemID != "" {
			continue
		}
		if item := repeats(a); item >= 0 {
			repeated = append(repeated, i)
			all[item].FollowedBy = append(all[item].FollowedBy, a.StepNumber)
		}
	}
	out := all[:0]
	for i, a := range all {
		if len(repeated) > 0 && repeated[0] == i {
			repeated = repeated[1:]
			continue
		}
		out = append(out, a)
	}
	return out
}

// RepeatsAction reports whether the project-plan step repeats an item's
// action of the plan (the same words, owner and due date), so that
// ActionsToChase chases the two as one.
func (p *Plan) RepeatsAction(s Step) bool {
	for _, r := range p.Items {
		if r.repeatedBy(s) {
			return true
		}
	}
	return false
}

// repeatedBy reports whether the project-plan step repeats r's action:
// the same words, owner and due date (RepeatsAction, and CarryOn's count
// of the carried steps that repeat a carried action).
func (r *Response) repeatedBy(s Step) bool {
	return r != nil && r.Action != "" && r.Action == s.Text && r.Owner == s.Owner && r.Due == s.Due
}

// StepName names a project-plan step by its place, as the screens number
// steps ("step 3 of the project plan"), never by its id: a five-digit id
// reads as a step number.
func StepName(number int) string {
	return fmt.Sprintf("step %d of the project plan", number)
}

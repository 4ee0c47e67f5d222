package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// A plan begun with ladder new --from records one fact about where it came
// from: its previous_review, the plan it carried on from. The report reads
// that plan (and the one before it, and so on: plans.EarlierReviews) to
// tell a board what it most asks of a second year's review: which review
// this one follows, and which actions are last year's, still here. What
// counts as carried on is plans.ActionCarried's rule; the words are here.
//
// Only a report asked to (CarriedOnFrom) says any of it, and only for a
// plan that names a previous review: a plan begun afresh reports as it
// always did.

// ReportOption adds to a report what the plan file alone does not hold.
type ReportOption func(*reportExtras)

// reportExtras is what the options add.
type reportExtras struct {
	// carried: the report says what was carried on, from earlier (newest
	// first; none when the plan's previous review could not be read).
	carried bool
	earlier []plans.EarlierReview
	// next: the review this plan was carried on to, which takes its open
	// actions on (CarriedOnTo), and nextRef its next_review; nil for none.
	next    *plans.Plan
	nextRef string
}

// CarriedOnFrom has the report name the review the plan carried on from
// and mark each action and project-plan step that came from it, or from
// the reviews before it. earlier is plans.EarlierReviews' chain; empty
// for a plan whose previous review could not be read, which the report
// then names as the plan gives it, and says so. A review read from git
// (EarlierReview.Revision) is named with where it was read.
func CarriedOnFrom(earlier []plans.EarlierReview) ReportOption {
	return func(x *reportExtras) {
		x.carried = true
		x.earlier = earlier
	}
}

func extrasOf(opts []ReportOption) reportExtras {
	var x reportExtras
	for _, o := range opts {
		o(&x)
	}
	return x
}

// carriedOn reports whether the report marks what p carried on.
func (x reportExtras) carriedOn(p *plans.Plan) bool {
	return x.carried && p.PreviousReview != ""
}

// carriedFromDetail names the review p carried on from, for the details
// at the top: "the review of Acme on 2026-03-02 (acme-2026.yaml)", then
// the reviews before it, if any.
func carriedFromDetail(p *plans.Plan, earlier []plans.EarlierReview) detail {
	d := detail{name: "Carried on from"}
	if len(earlier) == 0 {
		d.value = p.PreviousReview + ", which could not be read: nothing here is marked as carried on"
		return d
	}
	prev := earlier[0]
	d.value = reviewOf(prev.Plan, true) + " (" + cmp.Or(prev.Shown, prev.Ref)
	switch prev.Revision {
	case "":
	case "HEAD":
		d.value += ", read from git: it is no longer in the folder"
	default:
		d.value += ", read from git at " + prev.Revision
		if prev.RenamedTo != "" {
			// Renamed, then removed: the name it was read under.
			d.value += " as " + prev.RenamedTo
		}
		if prev.MovedTo != "" {
			// Moved (git mv) and still there: where it is now.
			d.value += ", the last commit that had it there: it was moved to " + prev.MovedTo + " since"
		} else {
			d.value += ", the last commit that had it: it is no longer in the folder"
		}
	}
	d.value += ")"
	switch n := len(earlier) - 1; {
	case n == 1:
		d.value += ", which carried on from " + reviewOf(earlier[1].Plan, false)
	case n > 1:
		d.value += fmt.Sprintf(", which carried on from %d earlier reviews, back to %s", n, reviewOf(earlier[n].Plan, false))
	}
	return d
}

// sinceLastReviewDetail is each level's count at the review p carried on
// from and now, for the details at the top ("■ Red 7 → 3, ▲ Amber 9 →
// 10, ..."): how the ratings moved in a year is a board's first question,
// and the report named last year's review without a figure of it. prev
// follows p's checklist (plans.EarlierReviews reads only such a plan).
func sinceLastReviewDetail(p, prev *plans.Plan) detail {
	keys := levelKeys(p.Checklist)
	_, then := plans.CountsByKey(prev, keys)
	_, now := plans.CountsByKey(p, keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d → %d", plans.Label(p.Checklist, k), then[i], now[i])
	}
	return detail{name: "Since the last review", value: strings.Join(parts, ", ")}
}

// reviewOf names a review by its date, and its organisation when asked:
// "the review of Acme on 2026-03-02".
func reviewOf(p *plans.Plan, organisation bool) string {
	s := "the review"
	if organisation && p.Organisation != "" {
		s += " of " + p.Organisation
	}
	if p.Date.IsZero() {
		return s
	}
	if organisation && p.Organisation != "" {
		return s + " on " + p.Date.String()
	}
	return s + " of " + p.Date.String()
}

// carriedWords is how an action or step came down the earlier reviews,
// after "Carried on": "from the review of 2025-03-03 (2 reviews ago),
// edited since"; "" for one that did not.
func carriedWords(c plans.CarriedSince) string {
	if c.Reviews == 0 {
		return ""
	}
	s := "from the previous review"
	if !c.Since.IsZero() {
		s = "from the review of " + c.Since.String()
	}
	if c.Reviews > 1 {
		s += fmt.Sprintf(" (%d reviews ago)", c.Reviews)
	}
	if c.Edited {
		s += ", edited since"
	}
	return s
}

// carriedSinceDate is the date a spreadsheet filters on: that of the
// review the action was first read in, "" for one not carried on.
func carriedSinceDate(c plans.CarriedSince) string {
	if c.Reviews == 0 {
		return ""
	}
	return c.Since.String()
}

// carriedCountDetail counts what came from the earlier reviews, for the
// details at the top: a board's first question of a second year's plan is
// how much of it is last year's, and how much of that is still to do.
// "4 actions and 2 project-plan steps, 4 of them still open".
func carriedCountDetail(doc reportDoc) detail {
	var actions, steps, open, repeats int
	for _, c := range carriedIn(doc) {
		repeats += c.Repeats
		if c.Step {
			steps++
		} else {
			actions++
		}
		if !c.done {
			open++
		}
	}
	d := detail{name: "Carried on"}
	counted := actionsAndSteps(actions, steps)
	switch total := actions + steps; {
	case total == 0:
		d.value = "none of this plan's actions or project-plan steps"
	case total == 1 && open == 1:
		d.value = counted + ", still open"
	case total == 1:
		d.value = counted + ", done"
	case open == total:
		d.value = counted + ", all still open"
	case open == 0:
		d.value = counted + ", all done"
	default:
		d.value = fmt.Sprintf("%s, %d of them still open", counted, open)
	}
	d.value += repeatsWords(repeats, actions)
	return d
}

// repeatsWords says, after a count of actions, how many more project-plan
// steps repeat them and so are not counted apart: "; 1 more project-plan
// step repeats it, counted with it"; "" for none.
func repeatsWords(repeats, actions int) string {
	them := "these actions"
	if actions == 1 {
		them = "it"
	}
	switch {
	case repeats == 0:
		return ""
	case repeats == 1 && actions > 1:
		return "; 1 more project-plan step repeats one of these actions, counted with it"
	case repeats == 1:
		return "; 1 more project-plan step repeats it, counted with it"
	}
	return fmt.Sprintf("; %d more project-plan steps repeat %s, counted with them", repeats, them)
}

// actionsAndSteps is "2 actions and 1 project-plan step", leaving out a
// kind there is none of: "" for none at all.
func actionsAndSteps(actions, steps int) string {
	var parts []string
	if actions > 0 {
		parts = append(parts, countNoun(actions, "action"))
	}
	if steps > 0 {
		parts = append(parts, countNoun(steps, "project-plan step"))
	}
	return strings.Join(parts, " and ")
}

// htmlCarried is an action or step carried on, as the HTML report lists
// the open ones above the areas.
type htmlCarried struct {
	Text string
	Step bool // a project-plan step, not an item's action
	// What is the recommendation whose action it was, for one not
	// carried on: nothing else in the report shows that item's action.
	What    string
	Owner   string
	Due     string // "" for none
	Overdue bool
	// HandedOn: past its date, in a plan handed on (see detail).
	HandedOn bool
	Carried  string // after "Carried on"
	// Repeats, on an item's action, counts the project-plan steps carried
	// on with it that repeat it (plans.ActionsToChase's rule), listed with
	// it rather than apart (AlsoSteps).
	Repeats int
	done    bool
}

// AlsoSteps says, after an action, that project-plan steps repeat it:
// "also a project-plan step"; "" for none.
func (c htmlCarried) AlsoSteps() string {
	switch c.Repeats {
	case 0:
		return ""
	case 1:
		return "also a project-plan step"
	}
	return "also " + countNoun(c.Repeats, "project-plan step")
}

// carriedIn is every action (in checklist order), then every project-plan
// step (in due-date order), that came from the earlier reviews. A step
// that repeats an action carried on (the same words, owner and due date,
// and both done or both not: a step made from the action and following
// it) is that action, as ladder status and check --overdue count it: it
// is counted in the action's Repeats, not listed again.
func carriedIn(doc reportDoc) []htmlCarried {
	done := statusWord(plans.StatusDone)
	var out []htmlCarried
	for _, a := range doc.areas {
		for _, g := range a.groups {
			for _, it := range g.items {
				if ans := it.answer; ans.carried != "" {
					out = append(out, htmlCarried{Text: ans.action, Owner: ans.owner, Due: ans.due.value, Overdue: ans.due.overdue, HandedOn: ans.due.handedOn, Carried: ans.carried, done: ans.status == done})
				}
			}
		}
	}
	for _, n := range doc.nextSteps {
		for _, st := range n.steps {
			if st.carried != "" {
				c := htmlCarried{Text: st.text, Step: true, Owner: st.owner, Overdue: st.overdue, HandedOn: st.handedOn, Carried: st.carried, done: st.status == done}
				if !st.due.IsZero() {
					c.Due = st.due.String()
				}
				if i := repeatedAction(out, c); i >= 0 {
					out[i].Repeats++
					continue
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// repeatedAction is the index in list of the item's action that step
// repeats, by plans' rule (see carriedIn), or -1 for none.
func repeatedAction(list []htmlCarried, step htmlCarried) int {
	for i, a := range list {
		if !a.Step && a.Text != "" && a.Text == step.Text && a.Owner == step.Owner && a.Due == step.Due && a.done == step.done {
			return i
		}
	}
	return -1
}

// notCarriedOn is what prev, the review p carried on from, had open that
// p did not carry on: an action removed or its item cleared, a project-plan
// step deleted, as ladder diff names them (plans.CompareCarried), each
// with its owner and due date as prev has them. A board reading this
// year's report asks what was let go as well as what came across. from
// names prev: "the review of 2026-03-02".
func notCarriedOn(p, prev *plans.Plan) (dropped []htmlCarried, from string) {
	// prev's steps by id, found once: looked for in the list for each
	// step dropped, a plan dropping thousands made the work their square.
	var steps map[int]*plans.Step
	for _, a := range plans.CompareCarried(prev, nil, p).Dropped {
		c := htmlCarried{Text: a.Text, Step: a.Item == nil}
		var due plans.Date
		if a.Item != nil {
			r := prev.Items[a.Item.ID]
			c.What, c.Owner, due = itemTitle(a.Item), r.Owner, r.Due
		} else if plan := prev.FollowUps[prev.ProjectPlanID()]; plan != nil {
			if steps == nil {
				steps = make(map[int]*plans.Step, len(plan.Steps))
				for i := range plan.Steps {
					steps[plan.Steps[i].ID] = &plan.Steps[i] // the last of an id, as the loop it replaces found
				}
			}
			if s := steps[a.StepID]; s != nil {
				c.Owner, due = s.Owner, s.Due
			}
		}
		if !due.IsZero() {
			c.Due = due.String()
		}
		dropped = append(dropped, c)
	}
	return foldRepeats(dropped), reviewOf(prev, false)
}

// foldRepeats leaves out of list each step that repeats an action in it
// (repeatedAction), counting it in the action's Repeats: one thing let
// go, as ladder status counted it while it was open.
func foldRepeats(list []htmlCarried) []htmlCarried {
	repeat := make([]bool, len(list))
	for k, c := range list {
		if i := repeatedAction(list, c); c.Step && i >= 0 {
			list[i].Repeats++
			repeat[k] = true
		}
	}
	out := list[:0:0]
	for k, c := range list {
		if !repeat[k] {
			out = append(out, c)
		}
	}
	return out
}

// notCarriedDetail counts what was not carried on, beside what was: "1
// action and 1 project-plan step open in the review of 2026-03-02,
// listed below". Empty (so not said) when nothing was let go.
func notCarriedDetail(doc reportDoc) detail {
	d := detail{name: "Not carried on"}
	steps := 0
	for _, c := range doc.notCarried {
		if c.Step {
			steps++
		}
	}
	repeats := 0
	for _, c := range doc.notCarried {
		repeats += c.Repeats
	}
	actions := len(doc.notCarried) - steps
	if counted := actionsAndSteps(actions, steps); counted != "" {
		d.value = counted + " open in " + doc.notCarriedFrom + ", listed below" + repeatsWords(repeats, actions)
	}
	return d
}

// notCarriedIntro heads the list of what was not carried on.
func notCarriedIntro(doc reportDoc) string {
	return "Open in " + doc.notCarriedFrom + " and not in this plan: removed, or the item’s action cleared."
}

// carriedOpen is carriedIn less what is done: what a board chases, in
// the order ladder status lists it, by due date (the most late first,
// undated last; of one date, the items' actions in checklist order, then
// the steps), so that a step reworded from an action sits beside it.
func carriedOpen(doc reportDoc) []htmlCarried {
	var out []htmlCarried
	for _, c := range carriedIn(doc) {
		if !c.done {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b htmlCarried) int {
		switch {
		case a.Due == b.Due:
			return 0
		case a.Due == "":
			return 1
		case b.Due == "":
			return -1
		}
		return strings.Compare(a.Due, b.Due) // YYYY-MM-DD sorts as text
	})
	return out
}

// CarriedOnTo has the report of a plan that was carried on say so among
// its details: a board reading last year's report learns that its open
// actions are chased in the next review, and which. next is that review
// as loaded, and ref the plan's next_review as it names it. Pass it only
// for a link that really hands the actions on (plans.HandedOn): a
// next_review line alone is not enough, as a pull request could add one.
// Nothing is said for a plan that names no next review.
func CarriedOnTo(ref string, next *plans.Plan) ReportOption {
	return func(x *reportExtras) {
		x.nextRef, x.next = ref, next
	}
}

// handedOnWords mark a due date past in a plan handed on, where "overdue"
// would be: late, but chased in the next review, not in this plan.
const handedOnWords = "overdue, handed on"

// handsOn reports whether p's open actions are chased in the next review
// (CarriedOnTo): then none of them is overdue here, as ladder status and
// check count them, and the report says which were handed on instead.
func (x reportExtras) handsOn(p *plans.Plan) bool {
	return x.next != nil && p.NextReview != ""
}

// overdueDetail counts the actions overdue on today, for the details at
// the top: "3", or, for a plan handed on, "0 (3 handed on to the next
// review)", so that the count agrees with "its open actions are chased
// there" above it without hiding that they are late.
func overdueDetail(p *plans.Plan, today plans.Date, handedOn bool) detail {
	d := detail{name: "Overdue actions on " + today.String()}
	n := len(p.Overdue(today))
	d.value = strconv.Itoa(n)
	if handedOn && n > 0 {
		d.value = fmt.Sprintf("0 (%d handed on to the next review)", n)
	}
	return d
}

// carriedToDetail names the review p's open actions were handed on to:
// "the review of Acme on 2027-03-01 (acme-2027.yaml): its open actions
// are chased there". Empty (so not said) when there is none.
func carriedToDetail(p *plans.Plan, x reportExtras) detail {
	d := detail{name: "Carried on to"}
	if !x.handsOn(p) {
		return d
	}
	d.value = reviewOf(x.next, true) + " (" + x.nextRef + "): its open actions are chased there"
	return d
}

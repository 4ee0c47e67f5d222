package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// The first thing a board asks of a report is what is overdue and whose
// it is. The top counts the overdue actions (overdueDetail); above the
// areas, each is listed once with its owner: the ones carried on from an
// earlier review in "Carried on and still open" (carriedOpen), marked
// overdue there, and the rest here, so that the two lists' overdue marks
// add up to the count. A plan handed on to its next review has none: its
// late actions are chased there.

// overdueNotCarried is every overdue item action and project-plan step
// that did not come from an earlier review, by due date, each with the
// recommendation it answers; a step that repeats an item's action is
// listed with it (plans.ActionsToChase's rule), not apart.
func overdueNotCarried(doc reportDoc) []htmlCarried {
	// An action or step set this year that repeats one carried on is that
	// one, listed under Carried on and still open (the count at the top
	// has it once).
	carried := carriedOpen(doc)
	var out []htmlCarried
	for _, a := range doc.areas {
		for _, g := range a.groups {
			for _, it := range g.items {
				ans := it.answer
				if !ans.due.overdue || ans.carried != "" {
					continue
				}
				c := htmlCarried{Text: ans.action, What: it.title, Owner: ans.owner, Due: ans.due.value, Overdue: true}
				if !repeatedByStep(carried, c) {
					out = append(out, c)
				}
			}
		}
	}
	for _, n := range doc.nextSteps {
		for _, st := range n.steps {
			if !st.overdue || st.carried != "" {
				continue
			}
			c := htmlCarried{Text: st.text, Step: true, Owner: st.owner, Due: st.due.String(), Overdue: true}
			if i := repeatedAction(out, c); i >= 0 {
				out[i].Repeats++
				continue
			}
			if repeatedAction(carried, c) >= 0 {
				continue
			}
			out = append(out, c)
		}
	}
	// The list says whose each is: one that is no one's says so, an owner
	// field holding only invisible characters too (plans.NamesNoOne), as
	// status and check --overdue say.
	for i := range out {
		if plans.NamesNoOne(out[i].Owner) {
			out[i].Owner = "no owner"
		}
	}
	// Every one has a date (it is overdue): YYYY-MM-DD sorts as text.
	slices.SortStableFunc(out, func(a, b htmlCarried) int { return strings.Compare(a.Due, b.Due) })
	return out
}

// repeatedByStep reports whether list has a step that repeats the item's
// action by plans' rule (the same words, owner and due date).
func repeatedByStep(list []htmlCarried, action htmlCarried) bool {
	return slices.ContainsFunc(list, func(s htmlCarried) bool {
		return s.Step && s.Text == action.Text && s.Owner == action.Owner && s.Due == action.Due
	})
}

// overdueHeading is "Overdue on 2027-03-01".
func overdueHeading(doc reportDoc) string {
	return "Overdue on " + doc.today.String()
}

// overdueCarriedNote says, under the list, how many more are overdue in
// the carried-on list below it, so that the top's count is found whole:
// "And 14 more carried on from earlier reviews, under Carried on and
// still open." "" when there are none.
func overdueCarriedNote(doc reportDoc) string {
	n := 0
	for _, c := range carriedOpen(doc) {
		if c.Overdue {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("And %d more carried on from earlier reviews, under Carried on and still open.", n)
}

// mdOverdue lists what is overdue, not carried on, as the web page does.
func mdOverdue(m *markdown, doc reportDoc) {
	if list := overdueNotCarried(doc); len(list) > 0 {
		m.heading(2, overdueHeading(doc))
		m.list(mdCarriedEntries(list))
		if note := overdueCarriedNote(doc); note != "" {
			m.para(note)
		}
	}
}

// wordsOverdue says it for a screen reader, as the carried ones are said.
func wordsOverdue(w *reportWords, doc reportDoc) {
	if list := overdueNotCarried(doc); len(list) > 0 {
		w.blank()
		w.say(fmt.Sprintf("%s, %d:", overdueHeading(doc), len(list)))
		wordsCarriedEntries(w, list)
		if note := overdueCarriedNote(doc); note != "" {
			w.say(note)
		}
	}
}

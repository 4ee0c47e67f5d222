package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The room's votes (ladder review --room) in reports and diffs: each
// item's spread, and where the room disagreed (votes from the worst level
// to the best), which is where a plan most needs a second look.

// votes lists the items whose votes changed between two reviews: the
// spread before and after, and whether the room now disagrees.
func (b diffBuilder) votes() diffSection {
	s := diffSection{kind: sectionVotes}
	n, again, removed := 0, 0, 0
	for _, it := range b.d.Items {
		if it.Votes == nil || it.Added || it.Removed {
			continue
		}
		if it.Votes.New == nil {
			removed++
		} else {
			n++
			if it.Votes.Old != nil {
				again++
			}
		}
		v := line{name: "votes", value: spreadOrNone(b.d.Old.Checklist, it.Votes.Old) + " → " + spreadOrNone(b.d.New.Checklist, it.Votes.New)}
		sub := []line{v}
		if it.Votes.New.Disagree(b.d.New.Checklist) {
			sub = append(sub, line{value: disagreement(b.d.New.Checklist)})
		}
		s.lines = append(s.lines, line{value: it.Title + " (" + areaOf(it) + ")", sub: sub})
	}
	s.summary = votedOn(n, again)
	if removed > 0 {
		// Votes taken out (by hand, or the plan put back to one from
		// before the room) are no vote: "voted on again" said they were.
		s.summary = strings.TrimPrefix(s.summary+"; votes removed from "+countNoun(removed, "item"), "; ")
	}
	return s
}

// votedOn is how many items the room voted on, n, again of them voted on
// before: a plan's first review with the room votes on each item for the
// first time, which "voted on again" said of it.
func votedOn(n, again int) string {
	switch {
	case n == 0:
		return ""
	case again == 0:
		return countNoun(n, "item") + " voted on"
	case again == n:
		return countNoun(n, "item") + " voted on again"
	}
	return fmt.Sprintf("%s voted on, %d of them again", countNoun(n, "item"), again)
}

func spreadOrNone(c *checklist.Checklist, v *plans.Votes) string {
	if v == nil {
		return "(no votes)"
	}
	return v.Spread(c)
}

// disagreement says that the room's votes span the scale.
func disagreement(c *checklist.Checklist) string {
	return fmt.Sprintf("the room disagreed: votes from %s to %s", plans.Label(c, c.Scale[0].Key), plans.Label(c, c.Scale[len(c.Scale)-1].Key))
}

// disagreed reports whether the room's votes on the item went from the
// worst level of the scale to the best.
func (a itemAnswer) disagreed() bool {
	if len(a.votes) < 3 { // at least two levels, and "not sure"
		return false
	}
	return a.votes[0].n > 0 && a.votes[len(a.votes)-2].n > 0
}

// mdDisagreed lists, after the summary, the items where the room's votes
// spanned the scale, with the spread: where the plan most needs a
// second look.
func mdDisagreed(m *markdown, doc reportDoc) {
	var entries []string
	for _, a := range doc.areas {
		for _, g := range a.groups {
			for _, it := range g.items {
				if it.answer.disagreed() {
					entries = append(entries, mdText(it.title+" ("+a.title+"): "+votesInWords(it.answer.votes)))
				}
			}
		}
	}
	if len(entries) == 0 {
		return
	}
	m.heading(2, "Where the room disagreed")
	m.para("The room's votes went from one end of the scale to the other on these items.")
	m.list(entries)
}

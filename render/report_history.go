package render

import (
	"fmt"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// ReportHistory is a plan's life in git, for the reports that show it: the
// counts at every commit that changed the plan (what `ladder history`
// prints), and the version that "what changed" compares the plan with.
type ReportHistory struct {
	// Entries are the commits that changed the plan, oldest first.
	Entries []plans.HistoryEntry
	// Base is the plan as it was at Entries[BaseEntry], which "what
	// changed" compares the plan with: the commit before the last one, or
	// the last one when the file has changes not yet committed. Base is
	// nil when there is nothing to compare with.
	Base      *plans.Plan
	BaseEntry int
	// Uncommitted says the plan being reported differs from its last
	// commit.
	Uncommitted bool
	// Shallow says the repository is a shallow clone: Entries are only the
	// newest commits, and the oldest of them is not where the plan began.
	Shallow bool
	// DataBase is the plan's workforce data file as it was where Base is
	// from, for "what changed" to say whether the data changed too: nil
	// when there was none then. DataCompared is false when there is no
	// such version to compare with (no Base, or it does not load).
	DataBase     *workforce.Data
	DataCompared bool
	// DataGone names the data file when there is none now, for "what
	// changed" to say it was removed since DataBase: the page has no data
	// section to show it.
	DataGone string
}

// reportHistory is what the report says about the plan's history.
type reportHistory struct {
	scale  []reportRating // each level, then unrated
	points []historyPoint // oldest first
	max    int            // the most items any commit had
	// since says what the plan is compared with ("commit 1a2b3c4 of
	// 2027-02-01, "Rate the workforce items"") and changes what changed;
	// since is empty when there is no earlier version.
	since       string
	uncommitted bool
	shallow     bool // only the newest commits are at hand
	merges      bool // a merge is among them: its branch's commits are not
	changes     []diffSection
}

// historyPoint is the plan's counts at one commit.
type historyPoint struct {
	commit  string
	date    string
	subject string
	counts  []int // by level, then unrated; nil when the plan did not load
	actions plans.ActionCounts
	problem string // why it did not load
	// review is the plan the commit changed when it is a review the plan
	// carried on from (last year's), "" for the plan's own commits.
	review string
}

// buildReportHistory counts every version of the plan against the scale of
// the plan being reported, as the history command's Total column does.
func buildReportHistory(p *plans.Plan, h *ReportHistory) *reportHistory {
	if h == nil || len(h.Entries) == 0 {
		return nil
	}
	c := p.Checklist
	keys := levelKeys(c)
	out := &reportHistory{scale: scaleOf(c), uncommitted: h.Uncommitted, shallow: h.Shallow}
	for _, e := range h.Entries {
		out.merges = out.merges || e.Merge
		pt := historyPoint{commit: e.Commit, date: e.Date.String(), subject: e.Subject, actions: e.Actions, problem: e.Problem, review: e.Review}
		if pt.counts = historyCounts(e, keys); pt.counts != nil {
			n := 0
			for _, k := range pt.counts {
				n += k
			}
			out.max = max(out.max, n)
		}
		out.points = append(out.points, pt)
	}
	if h.Base != nil && h.BaseEntry >= 0 && h.BaseEntry < len(h.Entries) {
		base := h.Entries[h.BaseEntry]
		out.since = "commit " + base.Commit + " of " + base.Date.String()
		if base.Subject != "" {
			out.since += ", “" + oneLine(base.Subject) + "”"
		}
		out.changes = changeSections(plans.Compare(h.Base, p), false)
	}
	return out
}

// actionsDone says how many of a plan's actions were done: "3 of 8
// actions done".
func actionsDone(n plans.ActionCounts) string {
	if n.Total == 0 {
		return "no actions yet"
	}
	return fmt.Sprintf("%d of %s done", n.Done, countNoun(n.Total, "action"))
}

// historyCounts is an entry's rating counts over the whole plan, by keys
// (scale keys, then checklist.Unrated), or nil when the plan did not load
// at that commit.
func historyCounts(e plans.HistoryEntry, keys []string) []int {
	if e.Checklist == nil {
		return nil
	}
	total := make([]int, len(keys))
	for _, ac := range e.Counts {
		for i, n := range countsByKey(e.Checklist, ac.Counts, keys) {
			total[i] += n
		}
	}
	return total
}

// scaleOf is a checklist's levels, worst first, then unrated.
func scaleOf(c *checklist.Checklist) []reportRating {
	out := make([]reportRating, 0, len(c.Scale)+1)
	for i, l := range c.Scale {
		out = append(out, reportRating{level: i, levels: len(c.Scale), mark: plans.MarkAt(i, len(c.Scale)), word: l.Label})
	}
	return append(out, reportRating{level: -1, levels: len(c.Scale), mark: plans.MarkUnrated, word: "Unrated"})
}

package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// historyTable is the history laid out once for both renderings: a header
// row and one row per entry, or a problem in place of the counts.
type historyTable struct {
	levels  []string // scale labels with marks, then "○ Unrated"
	header  []string // Date, Commit, each area, Total, Done, Subject
	rows    [][]string
	problem []string // per row: set when the plan did not load
}

// newHistoryTable lays out entries. The columns are the areas of the newest
// version that loaded, and the counts those of its scale's levels; an older
// version whose checklist had other areas shows "-" for the areas it
// lacked.
func newHistoryTable(entries []plans.HistoryEntry) historyTable {
	c, keys := historyLevels(entries)
	t := historyTable{header: []string{"Date", "Commit"}}
	if c != nil {
		for _, k := range keys[:len(keys)-1] {
			t.levels = append(t.levels, plain(plans.Label(c, k)))
		}
		t.levels = append(t.levels, plans.MarkUnrated+" Unrated")
		for _, a := range c.Areas {
			t.header = append(t.header, plain(a.ShortTitle())) // a column: the full title would not fit
		}
		t.header = append(t.header, "Total", "Done")
	}
	t.header = append(t.header, "Subject")
	for _, e := range entries {
		row := []string{e.Date.String(), e.Commit}
		if e.Checklist == nil {
			t.rows = append(t.rows, row)
			t.problem = append(t.problem, plain(e.Problem))
			continue
		}
		byArea, total := entryCounts(e, keys)
		for _, a := range c.Areas {
			if n, ok := byArea[a.ID]; ok {
				row = append(row, joinCounts(n))
			} else {
				row = append(row, "-")
			}
		}
		row = append(row, joinCounts(total), joinCounts([]int{e.Actions.Done, e.Actions.Total}))
		t.rows = append(t.rows, append(row, plain(historySubject(e))))
		t.problem = append(t.problem, "")
	}
	return t
}

// historyLevels is the checklist of the newest version that loaded, whose
// areas and levels a history counts, and the keys of its levels, then
// unrated's; nil when no version loaded.
func historyLevels(entries []plans.HistoryEntry) (*checklist.Checklist, []string) {
	var c *checklist.Checklist
	for i := len(entries) - 1; i >= 0 && c == nil; i-- {
		c = entries[i].Checklist
	}
	if c == nil {
		return nil, nil
	}
	return c, levelKeys(c)
}

// levelKeys is the keys of c's levels, in its scale's order, then
// unrated's: the columns a count of ratings has.
func levelKeys(c *checklist.Checklist) []string {
	keys := make([]string, 0, len(c.Scale)+1)
	for _, l := range c.Scale {
		keys = append(keys, l.Key)
	}
	return append(keys, checklist.Unrated)
}

// entryCounts is a loaded entry's counts of the levels keys names, by
// area id and in total.
func entryCounts(e plans.HistoryEntry, keys []string) (byArea map[string][]int, total []int) {
	total = make([]int, len(keys))
	byArea = map[string][]int{}
	for _, ac := range e.Counts {
		n := countsByKey(e.Checklist, ac.Counts, keys)
		byArea[ac.Area.ID] = n
		for i := range n {
			total[i] += n[i]
		}
	}
	return byArea, total
}

// countsByKey reorders counts made against checklist c into the levels
// named by keys (the newest version's scale, then unrated). A level c has
// and the newest version lacks is not counted.
func countsByKey(c *checklist.Checklist, n plans.Counts, keys []string) []int {
	out := make([]int, len(keys))
	for i, k := range keys {
		if k == checklist.Unrated {
			out[i] = n.Unrated
		} else if _, li, ok := c.Level(k); ok {
			out[i] = n.ByLevel[li]
		}
	}
	return out
}

// historySubject is a commit's subject, with the plan's earlier name when
// the commit renamed it, and the plan it changed when that is a review
// the plan carried on from.
func historySubject(e plans.HistoryEntry) string {
	s := e.Subject
	if e.RenamedFrom != "" {
		s += " (renamed from " + e.RenamedFrom + ")"
	}
	if e.Review != "" {
		s += " (" + e.Review + ")"
	}
	return s
}

func joinCounts(n []int) string {
	parts := make([]string, len(n))
	for i, k := range n {
		parts[i] = fmt.Sprint(k)
	}
	return strings.Join(parts, "/")
}

// legend says what the figures are: a line for the counts, one for the
// actions done.
func (t historyTable) legend() []string {
	if len(t.levels) == 0 {
		return nil
	}
	return []string{"Counts are " + strings.Join(t.levels, " / ") + ".", doneLegend}
}

// actionsCounted says what the actions done are counted of, as ladder
// status counts the actions it lists (plans.ActionCounts).
const actionsCounted = "each item's action and each project-plan step, a step that repeats an item's action counted once"

// doneLegend says what the Done column counts.
const doneLegend = "Done is actions done / all actions: " + actionsCounted + "."

// HistoryText renders a plan's history as an aligned table for a terminal
// cols columns wide, oldest first. name is the plan's path, for the
// heading. The subjects are beside the counts when there is room for them,
// else listed below the counts, which are split into tables that fit (see
// commitRows).
func HistoryText(name string, entries []plans.HistoryEntry, firstParent bool, cols int) []byte {
	t := newHistoryTable(entries)
	var b strings.Builder
	for _, l := range wrapTo(fmt.Sprintf("History of %s: %s", plain(name), historyExtent(entries, firstParent)), cols) {
		b.WriteString(l + "\n")
	}
	for _, l := range t.legend() {
		for _, l := range wrapTo(l, cols) {
			b.WriteString(l + "\n")
		}
	}
	b.WriteByte('\n')
	subjects := make([]string, len(entries))
	for i, e := range entries {
		subjects[i] = plain(historySubject(e))
	}
	commitRows{header: t.header, rows: t.rows, notes: t.problem, subjects: subjects}.write(&b, cols)
	return []byte(b.String())
}

// HistoryMarkdown renders a plan's history as a Markdown table. To keep
// rows within markdownlint's line length, the commits' subjects, and why
// the plan could not be counted at some, are listed below the table.
func HistoryMarkdown(name string, entries []plans.HistoryEntry, firstParent bool) []byte {
	t := newHistoryTable(entries)
	var m markdown
	m.heading(1, "History of "+mdText(name))
	intro := historyExtent(entries, firstParent)
	if l := t.legend(); l != nil {
		intro += " " + strings.Join(l, " ")
	}
	m.para(mdText(intro))
	cols := len(t.header) - 1 // without Subject
	header := make([]string, cols)
	right := make([]bool, cols)
	for i := range cols {
		header[i] = mdText(t.header[i])
		right[i] = i >= 2
	}
	var rows [][]string
	var commits []string
	for ri, r := range t.rows {
		cells := make([]string, cols)
		for i := range cells {
			cells[i] = "-"
			if i < len(r) && r[i] != "" {
				cells[i] = mdText(r[i])
			}
		}
		about := historySubject(entries[ri])
		if p := t.problem[ri]; p != "" {
			cells[cols-1] = "see below"
			about += " (" + p + ")"
		}
		rows = append(rows, cells)
		commits = append(commits, field(mdText(r[1]+", "+r[0]), mdText(about)))
	}
	m.splitTable(2, header, right, rows)
	m.heading(2, "Commits")
	m.list(commits)
	return m.bytes()
}

// earlierExtent says which of a history's first rows are the commits of
// the reviews the plan carried on from, up to where each was carried on
// (", the first 2 of plans/2026/acme.yaml, the review it carried on
// from, ..."): "" when none are. A year on, a history that began at the
// carry-on read as if the plan had no past.
func earlierExtent(entries []plans.HistoryEntry) string {
	var reviews []string
	counts := map[string]int{}
	n := 0
	for _, e := range entries {
		if e.Review == "" {
			break
		}
		if counts[e.Review] == 0 {
			reviews = append(reviews, e.Review)
		}
		counts[e.Review]++
		n++
	}
	switch len(reviews) {
	case 0:
		return ""
	case 1:
		r := plain(reviews[0])
		first := fmt.Sprintf("the first %d", n)
		if n == 1 {
			first = "the first" // not "the first 1"
		}
		return fmt.Sprintf(", %s of %s, the review it carried on from, up to where it was carried on (all of its own: ladder history %s)", first, r, plans.CommandPath(r))
	}
	parts := make([]string, len(reviews))
	for i, r := range reviews {
		parts[i] = fmt.Sprintf("%s (%d)", plain(r), counts[r])
	}
	return fmt.Sprintf(", the first %d of the reviews it carried on from, oldest first, each up to where it was carried on: %s", n, strings.Join(parts, ", "))
}

// historyExtent says how many commits a history lists, oldest first, and
// what a merge among them stands for. Along first parents (history's
// default) a merge is one row and its branch's commits are not listed: a
// reader who looks for theirs should know why, and where to find it.
// With every commit, branches' commits interleave by date, and a reader
// given the output without the command should know why the counts step
// back and forth.
func historyExtent(entries []plans.HistoryEntry, firstParent bool) string {
	s := countNoun(len(entries), "commit") + ", oldest first" + earlierExtent(entries) + "."
	if !slices.ContainsFunc(entries, func(e plans.HistoryEntry) bool { return e.Merge }) {
		return s
	}
	if firstParent {
		return s + " A merge is one row, the plan as the merge left it (its branch's own commits: ladder history --all-commits)."
	}
	return s + " Every commit is listed by date, branches' among them: where two were worked on side by side, the counts step between their versions of the plan."
}

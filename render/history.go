package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// historyTable is the history laid out once for both renderings: a header
// row and one row per entry, or a problem in place of the counts.
type historyTable struct {
	levels  []string // scale labels with marks, then "○ Unrated"
	header  []string // Date, Commit, each area, Total, Subject
	rows    [][]string
	problem []string // per row: set when the plan did not load
}

// newHistoryTable lays out entries. The columns are the areas of the newest
// version that loaded; an older version whose checklist had other areas
// shows "-" for the areas it lacked.
func newHistoryTable(entries []plans.HistoryEntry) historyTable {
	var c *checklist.Checklist
	for i := len(entries) - 1; i >= 0 && c == nil; i-- {
		if entries[i].Plan != nil {
			c = entries[i].Plan.Checklist
		}
	}
	t := historyTable{header: []string{"Date", "Commit"}}
	var keys []string
	if c != nil {
		for _, l := range c.Scale {
			keys = append(keys, l.Key)
			t.levels = append(t.levels, plans.Label(c, l.Key))
		}
		keys = append(keys, checklist.Unrated)
		t.levels = append(t.levels, plans.MarkUnrated+" Unrated")
		for _, a := range c.Areas {
			t.header = append(t.header, a.Title)
		}
		t.header = append(t.header, "Total")
	}
	t.header = append(t.header, "Subject")
	for _, e := range entries {
		row := []string{e.Date.String(), e.Commit}
		if e.Plan == nil {
			t.rows = append(t.rows, row)
			t.problem = append(t.problem, e.Problem)
			continue
		}
		perArea, total := plans.CountsByKey(e.Plan, keys)
		for _, a := range c.Areas {
			row = append(row, countsCell(perArea[a.ID], e.Plan, a.ID))
		}
		row = append(row, joinCounts(total))
		t.rows = append(t.rows, append(row, e.Subject))
		t.problem = append(t.problem, "")
	}
	return t
}

// countsCell is "1/2/0/1" for an area, or "-" when the plan's checklist
// at that commit did not have the area.
func countsCell(n []int, p *plans.Plan, areaID string) string {
	if _, _, ok := p.Checklist.AreaByID(areaID); !ok {
		return "-"
	}
	if n == nil {
		return "0"
	}
	return joinCounts(n)
}

func joinCounts(n []int) string {
	parts := make([]string, len(n))
	for i, k := range n {
		parts[i] = fmt.Sprint(k)
	}
	return strings.Join(parts, "/")
}

func (t historyTable) legend() string {
	if len(t.levels) == 0 {
		return ""
	}
	return "Counts are " + strings.Join(t.levels, " / ") + "."
}

// HistoryText renders a plan's history as an aligned table for a terminal,
// oldest first. name is the plan's path, for the heading.
func HistoryText(name string, entries []plans.HistoryEntry) []byte {
	t := newHistoryTable(entries)
	var b strings.Builder
	fmt.Fprintf(&b, "History of %s: %s, oldest first.\n", name, countNoun(len(entries), "commit"))
	if l := t.legend(); l != "" {
		b.WriteString(l + "\n")
	}
	b.WriteByte('\n')
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = width(h)
	}
	for _, r := range t.rows {
		// A problem row holds only the date and commit; its message runs
		// on from there, unaligned.
		for i, cell := range r {
			widths[i] = max(widths[i], width(cell))
		}
	}
	writeAligned(&b, "", widths, t.header)
	for ri, r := range t.rows {
		if p := t.problem[ri]; p != "" {
			r = append(r, p)
		}
		writeAligned(&b, "", widths, r)
	}
	return []byte(b.String())
}

// HistoryMarkdown renders a plan's history as a Markdown table. To keep
// rows within markdownlint's line length, the table has no subjects, and
// the commits where the plan did not load are explained in a list below
// it.
func HistoryMarkdown(name string, entries []plans.HistoryEntry) []byte {
	t := newHistoryTable(entries)
	var m markdown
	m.heading(1, "History of "+mdText(name))
	intro := countNoun(len(entries), "commit") + ", oldest first."
	if l := t.legend(); l != "" {
		intro += " " + l
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
	var problems []string
	for ri, r := range t.rows {
		cells := make([]string, cols)
		for i := range cells {
			cells[i] = "-"
			if i < len(r) && r[i] != "" {
				cells[i] = mdText(r[i])
			}
		}
		if p := t.problem[ri]; p != "" {
			cells[cols-1] = "see below"
			problems = append(problems, field(mdText(r[1]+", "+r[0]), mdText(p)))
		}
		rows = append(rows, cells)
	}
	m.table(header, right, rows)
	if len(problems) > 0 {
		m.para("Commits where the plan could not be counted:")
		m.list(problems)
	}
	return m.bytes()
}

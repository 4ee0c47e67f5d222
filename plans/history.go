package plans

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// HistoryEntry is a plan as it was at one commit: its rating counts, or why
// it could not be read there. Reading git is the caller's business; this
// file only turns the versions into a table.
type HistoryEntry struct {
	Commit  string // abbreviated hash
	Date    Date
	Subject string
	Plan    *Plan // nil when the file did not load at this commit
	// Problem says why Plan is nil: the file was deleted, or what was wrong
	// with it ("12:5: rating \"purple\" is not one of ...").
	Problem string
}

// ProblemSummary is the first problem of a load error on one line, with a
// count of the rest, for a table row.
func ProblemSummary(err error) string {
	var fe *FileError
	if errors.As(err, &fe) && len(fe.Problems) > 0 {
		s := fe.Problems[0].String()
		if n := len(fe.Problems) - 1; n == 1 {
			s += " (and 1 more problem)"
		} else if n > 1 {
			s += fmt.Sprintf(" (and %d more problems)", n)
		}
		return s
	}
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

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
func newHistoryTable(entries []HistoryEntry) historyTable {
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
			t.levels = append(t.levels, Label(c, l.Key))
		}
		keys = append(keys, checklist.Unrated)
		t.levels = append(t.levels, MarkUnrated+" Unrated")
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
		perArea, total := countsByKey(e.Plan, keys)
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
func countsCell(n []int, p *Plan, areaID string) string {
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
func HistoryText(name string, entries []HistoryEntry) []byte {
	t := newHistoryTable(entries)
	var b strings.Builder
	fmt.Fprintf(&b, "History of %s: %s, oldest first.\n", name, countNoun(len(entries), "commit"))
	if l := t.legend(); l != "" {
		b.WriteString(l + "\n")
	}
	b.WriteByte('\n')
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = displayWidth(h)
	}
	for _, r := range t.rows {
		// A problem row holds only the date and commit; its message runs
		// on from there, unaligned.
		for i, cell := range r {
			widths[i] = max(widths[i], displayWidth(cell))
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
func HistoryMarkdown(name string, entries []HistoryEntry) []byte {
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

// countNoun is "1 commit" or "3 commits".
func countNoun(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}

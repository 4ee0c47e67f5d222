package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// writeStatusText lays the list out as aligned tables, one set of column
// widths for every group so the groups line up; the action runs on
// unpadded. Each plan's totals follow (grouped by plan, the group headings
// carry them).
func writeStatusText(d statusDoc) []byte {
	var b strings.Builder
	b.WriteString(d.intro() + "\n")
	if len(d.groups) == 0 {
		return []byte(b.String())
	}
	header, rawCells := d.columns()
	cells := func(r statusRow) []string {
		c := rawCells(r)
		for i := range c {
			c[i] = plain(c[i])
		}
		return c
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	rows := 0
	for _, g := range d.groups {
		for _, r := range g.rows {
			c := cells(r)
			for i, cell := range c[:len(c)-1] {
				widths[i] = max(widths[i], width(cell))
			}
			rows++
		}
	}
	b.Grow(rows * (widths[0] + widths[1] + widths[2] + 120))
	for _, g := range d.groups {
		fmt.Fprintf(&b, "\n%s (%s)\n", plain(g.title), g.summary)
		writeAligned(&b, "  ", widths, header)
		for _, r := range g.rows {
			writeAligned(&b, "  ", widths, cells(r))
		}
	}
	if d.by != ByPlan {
		textTotals(&b, d.totals)
	}
	return []byte(b.String())
}

// textTotals is a table of each plan's open actions by when they are due,
// with the plan's organisation and title.
func textTotals(b *strings.Builder, totals []planTotals) {
	header := []string{"Overdue", fmt.Sprintf("Next %d days", plans.SoonDays), "Later", "No date", "Plan"}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	fmt.Fprintf(b, "\nPlans (%d)\n", len(totals))
	writeAligned(b, "  ", widths, header)
	row := make([]string, len(header))
	for _, t := range totals {
		for i, n := range t.n {
			row[i] = strconv.Itoa(n)
		}
		row[4] = plain(planName(t.info))
		writeAligned(b, "  ", widths, row)
	}
}

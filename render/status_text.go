package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/socialmobility/ladder/plans"
)

// WriteStatusText writes what StatusText returns to w as it goes, so that
// a folder of ten thousand plans does not hold its whole list in memory
// twice.
func WriteStatusText(w io.Writer, o *plans.Outstanding, dir string, by StatusBy) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	writeStatusText(bw, buildStatus(o, dir, by))
	return bw.Flush()
}

// writeStatusText lays the list out as aligned tables, one set of column
// widths for every group so the groups line up; the action runs on
// unpadded. Each plan's totals follow (grouped by plan, the group headings
// carry them). The cells are made twice, once to measure them and once to
// write them, rather than kept.
func writeStatusText(b textWriter, d statusDoc) {
	b.WriteString(d.intro() + "\n")
	if len(d.groups) == 0 {
		return
	}
	header, rawCells := d.columns()
	clean := func(c []string) []string {
		for i := range c {
			c[i] = plain(c[i])
		}
		return c
	}
	cells := func(a int32) []string { return clean(rawCells(d.row(a))) }
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	for _, g := range d.groups {
		for _, a := range g.actions {
			c := clean(rawCells(d.padded(a)))
			for i, cell := range c[:len(c)-1] {
				widths[i] = max(widths[i], width(cell))
			}
		}
	}
	for _, g := range d.groups {
		b.WriteString("\n" + plain(g.title) + " (" + g.summary + ")\n")
		writeAligned(b, "  ", widths, header)
		for _, a := range g.actions {
			writeAligned(b, "  ", widths, cells(a))
		}
	}
	if d.by != ByPlan {
		textTotals(b, d.totals)
	}
}

// textTotals is a table of each plan's open actions by when they are due,
// with the plan's organisation and title.
func textTotals(b textWriter, totals []planTotals) {
	header := []string{"Overdue", fmt.Sprintf("Next %d days", plans.SoonDays), "Later", "No date", "Plan"}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	b.WriteString(fmt.Sprintf("\nPlans (%d)\n", len(totals)))
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

package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/socialmobility/ladder/plans"
)

// WriteStatusText writes the list StatusText returns to w as it goes, so
// that a folder of ten thousand plans never holds it whole in memory.
func WriteStatusText(w io.Writer, l *StatusList, dir string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeStatusText(bw, newStatusList(l, dir)); err != nil {
		return err
	}
	return bw.Flush()
}

// writeStatusText lays the list out as aligned tables, one set of column
// widths for every group so the groups line up (measured as the actions
// were added); the action runs on unpadded. Each plan's totals follow
// (grouped by plan, the group headings carry them).
func writeStatusText(b *bufio.Writer, d statusList) error {
	d.writeLine(b, d.intro())
	if d.o.Total() == 0 {
		return nil
	}
	header, cells := d.columns()
	widths := d.widths(header)
	err := d.each(func(title, summary string) error {
		b.WriteByte('\n')
		d.writeLine(b, plain(title)+" ("+summary+")")
		d.writeRow(b, widths, header)
		return nil
	}, func(a *plans.Listed) error {
		c := cells(d.row(a))
		for i := range c {
			c[i] = plain(c[i])
		}
		d.writeRow(b, widths, c)
		return nil
	})
	if err != nil || d.by == ByPlan {
		return err
	}
	return d.textTotals(b)
}

// minRunOn is the fewest columns the last cell of a row (an action, a
// plan's name) is wrapped to beside the others; with less room it goes on
// lines of its own below them.
const minRunOn = 24

// writeLine writes a line of prose, wrapped at spaces to the terminal.
func (d statusList) writeLine(b textWriter, s string) {
	if d.Width <= 0 {
		b.WriteString(s + "\n")
		return
	}
	for _, l := range wrapTo(s, d.Width) {
		b.WriteString(l + "\n")
	}
}

// writeRow writes a row of the table: aligned as it is for a file or a
// pipe, and in a terminal with its last cell wrapped at spaces to the
// room left, under itself, so that no word is cut at the edge.
func (d statusList) writeRow(b textWriter, widths []int, cells []string) {
	last := len(cells) - 1
	at := 2 + spanned(widths[:last]) + 2
	switch {
	case d.Width <= 0:
		writeAligned(b, "  ", widths, cells)
	case d.Width-at >= minRunOn:
		writeRunOn(b, "  ", widths, cells[:last], cells[last], at, d.Width)
	default:
		writeAligned(b, "  ", widths, cells[:last])
		for _, l := range wrapTo(cells[last], max(d.Width-6, 1)) {
			b.WriteString("      " + l + "\n")
		}
	}
}

// textTotals is a table of each plan's open actions by when they are due,
// with the plan's organisation and title.
func (d statusList) textTotals(b textWriter) error {
	o := d.o
	header := []string{"Overdue", fmt.Sprintf("Next %d days", plans.SoonDays), "Later", "No date", "Plan"}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	b.WriteString(fmt.Sprintf("\nPlans (%d)\n", o.Plans()))
	d.writeRow(b, widths, header)
	row := make([]string, len(header))
	return o.EachPlan(func(info plans.PlanInfo, open [4]int) error {
		for i, n := range open {
			row[i] = strconv.Itoa(n)
		}
		row[4] = plain(planName(info))
		d.writeRow(b, widths, row)
		return nil
	})
}

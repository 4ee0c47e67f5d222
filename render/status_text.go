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
	return writeStatusBuffered(w, l, dir, writeStatusText)
}

// writeStatusBuffered lays the list out with write, through a buffer on w.
func writeStatusBuffered(w io.Writer, l *StatusList, dir string, write func(*bufio.Writer, statusList) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(bw, newStatusList(l, dir)); err != nil {
		return err
	}
	return bw.Flush()
}

// writeStatusText lays the list out as aligned tables, one set of column
// widths for every group so the groups line up (measured as the actions
// were added); the action runs on unpadded. Each plan's totals follow
// (grouped by plan, the group headings carry them).
func writeStatusText(b *bufio.Writer, d statusList) error {
	b.WriteString(d.intro() + "\n")
	lone, err := d.sayLonePlan()
	if err != nil {
		return err
	}
	if lone != "" {
		b.WriteString(lone + "\n")
	}
	if err := writeStatusTables(b, d); err != nil {
		return err
	}
	first := true
	err = d.nextReviews(func(path, line string) error {
		if first {
			b.WriteString("\n" + d.nextReviewsTitle() + "\n")
			first = false
		}
		b.WriteString("  " + plain(path) + ": " + plain(line) + "\n")
		return nil
	})
	if due := d.reviewsToBegin(); err == nil && len(due) > 0 {
		b.WriteString("\n" + d.reviewsToBeginTitle(len(due)) + "\n")
		for _, r := range due {
			c := r.commandLines()
			b.WriteString("  " + r.line() + "\n    " + c[0] + "\n    " + c[1] + "\n")
		}
	}
	return err
}

// writeStatusTables writes the groups of open actions, then each plan's
// totals.
func writeStatusTables(b *bufio.Writer, d statusList) error {
	if d.o.Total() == 0 {
		return nil
	}
	header, cells := d.columns()
	widths := d.widths(header)
	err := d.each(func(title, summary string) error {
		b.WriteString("\n" + plain(title) + " (" + summary + ")\n")
		writeAligned(b, "  ", widths, header)
		return nil
	}, func(a *plans.Listed) error {
		c := cells(d.row(a))
		for i := range c {
			c[i] = plain(c[i])
		}
		writeAligned(b, "  ", widths, c)
		return nil
	})
	if err != nil || d.by == ByPlan || d.planSaid {
		return err
	}
	return textTotals(b, d.o)
}

// textTotals is a table of each plan's open actions by when they are due,
// with the plan's organisation and title. A plan carried on to its next
// review has none to chase, and is listed with the next reviews instead.
func textTotals(b textWriter, o *plans.Outstanding) error {
	header := []string{"Overdue", fmt.Sprintf("Next %d days", plans.SoonDays), "Later", "No date", "Plan"}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	b.WriteString(fmt.Sprintf("\nPlans (%d)\n", o.Plans()-o.CarriedOn()))
	writeAligned(b, "  ", widths, header)
	row := make([]string, len(header))
	return o.EachPlan(func(info plans.PlanInfo, open [4]int) error {
		if info.CarriedOnTo != "" {
			return nil
		}
		for i, n := range open {
			row[i] = strconv.Itoa(n)
		}
		row[4] = plain(planName(info))
		writeAligned(b, "  ", widths, row)
		return nil
	})
}

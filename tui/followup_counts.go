package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The counts question ("How many did you get in each area?") is answered
// by the program from the ratings, never typed: its screen is this table
// and the due date. The summary shows the same table.

// countsTable draws the rating counts per area and over all areas, w cells
// wide: one column per level of the scale and one for unrated items, each
// headed by its shape, word and colour.
func countsTable(c *common, w int) string {
	p := c.plan()
	cl := p.Checklist
	st := c.styles
	perArea, total := p.Counts()

	nameWidth := ansi.StringWidth("All areas")
	for _, ac := range perArea {
		nameWidth = max(nameWidth, ansi.StringWidth(ac.Area.Title))
	}
	heads := make([]string, 0, len(cl.Scale)+1)
	for _, l := range cl.Scale {
		heads = append(heads, st.rating(cl, l.Key))
	}
	heads = append(heads, st.rating(cl, checklist.Unrated))
	columns := func() (widths []int, used int) {
		for _, h := range heads {
			widths = append(widths, max(ansi.StringWidth(h), 3))
			used += widths[len(widths)-1] + 2
		}
		return widths, used
	}
	widths, used := columns()
	// A scale whose words do not fit across the window (five levels, long
	// words) heads its columns with the shapes alone, named in a legend
	// under the table.
	compact := used+min(nameWidth, 12) > w
	if compact {
		for i, l := range cl.Scale {
			heads[i] = st.ratingMark(cl, l.Key)
		}
		heads[len(heads)-1] = st.ratingMark(cl, checklist.Unrated)
		widths, used = columns()
	}
	nameWidth = min(nameWidth, max(w-used, 8))

	var b strings.Builder
	b.WriteString(strings.Repeat(" ", nameWidth))
	for i, h := range heads {
		b.WriteString("  " + padLeft(h, widths[i]))
	}
	row := func(name string, counts plans.Counts, bold bool) {
		b.WriteString("\n")
		name = padRight(ansi.Truncate(name, nameWidth, "…"), nameWidth)
		if bold {
			name = st.Label.Render(name)
		}
		b.WriteString(name)
		for i, n := range append(append([]int(nil), counts.ByLevel...), counts.Unrated) {
			level := i
			if i == len(counts.ByLevel) {
				level = -1
			}
			num := padLeft(strconv.Itoa(n), widths[i])
			if n > 0 {
				num = st.levelStyle(level, len(cl.Scale)).Render(num)
			} else {
				num = st.Subtle.Render(num)
			}
			b.WriteString("  " + num)
		}
	}
	for _, ac := range perArea {
		row(areaName(ac.Area, nameWidth), ac.Counts, false)
	}
	if len(perArea) > 1 {
		row("All areas", total, true)
	}
	if compact {
		b.WriteString("\n" + strings.Join(legendLines(c, w, 0), "\n"))
	}
	return b.String()
}

// countsNote says where the counts come from, and what is left to rate.
func countsNote(p *plans.Plan) string {
	_, total := p.Counts()
	switch total.Unrated {
	case 0:
		return "Worked out from your ratings: every item is rated."
	case 1:
		return "Worked out from your ratings. 1 item is not rated yet: o shows which."
	}
	return "Worked out from your ratings. " + strconv.Itoa(total.Unrated) + " items are not rated yet: o shows which."
}

// countsAnswer is the counts question's answer in h lines: the table and
// its note; the table alone where both do not fit; and where the table
// does not either, as many of its rows as fit and a line saying the rest
// are there. The question takes no keys that would scroll it, and
// presenter mode at 60x16 showed the first area's row alone.
func countsAnswer(c *common, w, h int) string {
	st := &c.styles
	table := countsTable(c, w)
	full := table + "\n\n" + st.Subtle.Render(wrapIndented(countsNote(c.plan()), w, 0, 2))
	switch n := lineCount(table); {
	case lineCount(full) <= h:
		return full
	case n <= h:
		return table
	case h < 1:
		return ""
	default:
		// On one line, the line saying the rows are there: the table's
		// header alone said nothing (a scale of four or five levels heads
		// it with shapes alone).
		more := st.Subtle.Render(ansi.Truncate(fmt.Sprintf("  ↓ %d more rows: a taller window shows them", n-(h-1)), w, "…"))
		if h == 1 {
			return more
		}
		return clipLines(table, h-1) + "\n" + more
	}
}

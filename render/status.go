package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// StatusText renders the open actions of a folder for a terminal: one
// aligned table per group, each
// action with its due date, how late or near it is, its owner, its plan and
// what it is.
func StatusText(o *plans.Outstanding, dir string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "Open actions on %s in %s (%s): %s.\n", o.Today, dir, countNoun(o.Plans, "plan"), statusSummary(o))
	if o.Total() == 0 {
		return []byte(b.String())
	}
	groups := []struct {
		title   string
		actions []plans.PlanAction
	}{
		{"Overdue", o.Overdue},
		{fmt.Sprintf("Due in the next %d days", plans.SoonDays), o.Soon},
		{"Later", o.Later},
		{"No due date", o.Undated},
	}
	// The first four columns are padded, with one set of widths for every
	// group so the groups line up; the action runs on unpadded.
	header := []string{"Due", "When", "Owner", "Plan", "Action"}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	cells := make([][4]string, 0, o.Total())
	for _, g := range groups {
		for _, a := range g.actions {
			c := statusCells(o, a)
			for i, cell := range c {
				widths[i] = max(widths[i], width(cell))
			}
			cells = append(cells, c)
		}
	}
	b.Grow(len(cells) * (widths[0] + widths[1] + widths[2] + widths[3] + 160))
	row := make([]string, len(header))
	n := 0
	for _, g := range groups {
		if len(g.actions) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d)\n", g.title, len(g.actions))
		writeAligned(&b, "  ", widths, header)
		for _, a := range g.actions {
			copy(row, cells[n][:])
			row[4] = actionText(a)
			writeAligned(&b, "  ", widths, row)
			n++
		}
	}
	return []byte(b.String())
}

func statusSummary(o *plans.Outstanding) string {
	if o.Total() == 0 {
		return "nothing open"
	}
	parts := []string{
		fmt.Sprintf("%d overdue", len(o.Overdue)),
		fmt.Sprintf("%d due in the next %d days", len(o.Soon), plans.SoonDays),
		fmt.Sprintf("%d later", len(o.Later)),
	}
	if len(o.Undated) > 0 {
		parts = append(parts, fmt.Sprintf("%d with no due date", len(o.Undated)))
	}
	return strings.Join(parts, ", ")
}

// cells gives an action's due date, how late or soon that is, its owner
// and its plan.
func statusCells(o *plans.Outstanding, a plans.PlanAction) [4]string {
	due, when := "-", ""
	if !a.Due.IsZero() {
		due = a.Due.String()
		switch n := o.Today.DaysUntil(a.Due); {
		case n < 0:
			when = countNoun(-n, "day") + " late"
		case n == 0:
			when = "today"
		default:
			when = "in " + countNoun(n, "day")
		}
	}
	owner := oneLine(a.Owner)
	if owner == "" {
		owner = "(no owner)"
	}
	return [4]string{due, when, owner, a.Path}
}

// actionText is what an action is, with where it comes from.
func actionText(a plans.PlanAction) string {
	text := oneLine(a.Text)
	if text == "" {
		text = "(no description)"
	}
	if a.What != "" {
		text += " [" + oneLine(a.What) + "]"
	}
	return text
}

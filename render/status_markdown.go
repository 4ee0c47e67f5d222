package render

import (
	"fmt"
	"strings"
)

// writeStatusMarkdown lays the list out for a check-in issue: a heading
// per group and a list entry per action ("**2027-02-28, 1 day late:**
// Write the vision. Owner: Ana. Plan: plans/acme.yaml."), then each plan's
// totals. Lists wrap where tables could not, so long actions stay within
// markdownlint's line length.
func writeStatusMarkdown(d statusDoc) []byte {
	var m markdown
	m.heading(1, "Open actions on "+d.today.String())
	m.para(mdText(d.intro()))
	header, cells := d.columns()
	for _, g := range d.groups {
		m.heading(2, mdText(g.title+" ("+g.summary+")"))
		entries := make([]string, len(g.actions))
		for i, a := range g.actions {
			entries[i] = mdStatusEntry(header, cells(d.row(a)))
		}
		m.list(entries)
	}
	if d.by != ByPlan && len(d.totals) > 0 {
		m.heading(2, "Totals per plan")
		entries := make([]string, len(d.totals))
		for i, t := range d.totals {
			entries[i] = field(mdText(planName(t.info)), urgencySummary(t.n))
		}
		m.list(entries)
	}
	return m.bytes()
}

// mdStatusEntry is "**2027-02-28, 1 day late:** ACTION. Owner: Ana. Plan:
// plans/a.yaml." from the cells under header (Due and When first, Action
// last).
func mdStatusEntry(header, cells []string) string {
	when := "No due date"
	if cells[0] != "-" {
		when = cells[0] + ", " + cells[1]
	}
	last := len(cells) - 1
	parts := []string{field(when, mdText(strings.TrimRight(cells[last], "."))+".")}
	for i := 2; i < last; i++ {
		parts = append(parts, fmt.Sprintf("%s: %s.", header[i], mdText(strings.TrimRight(cells[i], "."))))
	}
	return strings.Join(parts, " ")
}

package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// WriteStatusMarkdown writes the list StatusMarkdown returns to w as it
// goes.
func WriteStatusMarkdown(w io.Writer, l *StatusList, dir string) error {
	return writeStatusMarkdown(w, newStatusList(l, dir))
}

// writeStatusMarkdown lays the list out for a check-in issue: a heading
// per group and a list entry per action ("**2027-02-28, 1 day late:**
// Write the vision. Owner: Ana. Plan: plans/acme.yaml."), then each plan's
// totals. Lists wrap where tables could not, so long actions stay within
// markdownlint's line length.
func writeStatusMarkdown(w io.Writer, d statusList) error {
	var m markdown
	m.heading(1, "Open actions on "+d.o.Today.String())
	m.para(mdText(d.intro()))
	lone, err := d.sayLonePlan()
	if err != nil {
		return err
	}
	if lone != "" {
		m.para(mdText(lone))
	}
	header, cells := d.columns()
	err = d.each(func(title, summary string) error {
		m.heading(2, mdText(title+" ("+summary+")"))
		m.block()
		return m.flush(w, false)
	}, func(a *plans.Listed) error {
		m.entry(mdStatusEntry(header, cells(d.row(a))))
		return m.flush(w, false)
	})
	if err != nil {
		return err
	}
	if d.by != ByPlan && !d.planSaid && d.o.Plans() > d.o.CarriedOn() && d.o.Total() > 0 { // as the text: "nothing open" needs no totals
		m.heading(2, "Totals per plan")
		m.block()
		err := d.o.EachPlan(func(info plans.PlanInfo, open [4]int) error {
			if info.CarriedOnTo != "" {
				return nil // with the next reviews, below
			}
			m.entry(field(mdText(planName(info)), urgencySummary(open)))
			return m.flush(w, false)
		})
		if err != nil {
			return err
		}
	}
	first := true
	err = d.nextReviews(func(path, line string) error {
		if first {
			m.heading(2, d.nextReviewsTitle())
			m.block()
			first = false
		}
		m.entry(field(mdText(path), mdText(line)+"."))
		return m.flush(w, false)
	})
	if err != nil {
		return err
	}
	if due := d.reviewsToBegin(); len(due) > 0 {
		m.heading(2, d.reviewsToBeginTitle(len(due)))
		m.block()
		for _, r := range due {
			m.entry(mdText(r.line()) + " " + mdCode(plain(r.command)))
		}
	}
	return m.flush(w, true)
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

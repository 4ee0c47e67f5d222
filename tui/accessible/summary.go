package accessible

import (
	"github.com/socialmobility/ladder/plans"
)

// summary ends the review: the counts per area, the open actions by due
// date, where the plan is, and how to commit it.
func (r *review) summary() {
	p := r.s.plan()
	path := r.s.file.Path
	perArea, total := p.Counts()
	r.p.blank()
	r.p.say("Summary of the review of %s: %s.", p.Organisation, p.Title)
	for ai := range perArea {
		r.p.say("%s", countsLine(p, ai))
	}
	r.p.say("All areas: %s", countsText(p.Checklist, total))
	if total.Unrated > 0 {
		r.p.say("%d items are not rated yet. To rate them, run: ladder review --accessible %s", total.Unrated, shellQuote(path))
	}

	actions := openActions(p)
	if len(actions) == 0 {
		r.p.say("There are no open actions.")
	} else {
		r.p.say("Open actions by due date:")
		for i, a := range actions {
			line := describe(a.Text, a.Owner, a.Due, a.Status)
			if !a.Due.IsZero() && a.Due.Before(r.today) {
				line += "; overdue"
			}
			r.p.say("%d. %s", i+1, line)
		}
	}

	r.p.blank()
	r.p.say("The plan is saved in %s.", path)
	r.p.say("To keep it in git, run:")
	r.p.say("git add -- %s", shellQuote(path))
	r.p.say("git commit -m %s -- %s", shellQuote("Review of "+p.Organisation+": "+p.Title), shellQuote(path))
}

// openActions are the plan's open actions by due date, leaving out a
// project-plan step that only repeats the item action it came from (the
// same text, owner and due date), so that nothing is listed twice.
func openActions(p *plans.Plan) []plans.Action {
	type key struct {
		text, owner string
		due         plans.Date
	}
	items := map[key]bool{}
	all := p.OpenActions()
	for _, a := range all {
		if a.ItemID != "" {
			items[key{a.Text, a.Owner, a.Due}] = true
		}
	}
	var out []plans.Action
	for _, a := range all {
		if a.ItemID == "" && items[key{a.Text, a.Owner, a.Due}] {
			continue
		}
		out = append(out, a)
	}
	return out
}

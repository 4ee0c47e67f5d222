package accessible

import (
	"slices"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// summary ends the review: the counts per area, the open actions by due
// date, where the plan is, and how to commit it.
func (r *reviewer) summary() {
	p := r.s.Plan()
	path := r.s.Path()
	perArea, total := p.Counts()
	r.p.blank()
	r.p.say("Summary of the review of %s: %s.", safetext.Line(p.Organisation), safetext.Line(p.Title))
	for ai := range perArea {
		r.p.say("%s", countsLine(p, ai))
	}
	r.p.say("All areas: %s", countsText(p.Checklist, total))
	if total.Unrated > 0 {
		r.p.say("%d %s not rated yet. To rate %s, run: ladder review --accessible %s", total.Unrated,
			plural(total.Unrated, "item is", "items are"), plural(total.Unrated, "it", "them"), plans.CommandPath(path))
	}
	if flagged := p.Revisits(); len(flagged) > 0 {
		r.p.say("Flagged to revisit:")
		for _, e := range flagged {
			r.p.say("- item %d, %s: %s", e.Ref.Seq+1, ratingWord(p.Checklist, p.Items[e.Item.ID].Rating), e.Item.Title)
		}
	}

	actions := p.ActionsToChase()
	if len(actions) == 0 {
		r.p.say("There are no open actions.")
	} else {
		r.p.say("Open actions by due date:")
		for i, a := range actions {
			r.p.say("%d. %s", i+1, describe(a.Text, a.Owner, a.Due, a.Status, r.today))
		}
	}

	// The last thing heard names what a resume would (walk): after the
	// end, item N is no longer a command, so it says how to come back.
	if said, first, n := r.ratedWithoutAction(); n > 0 {
		r.p.say("%s. To write %s, run: ladder review --accessible %s, then type item %d.", said, plural(n, "it", "them"), plans.CommandPath(path), first)
	}

	r.p.blank()
	r.p.say("The plan is saved in %s.", shown(path))
	r.sayGitSteps("the plan", "it")
}

// sayGitSteps gives the git commands that commit the plan, and the plan
// it carried on from when there is one (review.Session.CommitSteps),
// keeping what (then "it" once the folder is in git) as the words say.
func (r *reviewer) sayGitSteps(what, it string) {
	steps := r.s.CommitSteps()
	if slices.Equal(steps[0], []string{"git", "init"}) {
		r.p.say("This folder is not in git yet. To keep %s in git, run these %d commands:", what, len(steps))
	} else {
		r.p.say("To keep %s in git, run:", it)
	}
	for _, words := range steps {
		r.p.say("%s", strings.Join(words, " "))
	}
}

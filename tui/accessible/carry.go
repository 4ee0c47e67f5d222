package accessible

import (
	"errors"
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// carryOn begins the next review at path (or, when path is empty, at a
// file in the plans folder) from the plan at from (review --from): the
// same organisation and checklist, with its open actions and project-plan
// steps, rated afresh.
func (r *reviewer) carryOn(path, from string, resolve plans.Resolver) (*review.Session, error) {
	prev, err := plans.Open(from, resolve)
	if err != nil {
		return nil, err
	}
	defer prev.Close()
	p := prev.Plan
	if err := plans.CheckCarryOn(from, p); err != nil {
		return nil, review.CarryRefused(err)
	}
	if next := plans.CutShortCarrier(from, p); next != "" {
		return r.finishCarry(prev, next, resolve)
	}
	if path != "" {
		if exists, err := review.Locate(path); err != nil || exists {
			return nil, refuseFrom(path, err)
		}
	}
	last, carried := review.CarryPreview(p, r.today)
	org := last.Organisation
	r.p.blank()
	r.p.say("The next review of %s, carried on from %s (%s, %s).", safetext.Line(org), shown(from), safetext.Line(last.Title), friendly(p.Date))
	if what := carried.Words(); what != "" {
		r.p.say("It carries on %s; ratings start afresh, on the same checklist.", what)
	} else {
		r.p.say("It carries on nothing: %s has no open actions or project-plan steps; ratings start afresh, on the same checklist.", shown(from))
	}
	// This year's title suggested, as the screens' form suggests it and
	// ladder status does: Enter keeps it.
	_, title := plans.NextReviewNames(from, last.Title, p.Date.Year, plans.NextReviewYear(p.Date, r.today))
	title = review.CleanLine(title)
	facilitator, people := last.Facilitator, strings.Join(last.Participants, ", ")
	err = r.details(r.whoAndWhat("A name for this review. Last time: "+last.Title+".", &title, &facilitator, &people)...)
	if err != nil {
		return nil, err
	}
	s, err := review.Create(review.NewPlan{Path: path, Dir: r.opts.Dir, Organisation: org, Title: title, Facilitator: facilitator,
		Participants: review.SplitNames(people), Previous: prev, Today: r.today}, resolve)
	switch {
	case s != nil && errors.Is(err, plans.ErrNotLinked):
		r.p.say("Created the plan %s. But %v", shown(s.Path()), err)
	case errors.Is(err, plans.ErrChangedOnDisk):
		return nil, fmt.Errorf("%s changed on disk while you answered, so nothing was written: run the same command again, to carry on what it says now", from)
	case err != nil:
		return nil, err
	default:
		r.p.say("Created the plan %s. From %s it carried on %s; %s now names it as its next review.", shown(s.Path()), shown(from), orNothing(s.Carried().Words()), shown(from))
		r.linked = from
	}
	return s, nil
}

// finishCarry carries prev on into next, the review that a carry-on cut
// short wrote (the laptop died between its two writes, or prev was
// checked out again since), as the screens' c does: asked for a new
// review's details and then refused, the person was left with neither.
// next opens as it was left.
func (r *reviewer) finishCarry(prev *plans.File, next string, resolve plans.Resolver) (*review.Session, error) {
	s, err := review.FinishCarryOn(prev, next, resolve, r.today)
	switch {
	case s != nil && errors.Is(err, plans.ErrNotLinked):
		r.p.say("%v", err)
	case err != nil:
		return nil, err
	default:
		r.p.say("Finished carrying on %s into %s, begun before and left as it was: its open actions are chased there now.", shown(prev.Path), shown(next))
		r.linked = prev.Path
	}
	r.sayOpened(s)
	return s, nil
}

// sayLinked, when this run carried a plan on and gave it its next_review
// line, says so again as the review stops short of its summary, with the
// git commands that commit both files: the new plan alone would leave
// last year's actions chased in both plans on every other clone.
func (r *reviewer) sayLinked() {
	if r.linked == "" {
		return
	}
	r.p.say("%s changed too: it now names %s as its next review.", shown(r.linked), shown(r.s.Path()))
	r.sayGitSteps("both plans", "both")
}

// refuseFrom says why review --from cannot make path the next review.
func refuseFrom(path string, err error) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%s exists already: --from begins a new review, so name a plan file that is not there yet", path)
}

func orNothing(what string) string {
	if what == "" {
		return "nothing"
	}
	return what
}

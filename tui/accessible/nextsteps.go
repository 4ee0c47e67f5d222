package accessible

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// nextSteps asks the checklist's follow-up questions, word for word, in
// the session's order, each followed by its due date.
func (r *reviewer) nextSteps() error {
	questions := r.s.Questions()
	if len(questions) == 0 {
		return nil
	}
	r.p.blank()
	r.p.say("Next steps: %d questions about what to do now.", len(questions))
	for at := review.Question(0); at.Kind == review.AtQuestion; at = r.s.After(at) {
		r.s.MoveTo(at)
		f := questions[at.Index]
		r.p.blank()
		r.p.say("Question %d of %d: %s", at.Index+1, len(questions), f.Question)
		var err error
		switch f.Kind {
		case checklist.KindCounts:
			r.counts()
		case checklist.KindList:
			err = r.list(f.ID)
		case checklist.KindPerArea:
			err = r.perArea(f.ID)
		case checklist.KindText:
			err = r.textAnswer(f.ID)
		case checklist.KindPlan:
			err = r.projectPlan(f.ID)
		}
		if err != nil {
			return err
		}
		err = r.p.date("Due date", "When should this be done by?", r.s.Plan().Answer(f.ID).Due, func(text string) (plans.Date, error) {
			d, sn, err := r.s.SetQuestionDue(f.ID, text)
			r.save(sn)
			return d, err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// counts prints the counts per area: they come from the ratings and are
// never typed.
func (r *reviewer) counts() {
	p := r.s.Plan()
	r.p.say("Worked out from your ratings:")
	for ai := range p.Checklist.Areas {
		r.p.say("%s", countsLine(p, ai))
	}
}

// list asks for several short answers (the quick wins): chosen by number
// from the session's options (the actions written so far, each area's "If
// all you do is..." suggestions, and answers given before), then any typed
// ones.
func (r *reviewer) list(id string) error {
	current := r.s.Plan().Answer(id).List
	options := r.s.Options(id)
	if len(current) > 0 {
		r.p.say("So far: %s.", strings.Join(current, "; "))
	}
	if len(options) > 0 {
		group := "-"
		for i, o := range options {
			if g := optionGroup(o); g != group {
				group = g
				r.p.say("%s", group)
			}
			r.p.say("%d) %s", i+1, o.Text)
		}
		keep := "press Enter to choose none"
		if len(current) > 0 {
			keep = "Enter keeps what you have so far; type " + clearWord + " to start again with none"
		}
		r.p.say("Type their numbers separated by commas, for example 1,3, or %s.", keep)
		for {
			s, err := r.p.line("Numbers")
			if err != nil {
				return err
			}
			if s == "" {
				break
			}
			var chosen []string
			if s != clearWord {
				picks, err := numbers(s, len(options))
				if err != nil {
					r.p.say("%v. Please try again.", err)
					continue
				}
				for _, i := range picks {
					chosen = append(chosen, options[i].Text)
				}
			}
			r.save(r.s.SetList(id, chosen))
			break
		}
	}
	r.p.say("Type any others, one per line, and press Enter on an empty line when done.")
	for {
		s, err := r.p.line("Another")
		if err != nil || s == "" {
			return err
		}
		r.save(r.s.AddToList(id, s))
	}
}

// optionGroup is the heading an offered answer is listed under.
func optionGroup(o review.Option) string {
	switch o.From {
	case review.FromAction:
		return "The actions written so far:"
	case review.FromSuggestion:
		return "Suggested for " + o.Area + ", if all you do is..."
	}
	return "Your own, answered before:"
}

// perArea asks one line for each area.
func (r *reviewer) perArea(id string) error {
	for _, area := range r.s.Checklist().Areas {
		text, err := r.p.text(area.Title, "For "+area.Title+":", r.s.Plan().Answer(id).ByArea[area.ID])
		if err != nil {
			return err
		}
		r.save(r.s.SetAreaAnswer(id, area.ID, text))
	}
	return nil
}

// textAnswer asks one line.
func (r *reviewer) textAnswer(id string) error {
	text, err := r.p.text("Answer", "One line.", r.s.Plan().Answer(id).Text)
	if err != nil {
		return err
	}
	r.save(r.s.SetText(id, text))
	return nil
}

// projectPlan starts the project plan from the actions written so far,
// prints it, and takes new steps until an empty line.
func (r *reviewer) projectPlan(id string) error {
	if len(r.s.Steps(id)) == 0 {
		added, sn := r.s.StartProjectPlan(id)
		r.save(sn)
		if added > 0 {
			r.p.say("It starts with the %d actions written so far, by due date.", added)
		}
	} else if missing := r.s.ActionsNotInPlan(id); missing > 0 {
		r.p.say("%d actions written since the project plan was started are not in it.", missing)
		add, err := r.p.choose(question{prompt: "Add them", def: 1, enter: "leave the plan as it is", options: []choice{
			{label: "Yes, add them to the plan", words: []string{"yes", "y"}},
			{label: "No, leave the plan as it is", words: []string{"no", "n"}},
		}})
		if err != nil {
			return err
		}
		if add == 0 {
			_, sn := r.s.PullInActions(id)
			r.save(sn)
		}
	}
	r.printSteps(r.s.Steps(id))
	for {
		r.p.say("To add a step, type what is to be done; press Enter on an empty line when the plan is complete.")
		text, err := r.p.line("New step")
		if err != nil || text == "" {
			return err
		}
		stepID, err := r.s.NewStep(id, len(r.s.Steps(id)))
		if err != nil {
			return err
		}
		r.editStep(id, stepID, func(e *review.StepEdit) { e.Text = text })
		owner, err := r.p.text("Owner", "Who will do it?", "")
		if err != nil {
			return err
		}
		r.editStep(id, stepID, func(e *review.StepEdit) { e.Owner = owner })
		err = r.p.date("Due date", "When by?", plans.Date{}, func(text string) (plans.Date, error) {
			return r.editStep(id, stepID, func(e *review.StepEdit) { e.Due = text })
		})
		if err != nil {
			return err
		}
		r.p.say("Added step %d.", len(r.s.Steps(id)))
	}
}

// editStep changes one part of a step and saves it; it returns the step's
// due date, and why a due date typed was refused.
func (r *reviewer) editStep(followUpID string, stepID int, change func(e *review.StepEdit)) (plans.Date, error) {
	st := step(r.s.Plan(), followUpID, stepID)
	e := review.StepEdit{Text: st.Text, Owner: st.Owner, Due: st.Due.String(), Status: st.Status}
	change(&e)
	sn, err := r.s.EditStep(followUpID, stepID, e)
	r.save(sn)
	return step(r.s.Plan(), followUpID, stepID).Due, err
}

// step finds a project-plan step by its id (it is there: it was just
// added, and a plan moved to a copy keeps its steps).
func step(p *plans.Plan, followUpID string, stepID int) *plans.Step {
	steps := p.Answer(followUpID).Steps
	for i := range steps {
		if steps[i].ID == stepID {
			return &steps[i]
		}
	}
	panic(fmt.Sprintf("no step %d in %s", stepID, followUpID))
}

func (r *reviewer) printSteps(steps []plans.Step) {
	if len(steps) == 0 {
		r.p.say("The project plan has no steps yet.")
		return
	}
	r.p.say("The project plan so far:")
	for i, s := range steps {
		r.p.say("%d. %s", i+1, describe(s.Text, s.Owner, s.Due, s.Status))
	}
}

// describe is one action on one line: "Write the vision; owner Ana; due
// Wed 31 Mar 2027 (2027-03-31); todo".
func describe(text, owner string, due plans.Date, status plans.Status) string {
	parts := []string{oneLine(text)}
	if owner != "" {
		parts = append(parts, "owner "+owner)
	}
	if due.IsZero() {
		parts = append(parts, "no due date")
	} else {
		parts = append(parts, "due "+friendly(due))
	}
	return strings.Join(append(parts, string(status)), "; ")
}

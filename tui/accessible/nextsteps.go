package accessible

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// nextSteps asks the checklist's follow-up questions, word for word, each
// followed by its due date.
func (r *review) nextSteps() error {
	c := r.s.plan().Checklist
	if len(c.FollowUps) == 0 {
		return nil
	}
	r.p.blank()
	r.p.say("Next steps: %d questions about what to do now.", len(c.FollowUps))
	for i, f := range c.FollowUps {
		r.p.blank()
		r.p.say("Question %d of %d: %s", i+1, len(c.FollowUps), f.Question)
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
		due, err := r.p.date("Due date", "When should this be done by?", r.s.plan().Answer(f.ID).Due, r.today)
		if err != nil {
			return err
		}
		r.s.edit(func(p *plans.Plan) { p.Answer(f.ID).Due = due })
	}
	return nil
}

// counts prints the counts per area: they come from the ratings and are
// never typed.
func (r *review) counts() {
	p := r.s.plan()
	r.p.say("Worked out from your ratings:")
	for ai := range p.Checklist.Areas {
		r.p.say("%s", countsLine(p, ai))
	}
}

// list asks for several short answers (the quick wins): chosen by number
// from the actions written so far and each area's "If all you do is..."
// suggestions, then any typed ones.
func (r *review) list(id string) error {
	current := r.s.plan().Answer(id).List
	options := r.listOptions(current)
	if len(current) > 0 {
		r.p.say("So far: %s.", strings.Join(current, "; "))
	}
	if len(options) > 0 {
		group := "-"
		for i, o := range options {
			if o.group != group {
				group = o.group
				r.p.say("%s", group)
			}
			r.p.say("%d) %s", i+1, o.text)
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
					if t := options[i].text; !slices.Contains(chosen, t) {
						chosen = append(chosen, t)
					}
				}
			}
			r.s.edit(func(p *plans.Plan) { p.Answer(id).List = chosen })
			break
		}
	}
	r.p.say("Type any others, one per line, and press Enter on an empty line when done.")
	for {
		s, err := r.p.line("Another")
		if err != nil || s == "" {
			return err
		}
		r.s.edit(func(p *plans.Plan) {
			if a := p.Answer(id); !slices.Contains(a.List, s) {
				a.List = append(a.List, s)
			}
		})
	}
}

// listOption is an answer offered for a list question, under a heading
// that says where it comes from.
type listOption struct{ text, group string }

// listOptions are the answers offered for a list question: the written
// actions, the areas' suggestions, and whatever was answered before.
func (r *review) listOptions(current []string) []listOption {
	p := r.s.plan()
	var out []listOption
	seen := map[string]bool{}
	add := func(text, group string) {
		if !seen[text] {
			seen[text] = true
			out = append(out, listOption{text: text, group: group})
		}
	}
	for _, a := range p.WrittenActions() {
		add(a, "The actions written so far:")
	}
	for _, area := range p.Checklist.Areas {
		for _, s := range area.IfAllYouDo {
			add(s.Text, "Suggested for "+area.Title+", if all you do is...")
		}
	}
	for _, a := range current {
		add(a, "Your own, answered before:")
	}
	return out
}

// perArea asks one line for each area.
func (r *review) perArea(id string) error {
	for _, area := range r.s.plan().Checklist.Areas {
		text, err := r.p.text(area.Title, "For "+area.Title+":", r.s.plan().Answer(id).ByArea[area.ID])
		if err != nil {
			return err
		}
		r.s.edit(func(p *plans.Plan) {
			a := p.Answer(id)
			if a.ByArea == nil {
				a.ByArea = map[string]string{}
			}
			a.ByArea[area.ID] = text
		})
	}
	return nil
}

// textAnswer asks one line.
func (r *review) textAnswer(id string) error {
	text, err := r.p.text("Answer", "One line.", r.s.plan().Answer(id).Text)
	if err != nil {
		return err
	}
	r.s.edit(func(p *plans.Plan) { p.Answer(id).Text = text })
	return nil
}

// projectPlan starts the project plan from the actions written so far,
// prints it, and takes new steps until an empty line.
func (r *review) projectPlan(id string) error {
	if len(r.s.plan().Answer(id).Steps) == 0 {
		var added int
		r.s.edit(func(p *plans.Plan) { added = p.AddActionSteps() })
		if added > 0 {
			r.p.say("It starts with the %d actions written so far, by due date.", added)
		}
	} else if missing := actionsNotInPlan(r.s.plan(), id); missing > 0 {
		r.p.say("%d actions written since the project plan was started are not in it.", missing)
		add, err := r.p.choose(question{prompt: "Add them", def: 1, enter: "leave the plan as it is", options: []choice{
			{label: "Yes, add them to the plan", words: []string{"yes", "y"}},
			{label: "No, leave the plan as it is", words: []string{"no", "n"}},
		}})
		if err != nil {
			return err
		}
		if add == 0 {
			r.s.edit(func(p *plans.Plan) { p.AddActionSteps() })
		}
	}
	r.printSteps(r.s.plan().Answer(id).Steps)
	for {
		r.p.say("To add a step, type what is to be done; press Enter on an empty line when the plan is complete.")
		text, err := r.p.line("New step")
		if err != nil || text == "" {
			return err
		}
		var stepID int
		r.s.edit(func(p *plans.Plan) {
			a := p.Answer(id)
			stepID = a.NextStepID()
			a.Steps = append(a.Steps, plans.Step{ID: stepID, Text: text, Status: plans.StatusTodo})
		})
		owner, err := r.p.text("Owner", "Who will do it?", "")
		if err != nil {
			return err
		}
		r.s.edit(func(p *plans.Plan) { step(p, id, stepID).Owner = owner })
		due, err := r.p.date("Due date", "When by?", plans.Date{}, r.today)
		if err != nil {
			return err
		}
		r.s.edit(func(p *plans.Plan) { step(p, id, stepID).Due = due })
		r.p.say("Added step %d.", len(r.s.plan().Answer(id).Steps))
	}
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

func (r *review) printSteps(steps []plans.Step) {
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

// actionsNotInPlan counts the written actions that no step came from.
func actionsNotInPlan(p *plans.Plan, id string) int {
	from := map[string]bool{}
	for _, s := range p.Answer(id).Steps {
		from[s.From] = true
	}
	n := 0
	for _, e := range p.Checklist.Items() {
		if p.Response(e.Item.ID).Action != "" && !from[e.Item.ID] {
			n++
		}
	}
	return n
}

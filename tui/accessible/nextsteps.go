package accessible

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// question asks next-steps question i, word for word, then its due date.
// The first one says how many there are.
func (r *reviewer) question(i int) error {
	questions := r.s.Questions()
	if len(questions) == 0 {
		return nil
	}
	if i == 0 {
		r.p.blank()
		r.p.say("Next steps: %d questions about what to do now.", len(questions))
	}
	f := questions[i]
	r.p.blank()
	r.p.say("Question %d of %d: %s", i+1, len(questions), f.Question)
	if prev, ok := r.s.PreviousAnswer(f.ID); ok {
		due := ""
		if !prev.Due.IsZero() {
			due = " It was due by " + friendly(prev.Due) + "."
		}
		r.p.say("Last review, on %s: %s.%s", friendly(prev.Date), strings.TrimSuffix(prev.Words, "."), due)
	}
	r.sayAskingIdeas(f)
	for {
		if err := r.questionAnswer(f); err != nil {
			return err
		}
		err := r.questionDue(f)
		if !errors.Is(err, errBack) || f.Kind == checklist.KindCounts {
			return err
		}
		// back at the due date goes to the question's own answer, as
		// inside an item; the counts ask nothing, so back there goes to
		// the question before.
		r.p.say("Back to the answer of question %d of %d.", i+1, len(questions))
	}
}

// questionAnswer asks what question f asks, by its kind.
func (r *reviewer) questionAnswer(f checklist.FollowUp) error {
	switch f.Kind {
	case checklist.KindCounts:
		r.counts()
	case checklist.KindList:
		return r.list(f.ID)
	case checklist.KindPerArea:
		return r.perArea(f.ID)
	case checklist.KindText:
		return r.textAnswer(f.ID)
	case checklist.KindPlan:
		return r.projectPlan(f.ID)
	}
	return nil
}

// questionDue asks when question f's answer should be done by.
func (r *reviewer) questionDue(f checklist.FollowUp) error {
	if err := r.chooseDueBase(); err != nil {
		return err
	}
	late := func(d plans.Date) string {
		if w := review.QuestionLateWords(r.s.Plan().Answer(f.ID), d, r.today); w != "" {
			return ", " + w
		}
		return ""
	}
	return r.p.date("Due date", "When should this be done by?", r.s.Plan().Answer(f.ID).Due, late, func(text string) (plans.Date, error) {
		d, sn, err := r.s.SetQuestionDue(f.ID, text)
		r.save(sn)
		return d, err
	})
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
			keep = "Enter keeps what you have so far; type " + clearSaid + " to start again with none"
		}
		how := fmt.Sprintf("Type their numbers, for example 1 and 3, or %s.", keep) // "1,3" may be heard as one number
		r.p.say("%s", how)
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
					r.p.say("%v. %s", err, how) // how to type them, said after the whole list, said again
					continue
				}
				for _, i := range picks {
					chosen = append(chosen, options[i].Text)
				}
			}
			r.save(r.s.SetList(id, chosen))
			// The words, which a listener cannot see beside the
			// numbers typed.
			if len(chosen) > 0 {
				r.p.say("Chosen: %s.", strings.Join(r.s.Plan().Answer(id).List, "; "))
			} else {
				r.p.say("None chosen.")
			}
			break
		}
	}
	r.p.say("Type any others, one per line, and press Enter on an empty line when done.")
	for {
		s, err := r.p.textLine("Another")
		if err != nil || s == "" {
			return err
		}
		r.sayAdded(id, s)
	}
}

// sayAdded adds a typed answer to list question id and says it back as
// it was taken, which a listener cannot see, or that it was chosen
// already (SetList keeps each answer once).
func (r *reviewer) sayAdded(id, typed string) {
	before := len(r.s.Plan().Answer(id).List)
	r.save(r.s.AddToList(id, typed))
	if list := r.s.Plan().Answer(id).List; len(list) > before {
		r.p.say("Added: %s.", list[len(list)-1])
		return
	}
	r.p.say("Chosen already: %s.", review.CleanLine(typed))
}

// optionGroup is the heading an offered answer is listed under.
func optionGroup(o review.Option) string {
	switch o.From {
	case review.FromAction:
		return "The actions written so far:"
	case review.FromSuggestion:
		return "Suggested for " + o.Area + ", if all you do is..."
	case review.FromRoom:
		return "Ideas from the room:"
	}
	return "Your own, answered before:"
}

// perArea asks one line for each area.
func (r *reviewer) perArea(id string) error {
	areas := r.s.Checklist().Areas
	for i := 0; i < len(areas); i++ {
		area := areas[i]
		var text string
		err := errAnswerChanged
		// The prompt names the area; the hint says where it is among them.
		where := fmt.Sprintf("Area %d of %d.", i+1, len(areas))
		for errors.Is(err, errAnswerChanged) { // until no idea from the room changes this area's answer meanwhile
			text, err = r.p.text(area.Title, where, r.s.Plan().Answer(id).ByArea[area.ID])
		}
		if errors.Is(err, errBack) && i > 0 {
			// To the area before, as back inside an item goes to its
			// question before.
			r.p.say("Back to %s, area %d of %d.", areas[i-1].Title, i, len(areas))
			i -= 2
			continue
		}
		if err != nil {
			return err
		}
		r.save(r.s.SetAreaAnswer(id, area.ID, text))
	}
	return nil
}

// textAnswer asks an answer in free text (see lines).
func (r *reviewer) textAnswer(id string) error {
	text, err := r.p.lines("Answer", "", "the answer", r.s.Plan().Answer(id).Text)
	r.save(r.s.SetText(id, text)) // lines typed before ctrl+c too
	return err
}

// projectPlan starts the project plan from the actions written so far,
// prints it, and takes new steps until an empty line.
func (r *reviewer) projectPlan(id string) error {
	if len(r.s.Steps(id)) == 0 {
		added, sn := r.s.StartProjectPlan(id)
		r.save(sn)
		if added > 0 {
			actions := "actions"
			if added == 1 {
				actions = "action"
			}
			r.p.say("It starts with the %d %s written so far, by due date.", added, actions)
		}
	} else if missing := r.s.ActionsNotInPlan(id); missing > 0 {
		said, them := "%d actions written since the project plan was started are not in it.", "them"
		if missing == 1 {
			said, them = "%d action written since the project plan was started is not in it.", "it"
		}
		r.p.say(said, missing)
		add, err := r.p.choose(question{prompt: "Add " + them, def: 1, enter: "leave the plan as it is", options: []choice{
			{label: "Yes, add " + them + " to the plan", words: []string{"yes", "y"}},
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
	// How to answer is said in full once here; after it, between short
	// answers, a listener heard the same 150 characters again at every
	// step: one short line says what to type.
	for told := false; ; told = true {
		n := len(r.s.Steps(id))
		numbers := "1"
		if n > 1 {
			numbers = fmt.Sprintf("1 to %d", n)
		}
		switch {
		case n == 0:
			r.p.say("To add a step, type what is to be done; press Enter on an empty line when the plan is complete.")
		case !told:
			r.p.say("To add a step, type what is to be done; to change, move or remove a step, type its number (%s); press Enter on an empty line when the plan is complete.", numbers)
		default:
			r.p.say("Type a new step, or a step's number (%s) to change, move or remove it, or press Enter when the plan is complete.", numbers)
		}
		text, err := r.p.textLine("New step")
		if err != nil || text == "" {
			return err
		}
		if n, err := strconv.Atoi(text); err == nil && n >= 1 && n <= len(r.s.Steps(id)) {
			changed, err := r.changeStep(id, r.s.Steps(id)[n-1].ID)
			if err != nil {
				return err
			}
			if changed { // left as it is: the plan read again was noise
				r.printSteps(r.s.Steps(id))
			}
			continue
		}
		stepID, err := r.s.NewStep(id, len(r.s.Steps(id)))
		if err != nil {
			return err
		}
		r.editStep(id, stepID, func(e *review.StepEdit) { e.Text = text })
		if err := r.stepQuestions(id, stepID, stepOwnerQ, stepDueQ); err != nil {
			if leftFor := (goToItem{}); errors.Is(err, errBack) || errors.As(err, &leftFor) {
				r.sayStepStays(id, stepID)
			}
			return err
		}
		r.p.say("Added step %d.", len(r.s.Steps(id)))
	}
}

// sayStepStays says that a new step left before its due date (by back
// at its words, or item N) stays in the plan as it is, and how to change
// or remove it: back goes on to the question before the project plan,
// item N to the item, and a listener who left to be rid of a step typed
// by mistake would otherwise believe it gone, or never hear that it has
// no owner.
func (r *reviewer) sayStepStays(followUpID string, stepID int) {
	st := step(r.s.Plan(), followUpID, stepID)
	n := stepNumber(r.s.Plan(), followUpID, stepID)
	noOwner := ""
	if st.Owner == "" {
		noOwner = ", with no owner"
	}
	r.p.say("Step %d stays in the project plan%s: %s. To change or remove it, type %d at New step.",
		n, noOwner, describe(st.Text, st.Owner, st.Due, st.Status, r.today), n)
}

// changeStep asks what to do with a step of the project plan: change its
// text, owner, due date and status (Enter keeps each), move it up or
// down, or remove it (undo brings the last one removed back). changed is
// false where the step was left as it is.
func (r *reviewer) changeStep(followUpID string, stepID int) (changed bool, err error) {
	st := *step(r.s.Plan(), followUpID, stepID)
	r.p.say("Step: %s", describe(st.Text, st.Owner, st.Due, st.Status, r.today))
	what, err := r.p.choose(question{prompt: "Do", def: 4, enter: "leave it as it is",
		brief: "Change, move or remove it? Type ", options: []choice{
			{label: "Change it", short: "change", words: []string{"change", "edit"}},
			{label: "Move it up", short: "up", words: []string{"up"}},
			{label: "Move it down", short: "down", words: []string{"down"}},
			{label: "Remove it", short: "remove", words: []string{"remove", "delete"}},
			{label: "Leave it as it is", short: "leave", words: []string{"leave"}},
		}})
	if err != nil || what == 4 {
		return false, err
	}
	switch what {
	case 0:
		return true, r.editWholeStep(followUpID, stepID)
	case 1, 2:
		by := -1
		if what == 2 {
			by = 1
		}
		_, sn := r.s.MoveStep(followUpID, stepID, by)
		r.save(sn)
	case 3:
		_, sn := r.s.RemoveStep(followUpID, stepID)
		r.save(sn)
		r.p.say("Removed. To bring it back, answer the next question with undo.")
		undo, err := r.p.line("Undo")
		if err != nil {
			return true, err
		}
		if strings.EqualFold(undo, "undo") {
			_, _, _, sn := r.s.UndoRemoveStep(followUpID)
			r.save(sn)
			r.p.say("Brought back.")
		}
	}
	return true, nil
}

// editWholeStep asks a step's text, owner, due date and status again,
// Enter keeping each.
func (r *reviewer) editWholeStep(followUpID string, stepID int) error {
	return r.stepQuestions(followUpID, stepID, stepTextQ, stepStatusQ)
}

// A project-plan step's questions, in the order they are asked.
const (
	stepTextQ = iota
	stepOwnerQ
	stepDueQ
	stepStatusQ
)

// stepQuestionNames name a step's questions as "Back to the ... of step
// 2" says them.
var stepQuestionNames = [...]string{stepTextQ: "words", stepOwnerQ: "owner", stepDueQ: "due date", stepStatusQ: "status"}

// stepQuestions asks a step's questions from first to last, Enter keeping
// each. back goes to the question before, as inside an item, the step's
// words included (a new step's are asked first as "New step"); back at
// its words goes to the question before the project plan.
func (r *reviewer) stepQuestions(followUpID string, stepID, first, last int) error {
	cur := func() *plans.Step { return step(r.s.Plan(), followUpID, stepID) }
	for q := first; q <= last; {
		var err error
		switch q {
		case stepTextQ:
			var text string
			if text, err = r.p.text("Step", "What is to be done?", cur().Text); err == nil {
				if text == "" {
					r.p.say("A step needs its text; to take it out, choose Remove it.")
					text = cur().Text
				}
				r.editStep(followUpID, stepID, func(e *review.StepEdit) { e.Text = text })
			}
		case stepOwnerQ:
			var owner string
			if owner, err = r.p.text("Owner", r.ownerHint(cur().Owner), cur().Owner); err == nil {
				r.editStep(followUpID, stepID, func(e *review.StepEdit) { e.Owner = owner })
			}
		case stepDueQ:
			if err = r.chooseDueBase(); err == nil {
				err = r.p.date("Due date", "When by?", cur().Due, func(d plans.Date) string { return withLate(d, cur().Status, r.today) }, func(text string) (plans.Date, error) {
					return r.editStep(followUpID, stepID, func(e *review.StepEdit) { e.Due = text })
				})
			}
		case stepStatusQ:
			var status plans.Status
			if status, err = r.status(cur().Status); err == nil {
				r.editStep(followUpID, stepID, func(e *review.StepEdit) { e.Status = status })
			}
		}
		if errors.Is(err, errBack) && q > stepTextQ {
			q--
			r.p.say("Back to the %s of step %d.", stepQuestionNames[q], stepNumber(r.s.Plan(), followUpID, stepID))
			continue
		}
		if err != nil {
			return err
		}
		q++
	}
	return nil
}

// stepNumber is a step's place in the project plan, from 1.
func stepNumber(p *plans.Plan, followUpID string, stepID int) int {
	for i, st := range p.Answer(followUpID).Steps {
		if st.ID == stepID {
			return i + 1
		}
	}
	return 0
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
	p := r.s.Plan()
	// Linked steps said as the screens mark them (issue 12.3); what
	// linked means is said once before them, not after each.
	if !r.followsSaid && slices.ContainsFunc(steps, p.Follows) {
		r.followsSaid = true // once in a run, as the rating scale is
		r.p.say("A step that follows an item's action changes with it until you edit the step here.")
	}
	for i, s := range steps {
		line := describe(s.Text, s.Owner, s.Due, s.Status, r.today)
		if _, ref, ok := p.Checklist.Item(s.From); ok && p.Follows(s) {
			line += fmt.Sprintf("; follows the action of item %d", ref.Seq+1)
		}
		if r.s.CarriedStep(s.ID) {
			line += "; carried on from the last review" // the screens' ↺
		}
		r.p.say("%d. %s", i+1, line)
	}
}

// describe is one action on one line: "Write the vision; owner Ana; due
// Wed 31 Mar 2027 (2027-03-31); todo", and ", 14 days late" after a date
// that has passed, where the screens show a ⚠.
func describe(text, owner string, due plans.Date, status plans.Status, today plans.Date) string {
	parts := []string{oneLine(text)}
	if owner != "" {
		parts = append(parts, "owner "+owner)
	}
	if due.IsZero() {
		parts = append(parts, "no due date")
	} else {
		parts = append(parts, "due "+friendly(due)+withLate(due, status, today))
	}
	return strings.Join(append(parts, string(status)), "; ")
}

// withLate is ", 14 days late" when an open action's date has passed, or
// "".
func withLate(due plans.Date, status plans.Status, today plans.Date) string {
	if late := review.LateWords(due, status, today); late != "" {
		return ", " + late
	}
	return ""
}

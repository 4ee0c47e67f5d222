package review

import (
	"fmt"
	"slices"

	"github.com/socialmobility/ladder/plans"
)

// The project plan: steps with a text, an owner, a due date and a status,
// each with an id kept for life so that diffs follow a step through edits
// and moves. A new project plan starts as the actions written so far, by
// due date.

type stepKey struct {
	followUp string
	id       int
}

type removedStep struct {
	step  plans.Step
	index int
}

// Steps are the project plan's steps, in order.
func (s *Session) Steps(followUpID string) []plans.Step {
	if a := s.Plan().Answer(followUpID); a != nil {
		return a.Steps
	}
	return nil
}

// StartProjectPlan starts an empty project plan as the actions written so
// far, ordered by due date, and says how many steps that made. A plan that
// has steps is left alone.
func (s *Session) StartProjectPlan(followUpID string) (int, *Snapshot) {
	a, err := s.answer(followUpID)
	if err != nil || len(a.Steps) > 0 {
		return 0, nil
	}
	return s.PullInActions(followUpID)
}

// PullInActions adds a step for every action that has none yet (written
// since the project plan was started), and says how many.
func (s *Session) PullInActions(followUpID string) (int, *Snapshot) {
	if s.Plan().ProjectPlanID() != followUpID {
		return 0, nil
	}
	n := s.Plan().AddActionSteps()
	if n == 0 {
		return 0, nil
	}
	return n, s.snapshot(s.questionWords(fmt.Sprintf("%d %s", n, plural(n, "step", "steps")), followUpID))
}

// ActionsNotInPlan counts the actions written that no step came from:
// PullInActions would add them.
func (s *Session) ActionsNotInPlan(followUpID string) int {
	p := s.Plan()
	from := map[string]bool{}
	for _, st := range s.Steps(followUpID) {
		if st.From != "" {
			from[st.From] = true
		}
	}
	n := 0
	for _, e := range p.Checklist.Items() {
		if p.Response(e.Item.ID).Action != "" && !from[e.Item.ID] {
			n++
		}
	}
	return n
}

// NewStep puts a blank step at index at (to do, with a new id) for the
// person to fill in, and returns its id. It is not saved on its own: the
// first EditStep saves it, and an EditStep that leaves it blank takes it
// out again.
func (s *Session) NewStep(followUpID string, at int) (int, error) {
	a, err := s.answer(followUpID)
	if err != nil {
		return 0, err
	}
	var undoable []int // never an id that undo may bring back
	for _, r := range s.removed[followUpID] {
		undoable = append(undoable, r.step.ID)
	}
	id := a.NextStepID(undoable...)
	at = max(min(at, len(a.Steps)), 0)
	a.Steps = slices.Insert(a.Steps, at, plans.Step{ID: id, Status: plans.StatusTodo})
	s.blank[stepKey{followUpID, id}] = true
	return id, nil
}

// StepEdit is a step as the person left it in the editor.
type StepEdit struct {
	Text, Owner string
	Due         string // as typed (see ParseDue)
	Status      plans.Status
}

// EditStep stores an edited step. If its due date is not a date, the
// rest is stored and the error says why (the date is kept, see
// UnreadStepDue). A step made by NewStep and left blank is taken out.
func (s *Session) EditStep(followUpID string, id int, e StepEdit) (*Snapshot, error) {
	a, err := s.answer(followUpID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(a.Steps, func(st plans.Step) bool { return st.ID == id })
	if i < 0 {
		return nil, fmt.Errorf("no step %d in the project plan", id)
	}
	key := stepKey{followUpID, id}
	st := &a.Steps[i]
	old := *st
	text, owner := st.Text, st.Owner
	if e.Text != text {
		text = CleanLine(e.Text)
	}
	if e.Owner != owner {
		owner = CleanLine(e.Owner)
	}
	due, dueErr := s.ParseDue(e.Due)
	if s.blank[key] && text == "" && owner == "" && dueErr == nil && due.IsZero() {
		a.Steps = slices.Delete(a.Steps, i, i+1)
		delete(s.blank, key)
		return nil, nil
	}
	if !slices.Contains(plans.Statuses, e.Status) {
		e.Status = st.Status
	}
	if s.Plan().Follows(old) && text == old.Text && owner == old.Owner && dueErr == nil && due == old.Due && e.Status != old.Status {
		// Only the status of a step that follows its item: the item's
		// status changes with it, and the link stays (issue 12.3).
		status := e.Status
		s.Plan().FollowItem(old.From, func(r *plans.Response) { r.Status = status })
		return s.snapshot(fmt.Sprintf("step %d of the project plan (and its item)", i+1)), nil
	}
	st.Text, st.Owner, st.Status = text, owner, e.Status
	dueKey := fmt.Sprintf("step:%s#%d", followUpID, id)
	if dueErr != nil {
		s.unreadDue[dueKey] = e.Due
	} else {
		delete(s.unreadDue, dueKey)
		st.Due = due
	}
	isNew := s.blank[key]
	if dueErr == nil {
		delete(s.blank, key) // still blank-able while its date is refused
	}
	if *st == old && !isNew {
		return nil, dueErr
	}
	return s.snapshot(fmt.Sprintf("step %d of the project plan", i+1)), dueErr
}

// UnreadStepDue is a step's due-date text that was refused, if any.
func (s *Session) UnreadStepDue(followUpID string, id int) (string, bool) {
	t, ok := s.unreadDue[fmt.Sprintf("step:%s#%d", followUpID, id)]
	return t, ok
}

// MoveStep moves a step up (by -1) or down (by 1), and reports where it
// is now.
func (s *Session) MoveStep(followUpID string, id, by int) (int, *Snapshot) {
	a, i := s.findStep(followUpID, id)
	if i < 0 {
		return -1, nil
	}
	j := i + by
	if j < 0 || j >= len(a.Steps) || by == 0 {
		return i, nil
	}
	a.Steps[i], a.Steps[j] = a.Steps[j], a.Steps[i]
	return j, s.snapshot(s.questionWords("the order of the steps", followUpID))
}

// CycleStepStatus moves a step's status along: to do, doing, done, and
// round again.
func (s *Session) CycleStepStatus(followUpID string, id int) *Snapshot {
	a, i := s.findStep(followUpID, id)
	if i < 0 {
		return nil
	}
	st := &a.Steps[i]
	next := NextStatus(st.Status, 1)
	if s.Plan().Follows(*st) {
		// The step is the item's action: how far it has got is the item's
		// too, and the two stay linked.
		s.Plan().FollowItem(st.From, func(r *plans.Response) { r.Status = next })
		return s.snapshot(fmt.Sprintf("the status of step %d of the project plan (and of its item)", i+1))
	}
	st.Status = next
	return s.snapshot(fmt.Sprintf("the status of step %d of the project plan", i+1))
}

// NextStatus moves through todo, doing, done and round again, by steps.
func NextStatus(st plans.Status, by int) plans.Status {
	i := slices.Index(plans.Statuses, st)
	n := len(plans.Statuses)
	return plans.Statuses[((i+by)%n+n)%n]
}

// RemoveStep takes a step out of the project plan (UndoRemoveStep puts it
// back) and returns it.
func (s *Session) RemoveStep(followUpID string, id int) (plans.Step, *Snapshot) {
	a, i := s.findStep(followUpID, id)
	if i < 0 {
		return plans.Step{}, nil
	}
	st := a.Steps[i]
	a.Steps = slices.Delete(a.Steps, i, i+1)
	s.removed[followUpID] = append(s.removed[followUpID], removedStep{st, i})
	return st, s.snapshot(s.questionWords("a step removed", followUpID))
}

// UndoRemoveStep puts the step removed last back where it was, and
// returns it and where it is; ok is false when nothing was removed.
func (s *Session) UndoRemoveStep(followUpID string) (st plans.Step, at int, ok bool, sn *Snapshot) {
	rs := s.removed[followUpID]
	a, err := s.answer(followUpID)
	if len(rs) == 0 || err != nil {
		return plans.Step{}, 0, false, nil
	}
	r := rs[len(rs)-1]
	s.removed[followUpID] = rs[:len(rs)-1]
	at = min(r.index, len(a.Steps))
	a.Steps = slices.Insert(a.Steps, at, r.step)
	return r.step, at, true, s.snapshot(s.questionWords("a step put back", followUpID))
}

func (s *Session) findStep(followUpID string, id int) (*plans.Answer, int) {
	a, err := s.answer(followUpID)
	if err != nil {
		return nil, -1
	}
	return a, slices.IndexFunc(a.Steps, func(st plans.Step) bool { return st.ID == id })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

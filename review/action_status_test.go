package review_test

import (
	"errors"
	"testing"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// The status belongs to the action: an action cleared takes its status
// back to todo with it, in the one change the front end saves (and a
// project-plan step that follows the item follows both), and
// ActionClearedWords is what the front end has to say of it. An action
// reworded keeps its status; an item with a status and no action (a hand
// edit) is left as it is until someone writes an action.
func TestClearingAnActionTakesItsStatusWithIt(t *testing.T) {
	s := newSession(t)
	s.Save(s.SetAction("lc-vision", "Write the vision"))
	sn, _ := s.SetStatus("lc-vision", plans.StatusDoing)
	s.Save(sn)
	pp := s.Plan().ProjectPlanID()
	_, sn = s.StartProjectPlan(pp)
	s.Save(sn)

	s.Save(s.SetAction("lc-vision", "Write the vision with the team"))
	if r := onDisk(t, s).Response("lc-vision"); r.Status != plans.StatusDoing {
		t.Fatalf("an action reworded lost its status: %+v", *r)
	}

	sn, gone := s.EditAction("lc-vision", "  ")
	if sn == nil || gone != plans.StatusDoing {
		t.Fatalf("clearing the action: snapshot %v, status gone %q", sn != nil, gone)
	}
	s.Save(sn)
	got := onDisk(t, s)
	if r := got.Response("lc-vision"); r.Action != "" || r.Status != plans.StatusTodo {
		t.Errorf("on disk after the action was cleared: %+v", *r)
	}
	if st := got.FollowUps[pp].Steps[0]; st.Status != plans.StatusTodo || st.Text != "" {
		t.Errorf("the step that followed the item: %+v", st)
	}
	if words := review.ActionClearedWords(gone); words != "Action cleared, and its status, doing, with it." {
		t.Errorf("said %q", words)
	}
	if words := review.ActionClearedWords(""); words != "" {
		t.Errorf("with no status gone, said %q", words)
	}

	// An action at todo has no status to lose: nothing to say.
	s.Save(s.SetAction("lc-leadership", "Brief the board"))
	if sn, gone := s.EditAction("lc-leadership", ""); sn == nil || gone != "" {
		t.Errorf("clearing an action to do: snapshot %v, status gone %q", sn != nil, gone)
	}

	// A hand-edited status with no action stays as the file has it.
	s.Plan().Response("lc-culture").Status = plans.StatusDone
	if sn, gone := s.EditAction("lc-culture", ""); sn != nil || gone != "" {
		t.Errorf("an empty action given again changed the item: %v, %q", sn != nil, gone)
	}
	if st := s.Plan().Response("lc-culture").Status; st != plans.StatusDone {
		t.Errorf("the hand edit's status is %q", st)
	}
}

// A status is the action's: an item with no action takes none (the
// report, status and diff would read it as nothing), and is told why.
// To do, which every item without an action has, is taken as ever.
func TestAStatusNeedsAnAction(t *testing.T) {
	s := newSession(t)
	sn, err := s.SetStatus("lc-vision", plans.StatusDoing)
	if err == nil || sn != nil || !errors.Is(err, review.ErrNoAction) {
		t.Fatalf("a status with no action: %v, %v", sn != nil, err)
	}
	if st := s.Plan().Response("lc-vision").Status; st != plans.StatusTodo {
		t.Errorf("the status is %q", st)
	}
	if _, err := s.SetStatus("lc-vision", plans.StatusTodo); err != nil {
		t.Errorf("to do with no action: %v", err)
	}
	s.Save(s.SetAction("lc-vision", "Write the vision"))
	if sn, err := s.SetStatus("lc-vision", plans.StatusDoing); err != nil || sn == nil {
		t.Errorf("a status with an action: %v, %v", sn != nil, err)
	}
}

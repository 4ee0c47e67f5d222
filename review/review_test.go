package review_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

var today = plans.Date{Year: 2027, Month: 3, Day: 14}

// newSession creates a new plan of the built-in checklist in a temp
// folder and opens a session on it.
func newSession(t *testing.T) *review.Session {
	t.Helper()
	c, ok := checklist.Builtin(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	s, err := review.Create(review.NewPlan{
		Path: filepath.Join(t.TempDir(), "plans", "acme.yaml"), Organisation: "  Acme Café Ltd ",
		Title: "Spring review", Participants: review.SplitNames("Ana, Ben\nCai ,"), Checklist: c, Today: today,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func onDisk(t *testing.T, s *review.Session) *plans.Plan {
	t.Helper()
	p, err := plans.LoadFile(s.Path(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func firstItem(s *review.Session) string { return s.Checklist().Items()[0].Item.ID }

func TestCreateCleansTheDetailsAndNeverOverwrites(t *testing.T) {
	s := newSession(t)
	p := onDisk(t, s)
	if p.Organisation != "Acme Café Ltd" || !slices.Equal(p.Participants, []string{"Ana", "Ben", "Cai"}) {
		t.Errorf("organisation %q, participants %q", p.Organisation, p.Participants)
	}
	_, err := review.Create(review.NewPlan{Path: s.Path(), Organisation: "X", Title: "Y", Checklist: s.Checklist(), Today: today}, nil)
	if err == nil || !strings.Contains(err.Error(), "never writes over") {
		t.Fatalf("creating over an existing plan: %v", err)
	}
}

func TestAnswersAreCleanedCheckedAndSavedInOrder(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	if _, err := s.Rate(id, "purple"); err == nil {
		t.Error("a rating that is not a level of the scale was accepted")
	}
	sn, err := s.Rate(id, "amber")
	if err != nil || sn == nil {
		t.Fatalf("rating amber: %v, %v", sn, err)
	}
	// Snapshots written out of order: the newer one wins.
	second := s.SetAction(id, "  Write \x1b[31mthe\x1b[0m vision\r ")
	third := s.SetNotes(id, "  indented\n\nnotes  \n\n")
	s.Record(third.Write())
	s.Record(second.Write())
	s.Record(sn.Write())
	if st := s.State(); st.Pending || st.Err != nil || !st.Saved {
		t.Errorf("state after every save landed: %+v", st)
	}
	r := onDisk(t, s).Response(id)
	if r.Rating != "amber" || r.Action != "Write the vision" || r.Notes != "  indented\n\nnotes" {
		t.Errorf("on disk: rating %q, action %q, notes %q", r.Rating, r.Action, r.Notes)
	}
	// The same answer again changes nothing, and needs no save.
	if s.SetAction(id, "Write the vision") != nil || s.SetAction(id, " Write the vision ") != nil {
		t.Error("an unchanged answer made a snapshot")
	}
	if sn, _ := s.Rate(id, checklist.Unrated); sn == nil {
		t.Error("clearing the rating made no snapshot")
	}
}

func TestTextLeftAsItWasIsNotCleaned(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	s.Plan().Response(id).Owner = " Ana\t" // as a hand-edited file may have it
	if s.SetOwner(id, " Ana\t") != nil {
		t.Error("passing through a field changed it")
	}
	if s.SetOwner(id, " Ana ") == nil || s.Plan().Response(id).Owner != "Ana" {
		t.Errorf("an edited owner is %q", s.Plan().Response(id).Owner)
	}
}

func TestDueDatesThatAreNotDatesAreRefusedAndKept(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	d, sn, err := s.SetDue(id, "2w")
	if err != nil || sn == nil || d != (plans.Date{Year: 2027, Month: 3, Day: 28}) {
		t.Fatalf("2w: %v %v %v", d, sn, err)
	}
	s.Save(sn)
	if _, sn, err := s.SetDue(id, "next blue moon"); err == nil || sn != nil {
		t.Fatalf("an unreadable date was taken: %v", err)
	}
	if text, ok := s.UnreadDue(id); !ok || text != "next blue moon" {
		t.Errorf("the refused text is not kept: %q", text)
	}
	if got := s.Plan().Response(id).Due; got != d {
		t.Errorf("a refused date changed the due date to %v", got)
	}
	if _, _, err := s.SetDue(id, ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.UnreadDue(id); ok {
		t.Error("a cleared date still has refused text")
	}
}

func TestResumeAndThePlacesInOrder(t *testing.T) {
	s := newSession(t)
	c := s.Checklist()
	if got := s.Resume(); got != review.Item(0) {
		t.Fatalf("a new plan resumes at %+v", got)
	}
	// Walk forward from the first item to the end: every item once, each
	// area's end after its last item, then every question.
	var items, areas, questions int
	at := review.Item(0)
	for steps := 0; at.Kind != review.AtEnd; steps++ {
		switch at.Kind {
		case review.AtItem:
			if at.Index != items {
				t.Fatalf("item %d after %d items", at.Index, items)
			}
			items++
		case review.AtAreaEnd:
			if at.Index != areas || items != s.Checklist().Items()[items-1].Ref.Seq+1 {
				t.Fatalf("area end %d out of place", at.Index)
			}
			areas++
		case review.AtQuestion:
			questions++
		}
		// Back from a question goes the way the review came (from an
		// area's first item, back is the item before, not the area's end).
		back := s.Before(s.After(at))
		if at.Kind == review.AtQuestion && back != at {
			t.Errorf("Before(After(%+v)) = %+v", at, back)
		}
		at = s.After(at)
	}
	if items != c.Len() || areas != len(c.Areas) || questions != len(c.FollowUps) {
		t.Errorf("walked %d items, %d areas, %d questions", items, areas, questions)
	}
	for _, e := range c.Items() {
		s.Rate(e.Item.ID, "green")
	}
	// Rated in full, it resumes at the first next-steps question left to
	// answer (the counts, ladder's answer, are none); answered, at the end.
	if got, want := s.Resume(), review.Question(review.NextStepsLeft(s.Plan())[0]); got != want || want.Index == 0 {
		t.Errorf("a fully rated plan with its next steps to answer resumes at %+v, want %+v", got, want)
	}
	s.Plan().FollowUps = checklisttest.FilledPlan(c, 1).FollowUps
	if got := s.Resume(); got != review.End {
		t.Errorf("a finished plan resumes at %+v", got)
	}
	s.MoveTo(review.Item(3))
	s.MoveTo(review.Question(1))
	if s.CurrentItem() != 3 || s.Place() != review.Question(1) {
		t.Errorf("current item %d, place %+v", s.CurrentItem(), s.Place())
	}
}

func TestQuickWinOptionsAndList(t *testing.T) {
	s := newSession(t)
	c := s.Checklist()
	var list checklist.FollowUp
	for _, f := range c.FollowUps {
		if f.Kind == checklist.KindList {
			list = f
		}
	}
	e := c.Items()
	s.SetAction(e[2].Item.ID, "Write a vision")
	s.SetAction(e[0].Item.ID, "Train managers")
	s.SetAction(e[5].Item.ID, "Write a vision") // the same action twice: offered once
	s.AddToList(list.ID, "  Ask the team ")
	opts := s.Options(list.ID)
	var texts []string
	for _, o := range opts {
		texts = append(texts, o.Text)
	}
	if len(opts) < 3 || texts[0] != "Train managers" || texts[1] != "Write a vision" || opts[1].ItemID != e[2].Item.ID {
		t.Fatalf("options start %q", texts[:min(3, len(texts))])
	}
	if last := opts[len(opts)-1]; last.Text != "Ask the team" || last.From != review.FromEarlier {
		t.Errorf("the last option is %+v, not the earlier answer", last)
	}
	if slices.IndexFunc(opts, func(o review.Option) bool { return o.From == review.FromSuggestion }) < 0 {
		t.Error("no area suggestion is offered")
	}
	s.SetList(list.ID, []string{"Write a vision", "", " Write a vision", "Ask the team"})
	if got := s.Plan().Answer(list.ID).List; !slices.Equal(got, []string{"Write a vision", "Ask the team"}) {
		t.Errorf("list %q", got)
	}
}

func TestProjectPlanSteps(t *testing.T) {
	s := newSession(t)
	id := s.Plan().ProjectPlanID()
	e := s.Checklist().Items()
	s.SetAction(e[0].Item.ID, "Later")
	s.SetDue(e[0].Item.ID, "2027-06-01")
	s.SetAction(e[1].Item.ID, "Sooner")
	s.SetDue(e[1].Item.ID, "2027-04-01")
	if n, sn := s.StartProjectPlan(id); n != 2 || sn == nil {
		t.Fatalf("started with %d steps", n)
	}
	if n, _ := s.StartProjectPlan(id); n != 0 {
		t.Error("a started plan was started again")
	}
	steps := func() (out []string) {
		for _, st := range s.Steps(id) {
			out = append(out, st.Text)
		}
		return out
	}
	if got := steps(); !slices.Equal(got, []string{"Sooner", "Later"}) {
		t.Fatalf("steps %q, not by due date", got)
	}
	// A blank new step left blank goes; one with text stays, a bad date
	// refused but the rest kept.
	blank, _ := s.NewStep(id, 0)
	if sn, err := s.EditStep(id, blank, review.StepEdit{Status: plans.StatusTodo}); sn != nil || err != nil || len(s.Steps(id)) != 2 {
		t.Fatalf("a blank step left blank: %v %v %q", sn, err, steps())
	}
	added, _ := s.NewStep(id, 2)
	sn, err := s.EditStep(id, added, review.StepEdit{Text: " Review ", Due: "soonish", Status: plans.StatusDoing})
	if sn == nil || err == nil || s.Steps(id)[2].Text != "Review" || s.Steps(id)[2].Status != plans.StatusDoing {
		t.Fatalf("edit with a bad date: %v %v %+v", sn, err, s.Steps(id)[2])
	}
	if to, _ := s.MoveStep(id, added, -1); to != 1 {
		t.Errorf("moved up to %d", to)
	}
	gone, _ := s.RemoveStep(id, added)
	if next, _ := s.NewStep(id, 0); next == gone.ID {
		t.Error("a new step took the id of a removed one, which undo may bring back")
	}
	if st, at, ok, _ := s.UndoRemoveStep(id); !ok || st.ID != gone.ID || at != 1 {
		t.Errorf("undo: %+v at %d, %v", st, at, ok)
	}
}

// A save that fails for another reason than a conflict keeps every answer,
// says what is not on disk and why in plain words, and settles, so that a
// front end waiting to quit is not kept waiting; a later save that lands
// clears it, and a copy can be saved elsewhere.
func TestFailedSaveIsSettledExplainedAndRecoverable(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	if err := os.Remove(s.Path()); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(s.Path(), 0o755); err != nil { // the plan file replaced by a folder
		t.Fatal(err)
	}
	sn, _ := s.Rate(id, "red")
	if o := s.Save(sn); o.Err == nil || o.Conflict() {
		t.Fatalf("saving over a folder: %+v", o)
	}
	st := s.State()
	if st.Pending || st.Err == nil || st.Conflict {
		t.Fatalf("state after a failed save: %+v", st)
	}
	if got := st.UnsavedText(); got != "the rating of item 1" {
		t.Errorf("not saved: %q", got)
	}
	what, fix := review.Problem(st.Err, st.Path)
	if !strings.Contains(what, "is a folder, not a plan file") || fix != "move or rename that folder" {
		t.Errorf("problem in words: %q / %q", what, fix)
	}
	copyPath := s.RescuePath()
	if err := s.SaveCopy(copyPath); err != nil {
		t.Fatal(err)
	}
	if p, err := plans.LoadFile(copyPath, nil); err != nil || p.Response(id).Rating != "red" {
		t.Fatalf("the copy: %v", err)
	}
	if err := os.Remove(s.Path()); err != nil {
		t.Fatal(err)
	}
	s.Save(s.Retry())
	if st := s.State(); st.Err != nil || len(st.Unsaved) != 0 || onDisk(t, s).Response(id).Rating != "red" {
		t.Errorf("after the folder went away the retry did not land: %+v", st)
	}
}

func TestConflictStopsSavingUntilReloadOrACopy(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	path := s.Path()
	theirs := strings.Replace(string(plans.Encode(s.Plan())), "Spring review", "Their review", 1)
	if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	sn, _ := s.Rate(id, "green")
	inFlight := s.SetAction(id, "Ours") // made before the conflict is known
	if o := s.Save(sn); !o.Conflict() {
		t.Fatalf("outcome %+v", o)
	}
	if st := s.State(); !st.Conflict || st.Pending {
		t.Fatalf("state %+v", st)
	}
	if s.SetOwner(id, "Ana") != nil {
		t.Error("a snapshot was made while the conflict waits")
	}
	copyPath, err := s.SaveBeside()
	if err != nil {
		t.Fatal(err)
	}
	s.Record(inFlight.Write()) // lands after the copy: must not touch either file
	if got, _ := os.ReadFile(path); string(got) != theirs {
		t.Error("their file was written over")
	}
	p, err := plans.LoadFile(copyPath, nil)
	if err != nil || p.Response(id).Owner != "Ana" || p.Title != "Spring review" {
		t.Fatalf("the copy: %v", err)
	}
	if s.Path() != copyPath || s.State().Conflict {
		t.Errorf("the session is not on the copy: %s %+v", s.Path(), s.State())
	}
}

// A project-plan step made from an item's action is that action (issue
// 12.3): it follows the item's text, owner, due date and status until
// someone edits the step, and its status is the item's.
func TestStepsFollowTheirItemUntilEdited(t *testing.T) {
	s := newSession(t)
	s.Save(s.SetAction("lc-vision", "Write the vision"))
	s.Save(s.SetAction("lc-leadership", "Brief the board"))
	pp := s.Plan().ProjectPlanID()
	if n, sn := s.StartProjectPlan(pp); n != 2 {
		t.Fatalf("%d steps", n)
	} else {
		s.Save(sn)
	}
	stepOf := func(item string) plans.Step {
		for _, st := range s.Steps(pp) {
			if st.From == item {
				return st
			}
		}
		t.Fatalf("no step from %s", item)
		return plans.Step{}
	}
	s.Save(s.SetAction("lc-vision", "Write the vision with the team"))
	s.Save(s.SetOwner("lc-vision", "Ana"))
	_, sn, _ := s.SetDue("lc-vision", "2027-04-30")
	s.Save(sn)
	sn, _ = s.SetStatus("lc-vision", plans.StatusDoing)
	s.Save(sn)
	got := onDisk(t, s)
	st := stepOf("lc-vision")
	if st.Text != "Write the vision with the team" || st.Owner != "Ana" || st.Due.String() != "2027-04-30" || st.Status != plans.StatusDoing || !got.Follows(st) {
		t.Fatalf("the step did not follow its item: %+v", st)
	}
	// Marking the step done marks the action done: one piece of work.
	s.Save(s.CycleStepStatus(pp, st.ID))
	if r := onDisk(t, s).Response("lc-vision"); r.Status != plans.StatusDone {
		t.Fatalf("the item's status is %q after its step was done", r.Status)
	}
	// Editing the step's words makes it the plan's own.
	other := stepOf("lc-leadership")
	sn, err := s.EditStep(pp, other.ID, review.StepEdit{Text: "Brief the board in May", Status: other.Status})
	if err != nil {
		t.Fatal(err)
	}
	s.Save(sn)
	s.Save(s.SetAction("lc-leadership", "Brief the board and the staff"))
	if st := stepOf("lc-leadership"); st.Text != "Brief the board in May" || s.Plan().Follows(st) {
		t.Fatalf("an edited step followed its item: %+v", st)
	}
}

// A tab in a one-line answer (a row pasted from a spreadsheet, a tab typed
// at an accessible prompt) is a space: kept, the plan file would hold
// "Write\tthe\tvision" in quotes. In notes, of several lines, a tab is
// four spaces, as the screens' notes field makes it: an indent made on
// purpose stays one.
func TestATabInAOneLineAnswerIsASpace(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	s.Save(s.SetAction(id, "Write\tthe vision\t"))
	s.Save(s.SetOwner(id, "Ana\tBell"))
	s.Save(s.SetNotes(id, "\tindented"))
	r := onDisk(t, s).Response(id)
	if r.Action != "Write the vision" || r.Owner != "Ana Bell" || r.Notes != "    indented" {
		t.Errorf("on disk: action %q, owner %q, notes %q", r.Action, r.Owner, r.Notes)
	}
	if got := review.CleanLine(" a\t\tb\t"); got != "a  b" {
		t.Errorf("CleanLine = %q", got)
	}
}

// TestCreateDoesNotLeaveTheRepositoryThroughAFolderLink: the set-up
// screen's new plan, in a repository whose plans folder is a link out of
// it, is refused before anything is written there (SECURITY.md).
func TestCreateDoesNotLeaveTheRepositoryThroughAFolderLink(t *testing.T) {
	repo, outside := t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(repo, "plans")); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	_, err := review.Create(review.NewPlan{Path: filepath.Join(repo, "plans", "new", "acme.yaml"), Organisation: "Acme", Title: "Spring", Checklist: c, Today: today}, nil)
	if !errors.Is(err, plans.ErrNotReplaced) || !strings.Contains(err.Error(), "symbolic link to a folder outside the repository") {
		t.Errorf("Create through a folder link out of the repository: %v", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("written outside the repository: %v", entries)
	}
}

// A step's due date left unsaved is named, as ladder ends, by where the
// step is in the plan ("step 2"), not by its id, and not at all once the
// step is removed (undo brings it back, and the date with it).
func TestUnreadStepDueIsNamedByPlace(t *testing.T) {
	s := newSession(t)
	id := s.Plan().ProjectPlanID()
	for _, text := range []string{"First", "Second"} {
		step, _ := s.NewStep(id, len(s.Steps(id)))
		s.EditStep(id, step, review.StepEdit{Text: text, Status: plans.StatusTodo})
	}
	added, _ := s.NewStep(id, 2)
	if _, err := s.EditStep(id, added, review.StepEdit{Text: "Third", Due: "soonish", Status: plans.StatusTodo}); err == nil {
		t.Fatal("soonish was taken as a date")
	}
	says := func(want string) {
		t.Helper()
		got := strings.Join(s.UnreadDates(), "; ")
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("unread dates %q, want %q", got, want)
		}
	}
	says("the due date of step 3 of the project plan")
	s.MoveStep(id, added, -1)
	says("the due date of step 2 of the project plan")
	s.RemoveStep(id, added)
	says("")
	s.UndoRemoveStep(id)
	says("the due date of step 2 of the project plan")
}

// A new plan from a copy of a built-in checklist that kept its id is
// refused by every front end that makes one (the set-up screen, the
// accessible prompts, ladder new), at the id's line, and nothing is
// written: its plans would claim to follow the built-in checklist.
func TestCreateRefusesACopyThatKeptTheBuiltinID(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	data, _ := checklist.BuiltinSource(checklist.DefaultID)
	file := filepath.Join(repo, "mine.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := checklist.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(repo, "plans", "acme.yaml")
	_, err = review.Create(review.NewPlan{Path: path, Organisation: "Acme", Title: "Spring", Checklist: c, ChecklistFile: file, Today: today}, nil)
	if err == nil || !strings.Contains(err.Error(), `mine.yaml:8:5: id "smc-progression" is a built-in checklist's`) {
		t.Errorf("Create from a copy with the built-in id: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a plan was written: %v", err)
	}
}

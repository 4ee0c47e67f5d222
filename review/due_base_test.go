package review_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// workshopSession is a plan prepared on 1 March for a workshop on 14
// April, opened on 1 March.
func workshopSession(t *testing.T) *review.Session {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	s, err := review.Create(review.NewPlan{
		Path: filepath.Join(t.TempDir(), "acme.yaml"), Organisation: "Acme", Title: "Spring",
		Facilitator: "Sam Patel", Participants: []string{"Ana", "Ben"}, Checklist: c,
		Today: plans.Date{Year: 2027, Month: 4, Day: 14},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = review.Open(path, nil, plans.Date{Year: 2027, Month: 3, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDueDatesCountFromTodayOrThePlansDate (issue 10.10): 6w counts from
// today, and a plan for a later workshop offers its date instead; a date
// written in full is the same either way.
func TestDueDatesCountFromTodayOrThePlansDate(t *testing.T) {
	s := workshopSession(t)
	today, workshop := plans.Date{Year: 2027, Month: 3, Day: 1}, plans.Date{Year: 2027, Month: 4, Day: 14}
	if got := s.DueBases(); !slices.Equal(got, []plans.Date{today, workshop}) {
		t.Fatalf("bases = %v", got)
	}
	id := firstItem(s)
	d, _, err := s.SetDue(id, "6w")
	if err != nil || d != today.AddDays(42) || s.DueBaseWords() != "today" {
		t.Fatalf("6w from today = %v, %v (%s)", d, err, s.DueBaseWords())
	}
	if got := s.NextDueBase(); got != workshop || s.DueBaseWords() != "the plan's date, "+workshop.Friendly() {
		t.Fatalf("next base %v, %q", got, s.DueBaseWords())
	}
	d, sn, err := s.SetDue(id, "6w")
	if err != nil || d != workshop.AddDays(42) || sn == nil {
		t.Fatalf("6w from the workshop = %v, %v", d, err)
	}
	s.Save(sn)
	if got := onDisk(t, s).Response(id).Due; got != workshop.AddDays(42) {
		t.Fatalf("on disk: %v", got)
	}
	if !s.CountsFromBase("6w") || s.CountsFromBase("31/3/2027") || s.CountsFromBase("") {
		t.Error("CountsFromBase tells spans from dates wrongly")
	}
	if s.NextDueBase() != today {
		t.Error("the base does not go back to today")
	}
	if s.SetDueBase(plans.Date{Year: 2030, Month: 1, Day: 1}) {
		t.Error("a base that is neither today nor the plan's date was taken")
	}

	// A plan dated today, or earlier, offers only today.
	plain := newSession(t)
	if got := plain.DueBases(); len(got) != 1 || got[0] != today2(plain) {
		t.Errorf("bases of a plan of today: %v", got)
	}
}

func today2(s *review.Session) plans.Date { return s.Today() }

// TestOwnerSuggestions: the participants, the facilitator, then owners
// already written, each once.
func TestOwnerSuggestions(t *testing.T) {
	s := workshopSession(t)
	s.Save(s.SetOwner(firstItem(s), "Chloe"))
	s.Save(s.SetOwner(s.Checklist().Items()[1].Item.ID, "Ana"))
	if got := s.OwnerSuggestions(); !slices.Equal(got, []string{"Ana", "Ben", "Sam Patel", "Chloe"}) {
		t.Fatalf("suggestions = %q", got)
	}
}

// TestQuestionLateWords: a question's due date (the whole quick-wins
// list's, the whole plan's) typed in the past was not said late, nor
// shown late, as an action's is: a listener who typed last year heard
// nothing amiss. An answer has no status, so its date is late once it has
// passed, but for a project plan whose steps are all done.
func TestQuestionLateWords(t *testing.T) {
	today := plans.Date{Year: 2027, Month: 1, Day: 15}
	past, ahead := plans.Date{Year: 2027, Month: 1, Day: 1}, plans.Date{Year: 2027, Month: 2, Day: 1}
	done := plans.Step{Text: "Brief the board", Status: plans.StatusDone}
	open := plans.Step{Text: "Book the room", Status: plans.StatusDoing}
	for _, c := range []struct {
		name   string
		answer plans.Answer
		due    plans.Date
		want   string
	}{
		{"a list", plans.Answer{List: []string{"Tell all staff"}}, past, "14 days late"},
		{"an empty answer", plans.Answer{}, past, "14 days late"},
		{"not due yet", plans.Answer{}, ahead, ""},
		{"no date", plans.Answer{}, plans.Date{}, ""},
		{"a plan with a step open", plans.Answer{Steps: []plans.Step{done, open}}, past, "14 days late"},
		{"a plan with every step done", plans.Answer{Steps: []plans.Step{done}}, past, ""},
	} {
		if got := review.QuestionLateWords(&c.answer, c.due, today); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

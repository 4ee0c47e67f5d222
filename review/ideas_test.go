package review_test

import (
	"slices"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/review"
)

// Ideas from the room are offered like the other suggestions, and reach
// the plan only when accepted: a quick win into the list, a name into an
// area's answer, a line into a text answer; withdrawn and dropped as the
// facilitator decides; labelled as the room's once accepted.
func TestIdeasFromTheRoom(t *testing.T) {
	s := newSession(t)
	s.Save(s.SetAction(firstItem(s), "Write the vision"))
	settled := s.OfferIdeas([]review.RoomIdea{
		{ID: 1, QuestionID: "quick-wins", Text: "Name a senior sponsor"},
		{ID: 2, QuestionID: "speak-with", AreaID: "workforce", Text: "Jo in HR"},
		{ID: 3, QuestionID: "decision-makers", Text: "The board"},
		{ID: 4, QuestionID: "quick-wins", Text: "Free pizza"},
	})
	if len(settled) != 0 {
		t.Errorf("settled %v of four new ideas", settled)
	}
	if before := onDisk(t, s); len(before.Answer("quick-wins").List) != 0 || before.Answer("decision-makers").Text != "" {
		t.Fatal("an idea reached the plan before it was accepted")
	}

	// The quick wins offer the waiting ideas first, as the room's.
	opts := s.Options("quick-wins")
	if len(opts) < 3 || opts[0].Text != "Name a senior sponsor" || opts[0].From != review.FromRoom || !opts[0].Idea.Waiting ||
		opts[1].Text != "Free pizza" || opts[2].From != review.FromAction {
		t.Fatalf("options: %+v", opts[:min(3, len(opts))])
	}
	if n := s.WaitingIdeas("quick-wins"); n != 2 {
		t.Errorf("%d ideas waiting for the quick wins, want 2", n)
	}

	sn, ok := s.AcceptIdea(1)
	if !ok || sn == nil {
		t.Fatal("accepting an idea made no change")
	}
	s.Save(sn)
	if got := onDisk(t, s).Answer("quick-wins").List; !slices.Equal(got, []string{"Name a senior sponsor"}) {
		t.Errorf("quick wins on disk: %q", got)
	}
	// Accepted, it is an answer labelled as the room's, and no longer waiting.
	i := slices.IndexFunc(s.Options("quick-wins"), func(o review.Option) bool { return o.Text == "Name a senior sponsor" })
	if o := s.Options("quick-wins")[i]; o.From != review.FromRoom || o.Idea.Waiting || !o.Idea.Chosen {
		t.Errorf("the accepted quick win is offered as %+v", o)
	}
	// The room, not told yet, still lists it as waiting: it stays accepted.
	s.OfferIdeas([]review.RoomIdea{{ID: 1, QuestionID: "quick-wins", Text: "Name a senior sponsor"}, {ID: 4, QuestionID: "quick-wins", Text: "Free pizza"}})
	if n := s.WaitingIdeas("quick-wins"); n != 1 {
		t.Errorf("%d waiting after one of two was accepted, want 1", n)
	}
	if !s.DropIdea(4) || s.WaitingIdeas("quick-wins") != 0 {
		t.Error("a dropped idea is still waiting")
	}
	if slices.ContainsFunc(s.Options("quick-wins"), func(o review.Option) bool { return o.Text == "Free pizza" }) {
		t.Error("a dropped idea is still offered")
	}

	// Per area: joined to what the area's answer says, and withdrawn again.
	s.Save(s.SetAreaAnswer("speak-with", "workforce", "Sam (finance)"))
	s.OfferIdeas([]review.RoomIdea{{ID: 2, QuestionID: "speak-with", AreaID: "workforce", Text: "Jo in HR"}})
	if got := s.Ideas("speak-with", "workforce"); len(got) != 1 || !got[0].Waiting || got[0].Chosen {
		t.Fatalf("ideas for the workforce area: %+v", got)
	}
	if got := s.Ideas("speak-with", "leadership-culture"); len(got) != 0 {
		t.Errorf("an idea for one area is offered for another: %+v", got)
	}
	sn, _ = s.AcceptIdea(2)
	s.Save(sn)
	if got := onDisk(t, s).Answer("speak-with").ByArea["workforce"]; got != "Sam (finance); Jo in HR" {
		t.Errorf("speak-with for the workforce: %q", got)
	}
	if got := s.Ideas("speak-with", "workforce"); len(got) != 1 || got[0].Waiting || !got[0].Chosen {
		t.Errorf("the accepted idea: %+v", got)
	}
	s.Save(s.WithdrawIdea(2))
	if got := onDisk(t, s).Answer("speak-with").ByArea["workforce"]; got != "Sam (finance)" {
		t.Errorf("after withdrawing the idea: %q", got)
	}
	if got := s.Ideas("speak-with", "workforce"); len(got) != 1 || got[0].Chosen {
		t.Errorf("a withdrawn idea is no longer offered, or still chosen: %+v", got)
	}

	// A text answer: a line of its own.
	s.Save(s.SetText("decision-makers", "The CEO\n"))
	s.OfferIdeas([]review.RoomIdea{{ID: 3, QuestionID: "decision-makers", Text: "The board"}})
	sn, _ = s.AcceptIdea(3)
	s.Save(sn)
	if got := onDisk(t, s).Answer("decision-makers").Text; got != "The CEO\nThe board" {
		t.Errorf("decision makers: %q", got)
	}
	if _, ok := s.AcceptIdea(99); ok {
		t.Error("an idea the session never heard of was accepted")
	}
}

// An idea the answer holds already, or sent twice, is settled at once:
// the room is told, and nothing changes in the plan.
func TestIdeasAlreadyAnsweredAreSettled(t *testing.T) {
	s := newSession(t)
	s.Save(s.AddToList("quick-wins", "Free pizza"))
	settled := s.OfferIdeas([]review.RoomIdea{
		{ID: 1, QuestionID: "quick-wins", Text: "Free pizza"},
		{ID: 2, QuestionID: "quick-wins", Text: "Mentoring"},
		{ID: 3, QuestionID: "quick-wins", Text: "Mentoring"},
	})
	if !slices.Equal(settled, []int{1, 3}) {
		t.Errorf("settled %v, want [1 3]", settled)
	}
	if n := s.WaitingIdeas("quick-wins"); n != 1 {
		t.Errorf("%d waiting, want 1", n)
	}
}

func TestWhichQuestionsTakeIdeas(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	var take []string
	for _, f := range c.FollowUps {
		if review.TakesIdeas(f) {
			take = append(take, f.ID)
		}
	}
	if want := []string{"quick-wins", "speak-with", "decision-makers"}; !slices.Equal(take, want) {
		t.Errorf("questions taking ideas: %v, want %v", take, want)
	}
}

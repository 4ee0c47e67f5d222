package review_test

import (
	"testing"

	"github.com/socialmobility/ladder/review"
)

// A phone's idea of two names for an area, one of them in the answer
// already (in other capitals), adds only the other: the area's answer is
// a list of names, and "Ana; ana; Ben" named Ana twice in the plan.
func TestAnIdeaOfTwoNamesAddsOnlyTheNameNotThereYet(t *testing.T) {
	s := newSession(t)
	s.Save(s.SetAreaAnswer("speak-with", "workforce", "Ana"))
	s.OfferIdeas([]review.RoomIdea{{ID: 7, QuestionID: "speak-with", AreaID: "workforce", Text: "ana; Ben"}})
	sn, ok := s.AcceptIdea(7)
	if !ok {
		t.Fatal("the idea is not known")
	}
	s.Save(sn)
	if got := onDisk(t, s).Answer("speak-with").ByArea["workforce"]; got != "Ana; Ben" {
		t.Errorf("the workforce's answer: %q, want \"Ana; Ben\"", got)
	}
	if got := s.Ideas("speak-with", "workforce"); len(got) != 1 || !got[0].Chosen {
		t.Errorf("the accepted idea: %+v", got)
	}
}

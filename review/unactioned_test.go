package review_test

import (
	"testing"

	"github.com/socialmobility/ladder/review"
)

// A review stopped between an item's rating and its action (the terminal
// closed at Action) resumes at the first item not rated, past the rated
// one: RatedWithoutAction names it, and every other item rated below the
// top of the scale with no action, for the front end to point back to. A
// Green item needs no action; one with its action written is done with.
func TestRatedWithoutActionNamesWhatResumePassesBy(t *testing.T) {
	s := newSession(t)
	ids := make([]string, 5)
	for i, e := range s.Checklist().Items()[:5] {
		ids[i] = e.Item.ID
	}
	must := func(sn *review.Snapshot, err error) *review.Snapshot {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return sn
	}
	for i, rating := range []string{"red", "amber", "green", "amber"} {
		s.Save(must(s.Rate(ids[i], rating)))
	}
	s.Save(s.SetAction(ids[1], "Ask the team"))
	s.Save(s.SetOwner(ids[3], "Ana")) // an owner is not an action

	reopened, err := review.Open(s.Path(), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	if got := reopened.Resume(); got != review.Item(4) {
		t.Fatalf("resumes at %+v, want the first item not rated, 5", got)
	}
	var got []int
	for _, e := range reopened.RatedWithoutAction() {
		got = append(got, e.Ref.Seq)
	}
	if len(got) != 2 || got[0] != 0 || got[1] != 3 {
		t.Errorf("rated without an action: items %v, want [0 3] (Red, and Amber with an owner)", got)
	}

	reopened.Save(reopened.SetAction(ids[0], "Write the vision"))
	reopened.Save(must(reopened.ClearRating(ids[3])))
	if left := reopened.RatedWithoutAction(); len(left) != 0 {
		t.Errorf("after the action and the cleared rating, still named: %v", left[0].Item.ID)
	}
}

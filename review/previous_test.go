package review_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// writeAndOpen writes p to path and opens it as ladder does, until the
// test ends.
func writeAndOpen(t *testing.T, path string, p *plans.Plan) *plans.File {
	t.Helper()
	if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// carriedOn writes a filled plan on the built-in checklist in dir and a new
// review carried on from it, and returns the new review's session and the
// previous plan.
func carriedOn(t *testing.T, dir string) (*review.Session, *plans.Plan, string) {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	prev := checklisttest.FilledPlan(c, 3)
	prevPath := filepath.Join(dir, "acme-2026.yaml")
	pf := writeAndOpen(t, prevPath, prev)
	s, err := review.Create(review.NewPlan{Path: filepath.Join(dir, "acme-2027.yaml"), Organisation: "Acme", Title: "2027",
		Previous: pf, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, prev, prevPath
}

// The review that carries on from last year's shows, item by item, how
// last year's rated it; the previous plan is read once, not per call.
func TestPreviousRatingIsLastReviewsRating(t *testing.T) {
	s, prev, prevPath := carriedOn(t, t.TempDir())
	for _, e := range s.Plan().Checklist.Items() {
		got, ok := s.PreviousRating(e.Item.ID)
		want := prev.Items[e.Item.ID]
		if !ok || got.Rating != want.Rating || got.Date != prev.Date || got.Action != want.Action {
			t.Fatalf("%s: got %+v, %v; last review rated it %q on %s", e.Item.ID, got, ok, want.Rating, prev.Date)
		}
	}
	if err := os.Remove(prevPath); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.PreviousRating(s.Plan().Checklist.Items()[0].Item.ID); !ok {
		t.Fatal("the previous plan was read again after the first time")
	}
}

// A previous review that is missing, does not load, or is named outside
// the repository shows nothing, and the review goes on.
func TestPreviousRatingShowsNothingItCannotTrust(t *testing.T) {
	for name, ref := range map[string]string{
		"missing":           "gone.yaml",
		"broken":            "broken.yaml",
		"out of the folder": "../outside.yaml",
		"not linked at all": "",
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "reviews") // outside git, a folder other than plans/ is its own root
			os.MkdirAll(dir, 0o755)
			s, prev, _ := carriedOn(t, dir)
			// A plan outside the folder that would load and rate every item.
			os.WriteFile(filepath.Join(root, "outside.yaml"), plans.Encode(prev), 0o644)
			os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("schema: [\n"), 0o644)
			s.Plan().PreviousReview = ref
			if got, ok := s.PreviousRating(s.Plan().Checklist.Items()[0].Item.ID); ok {
				t.Fatalf("previous_review %q showed %+v", ref, got)
			}
		})
	}
}

// A carried-on review knows which of its project-plan steps came across
// from last year's (they keep their ids), and a step added since is not
// one of them; the previous plan is read once, not per call.
func TestCarriedStepIsALastYearsOpenStep(t *testing.T) {
	s, prev, prevPath := carriedOn(t, t.TempDir())
	steps := s.Plan().Answer("project-plan").Steps
	if len(steps) == 0 {
		t.Fatal("nothing carried on")
	}
	for _, st := range steps {
		if !s.CarriedStep(st.ID) {
			t.Fatalf("step %d came from last year's plan but is not called carried", st.ID)
		}
	}
	for _, st := range prev.Answer("project-plan").Steps {
		if st.Status == plans.StatusDone && s.CarriedStep(st.ID) {
			t.Fatalf("step %d was done last year, so not carried on, but is called carried", st.ID)
		}
	}
	if d, ok := s.PreviousDate(); !ok || d != prev.Date {
		t.Fatalf("previous date %v, %v; want %v", d, ok, prev.Date)
	}
	if err := os.Remove(prevPath); err != nil {
		t.Fatal(err)
	}
	if !s.CarriedStep(steps[0].ID) {
		t.Fatal("the previous plan was read again after it was removed")
	}
	if s.CarriedStep(123456) {
		t.Fatal("a step id last year's plan never had is called carried")
	}
}

// A review carried on from last year's can set each next-steps answer
// beside last year's: its words on one line, and the date it was due by,
// which nothing chases (an answer has no status). The counts are worked
// out afresh and the project plan's open steps come across, so those two
// have none.
func TestPreviousAnswerIsLastReviewsAnswerInALine(t *testing.T) {
	dir := t.TempDir()
	c, _ := checklist.Builtin(checklist.DefaultID)
	prev := checklisttest.FilledPlan(c, 3)
	due := plans.Date{Year: 2026, Month: 4, Day: 1}
	prev.FollowUps["quick-wins"] = &plans.Answer{List: []string{"Appoint a sponsor", "", "Use story telling"}, Due: due}
	prev.FollowUps["speak-with"] = &plans.Answer{ByArea: map[string]string{"workforce": "HR lead", "enablers": "Data\nteam"}}
	prev.FollowUps["decision-makers"] = &plans.Answer{}
	pf := writeAndOpen(t, filepath.Join(dir, "acme-2026.yaml"), prev)
	s, err := review.Create(review.NewPlan{Path: filepath.Join(dir, "acme-2027.yaml"), Organisation: "Acme", Title: "2027",
		Previous: pf, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, ok := s.PreviousAnswer("quick-wins")
	if want := (review.PreviousAnswer{Date: prev.Date, Words: "Appoint a sponsor; Use story telling", Parts: []string{"Appoint a sponsor", "Use story telling"}, Due: due}); !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("quick wins: got %+v, %v; want %+v", got, ok, want)
	}
	got, ok = s.PreviousAnswer("speak-with")
	if want := "Workforce: HR lead; Enablers: Data team"; !ok || got.Words != want || !got.Due.IsZero() || len(got.Parts) != 2 || got.Parts[1] != "Enablers: Data team" {
		t.Errorf("speak with: got %+v, %v; want %q and no date", got, ok, want)
	}
	for _, id := range []string{"decision-makers", "counts", "project-plan", "no-such-question"} {
		if got, ok := s.PreviousAnswer(id); ok {
			t.Errorf("%s: got %+v; want nothing", id, got)
		}
	}
}

// A plan whose previous_review names itself (a hand edit, or a pull
// request) has no last review: its own ratings, answers and steps are
// not shown as last year's beside themselves.
func TestAPlanNamingItselfHasNoLastReview(t *testing.T) {
	dir := t.TempDir()
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := checklisttest.FilledPlan(c, 3)
	p.FollowUps["quick-wins"] = &plans.Answer{List: []string{"Appoint a sponsor"}}
	p.PreviousReview = "acme-2027.yaml"
	path := filepath.Join(dir, "acme-2027.yaml")
	if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := review.Open(path, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, e := range s.Plan().Checklist.Items() {
		if got, ok := s.PreviousRating(e.Item.ID); ok {
			t.Fatalf("%s: the plan's own rating %+v is shown as last review's", e.Item.ID, got)
		}
	}
	if d, ok := s.PreviousDate(); ok {
		t.Errorf("the plan's own date %v is shown as last review's", d)
	}
	if got, ok := s.PreviousAnswer("quick-wins"); ok {
		t.Errorf("the plan's own answer %+v is shown as last review's", got)
	}
	for _, st := range s.Plan().Answer(s.Plan().ProjectPlanID()).Steps {
		if s.CarriedStep(st.ID) {
			t.Errorf("step %d is called carried on from the plan itself", st.ID)
		}
	}
}

// TestCarriedLateIsSaidOfAll: after "2 open actions, 1 of them also a
// project-plan step", ", 1 of them late" was heard as the one step late,
// on the screens as in the prompts: the late are said of all that is
// carried on, with their number; after one count alone, "of them".
func TestCarriedLateIsSaidOfAll(t *testing.T) {
	for _, c := range []struct {
		carried plans.Carried
		late    int
		want    string
	}{
		{plans.Carried{Actions: 2, Steps: 1, Repeats: 1}, 1, "2 open actions, 1 of them also a project-plan step; 1 of the 2 is late"},
		{plans.Carried{Actions: 14, Steps: 5, Repeats: 3}, 3, "14 open actions, 3 of them also project-plan steps, and 2 more project-plan steps; 3 of the 16 are late"},
		{plans.Carried{Actions: 2}, 1, "2 open actions, 1 of them late"},
		{plans.Carried{Steps: 3}, 2, "3 project-plan steps, 2 of them late"},
	} {
		if got := c.carried.Words() + review.CarriedLate(c.carried, c.late); got != c.want {
			t.Errorf("%+v, %d late: %q, want %q", c.carried, c.late, got, c.want)
		}
	}
}

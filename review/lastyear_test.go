package review_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// Last year's reviews offered to carry on are each organisation's last
// review in that folder, newest first, leaving out one already carried
// on to this year's; a plan that does not load is not one of them.
func TestLastYearsReviews(t *testing.T) {
	root := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", root).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	last, this := filepath.Join(root, "plans", "2026"), filepath.Join(root, "plans", "2027")
	for _, d := range []string{last, this} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	write := func(name, org, title string, held plans.Date) string {
		t.Helper()
		p := checklisttest.FilledPlan(c, 3)
		p.Organisation, p.Title, p.Date = org, title, held
		path := filepath.Join(last, name)
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("acme-spring.yaml", "Acme", "Spring review", plans.Date{Year: 2026, Month: 3, Day: 14})
	acmeAutumn := write("acme-autumn.yaml", "ACME", "Autumn review", plans.Date{Year: 2026, Month: 9, Day: 1})
	beta := write("beta.yaml", "Beta Ltd", "Annual review", plans.Date{Year: 2026, Month: 5, Day: 2})
	gamma := write("gamma.yaml", "Gamma", "Review", plans.Date{Year: 2026, Month: 1, Day: 20})
	if err := os.WriteFile(filepath.Join(last, "broken.yaml"), []byte("organisation: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Gamma's carried on to this year's already.
	old, err := plans.Open(gamma, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := plans.CreateNext(filepath.Join(this, "gamma.yaml"), old, plans.New(c, "Gamma", "Review 2027", today)); err != nil {
		t.Fatal(err)
	}
	old.Close()

	found, err := plans.Discover(last, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := review.LastYearsReviews(found, today)
	var paths []string
	for _, l := range got {
		paths = append(paths, l.Found.Path)
	}
	want := []string{acmeAutumn, beta}
	if len(paths) != len(want) || paths[0] != want[0] || paths[1] != want[1] {
		t.Fatalf("LastYearsReviews = %q, want %q", paths, want)
	}
	if got[0].Carried.Actions == 0 || got[0].UnderWay {
		t.Errorf("Acme's autumn review: carries %+v, under way %v; want its open actions, not under way", got[0].Carried, got[0].UnderWay)
	}
}

// Last year's folder of a consultant, or one cloned from someone else,
// may hold thousands of plans, each of another organisation: finding
// each one's last review takes work in proportion to the plans, where it
// compared every plan's organisation with every other's, so that the
// start screen listed 3,000 plans after seconds (work measured here in
// allocations, which each comparison made).
func TestLastYearsReviewsOfManyOrganisationsTakeWorkInProportion(t *testing.T) {
	small, big := manyOrganisations(t, "plans/2026", 250), manyOrganisations(t, "plans/2026", 1000)
	work := func(found []plans.Found) float64 {
		return testing.AllocsPerRun(1, func() {
			if got := review.LastYearsReviews(found, today); len(got) != len(found) {
				t.Fatalf("%d reviews offered of %d organisations", len(got), len(found))
			}
		})
	}
	if s, b := work(small), work(big); b > 5*s {
		t.Errorf("four times the plans took %.1f times the allocations (%.0f, %.0f): more than in proportion", b/s, s, b)
	}
}

// The same for the folder's one review to carry on from, as the
// accessible prompts offer it: a folder of thousands of organisations'
// plans with nothing left open, where it asked each organisation's last
// review of every plan.
func TestNextReviewFromManyOrganisationsTakesWorkInProportion(t *testing.T) {
	small, big := manyOrganisations(t, "plans", 250), manyOrganisations(t, "plans", 1000)
	work := func(found []plans.Found) float64 {
		return testing.AllocsPerRun(1, func() {
			if l := review.NextReviewFrom(found, today); l != nil {
				t.Fatalf("a review with nothing open offered to carry on: %s", l.Found.Path)
			}
		})
	}
	if s, b := work(small), work(big); b > 5*s {
		t.Errorf("four times the plans took %.1f times the allocations (%.0f, %.0f): more than in proportion", b/s, s, b)
	}
}

// manyOrganisations is a folder of n plans found in dir, each of another
// organisation, reviewed on 1 March 2026 with nothing open.
func manyOrganisations(t *testing.T, dir string, n int) []plans.Found {
	t.Helper()
	c, ok := checklist.Builtin(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	found := make([]plans.Found, n)
	for i := range found {
		p := plans.New(c, fmt.Sprintf("Organisation %d Ltd", i), "Review", plans.Date{Year: 2026, Month: 3, Day: 1})
		found[i] = plans.Found{Path: fmt.Sprintf("%s/p%d.yaml", dir, i), Plan: p}
	}
	return found
}

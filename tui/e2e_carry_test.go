//go:build unix

package tui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// Next year's review, carried on from the start screen in a real
// terminal: c on last year's plan, a title, ctrl+s; the new plan on disk
// has last year's open action, and last year's plan only its one new
// next_review line.
func TestCarryOnFromTheStartScreen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := e2ePlan(t, dir, "cafe-2026.yaml", func(p *plans.Plan) {
		p.Date = plans.Date{Year: 2026, Month: 3, Day: 14}
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
		p.Response("lc-culture").Rating = "green"
		done := p.Response("lc-leadership")
		done.Rating, done.Action, done.Status = "green", "Brief the managers", plans.StatusDone
	})
	before, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	e.waitFor("Bea's Café: Spring review")
	e.keys("down")
	e.waitFor("c next review")
	e.keys("c")
	e.waitFor("Carries on 1 open action from cafe-2026.yaml")
	e.typeText("Spring review 2027")
	e.keys("ctrl+s")
	e.waitFor("Last review (Sat 14 Mar 2026): ▲ Amber", "Write a one-page vision")
	e.quits()

	next := filepath.Join(dir, "plans", "cafe-2027.yaml") // last year's name, its year moved on
	p := loadPlan(t, next)
	if r := p.Response("lc-vision"); r.Rated() || r.Action != "Write a one-page vision" || r.Owner != "Ana" || r.Status != plans.StatusDoing {
		t.Fatalf("item 1 of the new plan: %+v", *r)
	}
	if r := p.Response("lc-leadership"); r.Action != "" {
		t.Fatalf("a done action was carried on: %+v", *r)
	}
	if p.PreviousReview != "cafe-2026.yaml" {
		t.Fatalf("previous_review: %q", p.PreviousReview)
	}
	after, _ := os.ReadFile(old)
	line := []byte("next_review: " + filepath.Base(next) + "\n")
	if bytes.Count(after, line) != 1 || !bytes.Equal(bytes.Replace(after, line, nil, 1), before) {
		t.Fatalf("last year's plan should gain the one line %q:\n%s", line, after)
	}
}

// A year on, ladder review NEW --from OLD opens the form carrying last
// year's review on: it names that review by its title and date, not only
// its file, and suggests this year's title (last year's with the year
// moved on), which ctrl+s takes as it is, where the title field showed
// "last time: Review 2026" and ctrl+s asked for a title.
func TestTheCarriedOnFormSuggestsThisYearsTitle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e2ePlan(t, dir, "cafe-2026.yaml", func(p *plans.Plan) {
		p.Title, p.Date = "Review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
	})
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "plans/cafe-2027.yaml", "--from", "plans/cafe-2026.yaml", "--today", "2027-03-20")
	screen := e.waitFor("Next review, carried on", "Carries on 1 open action from cafe-2026.yaml, Review 2026 of Sat 14 Mar 2026")
	if !strings.Contains(screen, "Review title Review 2027 (suggested)") || strings.Contains(screen, "last time") {
		t.Fatalf("the title field does not suggest this year's title:\n%s", screen)
	}
	e.keys("ctrl+s")
	e.waitFor("Last review (Sat 14 Mar 2026): ▲ Amber")
	e.quits()
	if p := loadPlan(t, filepath.Join(dir, "plans", "cafe-2027.yaml")); p.Title != "Review 2027" || p.PreviousReview != "cafe-2026.yaml" {
		t.Fatalf("the new plan: title %q, previous review %q", p.Title, p.PreviousReview)
	}
}

// A year on, the overview of this year's review, carried on from last
// year's, says how many actions came across from that review and how many
// of them are past due now, where it said "⚠ 1 late" of them as of
// actions this review had let slip. At 60 columns it still says how many
// are past due.
func TestTheOverviewOfACarriedOnReviewSaysWhatCameAcross(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	carriedOnPair(t, dir)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "plans/cafe-2027.yaml", "--today", "2027-03-20")
	e.waitFor("Last review (Sat 14 Mar 2026)")
	e.keys("o")
	screen := e.waitFor("Overview · 0 of 21 rated")
	if head := strings.SplitN(strings.TrimLeft(screen, "\n"), "\n", 2)[0]; !strings.Contains(head, "↺ 2 carried on, ⚠ 1 past due") || strings.Contains(head, "late") {
		t.Fatalf("the overview's first line does not say what came across:\n%s", screen)
	}
	e.resize(60, 16)
	// Until the frame for 60 columns comes, the one for 80 shows cut at
	// 60, which says "↺ 2 carried o": wait for the new one's first line.
	e.waitUntil("the overview's first line at 60 columns, saying ⚠ 1 past due", func(screen string) bool {
		head := strings.SplitN(strings.TrimLeft(screen, "\n"), "\n", 2)[0]
		return strings.Contains(head, "Overview · 0 of 21 rated") && strings.Contains(head, "⚠ 1 past due")
	})
	e.quits()
}

// carriedOnPair writes last year's plan, Review 2026 with two actions
// open (one due in June 2026, one in June 2027), carried on into this
// year's, Review 2027 of 20 March 2027, which has both: plans/cafe-2026.yaml
// and plans/cafe-2027.yaml.
func carriedOnPair(t *testing.T, dir string) {
	t.Helper()
	carriedOnPairAt(t, dir, "cafe-2026.yaml", "cafe-2027.yaml", "cafe-2027.yaml", "cafe-2026.yaml")
}

// carriedOnPairAt writes carriedOnPair's plans at last and this, in
// plans/, linked by next and previous.
func carriedOnPairAt(t *testing.T, dir, last, this, next, previous string) {
	t.Helper()
	e2ePlan(t, dir, last, func(p *plans.Plan) {
		p.Title, p.Date, p.NextReview = "Review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}, next
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
		r.Due = plans.Date{Year: 2026, Month: 6, Day: 30}
		r = p.Response("lc-culture")
		r.Rating, r.Action, r.Owner, r.Status = "red", "Ask the staff survey about background", "Ben", plans.StatusTodo
		r.Due = plans.Date{Year: 2027, Month: 6, Day: 30}
	})
	e2ePlan(t, dir, this, func(p *plans.Plan) {
		p.Title, p.Date, p.PreviousReview = "Review 2027", plans.Date{Year: 2027, Month: 3, Day: 20}, previous
		r := p.Response("lc-vision")
		r.Action, r.Owner, r.Status, r.Due = "Write a one-page vision", "Ana", plans.StatusDoing, plans.Date{Year: 2026, Month: 6, Day: 30}
		r = p.Response("lc-culture")
		r.Action, r.Owner, r.Status, r.Due = "Ask the staff survey about background", "Ben", plans.StatusTodo, plans.Date{Year: 2027, Month: 6, Day: 30}
	})
}

// A carry-on cut short (killed between its two writes: this year's plan
// names last year's, which names nothing back) is finished by the same
// ladder review NEW --from OLD in a terminal: last year's plan gains its
// one next_review line, this year's opens as it was left, its rating
// kept, and the status line says what happened, where the command said
// what would finish it instead and did nothing.
func TestReviewFromFinishesACarryOnCutShort(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := e2ePlan(t, dir, "cafe-2026.yaml", func(p *plans.Plan) {
		p.Title, p.Date = "Review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
	})
	e2ePlan(t, dir, "cafe-2027.yaml", func(p *plans.Plan) {
		p.Title, p.Date, p.PreviousReview = "Review 2027", plans.Date{Year: 2027, Month: 3, Day: 20}, "cafe-2026.yaml"
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "green", "Write a one-page vision", "Ana", plans.StatusDoing
	})
	before, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	// With this year's plan named, and without: ladder review --from OLD
	// finishes the carry-on as c on OLD in the list does, where it said
	// to run the command with the plan named.
	for _, named := range [][]string{{"plans/cafe-2027.yaml"}, nil} {
		if err := os.WriteFile(old, before, 0o644); err != nil {
			t.Fatal(err)
		}
		args := append(append([]string{"review"}, named...), "--from", "plans/cafe-2026.yaml", "--today", "2027-03-21")
		e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, args...)
		e.waitFor("Finished carrying on cafe-2026.yaml into cafe-2027.yaml", "item 2 of 4") // item 1 rated
		e.quits()

		after, _ := os.ReadFile(old)
		line := []byte("next_review: cafe-2027.yaml\n")
		if bytes.Count(after, line) != 1 || !bytes.Equal(bytes.Replace(after, line, nil, 1), before) {
			t.Fatalf("%v: last year's plan should gain the one line %q:\n%s", args, line, after)
		}
		if p := loadPlan(t, filepath.Join(dir, "plans", "cafe-2027.yaml")); p.Response("lc-vision").Rating != "green" || p.Title != "Review 2027" {
			t.Fatalf("%v: this year's plan was not left as it was: title %q, item 1 %+v", args, p.Title, *p.Response("lc-vision"))
		}
	}
}

// The start screen's list says the same of this year's review as its
// overview: how many actions came across from last year's, and how many of
// them are past due, where it said "⚠ 1 late".
func TestTheStartListSaysWhatCameAcrossIntoThisYearsReview(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	carriedOnPair(t, dir)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen := e.waitFor("Bea's Café: Review 2027", "Bea's Café: Review 2026 → carried on")
	if !strings.Contains(screen, "0/21 rated · ↺ 2 carried on, ⚠ 1 past due · Sat 20 Mar 2027") || strings.Contains(screen, "late") {
		t.Fatalf("the list does not say what came across into this year's review:\n%s", screen)
	}
	e.quits()

	// Kept a folder per year, last year's plan is not in the list, which
	// is this year's folder: the line says the same.
	years := t.TempDir()
	carriedOnPairAt(t, years, "2026/cafe.yaml", "2027/cafe.yaml", "../2027/cafe.yaml", "../2026/cafe.yaml")
	e = e2eStart(t, years, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen = e.waitFor("Resume a review from plans/2027", "Bea's Café: Review 2027")
	if !strings.Contains(screen, "0/21 rated · ↺ 2 carried on, ⚠ 1 past due · Sat 20 Mar 2027") {
		t.Fatalf("in year folders, the list does not say what came across into this year's review:\n%s", screen)
	}
	e.quits()
}

// A project-plan step carried on from last year's review, late, is
// counted with what came across, as past due, not as one this review let
// slip ("⚠ 1 more late"); and where the header has no room to say it is
// on the project plan, the line under it does (at 80 and 60 columns):
// the overview lists no steps, so "⚠ 2 past due" over one late action in
// the list did not add up. The start screen's list says the same counts.
func TestACarriedOnStepIsCountedWithWhatCameAcross(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	step := plans.Step{ID: 4821, Text: "Book the workshop room", Owner: "Ben", Due: plans.Date{Year: 2026, Month: 9, Day: 1}, Status: plans.StatusTodo}
	carriedOnPair(t, dir)
	for _, name := range []string{"cafe-2026.yaml", "cafe-2027.yaml"} {
		path := filepath.Join(dir, "plans", name)
		p := loadPlan(t, path)
		p.Answer("project-plan").Steps = []plans.Step{step}
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen := e.waitFor("Bea's Café: Review 2027")
	if !strings.Contains(screen, "↺ 3 carried on, ⚠ 2 past due · Sat 20 Mar 2027") || strings.Contains(screen, "more late") {
		t.Fatalf("the list does not count the step carried on with what came across:\n%s", screen)
	}
	e.keys("enter")
	e.waitFor("Last review (Sat 14 Mar 2026)")
	e.keys("o")
	screen = e.waitFor("Overview · 0 of 21 rated")
	lines := strings.Split(strings.TrimLeft(screen, "\n"), "\n")
	if !strings.Contains(lines[0], "↺ 3 carried on, ⚠ 2 past due") || strings.Contains(lines[0], "late") || !strings.Contains(lines[1], "1 of them on the project plan, not in this list") {
		t.Fatalf("at 80 columns the overview's header does not say the step is past due, on the project plan:\n%s", screen)
	}
	e.resize(60, 16)
	// Until the frame for 60 columns comes, the one for 80 shows cut at
	// 60 ("↺ 3 carried o"): wait for the new one's header.
	e.waitUntil("the overview's header at 60 columns, saying 1 of the 2 past due is on the project plan", func(screen string) bool {
		lines := strings.Split(strings.TrimLeft(screen, "\n"), "\n")
		return len(lines) > 1 && strings.Contains(lines[0], "Overview · 0 of 21 rated") &&
			strings.Contains(lines[0], "⚠ 2 past due") && strings.Contains(lines[1], "1 of them on the project plan")
	})
	e.quits()
}

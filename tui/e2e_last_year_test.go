//go:build unix

package tui_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// lastYearsFolder is a git repository whose plans/ holds only year
// folders: plans/2025/acme.yaml, carried on to plans/2026/acme.yaml
// (Acme, one open action), plans/2026/beta.yaml (Beta, older) and
// plans/2026/broken.yaml, which does not load.
func lastYearsFolder(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", root).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	e2ePlan(t, root, filepath.Join("2025", "acme.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme", "Spring review 2025", plans.Date{Year: 2025, Month: 3, Day: 10}
		p.NextReview = "../2026/acme.yaml"
	})
	e2ePlan(t, root, filepath.Join("2026", "acme.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme", "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
		p.PreviousReview = "../2025/acme.yaml"
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
	})
	e2ePlan(t, root, filepath.Join("2026", "beta.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Beta Ltd", "Annual review 2026", plans.Date{Year: 2026, Month: 2, Day: 2}
	})
	if err := os.WriteFile(filepath.Join(root, "plans", "2026", "broken.yaml"), []byte("organisation: Gamma\ntitle: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// A year on, ladder in a repository whose plans/ holds only year folders
// lists last year's reviews, newest first, with the one that does not
// load named at its line; c on the first carries it on into this year's
// folder, with the new plan open, and both files are linked as ladder new
// --from links them. Run again, this year's folder is the list, and
// last year's review still to carry on is offered under it; enter on it
// opens it as it is.
func TestAYearOnTheStartScreenCarriesLastYearsReviewOn(t *testing.T) {
	t.Parallel()
	root := lastYearsFolder(t)
	e := e2eStart(t, root, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen := e.waitFor("Begin this year's review from one of 2026's in plans/2026", "Acme: Spring review 2026", "Beta Ltd: Annual review 2026", "broken.yaml:2:")
	if strings.Contains(screen, "2025") || strings.Contains(screen, "Welcome") {
		t.Fatalf("the start screen offers the 2025 review, or the welcome:\n%s", screen)
	}
	if strings.Index(screen, "Acme: Spring") > strings.Index(screen, "Beta Ltd") {
		t.Fatalf("last year's latest review is not offered first:\n%s", screen)
	}
	e.waitFor("c to begin this year's review from it, in plans/2027")
	e.keys("c")
	e.waitFor("Next review, carried on", "plans/2026/acme.yaml", "plans/2027/")
	e.typeText("Spring review 2027")
	e.keys("ctrl+s")
	e.waitFor("Last review (Sat 14 Mar 2026): ▲ Amber", "Write a one-page vision")
	e.quits()

	next := filepath.Join(root, "plans", "2027", "acme.yaml") // last year's name, in this year's folder
	if !bytes.Contains(mustReadFile(t, next), []byte("\nprevious_review: ../2026/acme.yaml\n")) {
		t.Errorf("this year's plan does not name last year's as its previous review:\n%s", mustReadFile(t, next))
	}
	if !bytes.Contains(mustReadFile(t, filepath.Join(root, "plans", "2026", "acme.yaml")), []byte("\nnext_review: ../2027/acme.yaml\n")) {
		t.Errorf("last year's plan does not name this year's as its next review")
	}

	e = e2eStart(t, root, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen = e.waitFor("Resume a review from plans/2027", "Acme: Spring review 2027", "Begin this year's review from one of 2026's in plans/2026", "Beta Ltd: Annual review 2026")
	if strings.Contains(screen, "Acme: Spring review 2026") {
		t.Fatalf("last year's review carried on is offered again:\n%s", screen)
	}
	e.keys("down", "down")
	e.waitFor("c to begin this year's review from it")
	e.keys("enter")
	// Beta's review open at its first item, named by its path in the
	// status line. ("Annual review 2026" is on the list before enter: it
	// says nothing of what opened, and had gone by the time it was looked
	// for when the item screen came quickly.)
	e.waitFor("Leadership", "plans/2026/beta.yaml")
	e.quits()
	if _, err := os.Stat(filepath.Join(root, "plans", "2026", "beta.yaml")); err != nil {
		t.Fatal(err)
	}
}

// This year's folder holding the review carried on from last year's, and
// nothing left to carry on: the start screen is the list of this year's
// folder, as ladder review --dir plans/2027 shows it.
func TestAYearOnWithLastYearsCarriedOnTheStartScreenIsAList(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", root).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	e2ePlan(t, root, filepath.Join("2026", "acme.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme", "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
		p.NextReview = "../2027/acme.yaml"
	})
	e2ePlan(t, root, filepath.Join("2027", "acme.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme", "Spring review 2027", plans.Date{Year: 2027, Month: 3, Day: 16}
		p.PreviousReview = "../2026/acme.yaml"
	})
	e := e2eStart(t, root, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen := e.waitFor("Resume a review from plans/2027", "Acme: Spring review 2027")
	if strings.Contains(screen, "Begin this year's review from one of") || strings.Contains(screen, "2026") {
		t.Fatalf("last year's review, carried on, is offered:\n%s", screen)
	}
	e.keys("enter") // the review under way
	e.waitUntil("Acme's review open", func(s string) bool { return strings.Contains(s, "Leadership") })
	e.quits()
}

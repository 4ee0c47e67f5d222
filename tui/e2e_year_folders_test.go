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

// ladder review in a real terminal, next year's folder not begun yet:
// Acme's review in plans/2026 is carried on from the start screen's list
// (c), and both files are byte for byte what ladder new plans/2027/...
// --from plans/2026/... writes in a copy of the folder.
func TestTheFormCarriesOnAsNewFromDoes(t *testing.T) {
	t.Parallel()
	bin := e2eBinary(t)
	byForm, byNew := t.TempDir(), t.TempDir()
	old := filepath.Join("plans", "2026", "acme.yaml")
	for _, root := range []string{byForm, byNew} {
		if out, err := exec.Command("git", "init", "-q", root).CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		e2ePlan(t, root, filepath.Join("2026", "acme.yaml"), func(p *plans.Plan) {
			p.Organisation, p.Title = "Acme", "Spring review 2026"
			p.Date = plans.Date{Year: 2026, Month: 3, Day: 14}
			r := p.Response("lc-vision")
			r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
		})
	}
	e := e2eStart(t, byForm, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	e.waitFor("Begin this year's review from one of 2026's in plans/2026", "› Acme: Spring review 2026")
	e.keys("c")
	e.waitFor("Carries on 1 open action from plans/2026/acme.yaml")
	e.typeText("Spring review 2027")
	e.keys("ctrl+s")
	e.waitFor("Last review (Sat 14 Mar 2026): ▲ Amber", "Write a one-page vision")
	e.quits()

	next := filepath.Join("plans", "2027", "acme.yaml") // last year's name, in this year's folder
	cmd := exec.Command(bin, "new", next, "--from", old, "--title", "Spring review 2027", "--date", "2027-03-20")
	cmd.Dir = byNew
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ladder new --from: %v\n%s", err, out)
	}
	for _, path := range []string{next, old} {
		got, err := os.ReadFile(filepath.Join(byForm, path))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := os.ReadFile(filepath.Join(byNew, path))
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what ladder new --from writes:\n%s\nladder new --from:\n%s", path, got, want)
		}
	}
	if !bytes.Contains(mustReadFile(t, filepath.Join(byForm, next)), []byte("\nprevious_review: ../2026/acme.yaml\n")) {
		t.Errorf("the new plan does not name ../2026/acme.yaml as its previous review")
	}
}

// Run inside a year's folder (cd plans/2027), the start screen names the
// folders as the repository has them, where it said "Resume a review
// from ../2027", as if the plans were somewhere else.
func TestTheStartScreenRunInAYearsFolderNamesItFromTheTop(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", root).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	carriedOnPairAt(t, root, "2026/cafe.yaml", "2027/cafe.yaml", "../2027/cafe.yaml", "../2026/cafe.yaml")
	e := e2eStart(t, filepath.Join(root, "plans", "2027"), e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	if screen := e.waitFor("Bea's Café: Review 2027"); !strings.Contains(screen, "Resume a review from plans/2027") || strings.Contains(screen, "../") {
		t.Fatalf("run in plans/2027, the list should name it plans/2027:\n%s", screen)
	}
	e.quits()

	// A year on, run in last year's folder: both years named so.
	lastYear := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", lastYear).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	e2ePlan(t, lastYear, filepath.Join("2026", "acme.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme", "Spring review", plans.Date{Year: 2026, Month: 3, Day: 14}
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "amber", "Write a one-page vision", "Ana", plans.StatusDoing
	})
	e = e2eStart(t, filepath.Join(lastYear, "plans", "2026"), e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-20")
	screen := e.waitFor("› Acme: Spring review")
	if !strings.Contains(screen, "one of 2026's in plans/2026") || !strings.Contains(screen, "review from it, in plans/2027,") || strings.Contains(screen, "../") {
		t.Fatalf("run in plans/2026 a year on, the list should name plans/2026 and plans/2027:\n%s", screen)
	}
	e.keys("c") // the form says the same
	if screen := e.waitFor("Will be saved as plans/2027/acme.yaml"); !strings.Contains(screen, "from plans/2026/acme.yaml") || strings.Contains(screen, "../") {
		t.Fatalf("run in plans/2026 a year on, the form should name plans/2026/acme.yaml and plans/2027/acme.yaml:\n%s", screen)
	}
	e.keys("ctrl+s") // and the status line under the review
	if screen := e.waitFor("Last review (Sat 14 Mar 2026)", "plans/2027/acme.yaml"); strings.Contains(screen, "../") {
		t.Fatalf("run in plans/2026 a year on, the status line should name plans/2027/acme.yaml:\n%s", screen)
	}
	e.quits()
}

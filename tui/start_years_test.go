package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// lastYearsPlans writes, in the working folder, plans/2025/acme.yaml,
// plans/2026/acme.yaml (seed 3: 14 open actions, 3 open steps),
// plans/2026/beta.yaml, older, and plans/2026/broken.yaml, which does
// not load: a plans folder kept a folder per year, a year on.
func lastYearsPlans(t *testing.T) {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	write := func(name string, p *plans.Plan) {
		t.Helper()
		path := filepath.Join("plans", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writePlanFile(t, path, p)
	}
	old := plans.New(c, "Acme Café Ltd", "Spring review 2025", plans.Date{Year: 2025, Month: 3, Day: 10})
	write(filepath.Join("2025", "acme.yaml"), old)
	acme := checklisttest.FilledPlan(c, 3)
	acme.Title, acme.Date = "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
	write(filepath.Join("2026", "acme.yaml"), acme)
	write(filepath.Join("2026", "beta.yaml"), plans.New(c, "Beta Builders", "Annual review 2026", plans.Date{Year: 2026, Month: 2, Day: 2}))
	if err := os.WriteFile(filepath.Join("plans", "2026", "broken.yaml"), []byte("organisation: Gamma\ntitle: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The start screen a year on, at 80x24 and 60x16 (with no colour, as
// every golden): last year's reviews, the latest chosen, what c does, the
// plan that does not load at its line.
func TestLastYearGoldens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {minWidth, minHeight}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("start-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Begin this year's review from one of", func(t *testing.T) *app {
				lastYearsPlans(t)
				return rvStart(t, Options{Dir: "plans"}, w, h).a
			})
		})
		t.Run(fmt.Sprintf("form-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Next review, carried on", func(t *testing.T) *app {
				lastYearsPlans(t)
				hs := rvStart(t, Options{Dir: "plans"}, w, h)
				hs.press("c")
				return hs.a
			})
		})
	}
}

// Last year's reviews below this year's, each part under its heading,
// scrolled in a small window: the heading of the part the first plan
// shown is in stays on top, and the cursor in view.
func TestLastYearsReviewsScrollUnderTheirHeading(t *testing.T) {
	t.Chdir(t.TempDir())
	lastYearsPlans(t)
	c, _ := checklist.Builtin(checklist.DefaultID)
	if err := os.MkdirAll(filepath.Join("plans", "2027"), 0o755); err != nil {
		t.Fatal(err)
	}
	writePlanFile(t, filepath.Join("plans", "2027", "dee.yaml"), plans.New(c, "Dee's Deli", "Review 2027", rvToday))
	h := rvStart(t, Options{Dir: "plans"}, 80, 24)
	h.requireView("Resume a review from plans/2027", "› Dee's Deli: Review 2027", "Begin this year's review from one of 2026's in plans/2026", "Acme Café Ltd: Spring review 2026", "Beta Builders")
	h.press("down")
	requireWords(t, h.view(), "Press c to begin this year's review from it, in plans/2027, carrying on its 14 open actions, 3 of them also project-plan steps; enter opens it as it is.")

	h = rvStart(t, Options{Dir: "plans"}, minWidth, minHeight)
	h.requireView("Resume a review from plans/2027", "› Dee's Deli")
	h.press("down", "down")
	h.requireView("Begin this year's review from one of 2026's in plans/2026", "› Beta Builders", "c begin 2027")
	h.refuseView("Resume a review", "Dee's Deli")
	if n := countLines(h.view()); n > minHeight {
		t.Fatalf("the start screen is %d lines in a window of %d:\n%s", n, minHeight, h.view())
	}
}

// Back from the carried-on form (esc), the list is last year's again,
// the review chosen still chosen; n begins a fresh review in this year's
// folder, and the organisation typed there points back at last year's
// review in the list (esc, then c), as in any folder.
func TestBackFromLastYearsCarryOnAndAFreshReviewInThisYearsFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	lastYearsPlans(t)
	h := rvStart(t, Options{Dir: "plans"}, 80, 24)
	h.press("down", "c")
	h.requireView("Next review, carried on", "Beta Builders")
	h.press("esc")
	h.requireView("Begin this year's review from one of 2026's in plans/2026", "› Beta Builders")
	h.press("n")
	h.requireView("A new review", "Will be saved as plans/2027/")
	h.typeText("Acme Café Ltd")
	requireWords(t, h.view(), "To carry them on into this review, press esc, then c.")
}

// On a projector the list a year on names no folder or file: last year's
// part is headed by its year, and c's words say nothing of where.
func TestLastYearsReviewsOnAProjectorNameNoFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	lastYearsPlans(t)
	h := rvStart(t, Options{Dir: "plans", Present: true}, 80, 24)
	h.requireView("Begin this year's review from one of 2026's", "Press c to begin this year's review from it, carrying on its 14 open actions")
	if v := h.view(); strings.Contains(v, "plans/") || strings.Contains(v, ".yaml") {
		t.Fatalf("presenter mode names a folder or a file:\n%s", v)
	}
}

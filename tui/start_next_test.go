package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// A plans folder kept flat, a year on: last year's review, with actions
// open, is the only plan. The list opened on "Begin a new review", and
// said nothing of c until the plan was chosen: enter began a review that
// left last year's actions behind. It opens on last year's plan now,
// saying what c does there, as the list a year on in a folder per year
// does (and the prompts' Enter begins the next review from it).
func TestLastYearsPlanInAFlatFolderIsChosenWithWhatCDoes(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	acme := checklisttest.FilledPlan(c, 3)
	acme.Title, acme.Date = "Review 2026", plans.Date{Year: 2026, Month: 3, Day: 2}
	writePlanFile(t, filepath.Join("plans", "acme-2026.yaml"), acme)
	for _, size := range [][2]int{{80, 24}, {minWidth, minHeight}} {
		h := rvStart(t, Options{Dir: "plans"}, size[0], size[1])
		h.requireView("› Acme Café Ltd: Review 2026")
		requireWords(t, h.view(), "Press c to begin the next review from it, carrying on its 14 open actions, 3 of them also project-plan steps; enter opens it as it is.")
		if n := countLines(h.view()); n > size[1] {
			t.Fatalf("the start screen is %d lines in a window of %d:\n%s", n, size[1], h.view())
		}
		h.press("c")
		h.requireView("Next review, carried on")
	}

	// Held in the last half year, it is no next review's yet: the list
	// opens on "Begin a new review", as before.
	h := rvStart(t, Options{Dir: "plans", Today: plans.Date{Year: 2026, Month: 6, Day: 1}}, 80, 24)
	h.requireView("› Begin a new review")
	h.refuseView("Press c to begin")
}

// Carried on, the next review is saved under last year's file name with
// its year moved on, the name ladder status suggests for it
// (acme-2026.yaml → acme-2027.yaml), where the form suggested a third:
// the date, organisation and title ("2027-03-14-acme-cafe-ltd-….yaml").
func TestTheNextReviewIsNamedAsStatusSuggests(t *testing.T) {
	dir, _, _ := carryFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("c")
	h.requireView("Will be saved as plans/acme-2027.yaml")
	h.typeText("Spring review 2027")
	h.requireView("Will be saved as plans/acme-2027.yaml")
	h.press("ctrl+s")
	h.requireView("item 1 of 4")
	if got, want := h.a.c.session.Path(), filepath.Join("plans", "acme-2027.yaml"); got != want {
		t.Fatalf("the next review was saved as %s, not %s", got, want)
	}
}

// The form names the file the next review will be saved as from last
// year's file's name now, and says which file it carries on from; a
// file's name comes from a pull request. Its control characters reached
// the terminal in both lines as they were, where a backspace rubs out
// the letter before it ("acme\bX-2026.yaml" read as acmX-2027.yaml).
func TestTheNextReviewsNameIsShownSafely(t *testing.T) {
	dir, path, prev := carryFolder(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	writePlanFile(t, filepath.Join(dir, "acme\bX\u009b31m-2026.yaml"), prev)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("c")
	h.requireView("Will be saved as")
	if v := h.a.View().Content; strings.ContainsAny(v, "\b\u009b") {
		t.Fatalf("the form drew the file name's control characters:\n%q", v)
	}
}

// Run inside plans/2025, c on a plan whose next_review leads to no plan
// said "../2025/acme-2026.yaml is not there", where the list and the
// rest of the screens name files from the top of the repository: it says
// "plans/2025/acme-2026.yaml" now, the line as written quoted as it was.
func TestARefusedCarryOnNamesTheMissingPlanFromTheTop(t *testing.T) {
	top := t.TempDir()
	for _, dir := range []string{".git", filepath.Join("plans", "2025")} {
		if err := os.MkdirAll(filepath.Join(top, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(top, "plans", "2025"))
	c, _ := checklist.Builtin(checklist.DefaultID)
	acme := checklisttest.FilledPlan(c, 3)
	acme.Title, acme.Date, acme.NextReview = "Review 2025", plans.Date{Year: 2025, Month: 3, Day: 2}, "acme-2026.yaml"
	writePlanFile(t, "acme-2025.yaml", acme)
	h := rvStart(t, Options{Dir: "..", Today: plans.Date{Year: 2026, Month: 12, Day: 1}}, 80, 24) // as ladder finds plans/ from there
	h.requireView("› Acme Café Ltd: Review 2025")
	h.press("c")
	requireWords(t, h.view(), `("acme-2026.yaml" leads to no plan: plans/2025/acme-2026.yaml is not there)`)
	h.refuseView("../")
}

package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// yearFolders makes a git repository (a plan names one in another folder
// only inside one) whose plans/2026 holds last year's plan (seed 3: 14
// open actions, 3 open steps, dated 14 Mar 2026), in the folder root.
func yearFolders(t *testing.T, root string) string {
	t.Helper()
	if out, err := exec.Command("git", "init", "-q", root).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	prev := checklisttest.FilledPlan(c, 3)
	prev.Title, prev.Date = "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
	path := filepath.Join(root, "plans", "2026", "acme.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	writePlanFile(t, path, prev)
	return path
}

// ladder review plans/2027/acme.yaml, next year's plan named and not
// there yet: the form, once the organisation is typed, finds its last
// review in plans/2026 (review.LastReviewFor, as ladder new does) and
// ctrl+o carries it on from the form, there being no list to go back to
// (the start screen's list offers it without typing: start_years.go).
func TestTheFormCarriesOnLastYearsReviewFromTheYearsFolderBeside(t *testing.T) {
	t.Chdir(t.TempDir())
	yearFolders(t, ".")

	h := rvStart(t, besideOptions(), 80, 24)
	h.requireView("There is no plan at plans/2027/acme.yaml yet")
	h.typeText("Acme Café Ltd")
	requireWords(t, h.view(), "The last review of Acme Café Ltd, Spring review 2026 (plans/2026/acme.yaml), has 14 open actions, 3 of them also project-plan steps")
	requireWords(t, h.view(), "To carry them on into this review, press ctrl+o.")
	requireHangingIndent(t, h.view(), "⚠ The last review of")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	requireWords(t, h.view(), "The last review has open actions: ctrl+o carries them on; ctrl+s begins without them.")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})

	// esc lets go of it again, back to the blank form; ctrl+o takes it up.
	h.press("ctrl+o")
	h.requireView("Next review, carried on", "Spring review 2027 (suggested)")
	requireWords(t, h.view(), "Carries on 14 open actions, 3 of them also project-plan steps from plans/2026/acme.yaml")
	h.press("esc")
	h.requireView("A new review", "There is no plan at plans/2027/acme.yaml yet")
	h.typeText("Acme Café Ltd")
	h.press("ctrl+o")
	h.typeText("Spring review 2027")
	h.press("ctrl+s")
	h.requireView("item 1 of 4", "Last review (Sat 14 Mar 2026): ▲ Amber")

	next := h.a.c.session.Path()
	if want := filepath.Join("plans", "2027"); filepath.Dir(next) != want {
		t.Fatalf("the new plan is %s, not in %s", next, want)
	}
	if p := loadPlan(t, next); p.PreviousReview != "../2026/acme.yaml" {
		t.Errorf("previous_review: %q", p.PreviousReview)
	}
}

// This half year's review of Acme, begun in plans/2026 and not finished:
// the form in plans/2027 says it is under way there, with the command that
// opens it, and ctrl+o carries nothing on (a third plan for the year).
func TestTheFormNamesAReviewUnderWayInTheYearsFolderBeside(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	h := formBesideLastYears(t, plans.New(c, "Acme", "Winter review", plans.Date{Year: 2026, Month: 12, Day: 1}))
	requireWords(t, h.view(), "A review of Acme is under way: Winter review (plans/2026/acme.yaml), of Tue 1 Dec 2026, 0 of 21 rated. To go on with it, press ctrl+c and run ladder review plans/2026/acme.yaml.")
	h.press("ctrl+o")
	h.refuseView("Next review, carried on")
}

// requireHangingIndent fails unless the lines after the one that holds
// start, up to a blank line or the warning's end, are indented two cells
// past where it begins and no wider than the screen's widest line: the
// frame puts what runs past the edge on a line of its own at the margin.
func requireHangingIndent(t *testing.T, view, start string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	for i, line := range lines {
		col := strings.Index(line, start)
		if col < 0 {
			continue
		}
		indent := ansi.StringWidth(line[:col]) + 2
		for _, next := range lines[i+1:] {
			if strings.TrimSpace(next) == "" || strings.HasPrefix(strings.TrimSpace(next), "Will be saved") {
				return
			}
			if lead := len(next) - len(strings.TrimLeft(next, " ")); lead != indent {
				t.Fatalf("a line of the warning is indented %d, not %d:\n%s", lead, indent, view)
			}
		}
		return
	}
	t.Fatalf("the screen does not show %q:\n%s", start, view)
}

// This half year's review of Acme in plans/2026 with every item rated was
// held, not under way: the form in plans/2027 says so.
func TestTheFormNamesAReviewHeldInTheYearsFolderBeside(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := checklisttest.FilledPlan(c, 5)
	p.Organisation, p.Title, p.Date = "Acme", "Winter review", plans.Date{Year: 2026, Month: 12, Day: 1}
	h := formBesideLastYears(t, p)
	requireWords(t, h.view(), "A review of Acme was held in the last half year: Winter review (plans/2026/acme.yaml), of Tue 1 Dec 2026, every item rated. To go back to it, press ctrl+c and run ladder review plans/2026/acme.yaml.")
	h.refuseView("under way")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	requireWords(t, h.view(), "A review of this organisation was held in the last half year, elsewhere: ctrl+c, then open it; ctrl+s begins another.")
	h.press("ctrl+o")
	h.refuseView("Next review, carried on")
}

// formBesideLastYears writes p as plans/2026/acme.yaml, in a folder of
// its own, and opens the set-up form for plans/2027/acme.yaml with
// "Acme" typed.
func formBesideLastYears(t *testing.T, p *plans.Plan) *rvHarness {
	t.Helper()
	t.Chdir(t.TempDir())
	path := filepath.Join("plans", "2026", "acme.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	writePlanFile(t, path, p)
	h := rvStart(t, besideOptions(), 80, 24)
	h.typeText("Acme")
	return h
}

// besideOptions name next year's plan, plans/2027/acme.yaml, not there
// yet: the form, with no list to go back to, looks beside it.
func besideOptions() Options {
	return Options{Dir: filepath.Join("plans", "2027"), PlanPath: filepath.Join("plans", "2027", "acme.yaml")}
}

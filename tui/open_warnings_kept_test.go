package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// A carry-on cut short, finished with c on last year's plan, opens the
// review with the status line saying so, and with the warnings any plan
// opens with: here, that the review is open in another ladder session.
// The words sent after the plan opened replaced them, so they were never
// seen.
func TestFinishingACarryOnKeepsTheOpenWarnings(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	before, _ := os.ReadFile(oldPath)
	next := carryOnTo2027(t, dir, oldPath)
	if err := os.WriteFile(oldPath, before, 0o644); err != nil { // the line undone
		t.Fatal(err)
	}
	other, err := plans.Open(next, nil) // the review open in another session
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	h := rvStart(t, Options{Dir: dir}, 80, 24)
	choosePlan(h, "Spring review 2026")
	h.press("c")
	requireWords(t, h.view(), "Finished carrying on acme-2026.yaml into acme-2027.yaml")
	requireWords(t, h.view(), "⚠ This plan is open in another ladder session too.")
}

// A review created but not linked to last year's plan opens, at enter,
// with the line to add said in the status line, and with the warnings
// the plan opened with kept beside it, not replaced.
func TestCreatedButNotLinkedKeepsTheOpenWarnings(t *testing.T) {
	_, path := rvPlanWithASlip(t)
	ss, err := review.Open(path, nil, rvToday)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 80, 24)
	h.typeText("Acme\nSpring\n")
	h.send(carryNotLinkedMsg{ss, errors.New("add the line next_review: acme.yaml to last year's plan")})
	h.press("enter")
	requireWords(t, h.view(), "add the line next_review: acme.yaml to last year's plan")
	requireWords(t, h.view(), "edited by hand")
}

// With both opening warnings (open in another session, edited by hand)
// at 60x16, the overview had four list lines until the first save, the
// warnings taking half the window. On the overview each warning keeps
// its beginning, with its sign, and the list has the rest; back on the
// item they are said whole again. Cut to a fair share of lines each,
// the hand edit's lost what to do ("…if it is …", before "put it in
// quotes"): each keeps its first sentence, where they fit.
func TestTheOverviewKeepsItsListBesideTwoOpeningWarnings(t *testing.T) {
	dir, path := rvPlanWithASlip(t)
	other, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{PlanPath: path, Dir: dir}, 60, 16)
	other.Close()
	h.press("o")
	v := h.view()
	if n := strings.Count(v, "○ Unrated"); n < 6 {
		t.Errorf("the overview lists %d items:\n%s", n, v)
	}
	requireWords(t, v, "⚠ This plan is open in another ladder session too.")
	requireWords(t, v, "⚠ Enablers item 13 (line")
	requireWords(t, v, "if it is the owner, put it in quotes: owner: '#1 team'.")
	requireFits(t, h, 60, 16)
	h.press("esc")
	requireWords(t, h.view(), "A save keeps what ladder shows: fix it here, or quit and edit the file first.")
}

// Three warnings as a plan opens (the line not linked, open in another
// session, edited by hand), on the overview in a window shrunk below
// 16 lines: the overview gave its warnings two lines, shared none to
// the first, and the app panicked laying them out. The window says it
// is too small, and the warnings are said again once it grows.
func TestThreeOpeningWarningsOnTheOverviewOfAShrunkWindow(t *testing.T) {
	_, path := rvPlanWithASlip(t)
	other, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := review.Open(path, nil, rvToday)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 60, 16)
	h.typeText("Acme\nSpring\n")
	h.send(carryNotLinkedMsg{ss, errors.New("add the line next_review: acme.yaml to last year's plan")})
	h.press("enter")
	h.press("o")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 10})
	requireWords(t, h.view(), "make the window at least 60x16")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	v := h.view()
	for _, want := range []string{"⚠ add the line", "⚠ This plan is open", "⚠ Enablers item 13"} {
		requireWords(t, v, want)
	}
	requireFits(t, h, 60, 16)
}

// A plan edited by hand and open in another session changed on disk
// before the first save; C saved the review as a copy, but the opening
// warnings, which go with a save, stayed and hid "✓ your plan is now in
// …copy-1.yaml", the one place the new file is named. The copy is a
// save, in a file no other session has open: the status line names it.
func TestTheCopyIsNamedOverTheOpeningWarnings(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		dir, path := rvPlanWithASlip(t)
		t.Chdir(filepath.Dir(dir)) // ladder review plans/acme.yaml
		other, err := plans.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: "plans/acme.yaml", Dir: "plans"}, size[0], size[1])
		other.Close()
		saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
		h.press("r")
		h.press("C")
		v := h.view()
		requireWords(t, v, "✓ your plan is now in")
		requireWords(t, v, "copy-1.yaml")
		for _, gone := range []string{"edited by hand", "open in another ladder session"} {
			if strings.Contains(oneSpaced(v), gone) {
				t.Errorf("%dx%d: after the copy the screen still says %q:\n%s", size[0], size[1], gone, v)
			}
		}
		requireFits(t, h, size[0], size[1])
	}
}

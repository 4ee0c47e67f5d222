package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/plans"
)

// Quit mid-review for a break, the command that carries on goes on a line
// of its own where the sentence and it do not fit the terminal together:
// after "To carry on where you left off, run: " the terminal broke it at
// its 80th column, mid-word ("--listen 127.0.0.1:846" then "1 --present
// plans/acme.yaml"), as the facilitator read it off the projector to come
// back to the same room. Where they fit, the line is as it was.
func TestTheCommandThatCarriesOnHasALineOfItsOwn(t *testing.T) {
	quit := func(h *rvHarness) string {
		h.a.exitNotice, h.a.quitting = "", true
		h.a.commitNotice()
		h.a.quitting = false
		return h.a.exitNotice
	}
	for _, tc := range []struct {
		w, h int
		own  bool
	}{{80, 24, true}, {60, 16, true}, {240, 67, false}} {
		h, path := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
		h.press("P")
		h.a.c.timer = timebox{limit: 5 * time.Minute, session: 2 * time.Hour}
		h.a.c.timer.open(h.a.c.pos(), time.Now())
		command := "ladder review --present --timebox 5m --session 2h " + path
		said := quit(h)
		own := strings.Contains(said, "To carry on where you left off, run:\n  "+command)
		if oneLine := strings.Contains(said, "To carry on where you left off, run: "+command); own == oneLine || own != tc.own {
			t.Errorf("%dx%d: the command on a line of its own %v, want %v:\n%s", tc.w, tc.h, own, tc.own, said)
		}
	}
}

// Carried on from last year's plan and left midway, the screens' exit
// notice said where the answers are and how to carry on, but not that
// last year's plan changed too, nor how to commit the two files, as the
// accessible prompts do: committing the new plan alone leaves last year's
// actions chased in both plans on every other clone. It says both now; a
// review opened as it was (no carry-on this run) says nothing of it.
func TestQuittingACarryOnMidwayNamesTheCommitOfBothFiles(t *testing.T) {
	quit := func(h *rvHarness) string {
		h.a.exitNotice, h.a.quitting = "", true
		h.a.commitNotice()
		h.a.quitting = false
		return h.a.exitNotice
	}
	dir, _, _ := carryFolder(t)
	h := carryOnFromStart(t, dir, 80, 24)
	said := quit(h)
	for _, want := range []string{
		"To carry on where you left off, run: ladder review plans/acme-2027.yaml\n",
		"To keep both in git (this folder is not in git yet), run:\n  git init\n  git add -- plans/acme-2027.yaml plans/acme-2026.yaml\n",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("quitting the carried-on review midway, the notice lacks %q:\n%s", want, said)
		}
	}
	if want := "plans/acme-2026.yaml changed too: it now names plans/acme-2027.yaml as its next review. To keep both in git"; !strings.Contains(oneSpaced(said), want) {
		t.Errorf("quitting the carried-on review midway, the notice lacks %q:\n%s", want, said)
	}

	again := rvStart(t, Options{Dir: dir, PlanPath: "plans/acme-2027.yaml"}, 80, 24)
	if said := quit(again); strings.Contains(said, "changed too") || strings.Contains(said, "git add") {
		t.Errorf("opened again, the notice speaks of the carry-on:\n%s", said)
	}
}

// Carried on, then C on the conflict screen moved the review to a copy:
// quitting midway said last year's plan "now names" the copy as its next
// review, and "To keep both in git" over commands that commit the copy
// alone. Last year's plan names the file it was carried on into: the
// notice names that one, and gives no commands for both.
func TestQuittingACarryOnSavedAsACopyNamesTheFileLastYearsPlanNames(t *testing.T) {
	dir, _, _ := carryFolder(t)
	h := carryOnFromStart(t, dir, 80, 24)
	next := filepath.Join("plans", "acme-2027.yaml")
	saveTheirs(t, next, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
	h.press("r")
	h.press("C")
	copied := h.a.c.session.Path()
	if copied == next {
		t.Fatalf("C left the review in %s", copied)
	}
	h.a.exitNotice, h.a.quitting = "", true
	h.a.commitNotice()
	said := oneSpaced(h.a.exitNotice)
	if want := "plans/acme-2026.yaml changed too: it now names plans/acme-2027.yaml as its next review."; !strings.Contains(said, want) {
		t.Errorf("quitting the copy midway, the notice lacks %q:\n%s", want, h.a.exitNotice)
	}
	if strings.Contains(said, "keep both") {
		t.Errorf("quitting the copy midway, the notice offers to keep both, committing the copy alone:\n%s", h.a.exitNotice)
	}
}

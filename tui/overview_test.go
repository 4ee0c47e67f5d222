package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// overviewActionsPlan has four actions, as someone chasing a plan months
// later finds them (rvToday is 14 March 2027): one open and 45 days late,
// one done after its date, one under way and due later, one with no date.
func overviewActionsPlan(t *testing.T) *plans.Plan {
	t.Helper()
	p := rvNewPlan(t)
	set := func(id, action, owner string, due plans.Date, status plans.Status) {
		r := p.Response(id)
		r.Action, r.Owner, r.Due, r.Status = action, owner, due, status
	}
	set("lc-vision", "Write the vision", "Ana", plans.Date{Year: 2027, Month: 1, Day: 28}, plans.StatusTodo)
	set("lc-leadership", "Run a manager workshop", "Ben", plans.Date{Year: 2027, Month: 2, Day: 1}, plans.StatusDone)
	set("lc-educate-leaders", "Brief the board", "Cy", plans.Date{Year: 2027, Month: 4, Day: 30}, plans.StatusDoing)
	set("lc-culture", "Ask the staff survey about background", "Di", plans.Date{}, plans.StatusTodo)
	return p
}

// lineWith is the one line of the screen that holds s.
func lineWith(t *testing.T, h *rvHarness, s string) string {
	t.Helper()
	for _, l := range strings.Split(h.view(), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line shows %q:\n%s", s, h.view())
	return ""
}

// Someone back months later sees in the overview, under each item, when
// its action is due, how far it has got, and which are late, in the words
// the item screen uses for the same action on the same day.
func TestOverviewSaysWhenEachActionIsDueAndWhichAreLate(t *testing.T) {
	h, _ := rvOpen(t, overviewActionsPlan(t), 100, 40)
	h.press("o")
	late := lineWith(t, h, "→ Write the vision (Ana)")
	for _, want := range []string{"28 Jan 2027", "○ to do", "⚠ 45 days late"} {
		if !strings.Contains(late, want) {
			t.Errorf("the late action's line does not say %q: %q", want, late)
		}
	}
	done := lineWith(t, h, "→ Run a manager workshop (Ben)")
	if !strings.Contains(done, "1 Feb 2027") || !strings.Contains(done, "● done") || strings.Contains(done, "late") {
		t.Errorf("a done action reads as done, not late: %q", done)
	}
	doing := lineWith(t, h, "→ Brief the board (Cy)")
	if !strings.Contains(doing, "30 Apr 2027") || !strings.Contains(doing, "◐ doing") || strings.Contains(doing, "late") {
		t.Errorf("an action under way and due later: %q", doing)
	}
	undated := lineWith(t, h, "→ Ask the staff survey about background (Di)")
	if !strings.Contains(undated, "○ to do") || strings.Contains(undated, "20") || strings.Contains(undated, "late") {
		t.Errorf("an action with no date says nothing of a date: %q", undated)
	}
	// The due dates line up, so the column reads down the list.
	if a, b := strings.Index(late, "28 Jan"), strings.Index(doing, "30 Apr"); a != b {
		t.Errorf("the due dates are not in one column (%d, %d):\n%s\n%s", a, b, late, doing)
	}
	h.requireView("⚠ 1 late")

	// The item screen says the same of the same action.
	h.press("home", "enter")
	h.requireView("Write the vision", "⚠ 45 days late")
}

// The overview's "today" is the review's (ladder review --today), as the
// item screen's is.
func TestOverviewCountsLatenessFromTheReviewsToday(t *testing.T) {
	dir, path := rvWritePlan(t, overviewActionsPlan(t))
	h := rvStart(t, Options{PlanPath: path, Dir: dir, Today: plans.Date{Year: 2027, Month: 1, Day: 30}}, 100, 40)
	h.press("o")
	if l := lineWith(t, h, "→ Write the vision"); !strings.Contains(l, "⚠ 2 days late") {
		t.Fatalf("two days after its date: %q", l)
	}
	h.press("home", "enter")
	h.requireView("⚠ 2 days late")
}

// The action line stays one row at every size the screen supports: the
// action's words give way, cut with an ellipsis, before its date, status
// and lateness do (at 60 columns the line moves left, under the rating,
// to keep a few of them); and a plan's owner with a line break (a plan file is
// untrusted) cannot break the row in two.
func TestOverviewActionLineKeepsItsDateWhenNarrow(t *testing.T) {
	p := overviewActionsPlan(t)
	p.Response("lc-vision").Action = "Write the vision with everyone who leads a team, and put it on the wall in every office\nsecond line"
	p.Response("lc-leadership").Owner = "Ben\nBo"
	for _, size := range [][2]int{{60, 16}, {80, 24}, {240, 67}} {
		h, _ := rvOpen(t, p, size[0], size[1])
		h.press("o")
		requireFits(t, h, size[0], size[1])
		l := lineWith(t, h, "→ Wri")
		for _, want := range []string{"28 Jan 2027", "○ to do", "⚠ 45 days late"} {
			if !strings.Contains(l, want) {
				t.Errorf("%dx%d: the action line lost %q: %q", size[0], size[1], want, l)
			}
		}
		// In the narrowest window too, the action keeps a few words.
		if !strings.Contains(l, "→ Write the vi") {
			t.Errorf("%dx%d: the action's words are gone: %q", size[0], size[1], l)
		}
		if strings.Contains(l, "second line") {
			t.Errorf("%dx%d: the action's second line is on the row: %q", size[0], size[1], l)
		}
		if size[0] < 240 && !strings.Contains(l, "…") {
			t.Errorf("%dx%d: the action is not cut with an ellipsis: %q", size[0], size[1], l)
		}
		lines := strings.Split(h.view(), "\n")
		if next := lines[slices.Index(lines, l)+1]; !strings.Contains(next, "○ Unrated  Strong leadership") {
			t.Errorf("%dx%d: the action takes more than a row; the next line is %q", size[0], size[1], next)
		}
		l = lineWith(t, h, "→ Run")
		if next := lines[slices.Index(lines, l)+1]; !strings.Contains(next, "○ Unrated  Educate senior leaders") {
			t.Errorf("%dx%d: an owner with a line break takes more than a row; the next line is %q", size[0], size[1], next)
		}
		if size[0] == 240 && !strings.Contains(l, "(Ben Bo)") {
			t.Errorf("%dx%d: the owner is not on its action's row: %q", size[0], size[1], l)
		}
		if n := ansi.StringWidth(l); n > size[0] {
			t.Errorf("%dx%d: the row is %d cells", size[0], size[1], n)
		}
	}
}

// ! moves to the next late action, wrapping round, as tab finds the next
// item not rated; with none late it says so.
func TestOverviewFindsTheNextLateAction(t *testing.T) {
	p := overviewActionsPlan(t)
	p.Response("wf-interventions").Action = "Count who is promoted"
	p.Response("wf-interventions").Due = plans.Date{Year: 2027, Month: 3, Day: 13}
	h, _ := rvOpen(t, p, 100, 40)
	h.press("o", "down", "!")
	h.requireView("› ○ Unrated  Interventions")
	h.press("!")
	h.requireView("› ○ Unrated  Develop a clear vision")
	h.requireView("⚠ 2 late")

	h2, _ := rvOpen(t, rvGoldenPlan(t), 100, 40)
	h2.press("o", "!")
	h2.requireView("No action is late.")
	h2.refuseView("late ·", "⚠ 0")
}

// The overview's late count agrees with the summary's overdue count: a
// late project-plan step of its own (not an item's action, so not in the
// overview's list) is counted, and the header says where it is; ! says
// none is in the list when no item's action is late.
func TestOverviewCountsALateProjectPlanStepAsTheSummaryDoes(t *testing.T) {
	p := overviewActionsPlan(t)
	p.Answer("project-plan").Steps = []plans.Step{
		{ID: 1, Text: "Book the room for the staff talk", Owner: "Ed", Due: plans.Date{Year: 2027, Month: 2, Day: 1}, Status: plans.StatusTodo},
	}
	h, _ := rvOpen(t, p, 80, 24)
	h.press("o")
	h.requireView("⚠ 2 late, 1 on the project plan")
	fuShow(t, h.a, screenSummary, 0)
	requireWords(t, h.view(), "(4, 2 overdue)")

	p.Response("lc-vision").Status = plans.StatusDone
	h2, _ := rvOpen(t, p, 100, 30)
	h2.press("o", "!")
	h2.requireView("⚠ 1 late, 1 on the project plan · none in this list")
}

// In a narrow window the header keeps the late count whole: the project
// plan's share is dropped rather than cut to "⚠ 2 late, …", and ! says
// where the late ones are when none is in the list.
func TestOverviewHeaderKeepsTheLateCountWholeWhenNarrow(t *testing.T) {
	p := overviewActionsPlan(t)
	p.Answer("project-plan").Steps = []plans.Step{
		{ID: 1, Text: "Book the room for the staff talk", Owner: "Ed", Due: plans.Date{Year: 2027, Month: 2, Day: 1}, Status: plans.StatusTodo},
	}
	h, _ := rvOpen(t, p, 60, 16)
	h.press("o")
	head := strings.Split(h.view(), "\n")[0]
	if !strings.Contains(head, "⚠ 2 late") || strings.Contains(head, "…") {
		t.Errorf("the header at 60 columns: %q", head)
	}

	p.Response("lc-vision").Status = plans.StatusDone
	h2, _ := rvOpen(t, p, 60, 16)
	h2.press("o", "!")
	lines := strings.Split(h2.view(), "\n")
	if !strings.Contains(lines[0], "⚠ 1 late") || strings.Contains(lines[0], "…") || !strings.Contains(lines[1], "the late ones are on the project plan") {
		t.Errorf("the header at 60 columns after !:\n%s\n%s", lines[0], lines[1])
	}
}

// The overview marks an item flagged to revisit with ⚑, as the board
// does; the flag has its words where the eye is: on the cursor's row
// ("⚑ to revisit"), and in the header with how many are flagged where it
// fits. A bare ⚑ in a list of ratings said nothing to someone who never
// pressed f, nor to anyone on a monochrome projector.
func TestOverviewSaysWhatTheRevisitFlagIs(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-vision").Revisit = true
	p.Response("lc-culture").Revisit = true
	for _, size := range [][2]int{{60, 16}, {80, 24}, {100, 30}} {
		h, _ := rvOpen(t, p, size[0], size[1])
		h.press("o")
		lineWith(t, h, "⚑ to revisit") // on the cursor's row, the first item
		if size[0] >= 80 {
			if head := strings.Split(h.view(), "\n")[0]; !strings.Contains(head, "⚑ 2 to revisit") {
				t.Errorf("the header at %d columns: %q", size[0], head)
			}
		}
		culture := lineWith(t, h, "Cultural questions")
		if !strings.Contains(culture, "⚑") || strings.Contains(culture, "to revisit") {
			t.Errorf("a flagged row without the cursor at %d columns: %q", size[0], culture)
		}
		requireFits(t, h, size[0], size[1])
	}
}

package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// stepIDs are the ids of the project plan's steps on disk, in order.
func stepIDs(t *testing.T, path string) []int {
	t.Helper()
	var ids []int
	for _, s := range loadPlan(t, path).Answer("project-plan").Steps {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestProjectPlanStartsAsActionsByDueDate(t *testing.T) {
	a, path := fuQuestion(t, 4)
	steps := loadPlan(t, path).Answer("project-plan").Steps
	var got []string
	for _, s := range steps {
		got = append(got, fmt.Sprintf("%d %s %s %s %s", s.ID, s.Text, s.Owner, s.Due, s.From))
	}
	want := []string{
		"1 Run a manager workshop on talking about background 🚀 李雷 2027-02-28 lc-leadership",
		"2 Write a one-page vision: why progression matters Zoë 2027-03-31 lc-vision",
		"3 Keep the survey going quarterly O'Neil 2027-06-30 en-data-collect",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("seeded plan on disk:\n got %q\nwant %q", got, want)
	}
	fuContains(t, fuView(a), "3 steps · 0 done · ⚠ 1 overdue", "⚠ 28 Feb 2027", "李雷")

	// An action written later is pulled in with i, once.
	a.c.plan().Response("wf-business-as-usual").Action = "Publish pay bands"
	fuPress(t, a, "i")
	fuContains(t, fuView(a), "Added 1 step from the actions written since.")
	fuPress(t, a, "i")
	fuContains(t, fuView(a), "No new actions to pull in")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2, 3, 4}) {
		t.Fatalf("ids after pulling in: %v", got)
	}
}

func TestProjectPlanReorderAndRemoveKeepIDs(t *testing.T) {
	a, path := fuQuestion(t, 4) // steps 1, 2, 3

	fuPress(t, a, "J")
	if got := stepIDs(t, path); !slices.Equal(got, []int{2, 1, 3}) {
		t.Fatalf("after J: %v", got)
	}
	fuPress(t, a, "shift+down")
	if got := stepIDs(t, path); !slices.Equal(got, []int{2, 3, 1}) {
		t.Fatalf("after shift+down: %v", got)
	}
	fuPress(t, a, "K", "shift+up")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("after K and shift+up: %v", got)
	}

	// Remove the last, add one: the new step does not take the removed
	// step's id, so undo can bring it back unchanged.
	fuPress(t, a, "end", "d")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2}) {
		t.Fatalf("after d: %v", got)
	}
	fuContains(t, fuView(a), "u to undo")
	fuPress(t, a, "a")
	fuType(t, a, "Share the results")
	fuPress(t, a, "enter")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2, 4}) {
		t.Fatalf("after adding: %v", got)
	}
	fuPress(t, a, "u")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2, 3, 4}) {
		t.Fatalf("after undo: %v", got)
	}
	steps := loadPlan(t, path).Answer("project-plan").Steps
	if steps[2].Text != "Keep the survey going quarterly" || steps[2].From != "en-data-collect" {
		t.Fatalf("undo did not restore the step: %+v", steps[2])
	}
}

func TestProjectPlanEditStep(t *testing.T) {
	a, path := fuQuestion(t, 4)

	fuPress(t, a, "a") // after step 1
	fuType(t, a, "Tell the whole team 📣")
	fuPress(t, a, "tab")
	fuType(t, a, "Zoë")
	fuPress(t, a, "tab")
	fuType(t, a, "31 Apr 2027")
	fuPress(t, a, "tab")
	fuContains(t, fuView(a), `"31 Apr 2027" is not a real date`, "31 Apr 2027")
	// The rejected date keeps focus; enter stores the rest and stays.
	fuPress(t, a, "enter")
	if !a.screen(a.active).typing() {
		t.Fatal("an impossible date ended the edit")
	}
	fuPress(t, a, "ctrl+u")
	fuType(t, a, "30 Apr 2027")
	fuContains(t, fuView(a), "→ Fri 30 Apr 2027")
	fuPress(t, a, "tab", "space", "enter") // status: doing
	steps := loadPlan(t, path).Answer("project-plan").Steps
	got := steps[1]
	want := plans.Step{ID: 4, Text: "Tell the whole team 📣", Owner: "Zoë", Due: plans.Date{Year: 2027, Month: 4, Day: 30}, Status: plans.StatusDoing}
	if got != want {
		t.Fatalf("new step on disk:\n got %+v\nwant %+v", got, want)
	}

	// Status cycles in the list too.
	fuPress(t, a, "s")
	if got := loadPlan(t, path).Answer("project-plan").Steps[1].Status; got != plans.StatusDone {
		t.Fatalf("status after s: %v", got)
	}
	fuContains(t, fuView(a), "● done", "4 steps · 1 done")

	// Edit an existing step's owner; esc keeps the change.
	fuPress(t, a, "up", "enter", "tab", "ctrl+u")
	fuType(t, a, "Björn")
	fuPress(t, a, "esc")
	if got := loadPlan(t, path).Answer("project-plan").Steps[0]; got.Owner != "Björn" || got.ID != 1 || got.From != "lc-leadership" {
		t.Fatalf("edited step: %+v", got)
	}
}

func TestProjectPlanEmptyNewStepIsDropped(t *testing.T) {
	a, path := fuQuestion(t, 4)
	fuPress(t, a, "a", "esc")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("an empty new step was kept: %v", got)
	}
	if len(a.c.plan().Answer("project-plan").Steps) != 3 {
		t.Fatal("an empty new step stays in memory")
	}
}

func TestProjectPlanLongListScrolls(t *testing.T) {
	p := fuPlan(t)
	fuLongPlan(p, 200)
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		a, _ := fuApp(t, p, size[0], size[1])
		fuShow(t, a, screenFollowUp, 4)
		fuPress(t, a, "end")
		v := fuView(a)
		fuContains(t, v, "Step number 200", "of 200 · ↑↓ to scroll", "Due date")
		if n := lineCount(v); n != size[1] {
			t.Errorf("%dx%d: the screen has %d lines", size[0], size[1], n)
		}
		fuPress(t, a, "enter")
		v = fuView(a)
		fuContains(t, v, "of the long plan", "Status", "Due date")
		fuPress(t, a, "esc", "home")
		fuContains(t, fuView(a), "Step number 1 ")
	}
}

// fuLongPlan gives p a project plan of n steps.
func fuLongPlan(p *plans.Plan, n int) {
	a := p.Answer("project-plan")
	a.Steps = nil
	for i := range n {
		a.Steps = append(a.Steps, plans.Step{
			ID:     i + 1,
			Text:   fmt.Sprintf("Step number %d of the long plan, with words to wrap", i+1),
			Owner:  "Owner " + fmt.Sprint(i%7),
			Due:    plans.Date{Year: 2027, Month: 1, Day: 1}.AddDays(i),
			Status: plans.Statuses[i%3],
		})
	}
}

// BenchmarkProjectPlanKeypress measures one keypress on the project-plan
// screen with 1,000 steps: Update and View, as the runtime does per key.
// Moving the cursor draws; moving a step also encodes the plan for saving.
//
//	go test ./tui/ -run '^$' -bench ProjectPlanKeypress -benchmem
func BenchmarkProjectPlanKeypress(b *testing.B) {
	for _, bc := range []struct {
		name string
		keys []string
	}{
		{"cursor", []string{"down", "up"}},
		{"move-step", []string{"J", "K"}},
		{"status", []string{"s"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p := fuPlan(b)
			fuLongPlan(p, 1000)
			a, _ := fuApp(b, p, 120, 40)
			fuShow(b, a, screenFollowUp, 4)
			fuPress(b, a, "pgdown", "pgdown")
			benchKeys(b, a, keyMsgs(bc.keys))
		})
	}
}

// Text with a tab (as a hand-edited file may have) is drawn on one line,
// and opening and closing its step stores it exactly as it was.
func TestProjectPlanKeepsTextItDrawsDifferently(t *testing.T) {
	p := fuPlan(t)
	p.Answer("project-plan").Steps = []plans.Step{{ID: 7, Text: "Keep the survey going\tquarterly", Owner: " O'Neil", Status: plans.StatusTodo}}
	a, path := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 4)
	v := fuView(a)
	if strings.Contains(v, "\t") {
		t.Fatalf("a tab reached the screen:\n%s", v)
	}
	fuContains(t, v, "Keep the survey going quarterly")
	fuPress(t, a, "enter", "tab", "tab", "tab", "enter")
	before := plans.Encode(loadPlan(t, path))
	fuPress(t, a, "enter", "enter")
	if got := loadPlan(t, path).Answer("project-plan").Steps[0]; got.Text != "Keep the survey going\tquarterly" || got.Owner != " O'Neil" {
		t.Fatalf("step changed by opening it: %+v", got)
	}
	if after := plans.Encode(loadPlan(t, path)); string(after) != string(before) {
		t.Fatal("the file changed")
	}
}

// BenchmarkFollowUpKeypress1000Items measures one keypress (Update and
// View) on each next-steps screen and the summary of a review of the
// generated 1,000-item checklist, every item rated with an action.
//
//	go test ./tui/ -run '^$' -bench FollowUpKeypress1000Items -benchmem
func BenchmarkFollowUpKeypress1000Items(b *testing.B) {
	cl := checklisttest.Generate(1000)
	for _, bc := range []struct {
		name   string
		screen screenID
		arg    int
		keys   []string
	}{
		{"counts", screenFollowUp, 0, []string{"tab", "esc"}},
		{"quick-wins", screenFollowUp, 1, []string{"down", "up"}},
		{"quick-wins-choose", screenFollowUp, 1, []string{"x"}},
		{"per-area", screenFollowUp, 2, []string{"down", "up"}},
		{"project-plan", screenFollowUp, 4, []string{"down", "up"}},
		{"summary", screenSummary, 0, []string{"pgdown", "pgup"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			clFile := filepath.Join(dir, "generated.yaml")
			if err := os.WriteFile(clFile, checklisttest.YAML(1000), 0o644); err != nil {
				b.Fatal(err)
			}
			a := fuAppWith(b, checklisttest.FilledPlan(cl, 1), filepath.Join(dir, "plan.yaml"), clFile, 120, 40)
			fuShow(b, a, bc.screen, bc.arg)
			benchKeys(b, a, keyMsgs(bc.keys))
		})
	}
}

// A step's owner and due date work as the item's do (issue 10.10): the
// owner suggests the plan's participants, and in a plan dated later than
// today the due date says what 6w counts from, ctrl+t switches it, and
// what is shown is what is saved.
func TestProjectPlanStepOwnerAndDueWorkAsAnItems(t *testing.T) {
	p := fuPlan(t)
	p.Date = plans.Date{Year: 2027, Month: 4, Day: 14} // a workshop later than fuToday
	p.Participants = []string{"Ana Silva", "Ben Okafor"}
	a, path := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 4)

	fuPress(t, a, "a")
	fuType(t, a, "Book the board away-day")
	fuPress(t, a, "tab")
	fuContains(t, fuView(a), "Ana Silva, Ben Okafor")
	fuType(t, a, "be")
	fuPress(t, a, "right", "tab")
	fuType(t, a, "6w")
	fuContains(t, fuView(a), "→ Mon 12 Apr 2027", "6w from today", "ctrl+t: from the plan's date")
	fuPress(t, a, "ctrl+t")
	fuContains(t, fuView(a), "→ Wed 26 May 2027", "6w from the plan's date")
	fuPress(t, a, "enter")
	steps := loadPlan(t, path).Answer("project-plan").Steps
	got := steps[1]
	if got.Text != "Book the board away-day" || got.Owner != "Ben Okafor" || got.Due != (plans.Date{Year: 2027, Month: 5, Day: 26}) {
		t.Fatalf("new step on disk: %+v, want Ben Okafor due 2027-05-26, as the screen said", got)
	}
}

// ctrl+t works on every due date of the next steps, so their help lists
// it with the ways of typing a date, when the plan offers its own date.
func TestNextStepsHelpListsTheDueBaseKey(t *testing.T) {
	p := fuPlan(t)
	p.Date = plans.Date{Year: 2027, Month: 4, Day: 14} // a workshop later than fuToday
	a, _ := fuApp(t, p, 80, 60)
	for _, q := range []int{1, 3, 4} {
		fuShow(t, a, screenFollowUp, q)
		fuPress(t, a, "?")
		fuContains(t, fuView(a), "Typing a due date", "ctrl+t")
		fuPress(t, a, "esc")
	}
	// A plan dated today offers no other date: no ctrl+t.
	a, _ = fuApp(t, fuPlan(t), 80, 60)
	fuShow(t, a, screenFollowUp, 4)
	fuPress(t, a, "?")
	if v := fuView(a); strings.Contains(v, "ctrl+t") {
		t.Errorf("help lists ctrl+t for a plan with one date to count from:\n%s", v)
	}
}

// At 80 columns the line that sums the project plan up is longer than the
// screen when steps follow items and an action is not in the plan yet: it
// wraps, rather than losing the key that pulls the action in (the footer
// has no room for i).
func TestProjectPlanTallyKeepsThePullInKeyAt80Columns(t *testing.T) {
	p := fuPlan(t)
	var steps []plans.Step
	for i, id := range []string{"lc-vision", "lc-leadership"} {
		r := p.Response(id)
		steps = append(steps, plans.Step{ID: i + 1, Text: r.Action, Owner: r.Owner, Due: r.Due, Status: r.Status, From: id})
	}
	p.Answer("project-plan").Steps = steps
	a, _ := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 4)
	v := fuView(a)
	fuContains(t, v, "↳ 2 are an item's action", "1 action not in the plan yet: i pulls it in", "Run a manager workshop", "? help")
	lines := strings.Split(v, "\n")
	if len(lines) > 24 {
		t.Fatalf("%d lines in 24:\n%s", len(lines), v)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Fatalf("a line wider than 80: %q", l)
		}
	}
}

// A step's due date that is not a date keeps the step open at the first
// esc, enter or tab, saying why and how to go on; the same key again
// leaves, the rest of the step stored and the date not, rather than
// trapping the person in the step.
func TestProjectPlanStepDueNotADateWarnsThenLeaves(t *testing.T) {
	a, path := fuQuestion(t, 4)
	fuPress(t, a, "a")
	fuType(t, a, "Book a chat")
	fuPress(t, a, "tab", "tab")
	fuType(t, a, "someday")
	for _, k := range []string{"tab", "esc"} {
		fuPress(t, a, k)
		fuContains(t, fuView(a), `"someday" is not a date`, "is not saved", "Press "+k+" again to leave it unsaved")
		if !a.screen(a.active).typing() {
			t.Fatalf("the first %s left the step", k)
		}
	}
	fuPress(t, a, "esc")
	if a.screen(a.active).typing() {
		t.Fatal("esc twice did not leave the step")
	}
	if strings.Contains(fuView(a), "again to leave it unsaved") {
		t.Fatal("the warning outlived the step")
	}
	steps := loadPlan(t, path).Answer("project-plan").Steps
	if !slices.ContainsFunc(steps, func(s plans.Step) bool { return s.Text == "Book a chat" && s.Due.IsZero() }) {
		t.Fatalf("the step was not stored without its date: %+v", steps)
	}
}

// A step that follows an item's action says so, and what editing it does,
// in words short enough to be read whole at 80x24 beside a long step text.
func TestProjectPlanLinkedStepSaysItWhole(t *testing.T) {
	p := fuPlan(t)
	p.Items["lc-culture"].Action = "Find out how many of our staff got promoted this year, and why"
	a, _ := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 4)
	fuPress(t, a, "i") // pull in the actions written so far
	for range 10 {
		if strings.Contains(fuView(a), "Find out how many") && strings.Contains(fuView(a), "“Cultural questions”") {
			break
		}
		fuPress(t, a, "down")
	}
	// Found whole, to its end: a line cut short ends in "…" before it.
	v := oneSpaced(fuView(a))
	if !strings.Contains(v, "↳ Until you edit it here, it follows Leadership & Culture item 4, “Cultural questions”.") {
		t.Fatalf("the linked step is not said whole:\n%s", v)
	}
}

// A step's due date left unsaved as not a date is still there when the
// step is seen again: in its row, marked and in red, and in the field when
// the step is reopened, as the item screen and the other next-steps
// questions show theirs, until it is put right or cleared.
func TestProjectPlanStepKeepsItsUnreadDueOnScreen(t *testing.T) {
	a, _ := fuQuestion(t, 4)
	fuPress(t, a, "a")
	fuType(t, a, "Book a chat")
	fuPress(t, a, "tab", "tab")
	fuType(t, a, "2027-02-30")
	fuPress(t, a, "esc", "esc") // warned, then left unsaved
	if a.screen(a.active).typing() {
		t.Fatal("esc twice did not leave the step")
	}
	pp := a.screen(a.active).(*followupScreen).stops[0].(*projectPlan)
	row := pp.rowView(pp.cursor, newPlanColumns(80, len(pp.steps()), pp.longest()))
	if got := ansi.Strip(row); !strings.Contains(got, "✗ 2027-02-30") || strings.Contains(got, "—") {
		t.Fatalf("the row does not show the date typed, marked:\n%s", got)
	}
	if !strings.Contains(row, pp.c.styles.Error.Render(padRight("✗ 2027-02-30", 13))) {
		t.Errorf("the date typed is not drawn as an error: %q", row)
	}
	fuContains(t, fuView(a), "not saved")

	fuPress(t, a, "enter") // reopen the step
	fuContains(t, fuView(a), "2027-02-30", `✗ "2027-02-30" is not a real date`)

	// Cleared, it is gone from the row and from the session.
	fuPress(t, a, "tab", "tab", "ctrl+u", "esc")
	if _, ok := a.c.session.UnreadStepDue("project-plan", pp.steps()[pp.cursor].ID); ok {
		t.Fatal("the session still keeps a date cleared")
	}
	row = ansi.Strip(pp.rowView(pp.cursor, newPlanColumns(80, len(pp.steps()), pp.longest())))
	if strings.Contains(row, "2027-02-30") || !strings.Contains(row, "—") {
		t.Fatalf("a cleared date still shows:\n%s", row)
	}
}

// The detail line quotes a step's text only when its row cuts it: a row
// that shows it whole had it said twice, once under itself.
func TestProjectPlanDetailQuotesOnlyACutStep(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
		cut  bool
	}{
		{"Talk to the board about pay bands", 80, false},
		{"Talk to the board about pay bands", 240, false},
		{strings.Repeat("Talk to the board about pay bands, ", 3) + "end", 80, true},
	} {
		a, _ := fuQuestion(t, 4)
		a.Update(tea.WindowSizeMsg{Width: tc.w, Height: 24})
		fuPress(t, a, "a")
		fuType(t, a, tc.text)
		fuPress(t, a, "enter")
		v := fuView(a)
		if got := strings.Contains(strings.Join(strings.Fields(v), " "), "“"+tc.text+"”"); got != tc.cut {
			t.Errorf("%d columns, %q: quoted under its row %v, want %v:\n%s", tc.w, tc.text, got, tc.cut, v)
		}
	}
}

// At 60x16 a step's row is cut to a few words ("Write a one-pag…"), and
// the line under the list that says it whole was left out for want of
// room, with six empty lines below: the step could only be read by
// opening it. With room under the steps, that line shows at any height.
func TestProjectPlanSaysACutStepWholeInASmallWindow(t *testing.T) {
	a, _ := fuQuestion(t, 4)
	a.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	text := "Write a one-page vision for the business"
	fuPress(t, a, "a")
	fuType(t, a, text)
	fuPress(t, a, "enter")
	v := fuView(a)
	if n := len(strings.Split(v, "\n")); n > 16 {
		t.Fatalf("%d lines at 60x16:\n%s", n, v)
	}
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "“"+text+"”") {
		t.Fatalf("the step cut in its row is not said whole:\n%s", v)
	}
}

// At 60x16, a long step refused its date still shows the date, why, and
// how to leave it (the warning), under the date: they were drawn below
// the screen's bottom, so esc seemed to do nothing.
func TestProjectPlanStepWarningFitsASmallWindow(t *testing.T) {
	a, _ := fuQuestion(t, 4)
	a.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	fuPress(t, a, "a")
	fuType(t, a, "Agree the pay bands with the board and publish them to every team so people can see where they stand")
	fuPress(t, a, "tab")
	fuType(t, a, "Sam Patel-Okonkwo")
	fuPress(t, a, "tab")
	fuType(t, a, "next frday")
	fuPress(t, a, "esc")
	v := fuView(a)
	if n := len(strings.Split(v, "\n")); n > 16 {
		t.Fatalf("%d lines at 60x16:\n%s", n, v)
	}
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{"Due next frday", `"next frday" is not a date`, "Press esc again to leave it unsaved"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the screen lacks %q:\n%s", want, v)
		}
	}
}

// On a screen with room to spare, a step's owner shows whole in its row:
// the owner column was held to 16 cells even at 240x67, cutting "Head of
// People and Culture" to "Head of People …" on a projector with 150 cells
// left over. Where room is short (80x24, 60x16) the column keeps its size
// and the owner is cut, as before, and every line still fits.
func TestProjectPlanOwnerShowsWholeWhereItFits(t *testing.T) {
	const owner = "Head of People and Culture" // 26 cells
	for _, tc := range []struct {
		w, h    int
		present bool
		whole   bool
	}{
		{240, 67, true, true}, {240, 67, false, true}, {160, 45, true, false}, {160, 45, false, true},
		{100, 30, false, false}, {80, 24, false, false}, {60, 16, false, false},
	} {
		a, _ := fuQuestion(t, 4)
		a.setPresent(tc.present)
		a.Update(tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
		fuPress(t, a, "a")
		fuType(t, a, "Book the pay review")
		fuPress(t, a, "tab")
		fuType(t, a, owner)
		fuPress(t, a, "enter")
		v := fuView(a)
		var row string
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, ". Book the pay revi") {
				row = l
			}
			if n := ansi.StringWidth(l); n > tc.w {
				t.Errorf("%dx%d: a line of %d cells: %q", tc.w, tc.h, n, l)
			}
		}
		if row == "" {
			t.Fatalf("%dx%d present=%v: no row for the step:\n%s", tc.w, tc.h, tc.present, v)
		}
		if got := strings.Contains(row, owner); got != tc.whole {
			t.Errorf("%dx%d present=%v: owner whole in its row %v, want %v:\n%s", tc.w, tc.h, tc.present, got, tc.whole, v)
		}
	}
}

// A late step's date is marked ⚠; the line that sums the plan up says
// what the mark means ("⚠ 1 overdue"), as it does for ↳, so that someone
// who cannot tell the warning colour has the shape and a word for it.
func TestProjectPlanKeysItsLateMark(t *testing.T) {
	a, _ := fuQuestion(t, 4)
	fuContains(t, fuView(a), "⚠ 28 Feb 2027", "3 steps · 0 done · ⚠ 1 overdue")
}

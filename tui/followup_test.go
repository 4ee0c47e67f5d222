package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// collapse squeezes runs of spaces, so table rows can be matched whatever
// the column widths.
func collapse(s string) string {
	return regexp.MustCompile(` +`).ReplaceAllString(s, " ")
}

func TestFollowUpShowsQuestionWordForWord(t *testing.T) {
	p := fuPlan(t)
	a, _ := fuApp(t, p, 120, 40)
	for i, f := range p.Checklist.FollowUps {
		fuShow(t, a, screenFollowUp, i)
		fuContains(t, fuView(a), f.Question, "question "+string(rune('1'+i))+" of 5", "Due date")
	}
}

func TestCountsMatchRatingsAndOnlyTheDueDateIsTyped(t *testing.T) {
	a, path := fuQuestion(t, 0)
	v := collapse(fuView(a))
	fuContains(t, v,
		"■ Red ▲ Amber ● Green ○ Unrated",
		"Leadership & Culture 1 1 0 2",
		"Workforce 0 0 1 1",
		"Enablers 1 0 1 13",
		"All areas 2 1 2 16")

	// The counts cannot be typed: letters do nothing until the due date
	// field is entered.
	fuPress(t, a, "r", "1")
	if got := loadPlan(t, path).Answer("counts"); !got.Due.IsZero() {
		t.Fatalf("due = %v before typing one", got.Due)
	}
	fuPress(t, a, "enter")
	fuType(t, a, "31 Mar 2027")
	fuContains(t, fuView(a), "→ Wed 31 Mar 2027")
	fuPress(t, a, "esc")
	if got := loadPlan(t, path).Answer("counts").Due; got.String() != "2027-03-31" {
		t.Fatalf("due on disk = %q, want 2027-03-31", got)
	}
}

func TestDueDateErrorsStayInPlace(t *testing.T) {
	a, path := fuQuestion(t, 3) // decision makers: answer, then due date
	fuPress(t, a, "tab")        // from the answer to the due date
	if !a.screen(a.active).typing() {
		t.Fatal("tab did not start typing in the due date")
	}
	fuType(t, a, "31/02/2027")
	fuPress(t, a, "enter")
	v := fuView(a)
	fuContains(t, v, `"31/02/2027" is not a real date`, "31/02/2027")
	if a.active != screenFollowUp || !a.screen(a.active).typing() {
		t.Fatal("an impossible date let the screen move on")
	}
	fuPress(t, a, "tab", "esc", "n")
	fuContains(t, fuView(a), `"31/02/2027" is not a real date`)
	if a.active != screenFollowUp {
		t.Fatal("moved on with an impossible date")
	}
	if got := loadPlan(t, path).Answer("decision-makers").Due; !got.IsZero() {
		t.Fatalf("impossible date stored as %v", got)
	}

	// Put right in place: the error goes, enter stores it and moves on.
	fuPress(t, a, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	fuType(t, a, "3/2027")
	fuContains(t, fuView(a), "→ Wed 31 Mar 2027")
	fuPress(t, a, "enter")
	if a.active != screenFollowUp || a.screens[screenFollowUp].(*followupScreen).index != 4 {
		t.Fatal("enter on the due date did not go to the next question")
	}
	if got := loadPlan(t, path).Answer("decision-makers").Due.String(); got != "2027-03-31" {
		t.Fatalf("due on disk = %q", got)
	}
}

func TestQuickWinsChosenAndTyped(t *testing.T) {
	p := fuPlan(t)
	a, path := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 1)
	actions := p.WrittenActions()

	// Choose two actions, the second one first.
	fuPress(t, a, "down", "x", "up", "space")
	// Type a third.
	fuPress(t, a, "a")
	fuType(t, a, "Thank the team 🙏")
	fuPress(t, a, "enter", "esc")
	want := []string{actions[0], actions[1], "Thank the team 🙏"}
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, want) {
		t.Fatalf("quick wins on disk:\n got %q\nwant %q", got, want)
	}
	fuContains(t, fuView(a), "[x] Thank the team 🙏", "3 chosen")

	// Unchoose the first: the rest keep the order shown.
	fuPress(t, a, "home")
	for range 20 {
		fuPress(t, a, "up")
	}
	fuPress(t, a, "space")
	want = []string{actions[1], "Thank the team 🙏"}
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, want) {
		t.Fatalf("after unchoosing: got %q, want %q", got, want)
	}
}

func TestQuickWinsOfferSuggestionsWithTheirSource(t *testing.T) {
	p := fuPlan(t)
	a, path := fuApp(t, p, 120, 40)
	fuShow(t, a, screenFollowUp, 1)
	sg := p.Checklist.Areas[0].IfAllYouDo
	if len(sg) == 0 {
		t.Skip("the built-in checklist has no suggestions")
	}
	v := fuView(a)
	fuContains(t, v, sg[0].Text, "suggested")
	// The first suggestion is just after the three actions.
	fuPress(t, a, "down", "down", "down")
	fuContains(t, fuView(a), "Suggested for "+p.Checklist.Areas[0].Title, "Masterclass: Progression", "case study")
	fuPress(t, a, "x")
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{sg[0].Text}) {
		t.Fatalf("quick wins on disk = %q", got)
	}
}

func TestQuickWinsMoveRemoveAndUndo(t *testing.T) {
	p := fuPlan(t)
	p.Answer("quick-wins").List = []string{"One", "Two", "Three"}
	a, path := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 1)
	requireList := func(after string, want ...string) {
		t.Helper()
		if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, want) {
			t.Fatalf("after %s: %q", after, got)
		}
	}

	fuPress(t, a, "J") // One moves below Two
	requireList("J", "Two", "One", "Three")
	fuPress(t, a, "shift+up") // and back
	requireList("shift+up", "One", "Two", "Three")
	fuPress(t, a, "down", "d")
	requireList("d", "One", "Three")
	fuContains(t, fuView(a), "Removed “Two” · u to undo")
	fuPress(t, a, "u")
	requireList("u", "One", "Two", "Three")

	// Edit a typed one in place.
	fuPress(t, a, "e", "ctrl+u")
	fuType(t, a, "Deux")
	fuPress(t, a, "enter")
	requireList("editing", "One", "Deux", "Three")
	// Typing one that is already there chooses it instead of repeating it.
	fuPress(t, a, "a")
	fuType(t, a, "One")
	fuPress(t, a, "enter", "esc")
	requireList("typing a duplicate", "One", "Deux", "Three")
}

func TestPerAreaAnswers(t *testing.T) {
	a, path := fuQuestion(t, 2)
	fuPress(t, a, "enter")
	fuType(t, a, "Ana & the board")
	fuPress(t, a, "tab")
	fuType(t, a, "Björn (HR)")
	fuPress(t, a, "enter")
	fuType(t, a, "李雷 🚀")
	fuPress(t, a, "enter") // on to the due date
	fuType(t, a, "2w")
	fuContains(t, fuView(a), "→ Mon 15 Mar 2027")
	fuPress(t, a, "enter")

	got := loadPlan(t, path).Answer("speak-with")
	want := map[string]string{"leadership-culture": "Ana & the board", "workforce": "Björn (HR)", "enablers": "李雷 🚀"}
	for area, w := range want {
		if got.ByArea[area] != w {
			t.Errorf("by_area[%s] = %q, want %q", area, got.ByArea[area], w)
		}
	}
	if got.Due.String() != "2027-03-15" {
		t.Errorf("due = %q, want 2027-03-15", got.Due)
	}
	if a.screens[screenFollowUp].(*followupScreen).index != 3 {
		t.Error("enter on the last field did not go to the next question")
	}

	// Back again: the answers are shown, arrows move between the fields.
	fuPress(t, a, "p")
	v := fuView(a)
	fuContains(t, v, "Ana & the board", "Björn (HR)", "李雷 🚀", "Mon 15 Mar 2027")
	fuPress(t, a, "down", "enter", "end", "backspace", "backspace", "backspace", "backspace", "esc")
	if got := loadPlan(t, path).Answer("speak-with").ByArea["workforce"]; got != "Björn" {
		t.Errorf("after editing: %q", got)
	}
}

func TestFreeTextKeepsLines(t *testing.T) {
	a, path := fuQuestion(t, 3)
	fuPress(t, a, "enter")
	fuType(t, a, "The board")
	fuPress(t, a, "enter")
	fuType(t, a, "Zoë, café owner ☕")
	fuPress(t, a, "esc")
	if got := loadPlan(t, path).Answer("decision-makers").Text; got != "The board\nZoë, café owner ☕" {
		t.Fatalf("text on disk = %q", got)
	}
	fuContains(t, fuView(a), "The board", "Zoë, café owner ☕")
}

func TestUntouchedAnswersAreLeftExactly(t *testing.T) {
	p := fuPlan(t)
	p.Answer("speak-with").ByArea = map[string]string{"workforce": "HR lead\nand payroll"}
	p.Answer("decision-makers").Text = "The board\n\tand the MD"
	a, path := fuApp(t, p, 80, 24)
	before := loadPlan(t, path)
	for i := range 5 {
		fuShow(t, a, screenFollowUp, i)
		fuPress(t, a, "tab", "tab", "tab", "tab", "esc")
	}
	after := loadPlan(t, path)
	if got := after.Answer("speak-with").ByArea["workforce"]; got != before.Answer("speak-with").ByArea["workforce"] {
		t.Errorf("per-area answer changed by passing through: %q", got)
	}
	if got := after.Answer("decision-makers").Text; got != before.Answer("decision-makers").Text {
		t.Errorf("text changed by passing through: %q", got)
	}
}

func TestQuitStoresWhatIsBeingTyped(t *testing.T) {
	for _, quitKey := range []string{"ctrl+c"} {
		p := fuPlan(t)
		a, path := fuApp(t, p, 80, 24)
		fuShow(t, a, screenFollowUp, 2)
		fuPress(t, a, "enter")
		fuType(t, a, "Half-typed näme")
		if a.screen(a.active).typing() {
			fuPress(t, a, "q") // types a q
		}
		fuPress(t, a, quitKey)
		if !a.quitting {
			t.Fatalf("%s did not quit", quitKey)
		}
		if got := loadPlan(t, path).Answer("speak-with").ByArea["leadership-culture"]; got != "Half-typed nämeq" {
			t.Fatalf("%s: on disk %q", quitKey, got)
		}
	}
}

func TestQuitWhileEditingAStepStoresIt(t *testing.T) {
	a, path := fuQuestion(t, 4)
	fuPress(t, a, "a")
	fuType(t, a, "Tell everyone")
	fuPress(t, a, "tab")
	fuType(t, a, "Zoë")
	fuPress(t, a, "ctrl+c")
	steps := loadPlan(t, path).Answer("project-plan").Steps
	if len(steps) != 4 || steps[1].Text != "Tell everyone" || steps[1].Owner != "Zoë" || steps[1].ID != 4 {
		t.Fatalf("steps on disk: %+v", steps)
	}
}

func TestResizeKeepsTypedText(t *testing.T) {
	a, path := fuQuestion(t, 2)
	fuPress(t, a, "enter")
	fuType(t, a, "A long answer that will not fit in a narrow window, 日本語 too")
	for _, size := range [][2]int{{60, 16}, {120, 40}, {40, 10}, {80, 24}} {
		a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		_ = a.View()
	}
	fuType(t, a, " 🎉")
	fuPress(t, a, "esc")
	want := "A long answer that will not fit in a narrow window, 日本語 too 🎉"
	if got := loadPlan(t, path).Answer("speak-with").ByArea["leadership-culture"]; got != want {
		t.Fatalf("after resizing: %q", got)
	}
	fuContains(t, fuView(a), "日本語 too 🎉")
}

// A field narrowed while its cursor is in the middle of a long text keeps
// to the window, with the cursor in view.
func TestNarrowingWhileTypingKeepsTheField(t *testing.T) {
	a, _ := fuApp(t, fuPlan(t), 120, 40)
	fuShow(t, a, screenFollowUp, 2)
	fuPress(t, a, "enter")
	fuType(t, a, "A long answer that will not fit in a narrow window at all, so it scrolls, 日本語 too")
	fuPress(t, a, "home")
	for range 60 {
		fuPress(t, a, "right")
	}
	a.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	v := ansi.Strip(a.screen(a.active).view())
	for _, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > a.c.width {
			t.Errorf("a line of %d cells in a body of %d: %q", w, a.c.width, l)
		}
	}
	fuContains(t, v, "window at all, s") // up to the cursor
}

func TestFollowUpNavigation(t *testing.T) {
	a, _ := fuQuestion(t, 0)
	for i := 1; i < 5; i++ {
		fuPress(t, a, "n")
		if got := a.screens[screenFollowUp].(*followupScreen).index; a.active != screenFollowUp || got != i {
			t.Fatalf("after %d n: screen %v, question %d", i, a.active, got)
		}
	}
	fuPress(t, a, "n")
	if a.active != screenSummary {
		t.Fatalf("n after the last question went to %v, not the summary", a.active)
	}
	fuPress(t, a, "p")
	if a.active != screenFollowUp || a.screens[screenFollowUp].(*followupScreen).index != 4 {
		t.Fatal("p on the summary did not go back to the last question")
	}
	fuShow(t, a, screenFollowUp, 0)
	fuPress(t, a, "p")
	if a.active != screenAreaSummary || a.arg != 2 {
		t.Fatalf("p on the first question went to %v %d, not the last area's summary", a.active, a.arg)
	}
	// Keys typed fast after n land on the next question, not this one.
	fuShow(t, a, screenFollowUp, 0)
	_, cmd1 := a.Update(fuKey("n"))
	_, cmd2 := a.Update(fuKey("n"))
	fuRun(t, a, cmd1)
	fuRun(t, a, cmd2)
	if got := a.screens[screenFollowUp].(*followupScreen).index; got != 2 {
		t.Fatalf("n n went to question %d, not 3", got+1)
	}
	// While typing, n and p are letters.
	fuShow(t, a, screenFollowUp, 2)
	fuPress(t, a, "enter", "n", "p", "esc")
	if got := a.c.plan().Answer("speak-with").ByArea["leadership-culture"]; got != "np" {
		t.Fatalf("typed %q", got)
	}
}

func TestFollowUpKeysHaveHelp(t *testing.T) {
	p := fuPlan(t)
	a, _ := fuApp(t, p, 80, 24)
	for i := range 5 {
		fuShow(t, a, screenFollowUp, i)
		s := a.screen(screenFollowUp)
		var all []string
		for _, g := range s.fullHelp() {
			for _, b := range g {
				all = append(all, b.Help().Key+" "+b.Help().Desc)
			}
		}
		joined := strings.Join(all, "\n")
		for _, want := range []string{"n/→ next", "p/← previous", "tab next field", "esc stop typing"} {
			if !strings.Contains(joined, want) {
				t.Errorf("follow-up %d help lacks %q:\n%s", i+1, want, joined)
			}
		}
	}
}

// A custom checklist may ask no next-steps questions. The last area's end
// said "Next: the next steps (0 questions)" and led to a screen saying
// there are none, to press n again: it says the summary is next and leads
// there, and p on the summary comes back to it, as the accessible prompts
// go. A next-steps screen reached all the same says so and leads on.
func TestChecklistWithoutFollowUps(t *testing.T) {
	dir := t.TempDir()
	yaml := strings.Replace(string(checklisttest.YAML(6)), "follow_ups:", "unused_follow_ups:", 1)
	yaml = yaml[:strings.Index(yaml, "unused_follow_ups:")]
	clFile := filepath.Join(dir, "custom.yaml")
	if err := os.WriteFile(clFile, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cl, err := checklist.LoadFile(clFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(cl.FollowUps) != 0 {
		t.Fatalf("the checklist still has %d follow-ups", len(cl.FollowUps))
	}
	a := fuAppWith(t, plans.New(cl, "Org", "Title", fuToday), filepath.Join(dir, "plan.yaml"), clFile, 80, 24)
	fuShow(t, a, screenAreaSummary, len(cl.Areas)-1)
	view := fuView(a)
	fuContains(t, view, "Next: the summary.")
	if strings.Contains(view, "next steps") {
		t.Errorf("the last area's end offers next steps the checklist does not ask:\n%s", view)
	}
	fuPress(t, a, "enter")
	if a.active != screenSummary {
		t.Fatalf("enter on the last area's end went to %v, want the summary", a.active)
	}
	if view := fuView(a); strings.Contains(view, "next steps") {
		t.Errorf("the summary offers to go back to next steps the checklist does not ask:\n%s", view)
	}
	fuPress(t, a, "p")
	if a.active != screenAreaSummary {
		t.Fatalf("p on the summary went to %v, want the last area's end", a.active)
	}

	fuShow(t, a, screenFollowUp, 0)
	fuContains(t, fuView(a), "no next-steps questions")
	fuPress(t, a, "n")
	if a.active != screenSummary {
		t.Fatalf("n went to %v", a.active)
	}
	fuContains(t, fuView(a), "The end")
}

// Every next-steps screen fits the smallest window and large ones: no line
// wider than the window, exactly as many lines as it has, while browsing
// and while typing.
func TestFollowUpsFitTheWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		p := fuGoldenPlan(t)
		fuLongPlan(p, 50)
		a, _ := fuApp(t, p, size[0], size[1])
		// The screen's own drawing, before the app pads, wraps or cuts it
		// to the body area.
		check := func(what string) {
			t.Helper()
			v := ansi.Strip(a.screen(a.active).view())
			lines := strings.Split(v, "\n")
			if len(lines) > a.c.height {
				t.Errorf("%dx%d %s: %d lines for a body of %d", size[0], size[1], what, len(lines), a.c.height)
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > a.c.width {
					t.Errorf("%dx%d %s: a line of %d cells for a body of %d: %q", size[0], size[1], what, w, a.c.width, l)
				}
			}
		}
		for i := range 5 {
			fuShow(t, a, screenFollowUp, i)
			check(fmt.Sprintf("question %d", i+1))
			fuPress(t, a, "enter")
			check(fmt.Sprintf("question %d, typing", i+1))
			fuPress(t, a, "esc")
		}
		fuShow(t, a, screenSummary, 0)
		check("summary")
	}
}

// Spaces around a typed answer are dropped, as the accessible mode drops
// them, so the same answers give the same plan in both modes.
func TestTypedAnswersLoseSurroundingSpaces(t *testing.T) {
	a, path := fuQuestion(t, 2)
	fuPress(t, a, "enter")
	fuType(t, a, "  HR lead  ")
	fuPress(t, a, "tab")
	fuShow(t, a, screenFollowUp, 3)
	fuPress(t, a, "enter")
	fuType(t, a, " The board")
	fuPress(t, a, "enter")
	fuPress(t, a, "esc")
	got := loadPlan(t, path)
	if v := got.Answer("speak-with").ByArea["leadership-culture"]; v != "HR lead" {
		t.Errorf("per-area answer = %q, want %q", v, "HR lead")
	}
	if v := got.Answer("decision-makers").Text; v != "The board" {
		t.Errorf("decision makers = %q, want %q", v, "The board")
	}
}

// tab on the due date, the last field, wraps round to the first answer
// highlighted, not typing: n after it goes to the next question and is
// never typed into the answer (issue 12.5).
func TestTabRoundFromTheDueDateDoesNotType(t *testing.T) {
	a, path := fuQuestion(t, 2)
	fuPress(t, a, "enter")
	fuType(t, a, "Ana")
	fuPress(t, a, "tab", "tab", "tab") // workforce, enablers, the due date
	fuType(t, a, "2w")
	fuPress(t, a, "tab") // round to the first answer
	if a.screen(screenFollowUp).typing() {
		t.Fatal("tab from the due date wrapped round into typing")
	}
	fuPress(t, a, "n")
	if got := loadPlan(t, path).Answer("speak-with").ByArea["leadership-culture"]; got != "Ana" {
		t.Fatalf("the first answer is %q after tab and n", got)
	}
	if a.screens[screenFollowUp].(*followupScreen).index != 3 {
		t.Error("n after tab round did not go to the next question")
	}
}

// A pause while typing a quick win or a step stores it without ending
// the typing (issue 12.1): the quick win is one row, edited as it grows,
// and enter still starts the next one.
func TestAPauseStoresAQuickWinAndAStepBeingTyped(t *testing.T) {
	a, path := fuQuestion(t, 1)
	pause := func() { fuRun(t, a, func() tea.Msg { return typingPauseMsg{a.typingGen} }) }
	fuPress(t, a, "a")
	fuType(t, a, "Thank")
	pause()
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{"Thank"}) {
		t.Fatalf("after a pause: %q", got)
	}
	fuType(t, a, " the team")
	pause()
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{"Thank the team"}) {
		t.Fatalf("after a second pause: %q", got)
	}
	if !a.screen(screenFollowUp).typing() {
		t.Fatal("the pause ended the typing")
	}
	fuPress(t, a, "enter")
	fuType(t, a, "Tell everyone")
	fuPress(t, a, "esc")
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{"Thank the team", "Tell everyone"}) {
		t.Fatalf("after enter, more and esc: %q", got)
	}

	fuShow(t, a, screenFollowUp, 4)
	before := len(loadPlan(t, path).Answer("project-plan").Steps)
	fuPress(t, a, "a")
	fuType(t, a, "Hire a mentor")
	pause()
	steps := loadPlan(t, path).Answer("project-plan").Steps
	if len(steps) != before+1 || !slices.ContainsFunc(steps, func(s plans.Step) bool { return s.Text == "Hire a mentor" }) {
		t.Fatalf("the step being typed was not stored by the pause: %+v", steps)
	}
	if !a.screen(screenFollowUp).typing() {
		t.Fatal("the pause ended the step's editing")
	}
}

// An answer being typed, then left by opening an item from the board (f1
// for help while typing, then b and enter), is kept: the question's
// screen stores it as it is left, as leaving it with tab or n does.
func TestAnAnswerTypedIsKeptWhenTheBoardOpensAnItem(t *testing.T) {
	a, path := fuQuestion(t, 3) // who the decision makers are
	fuPress(t, a, "enter")
	fuType(t, a, "The owners, Ana and Ben")
	fuPress(t, a, "f1", "b", "enter")
	if a.active != screenItem {
		t.Fatalf("enter on the board showed screen %d", a.active)
	}
	if got := loadPlan(t, path).Answer("decision-makers").Text; got != "The owners, Ana and Ben" {
		t.Fatalf("the answer on disk is %q after opening an item", got)
	}
}

// Enter in a one-line answer moves into the next field, typing, as tab
// does: the footer says so while typing, so that the field typed in next
// is one the person chose (issue 12.5); from the last field it says enter
// goes on to the next question, and in a free-text answer enter is a new
// line, so only tab is offered.
func TestTheFooterSaysWhereEnterGoesWhileTyping(t *testing.T) {
	p := fuPlan(t)
	a, _ := fuApp(t, p, 100, 30)
	fuShow(t, a, screenFollowUp, 2)
	fuPress(t, a, "enter")
	fuContains(t, fuView(a), "enter/tab next field", "esc stop typing")
	fuPress(t, a, "tab", "tab", "tab") // the due date, the last field
	v := fuView(a)
	fuContains(t, v, "enter next question", "esc stop typing", "tab next field")
	if strings.Contains(v, "enter/tab next field") {
		t.Errorf("the last field offers enter as next field:\n%s", v)
	}
	fuShow(t, a, screenFollowUp, 3)
	fuPress(t, a, "enter")
	if v := fuView(a); strings.Contains(v, "enter/tab") || strings.Contains(v, "enter next") {
		t.Errorf("a free-text answer, where enter starts a new line, offers enter to move on:\n%s", v)
	}
}

// Help on a next-steps question tells its two uses of enter apart: one
// starts typing in the field chosen, the other goes on while typing. Both
// said only "enter" before, one of them "type".
func TestFollowUpHelpTellsTheTwoEntersApart(t *testing.T) {
	a, _ := fuQuestion(t, 3)
	fuPress(t, a, "?")
	v := fuView(a)
	fuContains(t, v, "enter      start typing in the field chosen", "enter      while typing the answer: a new line; on an empty line, the due")
	a, _ = fuQuestion(t, 4)
	fuPress(t, a, "?")
	fuContains(t, fuView(a), "enter      start typing in the field chosen", "enter      while typing: the next field (from the last, the next question)")
}

// A key's words too long for the line wrap under the words, not back to
// the left edge under the keys (at 60 columns, the enter of a question).
func TestHelpWrapsAKeysWordsUnderTheWords(t *testing.T) {
	a, _ := fuApp(t, fuPlan(t), 60, 20)
	fuShow(t, a, screenFollowUp, 3)
	fuPress(t, a, "?")
	lines := strings.Split(fuView(a), "\n")
	for i, l := range lines {
		if !strings.Contains(l, "while typing the answer") {
			continue
		}
		words := strings.Index(l, "while typing")
		next := lines[i+1]
		if indent := len(next) - len(strings.TrimLeft(next, " ")); indent != words || !strings.Contains(next, "empty line") {
			t.Fatalf("the words wrap to column %d, not %d under them:\n%s\n%s", indent, words, l, next)
		}
		return
	}
	t.Fatalf("no enter while typing in help:\n%s", strings.Join(lines, "\n"))
}

// perAreaQuestion is the Building Blocks' per-area next-steps question,
// open at w×h on an unrated plan.
func perAreaQuestion(t *testing.T, w, h int) (*app, *checklist.Checklist) {
	t.Helper()
	c, p := rvPlanOf(t, "smc-building-blocks")
	q := slices.IndexFunc(c.FollowUps, func(f checklist.FollowUp) bool { return f.Kind == checklist.KindPerArea })
	if q < 0 {
		t.Fatal("the Building Blocks ask no per-area question")
	}
	a, _ := fuApp(t, p, w, h)
	fuShow(t, a, screenFollowUp, q)
	return a, c
}

// The per-area question of the Building Blocks names its areas whole at
// 80x24: a label on a line of its own wraps (the first area was cut at
// "inclusio…").
func TestThePerAreaQuestionNamesEveryAreaWhole(t *testing.T) {
	a, c := perAreaQuestion(t, 80, 24)
	for _, area := range c.Areas {
		fuContains(t, oneSpaced(fuView(a)), oneSpaced(area.Title))
	}
	fuContains(t, fuView(a), "Due date not set")
}

// At 60x16 only some of the seven areas' answers fit: the list says how
// many are above and below, and how to reach them (four were hidden with
// nothing to say so).
func TestThePerAreaQuestionSaysWhatIsHidden(t *testing.T) {
	a, _ := perAreaQuestion(t, 60, 16)
	fuContains(t, fuView(a), "↓ 4 more below · ↑↓ to reach them", "Due date not set")
	fuPress(t, a, "down", "down", "down", "down", "down", "down")
	fuContains(t, fuView(a), "more above · ↑↓ to reach them", "Make a plan")
}

// esc, enter or n on a due date that is not a date say why nothing
// happened at the first try, and leave at the second, the text kept
// unsaved and shown again on return, rather than trapping the person in
// the field (n typed into the date).
func TestDueDateNotADateWarnsThenLeaves(t *testing.T) {
	a, path := fuQuestion(t, 3) // decision makers: answer, then due date
	fuPress(t, a, "tab")
	fuType(t, a, "someday")
	fuPress(t, a, "esc")
	fuContains(t, fuView(a), `"someday" is not a date`, "is not saved", "Press esc again to leave it unsaved")
	if !a.screen(a.active).typing() {
		t.Fatal("the first esc left the field")
	}
	fuPress(t, a, "esc")
	if a.screen(a.active).typing() {
		t.Fatal("esc twice did not leave the field")
	}
	fuPress(t, a, "n") // the person chose to leave: n goes on
	if a.active != screenFollowUp || a.screens[screenFollowUp].(*followupScreen).index != 4 {
		t.Fatal("n did not go to the next question")
	}
	if got := loadPlan(t, path).Answer("decision-makers").Due; !got.IsZero() {
		t.Fatalf("not a date, stored as %v", got)
	}
	fuPress(t, a, "p")
	fuContains(t, fuView(a), "someday", `"someday" is not a date`)
	if strings.Contains(fuView(a), "again to leave it unsaved") {
		t.Fatal("the warning outlived the visit")
	}
}

// A quick win typed at the list without a first a is written, the letter
// first, as the item screen takes an action: 'Better training for staff'
// ticked the first row with its space, began typing at its a and kept
// 'ining for staff'; a d would have removed a row.
func TestAQuickWinTypedAtTheListIsWritten(t *testing.T) {
	a, path := fuQuestion(t, 1)
	fuType(t, a, "Better training for staff")
	fuPress(t, a, "enter", "esc")
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{"Better training for staff"}) {
		t.Fatalf("the quick wins after 'Better training for staff' typed at the list and enter: %q", got)
	}
}

// An answer typed at a next-steps question without enter first is
// written, the letter first: 'The owner and Tom' typed at 'Who are the
// decision makers' left the T, h and e unused and opened the overview at
// the o of 'owner', the rest of the words its keys.
func TestAnAnswerTypedAtAQuestionIsWritten(t *testing.T) {
	a, path := fuQuestion(t, 3)
	fuType(t, a, "The owner and Tom")
	fuPress(t, a, "tab")
	if a.active != screenFollowUp {
		t.Fatalf("typing the answer left the question for screen %d", a.active)
	}
	if got := loadPlan(t, path).Answer("decision-makers").Text; got != "The owner and Tom" {
		t.Fatalf("the answer after 'The owner and Tom' typed at the question and tab: %q", got)
	}
}

// The letters that are keys only in a room or with a clock (t, v, w)
// begin a quick win or an answer where neither is on, as they begin the
// item's action: 'talk to staff' typed at the list kept 'lk to staff',
// the t a key of no screen here and the a beginning the typing.
func TestAnAnswerBegunWithARoomOrClockLetterIsWritten(t *testing.T) {
	a, path := fuQuestion(t, 1)
	fuType(t, a, "talk to staff")
	fuPress(t, a, "enter", "esc")
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{"talk to staff"}) {
		t.Fatalf("the quick wins after 'talk to staff' typed at the list and enter: %q", got)
	}
	a, path = fuQuestion(t, 3)
	fuType(t, a, "whoever owns the budget")
	fuPress(t, a, "tab")
	if got := loadPlan(t, path).Answer("decision-makers").Text; got != "whoever owns the budget" {
		t.Fatalf("the answer after 'whoever owns the budget' typed at the question and tab: %q", got)
	}
}

// On the quick wins the due date sat under the selected row's details,
// "Due date not set", and read as that row's date; on the project plan,
// under the steps' own dates. The question's due date says it is the
// whole list's, the whole plan's, at 80x24 and 60x16.
func TestAListsDueDateSaysItIsTheWholeLists(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		for q, want := range map[int]string{1: "Due date for the whole list not set", 4: "Due date for the whole plan"} {
			a, _ := fuApp(t, fuGoldenPlan(t), size[0], size[1])
			fuShow(t, a, screenFollowUp, q)
			fuContains(t, oneSpaced(fuView(a)), want)
		}
	}
}

// Typing the whole list's due date at 60x16, how to type a date sat in
// the value column, 30 cells in after the longer label, and wrapped
// ("e.g. 31/03/2027, 5 Feb, 2w," then "next Friday"). Where the value
// column would wrap it and under the label would not, it goes under
// the label, on one line.
func TestAListsDueDateHintIsOneLineAt60x16(t *testing.T) {
	const label = "Due date for the whole list"
	a, _ := fuApp(t, fuGoldenPlan(t), 60, 16)
	fuShow(t, a, screenFollowUp, 1)
	for range 8 {
		if strings.Contains(fuView(a), "› "+label) {
			break
		}
		fuPress(t, a, "tab")
	}
	v := fuView(a)
	if !strings.Contains(v, "› "+label) {
		t.Fatalf("tab does not reach %q:\n%s", label, v)
	}
	if !strings.Contains(v, dueHint) {
		t.Errorf("the hint %q is not on one line:\n%s", dueHint, v)
	}
}

//go:build unix

package tui_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// End-to-end: the real ladder binary in a pseudo-terminal, driven by
// keystrokes, checked through the screen and the plan files it writes
// (the harness is e2e_harness_test.go). Keys are sent in the order a
// person would type them; the program handles them in order and changes
// screen synchronously, so the test waits only where the program itself
// waits (creating a plan, which happens off the update loop) and where it
// checks what is on disk.

func ratedCount(p *plans.Plan) int {
	_, total := p.Counts()
	return total.Rated()
}

// e2eNewPlan creates a plan through set-up and waits for the first item.
func e2eNewPlan(e *e2eSession, org, title string) {
	e.t.Helper()
	e.waitFor("A new review")
	e.typeText(org)
	e.keys("tab")
	e.typeText(title)
	e.keys("ctrl+s")
	e.waitFor("Develop a clear vision for your D&I strategy")
}

// rating is the rating key for item i, and the rating it gives.
func rating(i int) (string, string) {
	switch i % 3 {
	case 0:
		return "r", "red"
	case 1:
		return "a", "amber"
	}
	return "g", "green"
}

// areaEnds are the items after which the walk shows an area summary.
var areaEnds = map[int]bool{3: true, 5: true, 20: true}

func TestEndToEndReviewThenKillAndResume(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "plans", "x.yaml")

	// First run: set-up, all 21 items rated, some with an action, owner
	// and due date, then the five next-steps questions.
	e := e2eStart(t, dir, e2eTerm{}, "review", "--today", "2027-03-14", "plans/x.yaml")
	e2eNewPlan(e, "Acme Café Ltd", "Spring review 🌱")
	for i := range 21 {
		k, _ := rating(i)
		e.keys(k) // rates and saves; the focus stays on the rating
		if i%4 == 0 {
			e.keys("tab") // on to the action
		}
		if i%4 == 0 {
			e.typeText(fmt.Sprintf("Action %d for Zoë", i+1))
			e.keys("tab")
			e.typeText("李雷")
			e.keys("tab")
			e.typeText("2w")
		}
		e.keys("ctrl+n") // stores the field being typed and goes on
		if areaEnds[i] {
			e.keys("enter") // the area summary: continue
		}
	}
	p := waitOnDisk(t, path, "21 ratings", func(p *plans.Plan) bool { return ratedCount(p) == 21 })
	e.waitFor("How many did you get in each area")

	// The follow-ups (issue 3, the next steps): counts with a due date,
	// quick wins chosen and typed, who to speak with per area, the
	// decision makers, the project plan.
	e.keys("enter")
	e.typeText("31/03/2027")
	e.keys("enter")
	e.waitFor("What are your quick wins?")
	e.keys("space", "down", "space", "a")
	e.typeText("Thank the team 🙏")
	e.keys("enter", "tab")
	e.typeText("2w")
	e.keys("enter")
	e.waitFor("need to speak with")
	e.keys("enter")
	e.typeText("Zoë (CEO)")
	e.keys("tab")
	e.typeText("HR team")
	e.keys("tab")
	e.typeText("Data team")
	e.keys("tab")
	e.typeText("1m")
	e.keys("enter")
	e.waitFor("decision makers to help")
	e.keys("enter")
	e.typeText("The board")
	e.keys("tab")
	e.typeText("3m")
	e.keys("enter")
	e.waitFor("project plan look like")
	e.keys("s", "tab")
	e.typeText("6m")
	e.keys("enter")
	e.waitFor("The end")
	e.quits()

	p = loadPlan(t, path)
	if p.Organisation != "Acme Café Ltd" || p.Title != "Spring review 🌱" || p.Date.String() != "2027-03-14" {
		t.Fatalf("plan header: %q %q %v", p.Organisation, p.Title, p.Date)
	}
	for i, en := range p.Checklist.Items() {
		r := p.Response(en.Item.ID)
		_, want := rating(i)
		if r.Rating != want {
			t.Errorf("item %d (%s): rating %q, want %q", i+1, en.Item.ID, r.Rating, want)
		}
		if i%4 == 0 {
			if r.Action != fmt.Sprintf("Action %d for Zoë", i+1) || r.Owner != "李雷" || r.Due.String() != "2027-03-28" {
				t.Errorf("item %d: action %q, owner %q, due %v", i+1, r.Action, r.Owner, r.Due)
			}
		} else if r.Action != "" {
			t.Errorf("item %d: unexpected action %q", i+1, r.Action)
		}
	}
	checkAnswer := func(id, want string, got any) {
		t.Helper()
		if fmt.Sprint(got) != want {
			t.Errorf("%s: %v, want %s", id, got, want)
		}
	}
	checkAnswer("counts due", "2027-03-31", p.Answer("counts").Due)
	checkAnswer("quick wins", "[Action 1 for Zoë Action 5 for Zoë Thank the team 🙏]", p.Answer("quick-wins").List)
	checkAnswer("quick wins due", "2027-03-28", p.Answer("quick-wins").Due)
	checkAnswer("speak with", "map[enablers:Data team leadership-culture:Zoë (CEO) workforce:HR team]", p.Answer("speak-with").ByArea)
	checkAnswer("speak with due", "2027-04-14", p.Answer("speak-with").Due)
	checkAnswer("decision makers", "The board", p.Answer("decision-makers").Text)
	checkAnswer("decision makers due", "2027-06-14", p.Answer("decision-makers").Due)
	pp := p.Answer("project-plan")
	checkAnswer("project plan steps", "6", len(pp.Steps))
	if len(pp.Steps) > 0 {
		checkAnswer("first step", "Action 1 for Zoë doing", pp.Steps[0].Text+" "+string(pp.Steps[0].Status))
	}
	checkAnswer("project plan due", "2027-09-14", pp.Due)

	// Second run: a new plan, some items rated and saved, then the
	// process is killed mid-walk with a field half typed, once the pause
	// after the last key has saved it (issue 12.1: the kill may come at
	// any time, and the pause's save, 1.5 s after the key, is part of what
	// is on disk by then on a busy machine).
	path = filepath.Join(dir, "plans", "y.yaml")
	e = e2eStart(t, dir, e2eTerm{}, "review", "--today", "2027-03-14", "plans/y.yaml")
	e2eNewPlan(e, "東京 Bakery", "Autumn")
	for i := range 6 {
		k, _ := rating(i)
		e.keys(k)
		if i%2 == 0 {
			e.keys("tab")
			e.typeText(fmt.Sprintf("Step %d", i+1))
		}
		e.keys("ctrl+n")
		if areaEnds[i] {
			e.keys("enter")
		}
	}
	const halfTyped = "Half-typed, still in the field"
	e.keys("g", "tab") // the seventh item: rated, and its action half typed
	e.typeText(halfTyped)
	waitOnDisk(t, path, "7 ratings and the half-typed action", func(p *plans.Plan) bool {
		return ratedCount(p) == 7 && p.Response(p.Checklist.Items()[6].Item.ID).Action == halfTyped
	})
	e.waitFor("✓ saved") // the screen says so, once the save's message is back
	if err := e.s.Kill(); err != nil {
		t.Fatal(err)
	}

	p = loadPlan(t, path)
	for i, en := range p.Checklist.Items() {
		r := p.Response(en.Item.ID)
		want, action := "unrated", ""
		switch {
		case i < 6:
			_, want = rating(i)
			if i%2 == 0 {
				action = fmt.Sprintf("Step %d", i+1)
			}
		case i == 6:
			want, action = "green", halfTyped
		}
		if r.Rating != want || r.Action != action {
			t.Errorf("after the kill, item %d: %q %q, want %q %q", i+1, r.Rating, r.Action, want, action)
		}
	}

	// Third run: it resumes at the first unrated item, the eighth.
	e = e2eStart(t, dir, e2eTerm{}, "review", "--today", "2027-03-14", "plans/y.yaml")
	e.waitFor("Do you record and evaluate the take up of training", "item 2 of 15", "7 of 21 rated")
	e.quits()
}

// sgr matches a Select Graphic Rendition sequence and its parameters.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourParams returns the colour parameters of the SGR sequences in out.
func colourParams(out []byte) []string {
	var found []string
	for _, m := range sgr.FindAllSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(string(m[1]), func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, string(m[0]))
			}
		}
	}
	return found
}

func TestNoColorTurnsColourOff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		env        []string
		wantColour bool
	}{
		{nil, true}, // shows the check below would see colour
		{[]string{"NO_COLOR=yes"}, false},
		{[]string{"NO_COLOR=1"}, false},
	} {
		t.Run(fmt.Sprint(tc.env), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
				t.Fatal(err)
			}
			e := e2eStart(t, dir, e2eTerm{env: tc.env}, "review", "--today", "2027-03-14", "plans/c.yaml")
			e2eNewPlan(e, "Acme", "Colours")
			e.keys("a") // a rating shown in colour, if colour is on
			e.waitFor("✓ [a/2] ▲ Amber")
			e.keys("shift+tab", "q")
			e.exits(0)
			got := colourParams(e.s.Output())
			if tc.wantColour && len(got) == 0 {
				t.Fatal("no colour at all without NO_COLOR: the check cannot see colour")
			}
			if !tc.wantColour && len(got) > 0 {
				t.Fatalf("colour sequences with %v: %q", tc.env, got[:min(5, len(got))])
			}
			if !strings.Contains(e.s.Text(), "▲ Amber") {
				t.Fatal("the rating is not shown as shape and word")
			}
		})
	}
}

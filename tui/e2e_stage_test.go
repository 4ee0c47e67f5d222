//go:build unix

package tui_test

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// End-to-end tests of issue 10's presenter mode, board, clocks, revisit
// flag and due dates: the real binary in a pseudo-terminal, its screen
// read through a terminal emulator (vtScreen).

// Presenter mode grows with the window (issue 10.2): at 240x67 the
// recommendation and the rating are in block letters and the board's
// tiles span the width with whole titles; before a rating every level is
// shown with what it means (10.3). The questions and the levels grow too
// (issue 10, review): the area's name, the questions, "NOT RATED YET",
// each level and what it means, and after a rating what the level means,
// are in block letters. At 80x24 the same item is ordinary text.
func TestPresenterGrowsWithTheWindowEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "cafe.yaml", nil)
	e := e2eStart(t, dir, e2eTerm{cols: 240, rows: 67}, "review", "--present", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitForBig("DEVELOP A CLEAR")
	for _, big := range []string{"LEADERSHIP & CULTURE", "DO YOU BUILD PROGRESSION", "DO YOU USE DATA TO HELP", "○ NOT RATED YET",
		"■ RED", "NOTHING/NOT SOMETHING YOU CURRENTLY DO", "▲ AMBER", "DO SOMETHING IN THIS SPACE BUT LIMITED", "● GREEN", "ACTIVELY DO THIS"} {
		e.waitForBig(big)
	}
	e.waitFor("Which level fits?")
	e.keys("a")
	e.waitForBig("▲ AMBER")
	e.waitForBig("DO SOMETHING IN THIS SPACE BUT LIMITED")

	e.keys("b")
	e.waitForBig("WHERE WE STAND")
	screen := e.waitFor("Bea's Café, Spring review", "Do you record and evaluate the take up of", "› Leadership & Culture · item 1 of 4: Develop a clear vision")
	// Five tiles a row, the row as wide as the window.
	for _, l := range strings.Split(screen, "\n") {
		if strings.Count(l, "╭") == 5 {
			if w := len([]rune(strings.TrimRight(l, " "))); w < 230 {
				t.Fatalf("a row of tiles is %d cells wide at 240x67:\n%s", w, screen)
			}
			break
		}
	}
	e.keys("b")
	e.waitForBig("▲ AMBER") // back on the item
	// The terminal shrinks as a window does; the screen is read again
	// from the program's first frame at the new size.
	e.resize(80, 24)
	e.keys("n", "p")                                          // a fresh frame at the new size
	e.waitFor("Develop a clear vision for your D&I strategy") // the title in ordinary letters
	e.waitForBig("▲ AMBER")                                   // the badge still in block letters, smaller
	e.quits()
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "amber" {
		t.Fatalf("rating on disk: %q", r.Rating)
	}
}

// Every board tile or line says which recommendation it is, and the
// selected one is named (issue 10.4); an item can be flagged to revisit
// and its rating cleared, and the flag is listed on the board and the
// summary (10.8).
func TestBoardNamesEveryItemAndTheFlaggedOnesEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "cafe.yaml", nil)
	e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("Develop a clear vision")
	e.keys("g", "f")
	e.waitFor("⚑ to revisit")
	e.keys("n", "b")
	c, _ := checklist.Builtin(checklist.DefaultID)
	screen := e.waitFor("Where we stand", "› Leadership & Culture · item 2 of 4: Strong leadership and management driving your D&I strategy",
		"⚑ To revisit (1): A clear D&I vision")
	for _, e := range c.Items() {
		if !strings.Contains(screen, e.Item.Title) && !strings.Contains(screen, e.Item.ShortTitle()) {
			t.Errorf("the board does not name item %s (%q):\n%s", e.Item.ID, e.Item.ShortTitle(), screen)
		}
	}
	e.keys("left", "enter")
	e.waitFor("Develop a clear vision", "⚑ to revisit")
	e.keys("x")
	waitOnDisk(t, path, "the rating cleared, the flag kept", func(p *plans.Plan) bool {
		r := p.Response("lc-vision")
		return r.Rating == checklist.Unrated && r.Revisit
	})
	e.keys("b", "s")
	e.waitFor("⚑ Flagged to revisit (1)", "Leadership & Culture 1: Develop a clear vision")
	e.quits()
}

// Presenter mode covers every screen of a session with the clocks, and
// shows no file paths (issue 10.7); the session clock counts the items
// left and the pace they need, and t pauses it (10.9).
func TestPresenterCoversEveryScreenWithTheClocksEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
		for _, e := range p.Checklist.Items()[:3] {
			p.Response(e.Item.ID).Rating = "green"
		}
	})
	e := e2eStart(t, dir, e2eTerm{}, "review", "--present", "--timebox", "5m", "--session", "90m", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitForBig("CULTURAL QUESTIONS")
	e.waitFor("session 1:", "18 items", "left")
	e.keys("i")
	e.waitFor("A D V I C E", "session 1:", "Advice from the source")
	e.keys("esc") // (an esc followed at once by a key reads as alt and the key)
	e.waitFor("NOT RATED YET")
	e.keys("t")
	e.waitFor("L E A D E R S H I P", "paused")
	e.keys("t", "a", "n") // the area's end
	e.waitFor("L E A D E R S H I P", "Leadership & Culture: done", "session 1:", "17 items")
	e.keys("b", "s")
	screen := e.waitFor("T H E   E N D", "How many in each area", "session 1:")
	if strings.Contains(screen, "plans/") || strings.Contains(screen, "git add") {
		t.Fatalf("presenter mode shows a file path or git commands:\n%s", screen)
	}
	e.quits()
	if r := loadPlan(t, path).Response("lc-culture"); r.Rating != "amber" {
		t.Fatalf("rating on disk: %q", r.Rating)
	}
}

// A plan prepared for a workshop on a later date offers its date as what
// 6w counts from (issue 10.10), and the owner field suggests the
// participants.
func TestDueDatesCountFromTheWorkshopEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "workshop.yaml", func(p *plans.Plan) {
		p.Date = plans.Date{Year: 2027, Month: 4, Day: 14}
		p.Participants = []string{"Ana Silva", "Ben Okafor"}
	})
	e := e2eStart(t, dir, e2eTerm{}, "review", "--today", "2027-03-01", "plans/workshop.yaml")
	e.waitFor("Develop a clear vision")
	e.keys("g", "tab", "tab")
	e.waitFor("› Owner", "Ana Silva, Ben Okafor")
	e.typeText("B")
	e.keys("right", "tab")
	e.typeText("6w")
	e.waitFor("6w from today", "ctrl+t: from the plan's date")
	e.keys("ctrl+t")
	e.waitFor("→ Wed 26 May 2027", "6w from the plan's date, Wed 14 Apr 2027")
	e.keys("tab")
	waitOnDisk(t, path, "the owner and the due date", func(p *plans.Plan) bool {
		r := p.Response("lc-vision")
		return r.Owner == "Ben Okafor" && r.Due == plans.Date{Year: 2027, Month: 5, Day: 26}
	})
	e.keys("esc")
	e.waitFor("› ✓ [g/3]")
	e.quits()
}

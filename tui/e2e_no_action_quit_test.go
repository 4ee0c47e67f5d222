//go:build unix

package tui_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// Quitting with q at an item rated Red but given no action quit quietly:
// the review resumes at the first item not rated, past it, and the hole
// in the plan was easy to forget. As the screen goes, one line names the
// item(s), says the rating is saved and how to write the action, with no
// question to answer first; ctrl+c alike, naming each such item (and an
// item rated Green, which needs no action, not at all).
func TestQuittingAtARatedItemWithNoActionSaysSo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e2ePlan(t, dir, "cafe.yaml", nil)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("r")
	e.waitFor("1 of 21 rated")
	said := e.quits()
	requireLinesFit(t, said, "no action yet", "To carry on", 80)
	text := strings.Join(strings.Fields(said), " ")
	for _, want := range []string{
		"Every answer given is saved in plans/cafe.yaml (1 of 21 items rated).",
		"Leadership & Culture item 1 is rated ■ Red with no action yet. Its rating is saved: to write the action, carry on and press o for the overview, then enter on the item.",
		"To carry on where you left off, run: ladder review plans/cafe.yaml",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("after r and q, ladder did not say %q:\n%s", want, tailText(text, 800))
		}
	}

	// At 60 columns, with a plan named as the welcome form names one:
	// the line naming the file is laid out at its spaces too, where the
	// terminal broke the path ("hill-s-bakery-spri" then "ng-review").
	dir = t.TempDir()
	e2ePlan(t, dir, "2027-03-14-hill-s-bakery-spring-review.yaml", func(p *plans.Plan) {
		p.Response("lc-vision").Rating = "red"
		p.Response("lc-leadership").Rating = "green"
		p.Response("en-data-collect").Rating = "amber"
	})
	e = e2eStart(t, dir, e2eTerm{cols: 60, rows: 16}, "review", "--today", "2027-03-14", "plans/2027-03-14-hill-s-bakery-spring-review.yaml")
	e.waitFor("? help")
	e.keys("ctrl+c")
	said = e.exits(0)
	requireLinesFit(t, said, "Every answer given", "To carry on", 60)
	if !strings.Contains(said, "plans/2027-03-14-hill-s-bakery-spring-review.yaml (3 of 21") {
		t.Errorf("the plan's path is broken across lines:\n%s", tailText(said, 800))
	}
	text = strings.Join(strings.Fields(said), " ")
	want := "2 items are rated with no action yet: Leadership & Culture item 1 (■ Red) and Enablers item 1 (▲ Amber). Their ratings are saved: to write the actions, carry on and press o for the overview, then enter on each item."
	if !strings.Contains(text, want) {
		t.Errorf("after ctrl+c, ladder did not say %q:\n%s", want, tailText(text, 800))
	}
}

// requireLinesFit fails unless the lines of what ladder said as it ended,
// from the one holding from (what precedes from on its line aside) up to
// the one holding to, each fit cols: the
// reminder is prose, and the terminal broke it mid-word ("Its rating is
// sav" then "ed") where it ran past the window.
func requireLinesFit(t *testing.T, said, from, to string, cols int) {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(said, "\r\n", "\n"), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, from) })
	if at < 0 {
		t.Fatalf("ladder did not say %q:\n%s", from, tailText(said, 800))
	}
	lines[at] = lines[at][strings.Index(lines[at], from):] // the screen's last line may precede it
	for _, l := range lines[at:] {
		if strings.Contains(l, to) {
			return
		}
		if w := ansi.StringWidth(l); w > cols {
			t.Errorf("a line of the reminder is %d cells wide, wider than the window's %d: %q", w, cols, l)
		}
	}
}

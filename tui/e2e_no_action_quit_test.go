//go:build unix

package tui_test

import (
	"strings"
	"testing"

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
	text := strings.Join(strings.Fields(e.quits()), " ")
	for _, want := range []string{
		"Every answer given is saved in plans/cafe.yaml (1 of 21 items rated).",
		"Leadership & Culture item 1 is rated ■ Red with no action yet. Its rating is saved: to write the action, carry on and press o for the overview, then enter on the item.",
		"To carry on where you left off, run: ladder review plans/cafe.yaml",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("after r and q, ladder did not say %q:\n%s", want, tailText(text, 800))
		}
	}

	dir = t.TempDir()
	e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
		p.Response("lc-vision").Rating = "red"
		p.Response("lc-leadership").Rating = "green"
		p.Response("en-data-collect").Rating = "amber"
	})
	e = e2eStart(t, dir, e2eTerm{cols: 60, rows: 16}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("ctrl+c")
	text = strings.Join(strings.Fields(e.exits(0)), " ")
	want := "2 items are rated with no action yet: Leadership & Culture item 1 (■ Red) and Enablers item 1 (▲ Amber). Their ratings are saved: to write the actions, carry on and press o for the overview, then enter on each item."
	if !strings.Contains(text, want) {
		t.Errorf("after ctrl+c, ladder did not say %q:\n%s", want, tailText(text, 800))
	}
}

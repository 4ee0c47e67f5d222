//go:build unix

package tui_test

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A first-time user who types an action where there is nowhere to type
// (an area's summary, the overview) rates nothing and opens nothing: on
// the summary, the o of "to" opened the overview and the a of "team"
// rated the item under its cursor Amber, saved, with nothing said. The
// first letter that is no key of the screen says there is nothing to
// type here, and the letters after it wait for a key that types nothing.
func TestTalkToTheTeamTypedWhereNothingIsTyped(t *testing.T) {
	t.Parallel()
	for _, where := range []struct {
		name, keys, shows string
	}{
		{"area summary", "p n", "Leadership & Culture: done"},
		{"overview", "o", "Overview ·"},
	} {
		t.Run(where.name, func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
				for _, e := range p.Checklist.Areas[0].Items {
					p.Response(e.ID).Rating = "green"
				}
			})
			before := ratingsIn(loadPlan(t, path))
			e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
			e.waitFor("Business as usual", "? help")
			e.keys(strings.Fields(where.keys)...)
			e.waitFor(where.shows)
			e.typeText("Talk to the team")
			e.waitFor(where.shows, "Nothing to type here")
			e.keys("ctrl+c") // types nothing: saves and quits, held letters or not
			e.exits(0)
			got := ratingsIn(loadPlan(t, path))
			for id, r := range before {
				if got[id] != r {
					t.Errorf("'Talk to the team' typed on the %s: %s is rated %q, was %q", where.name, id, got[id], r)
				}
			}
		})
	}
}

// ratingsIn is every item's rating, by id.
func ratingsIn(p *plans.Plan) map[string]string {
	out := map[string]string{}
	for id, r := range p.Items {
		out[id] = r.Rating
	}
	return out
}

//go:build unix

package tui_test

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// bothModes are the ordinary screen and presenter mode, for a test that
// must hold in both.
var bothModes = []struct {
	name string
	args []string
}{
	{"screen", nil},
	{"presenter mode", []string{"--present"}},
}

// A rating never turns the next key into text (issues 12.5 and 10.1): g
// then n rates the item and moves on, in presenter mode too, and the
// footer at 80x24 keeps help and quit (12.6, 10.5).
func TestRatingThenNMovesOnAndTypesNothing(t *testing.T) {
	t.Parallel()
	for _, mode := range bothModes {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", nil)
			args := append(append([]string{"review", "--today", "2027-03-14"}, mode.args...), "plans/cafe.yaml")
			e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, args...)
			e.waitFor("? help", "q save & quit")
			e.keys("g")
			e.waitFor("write the action")
			e.keys("n")
			e.waitFor("work with your managers", "? help")
			e.quits()
			p := loadPlan(t, path)
			if r := p.Response("lc-vision"); r.Rating != "green" || r.Action != "" {
				t.Fatalf("item 1: rating %q, action %q: want green and no action", r.Rating, r.Action)
			}
			if r := p.Response("lc-leadership"); r.Rated() || r.Action != "" {
				t.Fatalf("item 2 was touched: %+v", *r)
			}
		})
	}
}

// At 80x24 a long item scrolls (issues 12.6, 10.6): "Interventions" has
// nine questions, space shows the ones below, and in presenter mode the
// levels of the scale stay on the screen.
func TestALongItemScrollsAt80x24(t *testing.T) {
	t.Parallel()
	for _, mode := range bothModes {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
				for _, e := range p.Checklist.Items()[:5] {
					p.Response(e.Item.ID).Rating = "green"
				}
			})
			args := append(append([]string{"review", "--today", "2027-03-14"}, mode.args...), "plans/cafe.yaml")
			e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, args...)
			// (Presenter mode shows what each level means before a rating,
			// issue 10.3, so it has room for one question fewer.)
			e.waitFor("more questions · space shows them", "Green", "space more questions", "? help")
			e.keys("space")
			e.waitFor("involved in the co-creation of progression", "questions above")
			e.keys("g")
			e.waitFor("write the action")
			e.quits()
			if r := loadPlan(t, path).Response("wf-interventions"); r.Rating != "green" {
				t.Fatalf("space typed or rated something: %+v", *r)
			}
		})
	}
}

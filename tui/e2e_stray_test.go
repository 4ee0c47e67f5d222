//go:build unix

package tui_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist/checklisttest"
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
			path := e2eStrayPlan(t, dir)
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

// noteGone waits for the note after a stray letter to go (esc, which
// ends the hold): an esc sent with the key after it reads as alt and
// that key.
func noteGone(e *e2eSession) {
	e.waitUntil("the note gone", func(screen string) bool { return !strings.Contains(screen, "Nothing to type here") })
}

// ratingsIn is every item's rating, by id.
func ratingsIn(p *plans.Plan) map[string]string {
	out := map[string]string{}
	for id, r := range p.Items {
		out[id] = r.Rating
	}
	return out
}

// A first-time user who types where the next steps have nothing to type
// (the counts, the project plan's list) changes nothing in the plan file:
// "done" on the project plan's list removed the step under the cursor at
// its d, "send the plan to Sam" moved a step's status on at its s and
// wrote the rest on the end of its text at its e; "Ask the directors" at
// the counts opened the overview at the o of "directors" and rated the
// item under its cursor Red at the r.
func TestWordsTypedWhereTheNextStepsHaveNothingToType(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	steps := []plans.Step{
		{ID: 1, Text: "Appoint a sponsor", Owner: "Sam", Status: plans.StatusTodo},
		{ID: 2, Text: "Run a staff survey", Owner: "Ana", Status: plans.StatusDoing},
	}
	path := e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
		for _, e := range p.Checklist.Items() {
			p.Response(e.Item.ID).Rating = "green"
		}
		p.FollowUps = checklisttest.FilledPlan(p.Checklist, 1).FollowUps // finished: it opens at the end
		p.Answer("project-plan").Steps = append([]plans.Step(nil), steps...)
	})
	before := ratingsIn(loadPlan(t, path))
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("The end")
	e.keys("p") // back to the last question
	e.waitFor("project plan look like", "Appoint a sponsor")
	e.typeText("done")
	e.waitFor("project plan look like", "Nothing to type here")
	e.keys("esc")
	noteGone(e)
	e.typeText("send the plan to Sam")
	e.waitFor("project plan look like", "Nothing to type here")
	e.keys("esc")
	noteGone(e)
	for _, q := range []string{"decision makers", "need to speak with", "quick wins", "How many did you get in each area"} {
		e.keys("p")
		e.waitFor(q)
	}
	e.typeText("Ask the directors")
	e.waitFor("How many did you get in each area", "Nothing to type here")
	e.keys("ctrl+c")
	e.exits(0)
	p := loadPlan(t, path)
	if got := p.Answer("project-plan").Steps; !slices.Equal(got, steps) {
		t.Errorf("the steps on disk are\n%+v\nwant\n%+v", got, steps)
	}
	got := ratingsIn(p)
	for id, r := range before {
		if got[id] != r {
			t.Errorf("%s is rated %q, was %q", id, got[id], r)
		}
	}
}

// e2eStrayPlan writes plans/cafe.yaml in dir, its first area rated Green,
// the rest not (as strayPlan): the review resumes at the first item of
// the second, and p n from there is the first area's summary.
func e2eStrayPlan(t testing.TB, dir string) string {
	t.Helper()
	return e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
		for _, e := range p.Checklist.Areas[0].Items {
			p.Response(e.ID).Rating = "green"
		}
	})
}

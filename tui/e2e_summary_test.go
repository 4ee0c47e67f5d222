//go:build unix

package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// The git commands on the summary can be copied (issue 12.4): never
// broken inside a word or an argument (the path, the quoted message), a
// name with an apostrophe in plain double quotes, and each command on one
// line again, for the terminal to wrap, once ladder has ended.
func TestTheGitCommandsCanBeCopied(t *testing.T) {
	t.Parallel()
	const path = "plans/2027-03-14-bea-s-cafe-spring-review.yaml"
	const msg = `"Progression review: Bea's Café, Spring review"`
	for _, tc := range []struct {
		cols, rows int
		lines      []string // as the screen shows them
	}{
		{80, 24, []string{"git add -- " + path, "git commit -m " + msg + ` \`, "-- " + path}},
		{120, 40, []string{"git add -- " + path, "git commit -m " + msg + " -- " + path}},
	} {
		t.Run(fmt.Sprintf("%dx%d", tc.cols, tc.rows), func(t *testing.T) {
			dir := t.TempDir()
			e2ePlan(t, dir, "2027-03-14-bea-s-cafe-spring-review.yaml", func(p *plans.Plan) {
				for _, r := range p.Items {
					r.Rating = "green"
				}
				p.FollowUps = checklisttest.FilledPlan(p.Checklist, 1).FollowUps // finished: it opens at the end
			})
			e := e2eStart(t, dir, e2eTerm{cols: tc.cols, rows: tc.rows}, "review", "--today", "2027-03-14", path)
			e.waitFor("The end")
			e.keys("end") // at the bottom of the summary
			e.waitFor(append([]string{"To keep it in git"}, tc.lines...)...)
			out := e.quits()
			for _, want := range []string{"\n  git add -- " + path + "\r\n", "\n  git commit -m " + msg + " -- " + path} {
				if !strings.Contains(out, want) {
					t.Errorf("after quitting, no line %q in:\n%s", want, tailText(out, 500))
				}
			}
		})
	}
}

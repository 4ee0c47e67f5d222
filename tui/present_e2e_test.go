//go:build unix

package tui_test

import (
	"regexp"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestPresenterModeAndTimeboxEndToEnd runs `ladder review --present
// --timebox 1s` in a pseudo-terminal: the flags reach the screens, the
// real clock counts the second down and says time is up, and the review
// stays where it is: the rating typed after time is up lands on the first
// item.
func TestPresenterModeAndTimeboxEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "x.yaml", func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme", "Spring", plans.Date{Year: 2027, Month: 3, Day: 1}
	})
	e := e2eStart(t, dir, e2eTerm{}, "review", "--present", "--timebox", "1s", "plans/x.yaml")
	e.waitFor("L E A D E R S H I P", "(+0:0")
	e.keys("g")
	p := waitOnDisk(t, path, "the rating", func(p *plans.Plan) bool { return ratedCount(p) == 1 })
	if r := p.Response("lc-vision").Rating; r != "green" {
		t.Fatalf("the first item is %q: the review moved on by itself", r)
	}
	// The focus stays on the rating (issue 10.1): b opens the board, which
	// shows the clocks and redraws them every second (issue 10, review).
	e.keys("b")
	seconds := regexp.MustCompile(`time's up \(\+(\d+:\d\d)\)`)
	first := seconds.FindStringSubmatch(e.waitFor("W H E R E   W E   S T A N D", "time's up (+0:"))
	if first == nil {
		t.Fatalf("the board's clock is not where it was")
	}
	e.waitUntil("the board's clock ticking", func(screen string) bool {
		m := seconds.FindStringSubmatch(screen)
		return m != nil && m[1] != first[1]
	})
	e.keys("b", "q") // b also leaves the board
	e.exits(0)
}

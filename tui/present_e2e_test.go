package tui_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// TestPresenterModeAndTimeboxEndToEnd runs `ladder review --present
// --timebox 1s` in a pseudo-terminal: the flags reach the screens, the
// real clock counts the second down and says time is up, and the review
// stays where it is: the rating typed after time is up lands on the first
// item.
func TestPresenterModeAndTimeboxEndToEnd(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "plans", "x.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	if err := createPlan(path, plans.New(c, "Acme", "Spring", plans.Date{Year: 2027, Month: 3, Day: 1})); err != nil {
		t.Fatal(err)
	}
	e := e2eSession{t, e2eRun(t, bin, dir, nil, "review", "--present", "--timebox", "1s", "plans/x.yaml")}
	e.waitFor("L E A D E R S H I P")
	// Only the new cells of a frame are written: "(+0:0" is all new where
	// "0:01 left" stood.
	e.waitFor("(+0:0")
	e.keys("g")
	p := waitOnDisk(t, path, "the rating", func(p *plans.Plan) bool { return ratedCount(p) == 1 })
	if r := p.Response("lc-vision").Rating; r != "green" {
		t.Fatalf("the first item is %q: the review moved on by itself", r)
	}
	// The focus stays on the rating (issue 10.1): b opens the board, which
	// shows the clocks and redraws them every second (issue 10, review).
	e.keys("b")
	v := newVTScreen(t, e.s, 100, 30)
	seconds := regexp.MustCompile(`time's up \(\+(\d+:\d\d)\)`)
	first := seconds.FindStringSubmatch(v.waitFor("W H E R E   W E   S T A N D", "time's up (+0:"))
	if first == nil {
		t.Fatalf("the board's clock is not where it was")
	}
	v.waitUntil("the board's clock ticking", func(screen string) bool {
		m := seconds.FindStringSubmatch(screen)
		return m != nil && m[1] != first[1]
	})
	e.keys("b", "q") // b also leaves the board
	if err := e.s.Wait(e2eTimeout); err != nil {
		t.Fatal(err)
	}
}

//go:build unix

package tui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/socialmobility/ladder/plans"
)

// withActionUnderWay rates item 1 Amber with an action under way: Ana's,
// due 31 March 2027, doing.
func withActionUnderWay(p *plans.Plan) {
	acme(p)
	r := p.Response("lc-vision")
	r.Rating, r.Action, r.Owner, r.Status = "amber", "Write the vision", "Ana", plans.StatusDoing
	r.Due = plans.Date{Year: 2027, Month: 3, Day: 31}
}

// TestClearingAnActionClearsItsStatusInBothFrontEnds: the status belongs
// to the action. Cleared in the accessible prompts (-), the action took
// its status with it, said; cleared on the screens, the status stayed
// "doing" beside no action, and was saved so: the two front ends left
// different plans from the same answers. Both now take the status back to
// todo, byte for byte the same file, each saying so its own way: the
// prompts in words, the screens in the status field and the line under
// the fields. The owner and the due date stay in both.
func TestClearingAnActionClearsItsStatusInBothFrontEnds(t *testing.T) {
	t.Parallel()
	spoken := "Action cleared, and its status, doing, with it."

	dirA := t.TempDir()
	pathA := e2ePlan(t, dirA, "acme.yaml", withActionUnderWay)
	a := e2eStart(t, dirA, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")
	a.waitFor("Carrying on at item 2", "Rating: ")
	a.typeText("item 1\r")
	a.waitFor("Enter keeps: Amber")
	a.typeText("\r")
	a.waitFor("Enter keeps: Write the vision")
	a.typeText("-\r")
	a.waitFor(spoken, "Who will do it? Enter keeps: Ana")
	a.typeText("\r")
	a.waitFor("When by?")
	a.typeText("\r")
	a.waitFor("Anything else to note?")
	a.typeText("\r")
	a.waitFor("or press Enter to skip it")
	a.typeText("quit\r")
	a.exits(0)

	dirB := t.TempDir()
	pathB := e2ePlan(t, dirB, "acme.yaml", withActionUnderWay)
	b := e2eStart(t, dirB, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--today", "2027-03-14", "plans/acme.yaml")
	b.waitFor("item 2 of 4")
	b.keys("p")
	b.waitFor("item 1 of 4", "(•) doing")
	b.keys("tab", "ctrl+u", "tab") // the action emptied; on to the owner
	screen := b.waitFor(spoken)
	if !strings.Contains(screen, "(•) todo") {
		t.Errorf("the status field does not show the status gone:\n%s", screen)
	}
	b.keys("esc")
	b.waitFor("tab write the action")
	b.quits()

	planA, planB := sameFile(t, pathA), sameFile(t, pathB)
	if !bytes.Equal(planA, planB) {
		t.Errorf("the screens made a different plan from the accessible mode's:\n%s", diff.Diff("accessible.yaml", planA, "screens.yaml", planB))
	}
	r := loadPlan(t, pathA).Response("lc-vision")
	if r.Action != "" || r.Status != plans.StatusTodo || r.Owner != "Ana" || r.Due.IsZero() {
		t.Errorf("on disk: %+v", *r)
	}
}

func sameFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

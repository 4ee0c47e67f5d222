package tui_test

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/socialmobility/ladder/plans"
)

// tailText is the last n bytes of s, for a failure message.
func tailText(s string, n int) string { return s[max(0, len(s)-n):] }

func rvLoad(t *testing.T, path string) *plans.Plan {
	t.Helper()
	p, err := plans.LoadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Nothing typed is lost when the terminal closes (issue 12.1): text being
// typed is saved after a short pause with no key, and a closed terminal
// window (SIGHUP) or a logout (SIGTERM) saves what was typed since.
func TestTypingIsSavedAfterAPauseAndWhenTheTerminalCloses(t *testing.T) {
	bin := e2eBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", nil)
			e := e2eRunSized(t, bin, dir, 80, 24, nil, "review", "--today", "2027-03-14", "plans/cafe.yaml")
			e.waitFor("? help")
			e.keys("g", "tab")
			e.waitFor("› Action")
			e.typeText("Train every manager")
			// No key after this: the pause saves it, with the field still
			// being typed in.
			waitOnDisk(t, path, "the action, after a pause", func(p *plans.Plan) bool {
				return p.Response("lc-vision").Action == "Train every manager"
			})
			e.typeText(" by March")
			e.keys("tab")
			e.typeText("Bea O'Neil")
			// Once the screen is quiet the program has every key; the pause
			// (1.5 s) has not saved the owner yet, so the signal must.
			if _, err := e.s.WaitForOutput(e2eTimeout); err != nil {
				t.Fatal(err)
			}
			if err := e.s.Settle(150*time.Millisecond, e2eTimeout); err != nil {
				t.Fatal(err)
			}
			if got := rvLoad(t, path).Response("lc-vision").Owner; got != "" {
				t.Fatalf("the owner was saved before the signal (%q): the test cannot tell the signal saved it", got)
			}
			if err := syscall.Kill(e.s.Pid(), sig); err != nil {
				t.Fatal(err)
			}
			if err := e.s.Wait(e2eTimeout); err != nil {
				t.Fatalf("after %v: %v", sig, err)
			}
			p, err := plans.LoadFile(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r := p.Response("lc-vision"); r.Rating != "green" || r.Action != "Train every manager by March" || r.Owner != "Bea O'Neil" {
				t.Fatalf("after %v: %+v", sig, *r)
			}
		})
	}
}

// A due date that is not understood is never thrown away silently (issue
// 12.2): the field keeps the person and says why, leaving the item warns
// first, and the forms people type are read.
func TestADueDateNotUnderstoodIsKeptAndWarned(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	path := e2ePlan(t, dir, "cafe.yaml", nil)
	e := e2eRunSized(t, bin, dir, 80, 24, nil, "review", "--today", "2027-03-10", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("a", "tab", "tab", "tab")
	e.waitFor("› Due")
	e.typeText("next frday")
	e.keys("tab")
	e.waitFor("is not a date")
	e.keys("ctrl+n")
	e.waitFor("again to leave it unsaved")
	e.keys("ctrl+u")
	e.typeText("03/31/2027")
	e.waitFor("looks like a US date")
	e.keys("ctrl+u")
	e.typeText("next Friday")
	e.waitFor("Fri 12 Mar 2027")
	e.keys("tab")
	waitOnDisk(t, path, "the due date", func(p *plans.Plan) bool {
		return p.Response("lc-vision").Due.String() == "2027-03-12"
	})
	// A date left unread is said as the program ends.
	e.keys("tab", "tab") // notes, then the next item (its rating)
	e.keys("a", "tab", "tab", "tab")
	e.typeText("someday")
	e.keys("ctrl+c")
	if err := e.s.Wait(e2eTimeout); err != nil {
		t.Fatal(err)
	}
	if out := e.finalText(); !strings.Contains(out, `Not saved, because ladder could not read it as a date: the due date of item 2 ("someday")`) {
		t.Fatalf("the end of the program did not say the date was not saved:\n%s", tailText(out, 600))
	}
}

//go:build unix

package tui_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// Nothing typed is lost when the terminal closes (issue 12.1): text being
// typed is saved after a short pause with no key, and a closed terminal
// window (SIGHUP), a logout (SIGTERM) or an interrupt sent from outside
// (SIGINT: ctrl+c on the screens is a key, not a signal) saves what was
// typed since, and ladder then exits 128 + the signal's number (129, 143,
// 130), as the accessible prompts do and as programs do, so that a script
// or a session manager can tell the review was cut off. The window closed
// for real (the terminal's master side closed, so the kernel sends the
// hangup while the input ends) is the same as SIGHUP.
func TestTypingIsSavedAfterAPauseAndWhenTheTerminalCloses(t *testing.T) {
	t.Parallel()
	const windowClosed = syscall.Signal(0) // the terminal's master side closed
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, windowClosed} {
		name := sig.String()
		if sig == windowClosed {
			name = "window closed"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each waits out the pause (1.5 s) on its own terminal
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", nil)
			e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
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
			owner := "Bea O'Neil"
			e.typeText(owner)
			// Once the screen shows the owner the program has every key.
			// The signal must save it, not the pause after the last key
			// (1.5 s): on a machine so busy that the pause came first, the
			// test types more and tries again.
			for attempt := 1; ; attempt++ {
				e.waitFor(owner)
				if got := loadPlan(t, path).Response("lc-vision").Owner; got != owner {
					break
				}
				if attempt == 5 {
					t.Fatalf("the pause saved the owner before the signal %d times: the test cannot tell the signal saves it", attempt)
				}
				owner += " Jr"
				e.typeText(" Jr")
			}
			status := 128 + int(sig)
			if sig == windowClosed {
				if err := e.s.Hangup(); err != nil {
					t.Fatal(err)
				}
				status = 128 + int(syscall.SIGHUP)
			} else {
				e.signal(sig)
			}
			e.exits(status)
			if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "green" || r.Action != "Train every manager by March" || r.Owner != owner {
				t.Fatalf("after %v: %+v", sig, *r)
			}
		})
	}
}

// A due date that is not understood is never thrown away silently (issue
// 12.2): the field keeps the person and says why, leaving the item warns
// first, and the forms people type are read.
func TestADueDateNotUnderstoodIsKeptAndWarned(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "cafe.yaml", nil)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-10", "plans/cafe.yaml")
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
	if out := e.exits(0); !strings.Contains(strings.Join(strings.Fields(out), " "), `Not saved, because ladder could not read it as a date: the due date of Leadership & Culture item 2 ("someday")`) {
		t.Fatalf("the end of the program did not say the date was not saved:\n%s", tailText(out, 600))
	}
}

// ctrl+c on the new review's form quits without creating the plan, as its
// footer says: the command was abandoned, so ladder exits 130, as programs
// do for an abort, and a script that goes on to use the plan (ladder
// review plans/new.yaml && git add plans/new.yaml) stops there. Elsewhere
// on the screens ctrl+c saves and quits, as q does, and exits 0.
func TestCtrlCOnTheNewReviewFormCreatesNothingAndExits130(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "plans/new.yaml")
	e.waitFor("A new review", "ctrl+c quit without creating")
	e.typeText("Acme")
	e.waitFor("Acme")
	e.keys("ctrl+c")
	e.exits(130)
	if _, err := os.Stat(filepath.Join(dir, "plans", "new.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the plan was created, or cannot be looked for: %v", err)
	}
}

// The kernel tells only the session's leader that the terminal hung up: a
// shell that runs ladder from a script (or ignores SIGHUP) passes nothing
// on, and ladder, reading a terminal that has gone, went on with no
// window: nothing saved on the way out, the plan held open ("open in
// another ladder session" when reopened), a room's server listening. The
// end of the terminal's input ends the review as the hangup does: 129,
// with what was being typed on disk.
func TestATerminalGoneWithoutAHangupSignalEndsTheReview(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "cafe.yaml", nil)
	// sh stays the session's leader and ignores the hangup; ladder, its
	// child, is sent no signal when the terminal closes.
	via := []string{"sh", "-c", `trap '' HUP; "$0" "$@"; exit $?`}
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24, via: via}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("a", "tab")
	e.waitFor("› Action")
	e.typeText("Ask the board")
	e.waitFor("Ask the board")
	if err := e.s.Hangup(); err != nil {
		t.Fatal(err)
	}
	e.exits(129)
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "amber" || r.Action != "Ask the board" {
		t.Fatalf("after the terminal went: %+v", *r)
	}
}

// Quitting in the middle of a review says, once the screen is gone, where
// the answers are and the command that carries on, as the accessible
// prompts do: someone who comes back next week need not remember either.
// In presenter mode it says the same, with the command that carries on in
// presenter mode: a facilitator closing a workshop comes back to it too,
// and with the workshop's clocks: the time box as given, and the session
// with the time it had left (here all of it, to the minute: the session
// counts from the first rating, a second or two ago).
func TestQuittingMidReviewSaysHowToCarryOn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e2ePlan(t, dir, "cafe.yaml", nil)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("g")
	e.waitFor("1 of 21 rated")
	text := e.quits()
	for _, want := range []string{"Every answer given is saved in plans/cafe.yaml (1 of 21 items rated).", "To carry on where you left off, run: ladder review plans/cafe.yaml"} {
		if !strings.Contains(text, want) {
			t.Errorf("after q mid-review, ladder did not say %q:\n%s", want, tailText(text, 800))
		}
	}

	e = e2eStart(t, dir, e2eTerm{cols: 100, rows: 30}, "review", "--present", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	text = e.quits()
	for _, want := range []string{"Every answer given is saved in plans/cafe.yaml (1 of 21 items rated).", "To carry on where you left off, run: ladder review --present plans/cafe.yaml"} {
		if !strings.Contains(text, want) {
			t.Errorf("after q mid-review in presenter mode, ladder did not say %q:\n%s", want, tailText(text, 800))
		}
	}
	e = e2eStart(t, dir, e2eTerm{cols: 100, rows: 30}, "review", "--present", "--timebox", "90s", "--session", "90m", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("a")
	e.waitFor("session 1:29:")
	text = e.quits()
	// 109 columns in a 100-column terminal: the command on a line of its own.
	if want := "To carry on where you left off, run:\n  ladder review --present --timebox 1m30s --session 1h30m plans/cafe.yaml"; !strings.Contains(strings.ReplaceAll(text, "\r\n", "\n"), want) {
		t.Errorf("after q mid-review with the clocks, ladder did not say %q:\n%s", want, tailText(text, 800))
	}
	// Before the first rating the session has not started: all of it.
	e = e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--session", "2h", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	text = e.quits()
	if want := "To carry on where you left off, run: ladder review --session 2h plans/cafe.yaml"; !strings.Contains(text, want) {
		t.Errorf("after q mid-review with a session clock, ladder did not say %q:\n%s", want, tailText(text, 800))
	}
	// Turned on with P in the review, and quit with ctrl+c, alike.
	e = e2eStart(t, dir, e2eTerm{cols: 100, rows: 30}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("? help")
	e.keys("P")
	e.waitFor("L E A D E R S H I P")
	e.keys("ctrl+c")
	text = e.exits(0)
	if want := "To carry on where you left off, run: ladder review --present plans/cafe.yaml"; !strings.Contains(text, want) {
		t.Errorf("after P and ctrl+c mid-review, ladder did not say %q:\n%s", want, tailText(text, 800))
	}
}

// TestTheLastWordsShowAFileNamesControlCharacters: what ladder says as it
// ends names the plan's file, and a file name comes from whoever added
// the file (a pull request): an escape sequence in it (here one that
// retitles the terminal) is shown, not sent to the terminal, as on the
// screens.
func TestTheLastWordsShowAFileNamesControlCharacters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	name := "cafe\x1b]0;PWNED\x07.yaml"
	e2ePlan(t, dir, name, nil)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/"+name)
	e.waitFor("? help")
	e.keys("g")
	e.waitFor("1 of 21 rated")
	text := e.quits()
	if !strings.Contains(text, "Every answer given is saved in plans/cafe") {
		t.Fatalf("ladder did not say where the answers are:\n%s", tailText(text, 800))
	}
	if raw := string(e.s.Output()); strings.Contains(raw, "\x1b]0;PWNED") {
		t.Errorf("the file name's escape sequence reached the terminal:\n%q", tailText(raw, 600))
	}
}

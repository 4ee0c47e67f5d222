//go:build unix

package tui_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// --checklist names the checklist of new reviews; a plans folder may hold
// reviews of other checklists, and the accessible mode must open them as
// the screens do (it used to force the --checklist one on every plan and
// report the others as not loading). In a real pseudo-terminal, as a
// screen-reader user would run it.
func TestAccessibleChecklistFlagOpensPlansOfOtherChecklists(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "acme.yaml", acme)
	if err := os.WriteFile(filepath.Join(dir, "ours.yaml"), checklisttest.YAML(4), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{
		{"review", "--accessible", "--checklist", "ours.yaml", "--today", "2027-03-14", "plans/acme.yaml"},
		{"review", "--accessible", "--checklist", "ours.yaml", "--today", "2027-03-14"}, // chosen from the folder
	} {
		e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, args...)
		if len(args) == 6 {
			e.waitFor("Begin a new review")
			if strings.Contains(e.s.Text(), "does not load") {
				t.Fatalf("the plan of the built-in checklist is not listed:\n%s", e.s.Text())
			}
			e.typeText("1\r")
		}
		e.waitFor("Review of Acme Café Ltd: Spring review", "Develop a clear vision")
		e.typeText("g\r")
		e.waitFor("Rated Green")
		e.keys("ctrl+d")
		e.exits(0)
		p := loadPlan(t, path)
		if got := p.Response("lc-vision").Rating; got != "green" {
			t.Errorf("ladder %s: the rating on disk is %q", strings.Join(args, " "), got)
		}
		p.Response("lc-vision").Rating = checklist.Unrated
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// An accessible review of a new plan, stopped at its first item's owner:
// the rating and the action given are saved, and the review is ended as
// end says (ctrl+c, a signal). It returns the session and the plan's path.
func accessibleStoppedAtTheOwner(t *testing.T, end func(e *e2eSession)) (*e2eSession, string) {
	dir := t.TempDir()
	path := e2ePlan(t, dir, "acme.yaml", acme)
	e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")
	e.waitFor("Develop a clear vision")
	e.waitFor("Rating: ") // typed before its prompt, the echo would land in the question
	e.typeText("a\r")
	e.waitFor("Action: ")
	e.typeText("Write the vision\r")
	e.waitFor("Owner: ")
	end(e)
	return e, path
}

// saidAndSaved fails unless the terminal says why the review stopped, that
// every answer is saved and how to carry on, and the answers are on disk.
func saidAndSaved(t *testing.T, text, why, path string) {
	t.Helper()
	for _, want := range []string{why + " Every answer given is saved in plans/acme.yaml.", "ladder review --accessible plans/acme.yaml"} {
		if !strings.Contains(text, want) {
			t.Errorf("the terminal does not say %q:\n%s", want, text)
		}
	}
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "amber" || r.Action != "Write the vision" {
		t.Errorf("on disk: %+v", *r)
	}
}

// TestAccessibleCtrlCSaysWhatWasSavedEndToEnd (issue 10.11): in a real
// terminal, ctrl+c at a question ends the accessible review with status
// 130, after saying that every answer given is saved and how to carry on;
// and the screens' flags are refused, not ignored.
func TestAccessibleCtrlCSaysWhatWasSavedEndToEnd(t *testing.T) {
	t.Parallel()
	e, path := accessibleStoppedAtTheOwner(t, func(e *e2eSession) { e.keys("ctrl+c") })
	saidAndSaved(t, e.exits(130), "Interrupted (ctrl+c).", path)

	dir := filepath.Dir(filepath.Dir(path))
	for _, flag := range [][]string{{"--present"}, {"--timebox", "5m"}, {"--session", "90m"}} {
		e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, append(append([]string{"review", "--accessible"}, flag...), "plans/acme.yaml")...)
		if text := e.exits(2); !strings.Contains(text, flag[0]+": not in accessible mode") {
			t.Errorf("--accessible %s:\n%s", flag[0], text)
		}
	}
}

// The accessible review ended by SIGTERM (kill, a logout, a shutdown) or
// SIGHUP (the terminal closing) says what was saved, as it does for
// ctrl+c, where its output is still open, and exits with the conventional
// status: 143 and 129 (a hangup whose input ended at the same moment is
// TestAHangupIsNotTakenForTheEndOfInput, in tui/accessible).
func TestAccessibleHangupAndTermSayWhatWasSavedEndToEnd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		sig    syscall.Signal
		status int
		said   string
	}{
		{"SIGTERM", syscall.SIGTERM, 143, "Asked to stop (SIGTERM)."},
		{"SIGHUP", syscall.SIGHUP, 129, "The terminal closed (SIGHUP)."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, path := accessibleStoppedAtTheOwner(t, func(e *e2eSession) { e.signal(tc.sig) })
			saidAndSaved(t, e.exits(tc.status), tc.said, path)
		})
	}
}

// The terminal closes after item 1 is rated Red, before its action: run
// again, the review carries on at item 2, the first not rated, and says
// that item 1 has no action yet and how to go back to it (nothing pointed
// back to it); item 1 goes there, and the action given is saved.
func TestAccessibleResumedAfterAHangupAtTheActionNamesTheItem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "acme.yaml", acme)
	args := []string{"review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml"}
	e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, args...)
	e.waitFor("Rating: ")
	e.typeText("r\r")
	e.waitFor("Rated Red.", "Action: ")
	e.signal(syscall.SIGHUP)
	e.exits(129)
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "red" || r.Action != "" {
		t.Fatalf("on disk after the hangup: %+v", *r)
	}

	e = e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, args...)
	e.waitFor("Carrying on at item 2 of 21", "Item 1, A clear D&I vision, is rated Red with no action yet: type item 1 to go back to it.")
	e.waitFor("Rating: ")
	e.typeText("item 1\r")
	e.waitFor("1 of 21 in all", "Enter keeps: Red")
	e.typeText("\r")
	e.waitFor("Action: ")
	e.typeText("Write the vision\r")
	e.waitFor("Owner: ")
	e.keys("ctrl+d")
	e.exits(0)
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "red" || r.Action != "Write the vision" {
		t.Errorf("on disk after going back: %+v", *r)
	}
}

// A line reaches ladder only when Enter is pressed: until then the
// terminal holds it. When the terminal really closes (its master side,
// as when a window is closed) with an owner half typed, the review ends
// as a hangup (129) with every answer entered before it on disk and the
// file whole, and the half-typed owner is not there: the README says so.
func TestAccessibleTerminalClosedMidLineKeepsEveryEnteredAnswer(t *testing.T) {
	t.Parallel()
	e, path := accessibleStoppedAtTheOwner(t, func(e *e2eSession) {
		e.typeText("Ana Hal")
		e.waitFor("Owner: Ana Hal")
		if err := e.s.Hangup(); err != nil {
			t.Fatal(err)
		}
	})
	e.exits(129)
	r := loadPlan(t, path).Response("lc-vision")
	if r.Rating != "amber" || r.Action != "Write the vision" || r.Owner != "" {
		t.Errorf("on disk after the terminal closed: %+v", *r)
	}
}

// At a terminal, the Enter that ends an answer is shown by the terminal
// itself: the next line follows at once, with no blank line after every
// answer (which a screen reader reads out as "blank").
func TestAccessibleAnswersAtATerminalAreNotFollowedByABlankLine(t *testing.T) {
	t.Parallel()
	e, _ := accessibleStoppedAtTheOwner(t, func(e *e2eSession) { e.typeText("quit\r") })
	text := e.exits(0)
	for _, want := range []string{"Rating: a\r\nRated Amber.\r\n", "Action: Write the vision\r\nWho will do it?"} {
		if !strings.Contains(text, want) {
			t.Errorf("the terminal does not show %q:\n%q", want, tailText(text, 600))
		}
	}
}

// A plan file changed on disk while the accessible review is open (an
// editor, a git pull) is never written over. At a terminal the review
// asks, as the screens do: reload takes the file as it is now and asks
// the item again; Enter keeps every answer in a copy beside it.
func TestAccessibleChangedOnDiskAsksReloadOrCopy(t *testing.T) {
	t.Parallel()
	for _, answer := range []string{"reload", ""} {
		t.Run("answer "+strconv.Quote(answer), func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "acme.yaml", acme)
			e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")
			e.waitFor("Develop a clear vision")
			e.typeText("a\r")
			e.waitFor("Action: ")
			theirs := strings.Replace(string(mustReadFile(t, path)), "organisation: Acme", "organisation: Theirs", 1)
			if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
				t.Fatal(err)
			}
			e.typeText("Write the vision\r")
			e.waitFor("was not written over.", "Not saved in it: the action of item 1.", "Changed file: ")
			e.typeText(answer + "\r")
			if answer == "reload" {
				e.waitFor("Reloaded plans/acme.yaml as it is now.", "Enter keeps: Amber")
				if _, after, _ := strings.Cut(e.s.Text(), "Reloaded"); strings.Contains(after, "Who will do it?") {
					t.Errorf("the next question of the item was begun after the reload:\n%s", after)
				}
			} else {
				e.waitFor("Your answers are saved in a copy beside it, plans/acme.copy-1.yaml", "Who will do it?")
				// Said once, as the question: not again as the copy is
				// saved, the plan's path and all.
				if n := strings.Count(e.s.Text(), "was changed by someone else"); n != 1 {
					t.Errorf("that the file was changed is said %d times:\n%s", n, e.s.Text())
				}
			}
			e.typeText("quit\r")
			e.exits(0)
			if got := string(mustReadFile(t, path)); got != theirs {
				t.Errorf("the changed file was written over:\n%s", got)
			}
			if answer == "" {
				if r := loadPlan(t, filepath.Join(dir, "plans", "acme.copy-1.yaml")).Response("lc-vision"); r.Action != "Write the vision" {
					t.Errorf("the copy has %+v", *r)
				}
			}
		})
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Someone switched the plan to another checklist (edited checklist:, or
// pulled a teammate's switch) while the accessible review was open, and
// the person reloads it: the review asks the new checklist's items in
// its words. It walked on with the old item list and stopped on an item
// the plan no longer had.
func TestAccessibleReloadOntoAnotherChecklist(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "acme.yaml", nil)
	e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")
	e.waitFor("Develop a clear vision")
	e.typeText("a\r")
	e.waitFor("Action: ")
	other, ok := checklist.Builtin("smc-cross-industry-progression")
	if !ok {
		t.Fatal("no cross-industry checklist")
	}
	theirs := plans.Encode(plans.New(other, "Bea's Café", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 14}))
	if err := os.WriteFile(path, theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	e.typeText("Write the vision\r")
	e.waitFor("Changed file: ")
	e.typeText("reload\r")
	first := other.Items()[0]
	e.waitFor("Reloaded plans/acme.yaml as it is now.", "The plan follows another checklist now", "Item 1 of 9 in this area, 1 of 13 in all",
		first.Item.Title[:40], "1) Not yet: Not something you do yet", "Rating: ")
	e.typeText("2\r") // Developing
	e.waitFor("Action: ")
	e.typeText("quit\r")
	e.exits(0)
	if r := loadPlan(t, path).Response(first.Item.ID); r == nil || r.Rating != other.Scale[1].Key {
		t.Errorf("the new checklist's first item after the reload: %+v", r)
	}
}

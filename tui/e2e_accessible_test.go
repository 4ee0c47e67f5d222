package tui_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
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
	bin := e2eBinary(t)
	dir := t.TempDir()
	plansDir := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plansDir, 0o755); err != nil {
		t.Fatal(err)
	}
	custom := filepath.Join(dir, "ours.yaml")
	if err := os.WriteFile(custom, checklisttest.YAML(4), 0o644); err != nil {
		t.Fatal(err)
	}
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	path := filepath.Join(plansDir, "acme.yaml")
	if err := createPlan(path, plans.New(builtin, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})); err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{
		{"review", "--accessible", "--checklist", "ours.yaml", "--today", "2027-03-14", "plans/acme.yaml"},
		{"review", "--accessible", "--checklist", "ours.yaml", "--today", "2027-03-14"}, // chosen from the folder
	} {
		e := e2eSession{t, e2eRun(t, bin, dir, []string{"NO_COLOR=1"}, args...)}
		if len(args) == 6 {
			e.waitFor("Begin a new review")
			if strings.Contains(e.s.Text(), "does not load") {
				t.Fatalf("the plan of the built-in checklist is not listed:\n%s", e.s.Text())
			}
			e.typeText("1\r")
		}
		e.waitFor("Review of Acme Café Ltd: Spring review")
		e.waitFor("Develop a clear vision")
		e.typeText("g\r")
		e.waitFor("Rated ● Green")
		e.keys("ctrl+d")
		if err := e.s.Wait(e2eTimeout); err != nil {
			t.Fatalf("ladder %s: %v\n%s", strings.Join(args, " "), err, e.s.Text())
		}
		if got := waitOnDisk(t, path, "the rating", func(p *plans.Plan) bool { return true }).Response("lc-vision").Rating; got != "green" {
			t.Errorf("ladder %s: the rating on disk is %q", strings.Join(args, " "), got)
		}
		p := waitOnDisk(t, path, "", func(*plans.Plan) bool { return true })
		p.Response("lc-vision").Rating = checklist.Unrated
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAccessibleCtrlCSaysWhatWasSavedEndToEnd (issue 10.11): in a real
// terminal, ctrl+c at a question ends the accessible review with status
// 130, after saying that every answer given is saved and how to carry on;
// and the screens' flags are refused, not ignored.
func TestAccessibleCtrlCSaysWhatWasSavedEndToEnd(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "plans", "acme.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	if err := createPlan(path, plans.New(builtin, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})); err != nil {
		t.Fatal(err)
	}
	e := e2eSession{t, e2eRun(t, bin, dir, []string{"NO_COLOR=1"}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")}
	e.waitFor("Develop a clear vision")
	e.typeText("a\r")
	e.waitFor("Action: ")
	e.typeText("Write the vision\r")
	e.waitFor("Owner: ")
	e.keys("ctrl+c")
	err := e.s.Wait(e2eTimeout)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("ctrl+c: exit %v, want status 130\n%s", err, e.finalText())
	}
	text := e.finalText()
	for _, want := range []string{"Interrupted (ctrl+c). Every answer given is saved in plans/acme.yaml.", "ladder review --accessible plans/acme.yaml"} {
		if !strings.Contains(text, want) {
			t.Errorf("the terminal does not say %q:\n%s", want, text)
		}
	}
	if r := waitOnDisk(t, path, "the answers", func(*plans.Plan) bool { return true }).Response("lc-vision"); r.Rating != "amber" || r.Action != "Write the vision" {
		t.Errorf("on disk: %+v", *r)
	}

	for _, flag := range [][]string{{"--present"}, {"--timebox", "5m"}, {"--session", "90m"}} {
		e := e2eSession{t, e2eRun(t, bin, dir, []string{"NO_COLOR=1"}, append(append([]string{"review", "--accessible"}, flag...), "plans/acme.yaml")...)}
		err := e.s.Wait(e2eTimeout)
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(e.finalText(), flag[0]+": not in accessible mode") {
			t.Errorf("--accessible %s: exit %v:\n%s", flag[0], err, e.finalText())
		}
	}
}

// The accessible review ended by SIGTERM (kill, a logout, a shutdown) or
// SIGHUP (the terminal closing) says what was saved, as it does for
// ctrl+c, where its output is still open, and exits with the conventional
// status: 143 and 129 (a hangup whose input ended at the same moment is
// TestAHangupIsNotTakenForTheEndOfInput, in tui/accessible).
func TestAccessibleHangupAndTermSayWhatWasSavedEndToEnd(t *testing.T) {
	bin := e2eBinary(t)
	for _, tc := range []struct {
		name   string
		end    func(e e2eSession) error
		status int
		said   string
	}{
		{"SIGTERM", func(e e2eSession) error { return syscall.Kill(e.s.Pid(), syscall.SIGTERM) }, 143, "Asked to stop (SIGTERM)."},
		{"SIGHUP", func(e e2eSession) error { return syscall.Kill(e.s.Pid(), syscall.SIGHUP) }, 129, "The terminal closed (SIGHUP)."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plans", "acme.yaml")
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			builtin, _ := checklist.Builtin(checklist.DefaultID)
			if err := createPlan(path, plans.New(builtin, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})); err != nil {
				t.Fatal(err)
			}
			e := e2eSession{t, e2eRun(t, bin, dir, []string{"NO_COLOR=1"}, "review", "--accessible", "--today", "2027-03-14", "plans/acme.yaml")}
			e.waitFor("Develop a clear vision")
			e.typeText("a\r")
			e.waitFor("Action: ")
			e.typeText("Write the vision\r")
			e.waitFor("Owner: ")
			if err := tc.end(e); err != nil {
				t.Fatal(err)
			}
			err := e.s.Wait(e2eTimeout)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tc.status {
				t.Fatalf("exit %v, want status %d\n%s", err, tc.status, e.finalText())
			}
			text := e.finalText()
			for _, want := range []string{tc.said + " Every answer given is saved in plans/acme.yaml.", "ladder review --accessible plans/acme.yaml"} {
				if !strings.Contains(text, want) {
					t.Errorf("the terminal does not say %q:\n%s", want, text)
				}
			}
			if r := waitOnDisk(t, path, "the answers", func(*plans.Plan) bool { return true }).Response("lc-vision"); r.Rating != "amber" || r.Action != "Write the vision" {
				t.Errorf("on disk: %+v", *r)
			}
		})
	}
}

package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestWarningsAndFormErrorsShowNamesAsText: the status line's warning and
// the form's error and "Created, but …" lines drew their text as given,
// and these name plan files, whose names come from pull requests: git
// takes any byte but / in a name, and a plan named with an escape
// sequence coloured the lines after it (found by the review of the start
// screen's list, which now cleans its own). They are cleaned where they
// are drawn, whatever put the text there.
func TestWarningsAndFormErrorsShowNamesAsText(t *testing.T) {
	const hostile = "plans/acme\x1b[38;2;1;2;3m.yaml"
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.send(warnMsg(hostile + " is open in another ladder"))
	requireNoRawEscape(t, h.view(), "the status line's warning")

	t.Chdir(t.TempDir())
	h = rvStart(t, Options{Dir: "plans"}, 80, 24)
	h.typeText("Acme\nSpring\nSam\n")
	form := h.a.screen(screenSetup).(*setupScreen)
	form.err = errors.New(hostile + " was carried on already")
	requireNoRawEscape(t, h.view(), "the form's error")
	form.err, form.notLinked = nil, &carryNotLinkedMsg{err: errors.New(hostile + " could not be linked")}
	requireNoRawEscape(t, h.view(), "the form's created-but line")
}

// requireNoRawEscape fails unless view shows the hostile name's escape as
// a picture (␛), never the sequence itself.
func requireNoRawEscape(t *testing.T, view, where string) {
	t.Helper()
	if strings.Contains(view, "\x1b[38;2;1;2;3m") || !strings.Contains(view, "␛[38;2;1;2;3m") {
		t.Errorf("%s drew the file name's escape sequence:\n%q", where, view)
	}
}

// The screen saying the plan changed on disk names the plan's file, whose
// name may come from a pull request: it drew the name as given, and an
// escape sequence in it coloured the lines after it.
func TestTheConflictScreenShowsThePlansNameAsText(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join("plans", "acme\x1b[38;2;1;2;3m.yaml")
	if err := createPlan(rel, rvNewPlan(t)); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{PlanPath: rel, Dir: "plans"}, 80, 24)
	saveTheirs(t, rel, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
	h.press("r")
	h.requireView("The plan file changed on disk")
	requireNoRawEscape(t, h.view(), "the conflict screen")
}

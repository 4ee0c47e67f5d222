package tui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// Helpers for the follow-up and summary tests: a real plan file in a temp
// folder, an app on it, and keys sent through the app's Update with every
// command they return run, so saves really land on disk.

var fuToday = plans.Date{Year: 2027, Month: 3, Day: 1}

// fuPlan is a plan part-way through a review: some ratings, three written
// actions (one overdue on fuToday), names with accents, CJK and emoji.
func fuPlan(t testing.TB) *plans.Plan {
	t.Helper()
	c, ok := checklist.Builtin("smc-progression")
	if !ok {
		t.Fatal("no built-in checklist smc-progression")
	}
	p := plans.New(c, "Acme Café Ltd", "Spring review 🌱", plans.Date{Year: 2027, Month: 1, Day: 15})
	set := func(id, rating, action, owner string, due plans.Date) {
		r := p.Response(id)
		if r == nil {
			t.Fatalf("no item %s", id)
		}
		r.Rating, r.Action, r.Owner, r.Due = rating, action, owner, due
	}
	set("lc-vision", "red", "Write a one-page vision: why progression matters", "Zoë", plans.Date{Year: 2027, Month: 3, Day: 31})
	set("lc-leadership", "amber", "Run a manager workshop on talking about background 🚀", "李雷", plans.Date{Year: 2027, Month: 2, Day: 28})
	set("wf-interventions", "green", "", "", plans.Date{})
	set("en-data-collect", "green", "Keep the survey going quarterly", "O'Neil", plans.Date{Year: 2027, Month: 6, Day: 30})
	set("en-policy-pathways", "red", "", "", plans.Date{})
	return p
}

// fuApp writes p to a plan file in a temp folder, opens it as the review
// would, and sizes the app w×h.
func fuApp(t testing.TB, p *plans.Plan, w, h int) (*app, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "acme.yaml")
	return fuAppAt(t, p, path, w, h), path
}

func fuAppAt(t testing.TB, p *plans.Plan, path string, w, h int) *app {
	return fuAppWith(t, p, path, "", w, h)
}

// fuAppWith is fuAppAt for a plan of a checklist file (--checklist).
func fuAppWith(t testing.TB, p *plans.Plan, path, checklistFile string, w, h int) *app {
	t.Helper()
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	c, err := newCommon(Options{PlanPath: path, Today: fuToday, Dir: filepath.Dir(path), Checklist: checklistFile})
	if err != nil {
		t.Fatal(err)
	}
	c.typingPause = 0 // the harness has no clock: tests send the pause
	a := newApp(c)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// fuQuestion is an app at 80x24 on fuPlan, showing next-steps question i
// (from 0), and the plan file's path: where most next-steps tests start.
func fuQuestion(t testing.TB, i int) (*app, string) {
	t.Helper()
	a, path := fuApp(t, fuPlan(t), 80, 24)
	fuShow(t, a, screenFollowUp, i)
	return a, path
}

// fuShow opens a screen as navigating to it would, the review's place
// following it and the body laid out for it, as Update does after every
// message: in presenter mode the frame's heading takes lines from the
// body, and a key pressed next (end on the summary) scrolls by the body's
// height; o on the summary opens the overview at the review's end.
func fuShow(t testing.TB, a *app, to screenID, arg int) {
	t.Helper()
	fuRun(t, a, a.show(to, arg))
	a.followScreen()
	a.layout()
}

// fuRun runs a command and feeds what it returns back to the app, as the
// Bubble Tea runtime would, batches and sequences in order.
func fuRun(t testing.TB, a *app, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	if msg == nil {
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			fuRun(t, a, v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	switch msg.(type) {
	case tea.QuitMsg:
		return
	case savedMsg:
		if m := msg.(savedMsg); m.Err != nil {
			t.Fatalf("save failed: %v", m.Err)
		}
	}
	_, next := a.Update(msg)
	fuRun(t, a, next)
}

// fuKey is the key message for a key name ("enter", "shift+up", "x").
func fuKey(name string) tea.KeyPressMsg { return rvKey(name) }

// fuPress sends keys by name, running what they return.
func fuPress(t testing.TB, a *app, names ...string) {
	t.Helper()
	for _, n := range names {
		_, cmd := a.Update(fuKey(n))
		fuRun(t, a, cmd)
	}
}

// fuType types text, one key per character.
func fuType(t testing.TB, a *app, text string) {
	t.Helper()
	for _, r := range text {
		_, cmd := a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		fuRun(t, a, cmd)
	}
}

// fuView is the screen as text, without escape codes.
func fuView(a *app) string {
	return ansi.Strip(a.View().Content)
}

// fuContains fails unless the view has every one of want.
func fuContains(t testing.TB, view string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(view, w) {
			t.Errorf("screen lacks %q:\n%s", w, view)
		}
	}
}

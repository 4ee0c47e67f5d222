package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// Helpers for the tests of the start, set-up, item, overview, area summary
// and help screens: an app on real files in a temp folder, keys sent
// through its Update with every command they return run (so saves land on
// disk), and the screen read back with escape codes stripped.

// rvToday is the date every review test runs on.
var rvToday = plans.Date{Year: 2027, Month: 3, Day: 14}

// rvHarness drives an app as the Bubble Tea runtime would, one message at
// a time.
type rvHarness struct {
	t    testing.TB
	a    *app
	quit bool
}

// rvStart starts an app with opts (Today defaults to rvToday), sized w×h,
// and runs its Init.
func rvStart(t testing.TB, opts Options, w, h int) *rvHarness {
	t.Helper()
	if opts.Today.IsZero() {
		opts.Today = rvToday
	}
	c, err := newCommon(opts)
	if err != nil {
		t.Fatal(err)
	}
	c.typingPause = 0 // the harness has no clock: tests send the pause
	hs := &rvHarness{t: t, a: newApp(c)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.a.Init())
	return hs
}

// rvOpen writes p as plans/acme.yaml in a temp folder and opens it.
func rvOpen(t testing.TB, p *plans.Plan, w, h int) (*rvHarness, string) {
	t.Helper()
	dir, path := rvWritePlan(t, p)
	return rvStart(t, Options{PlanPath: path, Dir: dir}, w, h), path
}

// rvWritePlan writes p as plans/acme.yaml in a temp folder and returns the
// plans folder and the plan's path.
func rvWritePlan(t testing.TB, p *plans.Plan) (dir, path string) {
	t.Helper()
	dir = rvPlansDir(t)
	path = filepath.Join(dir, "acme.yaml")
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// rvGoldenFile copies plans/testdata/golden.yaml to plans/acme.yaml in a
// temp folder, as it is, and returns the plans folder and the plan's path.
func rvGoldenFile(t testing.TB) (dir, path string) {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("..", "plans", "testdata", "golden.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir = rvPlansDir(t)
	path = filepath.Join(dir, "acme.yaml")
	if err := os.WriteFile(path, golden, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// rvPlansDir makes an empty plans folder in a temp folder.
func rvPlansDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plans")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// answerNextSteps answers each of p's next-steps questions (the answers
// of checklisttest.FilledPlan): a plan rated in full and so answered is
// finished, and opens at the end, where one with questions left to
// answer opens at the first of them.
func answerNextSteps(p *plans.Plan) {
	p.FollowUps = checklisttest.FilledPlan(p.Checklist, 1).FollowUps
}

// rvNewPlan is an unrated plan of the built-in checklist.
func rvNewPlan(t testing.TB) *plans.Plan {
	t.Helper()
	_, p := rvPlanOf(t, checklist.DefaultID)
	return p
}

// rvPlanOf is the built-in checklist id and an unrated plan of it (the
// Building Blocks' areas and groups are a sentence long).
func rvPlanOf(t testing.TB, id string) (*checklist.Checklist, *plans.Plan) {
	t.Helper()
	c, ok := checklist.Builtin(id)
	if !ok {
		t.Fatalf("no built-in checklist %s", id)
	}
	return c, plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})
}

// oneSpaced is text with every run of spaces and line breaks one space:
// text wrapped on screen, to compare with the words it came from.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// harnessWait is how long the in-process harnesses wait for a condition
// (a command's message, the screen or the plan file showing something,
// a phone's request answered) before failing. Each returns as soon as
// the condition holds; the deadline is for a machine running the
// package's eight parallel tests, programs in pseudo-terminals among
// them, on two busy cores, where 5 s was close.
const harnessWait = 20 * time.Second

// send gives the app one message and runs what it returns.
func (h *rvHarness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.a.Update(msg)
	h.run(cmd)
}

// run runs a command and feeds its messages back to the app, batches and
// sequences in order, as the runtime would (but one at a time).
func (h *rvHarness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil || h.quit {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(harnessWait):
		h.t.Fatalf("a command did not return within %v", harnessWait)
	}
	if msg == nil {
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			h.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		h.quit = true
		return
	}
	h.send(msg)
}

// press sends keys by name: "enter", "shift+tab", "ctrl+c", "r", "R".
func (h *rvHarness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(rvKey(k))
	}
}

// typeText types text one character at a time.
func (h *rvHarness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		if r == '\n' {
			h.send(rvKey("enter"))
			continue
		}
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// view is the screen as text.
func (h *rvHarness) view() string {
	return ansi.Strip(h.a.View().Content)
}

// requireView fails unless the screen shows every one of want.
func (h *rvHarness) requireView(want ...string) {
	h.t.Helper()
	v := h.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			h.t.Fatalf("the screen does not show %q; it shows:\n%s", w, v)
		}
	}
}

// refuseView fails if the screen shows any of unwanted.
func (h *rvHarness) refuseView(unwanted ...string) {
	h.t.Helper()
	v := h.view()
	for _, w := range unwanted {
		if strings.Contains(v, w) {
			h.t.Fatalf("the screen shows %q; it should not:\n%s", w, v)
		}
	}
}

// item is the item screen, asserting it is the one shown.
func (h *rvHarness) item() *itemScreen {
	h.t.Helper()
	if h.a.active != screenItem {
		h.t.Fatalf("the item screen is not shown (screen %d is):\n%s", h.a.active, h.view())
	}
	return h.a.screen(screenItem).(*itemScreen)
}

// loadPlan reads the plan file as it is now (the end-to-end tests' too,
// as LoadPlan in export_test.go).
func loadPlan(t testing.TB, path string) *plans.Plan {
	t.Helper()
	p, err := plans.LoadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// saveTheirs changes the plan file at path as another session would,
// behind the app's back, and returns what it wrote.
func saveTheirs(t testing.TB, path string, change func(p *plans.Plan)) []byte {
	t.Helper()
	theirs := loadPlan(t, path)
	change(theirs)
	data := plans.Encode(theirs)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

// rvKey is the key message for a key name.
func rvKey(name string) tea.KeyPressMsg {
	var k tea.Key
	parts := strings.Split(name, "+")
	base := parts[len(parts)-1]
	if name == "+" {
		base, parts = "+", []string{"+"}
	}
	for _, m := range parts[:len(parts)-1] {
		switch m {
		case "shift":
			k.Mod |= tea.ModShift
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		}
	}
	named := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
	}
	if r, ok := named[base]; ok {
		k.Code = r
		if r == tea.KeySpace {
			k.Text = " "
		}
		return tea.KeyPressMsg(k)
	}
	r := []rune(base)[0]
	k.Code = r
	if k.Mod == 0 {
		k.Text = base
	}
	return tea.KeyPressMsg(k)
}

// createPlan writes a new plan file, as plans.Create does, without keeping
// it open: a plan the test left open would be "open in another session"
// to the review under test.
func createPlan(path string, p *plans.Plan) error {
	f, err := plans.Create(path, p)
	if err != nil {
		return err
	}
	return f.Close()
}

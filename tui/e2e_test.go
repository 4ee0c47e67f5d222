package tui_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/socialmobility/ladder/bench/ptybench"
	"github.com/socialmobility/ladder/plans"
)

// End-to-end: the real ladder binary in a pseudo-terminal, driven by
// keystrokes, checked through the plan files it writes. Keys are sent in
// the order a person would type them; the program handles them in order
// and changes screen synchronously, so the test waits only where the
// program itself waits (creating a plan, which happens off the update
// loop) and where it checks what is on disk.
//
// Bubble Tea redraws only the cells that changed, so a marker waited for
// must be text the new frame writes: words a new screen does not share
// with the one before it ("need to speak with", not "Who do you...",
// whose W was already on the screen).

const e2eTimeout = 20 * time.Second

// TestMain removes the binary the end-to-end tests built (see e2eBinary).
func TestMain(m *testing.M) {
	os.Setenv(plans.StepIDsEnv, "counted") // new steps numbered as the goldens expect
	code := m.Run()
	if e2eBuilt.dir != "" {
		os.RemoveAll(e2eBuilt.dir)
	}
	os.Exit(code)
}

// e2eBuilt is the ladder binary, built once for every test of the package
// that needs it (and not at all under -short, or when none runs).
var e2eBuilt struct {
	once     sync.Once
	dir, bin string
	err      error
}

// e2eBinary returns the ladder binary, building it the first time.
func e2eBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary in a pseudo-terminal")
	}
	b := &e2eBuilt
	b.once.Do(func() {
		root, err := ptybench.ModuleRoot()
		if err != nil {
			b.err = err
			return
		}
		if b.dir, b.err = os.MkdirTemp("", "ladder-tui-e2e-*"); b.err != nil {
			return
		}
		b.bin = filepath.Join(b.dir, "ladder")
		b.err = ptybench.Build(root, ".", b.bin)
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.bin
}

// e2eRun starts ladder in dir with args, in a 100x30 terminal.
func e2eRun(t *testing.T, bin, dir string, env []string, args ...string) *ptybench.Session {
	t.Helper()
	s, err := ptybench.Start(bin, ptybench.Options{Args: args, Dir: dir, Cols: 100, Rows: 30, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// e2eSession wraps a session with failing helpers.
type e2eSession struct {
	t *testing.T
	s *ptybench.Session
}

func (e e2eSession) waitFor(marker string) {
	e.t.Helper()
	if _, err := e.s.WaitFor(marker, e2eTimeout); err != nil {
		e.t.Fatal(err)
	}
}

// shown waits until the screen has shown marker at any time since the
// program started (waitFor counts only what came after the last key).
func (e e2eSession) shown(marker string) {
	e.t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for !strings.Contains(e.s.Text(), marker) {
		if time.Now().After(deadline) {
			e.t.Fatalf("the screen never showed %q:\n%s", marker, e.s.Text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// keys presses keys (ptybench names). The program reads them in order,
// however fast they come, with one exception: an escape followed at once
// by a key reads as alt and that key. After esc, a test waits for the
// screen to show that esc was taken before it presses the next key.
func (e e2eSession) keys(keys ...string) {
	e.t.Helper()
	for _, k := range keys {
		if err := e.s.Press(k); err != nil {
			e.t.Fatal(err)
		}
	}
}

// finalText is everything the program wrote, once it has exited: the
// reader may still hold the last bytes when Wait returns.
func (e e2eSession) finalText() string {
	for deadline := time.Now().Add(2 * time.Second); !e.s.Closed() && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	return e.s.Text()
}

func (e e2eSession) typeText(text string) {
	e.t.Helper()
	if err := e.s.Type(text); err != nil {
		e.t.Fatal(err)
	}
}

// waitOnDisk polls the plan file until ok accepts it.
func waitOnDisk(t *testing.T, path, what string, ok func(p *plans.Plan) bool) *plans.Plan {
	t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	var last error
	for time.Now().Before(deadline) {
		p, err := plans.LoadFile(path, nil)
		if err == nil && ok(p) {
			return p
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: not on disk after %v (last load error: %v)", what, e2eTimeout, last)
	return nil
}

func ratedCount(p *plans.Plan) int {
	_, total := p.Counts()
	return total.Rated()
}

// e2eNewPlan creates a plan through set-up and waits for the first item.
func e2eNewPlan(e e2eSession, org, title string) {
	e.t.Helper()
	e.waitFor("A new review")
	e.typeText(org)
	e.keys("tab")
	e.typeText(title)
	e.keys("ctrl+s")
	e.waitFor("Develop a clear vision for your D&I strategy")
}

// rating is the rating key for item i, and the rating it gives.
func rating(i int) (string, string) {
	switch i % 3 {
	case 0:
		return "r", "red"
	case 1:
		return "a", "amber"
	}
	return "g", "green"
}

// areaEnds are the items after which the walk shows an area summary.
var areaEnds = map[int]bool{3: true, 5: true, 20: true}

func TestEndToEndReviewThenKillAndResume(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "plans", "x.yaml")

	// First run: set-up, all 21 items rated, some with an action, owner
	// and due date, then the five next-steps questions.
	e := e2eSession{t, e2eRun(t, bin, dir, nil, "review", "--today", "2027-03-14", "plans/x.yaml")}
	e2eNewPlan(e, "Acme Café Ltd", "Spring review 🌱")
	for i := range 21 {
		k, _ := rating(i)
		e.keys(k) // rates and saves; the focus stays on the rating
		if i%4 == 0 {
			e.keys("tab") // on to the action
		}
		if i%4 == 0 {
			e.typeText(fmt.Sprintf("Action %d for Zoë", i+1))
			e.keys("tab")
			e.typeText("李雷")
			e.keys("tab")
			e.typeText("2w")
		}
		e.keys("ctrl+n") // stores the field being typed and goes on
		if areaEnds[i] {
			e.keys("enter") // the area summary: continue
		}
	}
	p := waitOnDisk(t, path, "21 ratings", func(p *plans.Plan) bool { return ratedCount(p) == 21 })
	e.waitFor("How many did you get in each area")

	// The follow-ups (issue 3, the next steps): counts with a due date,
	// quick wins chosen and typed, who to speak with per area, the
	// decision makers, the project plan.
	e.keys("enter")
	e.typeText("31/03/2027")
	e.keys("enter")
	e.waitFor("What are your quick wins?")
	e.keys("space", "down", "space", "a")
	e.typeText("Thank the team 🙏")
	e.keys("enter", "tab")
	e.typeText("2w")
	e.keys("enter")
	e.waitFor("need to speak with")
	e.keys("enter")
	e.typeText("Zoë (CEO)")
	e.keys("tab")
	e.typeText("HR team")
	e.keys("tab")
	e.typeText("Data team")
	e.keys("tab")
	e.typeText("1m")
	e.keys("enter")
	e.waitFor("decision makers to help")
	e.keys("enter")
	e.typeText("The board")
	e.keys("tab")
	e.typeText("3m")
	e.keys("enter")
	e.waitFor("project plan look like")
	e.keys("s", "tab")
	e.typeText("6m")
	e.keys("enter")
	e.waitFor("The end")
	e.keys("q")
	if err := e.s.Wait(e2eTimeout); err != nil {
		t.Fatalf("quitting: %v", err)
	}

	p = waitOnDisk(t, path, "the whole review", func(*plans.Plan) bool { return true })
	if p.Organisation != "Acme Café Ltd" || p.Title != "Spring review 🌱" || p.Date.String() != "2027-03-14" {
		t.Fatalf("plan header: %q %q %v", p.Organisation, p.Title, p.Date)
	}
	for i, en := range p.Checklist.Items() {
		r := p.Response(en.Item.ID)
		_, want := rating(i)
		if r.Rating != want {
			t.Errorf("item %d (%s): rating %q, want %q", i+1, en.Item.ID, r.Rating, want)
		}
		if i%4 == 0 {
			if r.Action != fmt.Sprintf("Action %d for Zoë", i+1) || r.Owner != "李雷" || r.Due.String() != "2027-03-28" {
				t.Errorf("item %d: action %q, owner %q, due %v", i+1, r.Action, r.Owner, r.Due)
			}
		} else if r.Action != "" {
			t.Errorf("item %d: unexpected action %q", i+1, r.Action)
		}
	}
	checkAnswer := func(id, want string, got any) {
		t.Helper()
		if fmt.Sprint(got) != want {
			t.Errorf("%s: %v, want %s", id, got, want)
		}
	}
	checkAnswer("counts due", "2027-03-31", p.Answer("counts").Due)
	checkAnswer("quick wins", "[Action 1 for Zoë Action 5 for Zoë Thank the team 🙏]", p.Answer("quick-wins").List)
	checkAnswer("quick wins due", "2027-03-28", p.Answer("quick-wins").Due)
	checkAnswer("speak with", "map[enablers:Data team leadership-culture:Zoë (CEO) workforce:HR team]", p.Answer("speak-with").ByArea)
	checkAnswer("speak with due", "2027-04-14", p.Answer("speak-with").Due)
	checkAnswer("decision makers", "The board", p.Answer("decision-makers").Text)
	checkAnswer("decision makers due", "2027-06-14", p.Answer("decision-makers").Due)
	pp := p.Answer("project-plan")
	checkAnswer("project plan steps", "6", len(pp.Steps))
	if len(pp.Steps) > 0 {
		checkAnswer("first step", "Action 1 for Zoë doing", pp.Steps[0].Text+" "+string(pp.Steps[0].Status))
	}
	checkAnswer("project plan due", "2027-09-14", pp.Due)

	// Second run: a new plan, some items rated and saved, then the
	// process is killed mid-walk with a field half typed.
	path = filepath.Join(dir, "plans", "y.yaml")
	e = e2eSession{t, e2eRun(t, bin, dir, nil, "review", "--today", "2027-03-14", "plans/y.yaml")}
	e2eNewPlan(e, "東京 Bakery", "Autumn")
	for i := range 6 {
		k, _ := rating(i)
		e.keys(k)
		if i%2 == 0 {
			e.keys("tab")
			e.typeText(fmt.Sprintf("Step %d", i+1))
		}
		e.keys("ctrl+n")
		if areaEnds[i] {
			e.keys("enter")
		}
	}
	e.keys("g", "tab") // the seventh item: rated, and its action half typed
	e.typeText("Half-typed, never committed")
	waitOnDisk(t, path, "7 ratings", func(p *plans.Plan) bool { return ratedCount(p) == 7 })
	e.shown("✓ saved") // the screen says so, once the save's message is back
	if err := e.s.Kill(); err != nil {
		t.Fatal(err)
	}

	p = waitOnDisk(t, path, "the plan after the kill", func(*plans.Plan) bool { return true })
	for i, en := range p.Checklist.Items() {
		r := p.Response(en.Item.ID)
		want, action := "unrated", ""
		switch {
		case i < 6:
			_, want = rating(i)
			if i%2 == 0 {
				action = fmt.Sprintf("Step %d", i+1)
			}
		case i == 6:
			want = "green"
		}
		if r.Rating != want || r.Action != action {
			t.Errorf("after the kill, item %d: %q %q, want %q %q", i+1, r.Rating, r.Action, want, action)
		}
	}

	// Third run: it resumes at the first unrated item, the eighth.
	e = e2eSession{t, e2eRun(t, bin, dir, nil, "review", "--today", "2027-03-14", "plans/y.yaml")}
	e.waitFor("Do you record and evaluate the take up of training")
	e.waitFor("item 2 of 15")
	e.waitFor("7 of 21 rated")
	e.keys("q")
	if err := e.s.Wait(e2eTimeout); err != nil {
		t.Fatalf("quitting: %v", err)
	}
}

// sgr matches a Select Graphic Rendition sequence and its parameters.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourParams returns the colour parameters of the SGR sequences in out.
func colourParams(out []byte) []string {
	var found []string
	for _, m := range sgr.FindAllSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(string(m[1]), func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, string(m[0]))
			}
		}
	}
	return found
}

func TestNoColorTurnsColourOff(t *testing.T) {
	bin := e2eBinary(t)
	for _, tc := range []struct {
		env        []string
		wantColour bool
	}{
		{nil, true}, // shows the check below would see colour
		{[]string{"NO_COLOR=yes"}, false},
		{[]string{"NO_COLOR=1"}, false},
	} {
		t.Run(fmt.Sprint(tc.env), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
				t.Fatal(err)
			}
			e := e2eSession{t, e2eRun(t, bin, dir, tc.env, "review", "--today", "2027-03-14", "plans/c.yaml")}
			e2eNewPlan(e, "Acme", "Colours")
			e.keys("a") // a rating shown in colour, if colour is on
			e.waitFor("✓ [a/2] ▲ Amber")
			e.keys("shift+tab", "q")
			if err := e.s.Wait(e2eTimeout); err != nil {
				t.Fatal(err)
			}
			got := colourParams(e.s.Output())
			if tc.wantColour && len(got) == 0 {
				t.Fatal("no colour at all without NO_COLOR: the check cannot see colour")
			}
			if !tc.wantColour && len(got) > 0 {
				t.Fatalf("colour sequences with %v: %q", tc.env, got[:min(5, len(got))])
			}
			if !strings.Contains(e.s.Text(), "▲ Amber") {
				t.Fatal("the rating is not shown as shape and word")
			}
		})
	}
}

// createPlan writes a new plan file, as plans.Create does, without keeping
// it open: a plan the test left open would be "open in another session"
// to the program under test.
func createPlan(path string, p *plans.Plan) error {
	f, err := plans.Create(path, p)
	if err != nil {
		return err
	}
	return f.Close()
}

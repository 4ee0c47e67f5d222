package tui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/socialmobility/ladder/plans"
)

// Golden screens of the walk: the real program (teatest runs it on
// buffers) at 80x24 and 120x40, compared with testdata/<test>.golden; go
// test -update rewrites them. As for the follow-ups' goldens, the golden
// is the last frame drawn, through the Ascii profile (no colours; bold,
// underline and reverse stay), not the raw byte stream whose queries and
// partial redraws depend on timing. Plans sit at fixed relative paths in a
// temp folder, with fixed dates and modification times.

var rvGoldenSizes = [][2]int{{80, 24}, {120, 40}}

// rvGoldenPlan is part-way through: the first area rated, an action with
// its owner and due date, names in other scripts.
func rvGoldenPlan(t testing.TB) *plans.Plan {
	p := rvNewPlan(t)
	set := func(id, rating, action, owner string, due plans.Date) {
		r := p.Response(id)
		r.Rating, r.Action, r.Owner, r.Due = rating, action, owner, due
	}
	set("lc-vision", "red", "Write a one-page vision: why progression matters", "Zoë Østergaard", plans.Date{Year: 2027, Month: 3, Day: 31})
	set("lc-leadership", "amber", "Run a manager workshop on talking about background 🚀", "李雷", plans.Date{Year: 2027, Month: 4, Day: 30})
	set("lc-educate-leaders", "green", "", "", plans.Date{})
	set("lc-culture", "amber", "", "", plans.Date{})
	return p
}

// rvGolden runs the program on an app made by start (in a temp working
// folder holding the plans), waits until the output shows want, quits, and
// compares the last frame with the golden file.
func rvGolden(t *testing.T, w, h int, want string, start func(t *testing.T) *app) {
	t.Helper()
	rvGoldenIn(t, colorprofile.Ascii, w, h, want, start)
}

// rvGoldenIn is rvGolden with the colours of a profile kept in the golden
// (colorprofile.ANSI: the 16 colours, as escape codes).
func rvGoldenIn(t *testing.T, profile colorprofile.Profile, w, h int, want string, start func(t *testing.T) *app) {
	t.Helper()
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	a := start(t)
	tm := teatest.NewTestModel(t, a,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(
			tea.WithColorProfile(profile),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		))
	var out bytes.Buffer
	teatest.WaitFor(t, io.TeeReader(tm.Output(), &out), func([]byte) bool {
		return bytes.Contains(out.Bytes(), []byte(want))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*app)
	if !ok {
		t.Fatal("the program did not return the app")
	}
	var frame bytes.Buffer
	ascii := &colorprofile.Writer{Forward: &frame, Profile: profile}
	if _, err := io.WriteString(ascii, final.View().Content+"\n"); err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(pkg); err != nil { // the goldens are in the package's testdata
		t.Fatal(err)
	}
	teatest.RequireEqualOutput(t, frame.Bytes())
}

// rvGoldenApp opens p as plans/acme.yaml (in the working folder) and
// prepares the app with keys, run through Update as the tests do.
func rvGoldenApp(t *testing.T, p *plans.Plan, w, h int, keys ...string) *app {
	t.Helper()
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("plans", "acme.yaml")
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	hs := rvStart(t, Options{PlanPath: path, Dir: "plans"}, w, h)
	hs.press(keys...)
	return hs.a
}

func TestReviewGoldens(t *testing.T) {
	for _, size := range rvGoldenSizes {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("start-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "14/21 rated", func(t *testing.T) *app {
				dir := rvPlansFolder(t)
				c, err := newCommon(Options{Dir: dir, Today: rvToday})
				if err != nil {
					t.Fatal(err)
				}
				return newApp(c)
			})
		})
		t.Run(fmt.Sprintf("setup-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Welcome", func(t *testing.T) *app {
				hs := rvStart(t, Options{Dir: "plans"}, w, h)
				hs.typeText("Acme Café Ltd")
				hs.press("tab", "tab")
				hs.typeText("Sam Patel")
				hs.press("ctrl+s") // no title yet: the problem is shown in place
				return hs.a
			})
		})
		t.Run(fmt.Sprintf("item-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Interventions", func(t *testing.T) *app {
				// Resumes at the first unrated item; rate it and start on
				// the action, owner and due date.
				p := rvGoldenPlan(t)
				p.Response("wf-business-as-usual").Rating = "green"
				a := rvGoldenApp(t, p, w, h, "a", "tab")
				hs := &rvHarness{t: t, a: a}
				hs.typeText("Open accelerator roles to everyone ✨")
				hs.press("tab")
				hs.typeText("Ngozi Adébáyọ̀")
				hs.press("tab")
				hs.typeText("3m")
				return a
			})
		})
		// A due date not understood: the field keeps the person, and
		// leaving the item warns first (issue 12.2).
		t.Run(fmt.Sprintf("item-due-warning-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "is not a date, so", func(t *testing.T) *app {
				a := rvGoldenApp(t, rvGoldenPlan(t), w, h, "a", "tab", "tab", "tab")
				hs := &rvHarness{t: t, a: a}
				hs.typeText("next frday")
				hs.press("tab", "ctrl+n")
				return a
			})
		})
		t.Run(fmt.Sprintf("item-rating-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Business as usual", func(t *testing.T) *app {
				return rvGoldenApp(t, rvGoldenPlan(t), w, h)
			})
		})
		t.Run(fmt.Sprintf("overview-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Overview", func(t *testing.T) *app {
				return rvGoldenApp(t, rvGoldenPlan(t), w, h, "o")
			})
		})
		t.Run(fmt.Sprintf("area-summary-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Leadership & Culture: done", func(t *testing.T) *app {
				return rvGoldenApp(t, rvGoldenPlan(t), w, h, "p", "n")
			})
		})
		t.Run(fmt.Sprintf("help-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Rating this item", func(t *testing.T) *app {
				return rvGoldenApp(t, rvGoldenPlan(t), w, h, "?")
			})
		})
	}
}

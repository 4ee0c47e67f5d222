package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist/checklisttest"
)

// BenchmarkKeypress measures what one key costs the program: Update and
// then View, as the runtime does for every key, on the item screen of a
// fully filled-in plan. "move" goes to the next item and back (n, p), so
// the cached top part is redrawn every time; "type" types a character into
// the action and deletes it again; "overview" moves the overview's cursor;
// "present-move" and "present-type" are move and type in presenter mode.
//
// Budgets (issue 3): 200 µs a key on the embedded checklist, 2 ms on a
// generated 1,000-item checklist. Reproduce with
//
//	go test ./tui/ -run '^$' -bench BenchmarkKeypress -benchmem
//
// Measured on 2 CPUs (AMD EPYC), go1.26.8: embedded move 64 µs, type
// 36 µs, overview 36 µs; 1,000 items move 81 µs, type 48 µs, overview
// 47 µs. Presenter mode (the same command, three runs): embedded move
// 84-100 µs, type 26-36 µs; 1,000 items move 105-114 µs, type 35-46 µs.
//
// What a person feels also includes Bubble Tea's frame ticker: the program
// runs at 120 fps (the most Bubble Tea allows), and in a pseudo-terminal
// the time from n or p to the next frame measured p50 6.3 ms, p95 9.8 ms
// (a minimal program at 120 fps: the same; at the default 60 fps: p95
// 17 ms), with
//
//	go run ./bench/startup -n 10 -minimal-fps 120 -dir DIR \
//	  -ladder-args 'review --today 2027-03-14 plans/x.yaml' \
//	  -marker 'Develop a clear' -ladder-keys 'n,p'
//
// where DIR holds a plan made with ladder new plans/x.yaml.
func BenchmarkKeypress(b *testing.B) {
	for _, n := range []int{0, 1000} {
		name := "embedded"
		if n > 0 {
			name = "items-1000"
		}
		b.Run(name+"/move", func(b *testing.B) {
			a := benchApp(b, n)
			keys := []tea.KeyPressMsg{rvKey("n"), rvKey("p")}
			benchKeys(b, a, keys)
		})
		b.Run(name+"/type", func(b *testing.B) {
			a := benchApp(b, n)
			a.Update(rvKey("tab"))
			keys := []tea.KeyPressMsg{{Code: 'x', Text: "x"}, rvKey("backspace")}
			benchKeys(b, a, keys)
		})
		b.Run(name+"/present-move", func(b *testing.B) {
			a := benchApp(b, n)
			a.Update(rvKey("P"))
			keys := []tea.KeyPressMsg{rvKey("n"), rvKey("p")}
			benchKeys(b, a, keys)
		})
		b.Run(name+"/present-type", func(b *testing.B) {
			a := benchApp(b, n)
			a.Update(rvKey("P"))
			a.Update(rvKey("tab"))
			keys := []tea.KeyPressMsg{{Code: 'x', Text: "x"}, rvKey("backspace")}
			benchKeys(b, a, keys)
		})
		b.Run(name+"/overview", func(b *testing.B) {
			a := benchApp(b, n)
			a.Update(rvKey("o"))
			a.Update(rvKey("down"))
			keys := []tea.KeyPressMsg{rvKey("down"), rvKey("up")}
			benchKeys(b, a, keys)
		})
	}
}

func benchKeys(b *testing.B, a *app, keys []tea.KeyPressMsg) {
	a.View()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Update(keys[i%len(keys)])
		_ = a.View()
		i++
	}
}

// benchApp opens a filled-in plan of the embedded checklist (n == 0) or of
// a generated n-item checklist, at 120x40, on its first item.
func benchApp(b *testing.B, n int) *app {
	b.Helper()
	dir := b.TempDir()
	opts := Options{Today: checklisttest.ReviewDate, Dir: dir, PlanPath: filepath.Join(dir, "plan.yaml")}
	c := rvNewPlan(b).Checklist
	if n > 0 {
		opts.Checklist = filepath.Join(dir, "checklist.yaml")
		if err := os.WriteFile(opts.Checklist, checklisttest.YAML(n), 0o644); err != nil {
			b.Fatal(err)
		}
		c = checklisttest.Generate(n)
	}
	if err := createPlan(opts.PlanPath, checklisttest.FilledPlan(c, 1)); err != nil {
		b.Fatal(err)
	}
	cm, err := newCommon(opts)
	if err != nil {
		b.Fatal(err)
	}
	a := newApp(cm)
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	a.Init()
	// Every item is rated, so the review opened on its end screen; the
	// keypresses measured here are on the item screen.
	a.show(screenItem, 0)
	return a
}

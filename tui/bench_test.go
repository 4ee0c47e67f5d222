package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// BenchmarkKeypress measures what one key costs the program: Update and
// then View, as the runtime does for every key, on a fully filled-in plan,
// in the smallest usual terminal (80x24) and a 1080p projector with a
// small font (240x67). "move" goes to the next item and back (n, p), so
// the whole screen is drawn again; "type" types a character into the
// action and deletes it again; "overview" moves the overview's cursor;
// "present-move" and "present-type" are move and type in presenter mode;
// "board" and "present-board" move the board's cursor.
//
// The budget (issue 8) is 2 ms a key, on the embedded checklist and on a
// generated 1,000-item one. BENCHMARKS.md has the figures, before and
// after the render caches went. Reproduce with
//
//	go test ./tui/ -run '^$' -bench BenchmarkKeypress -benchmem -count 5
func BenchmarkKeypress(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {240, 67}} {
		for _, n := range []int{0, 1000} {
			name := fmt.Sprintf("%dx%d/embedded", size[0], size[1])
			if n > 0 {
				name = fmt.Sprintf("%dx%d/items-1000", size[0], size[1])
			}
			open := func(b *testing.B, keys ...string) *app {
				a := benchApp(b, n, size[0], size[1])
				for _, k := range keys {
					a.Update(rvKey(k))
				}
				return a
			}
			moveKeys := []tea.KeyPressMsg{rvKey("n"), rvKey("p")}
			typeKeys := []tea.KeyPressMsg{{Code: 'x', Text: "x"}, rvKey("backspace")}
			b.Run(name+"/move", func(b *testing.B) { benchKeys(b, open(b), moveKeys) })
			b.Run(name+"/type", func(b *testing.B) { benchKeys(b, open(b, "tab"), typeKeys) })
			b.Run(name+"/present-move", func(b *testing.B) { benchKeys(b, open(b, "P"), moveKeys) })
			b.Run(name+"/present-type", func(b *testing.B) { benchKeys(b, open(b, "P", "tab"), typeKeys) })
			boardKeys := []tea.KeyPressMsg{rvKey("right"), rvKey("left")}
			b.Run(name+"/board", func(b *testing.B) { benchKeys(b, open(b, "b"), boardKeys) })
			b.Run(name+"/present-board", func(b *testing.B) { benchKeys(b, open(b, "P", "b"), boardKeys) })
			// The board in presenter mode with the clocks set: its heading
			// is drawn on every frame; and the frame the clocks' tick
			// draws each second.
			b.Run(name+"/present-board-clocks", func(b *testing.B) { benchKeys(b, withClocks(open(b, "P", "b")), boardKeys) })
			b.Run(name+"/present-board-tick", func(b *testing.B) { benchMsgs(b, withClocks(open(b, "P", "b")), timeboxTickMsg{}) })
			b.Run(name+"/overview", func(b *testing.B) {
				benchKeys(b, open(b, "o", "down"), []tea.KeyPressMsg{rvKey("down"), rvKey("up")})
			})
		}
	}
}

// keyMsgs are the key messages for key names.
func keyMsgs(names []string) []tea.KeyPressMsg {
	out := make([]tea.KeyPressMsg, len(names))
	for i, n := range names {
		out[i] = rvKey(n)
	}
	return out
}

// withClocks sets a time box of 5 minutes and a session of 90, running.
func withClocks(a *app) *app {
	a.c.timer = timebox{limit: 5 * time.Minute, session: 90 * time.Minute}
	a.c.timer.startSession(a.c.now())
	a.c.timer.open(a.c.pos(), a.c.now())
	return a
}

// benchMsgs measures Update and View for a message.
func benchMsgs(b *testing.B, a *app, msg tea.Msg) {
	a.View()
	b.ReportAllocs()
	for b.Loop() {
		a.Update(msg)
		_ = a.View()
	}
}

// benchKeys measures Update and View for each key in turn.
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
// a generated n-item checklist, at w×h, on its first item.
func benchApp(b *testing.B, n, w, h int) *app {
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
	if err := os.WriteFile(opts.PlanPath, plans.Encode(checklisttest.FilledPlan(c, 1)), 0o644); err != nil {
		b.Fatal(err)
	}
	a := benchOpen(b, opts, w, h)
	// Every item is rated, so the review opened on its end screen; the
	// keypresses measured here are on the item screen.
	a.show(screenItem, 0)
	return a
}

// benchOpen opens the review opts name in a w by h terminal, with no
// typing pause, so that no timers run in the benchmark's loop.
func benchOpen(b *testing.B, opts Options, w, h int) *app {
	b.Helper()
	cm, err := newCommon(opts)
	if err != nil {
		b.Fatal(err)
	}
	cm.typingPause = 0
	a := newApp(cm)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	a.Init()
	return a
}

// BenchmarkKeypressCarriedOn is BenchmarkKeypress's move and type on a
// plan that carried on from a previous review (previous_review set): each
// item also says the last review's rating, which must cost no file read
// per key (the previous plan is read once, on the first frame).
//
//	go test ./tui/ -run '^$' -bench 'BenchmarkKeypress(CarriedOn)?$/(80x24|240x67)/embedded/(move|type)$' -count 5
func BenchmarkKeypressCarriedOn(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {240, 67}} {
		name := fmt.Sprintf("%dx%d/embedded", size[0], size[1])
		open := func(b *testing.B, keys ...string) *app {
			a := benchAppCarried(b, size[0], size[1])
			for _, k := range keys {
				a.Update(rvKey(k))
			}
			return a
		}
		b.Run(name+"/move", func(b *testing.B) {
			benchKeys(b, open(b), []tea.KeyPressMsg{rvKey("n"), rvKey("p")})
		})
		b.Run(name+"/type", func(b *testing.B) {
			benchKeys(b, open(b, "tab"), []tea.KeyPressMsg{{Code: 'x', Text: "x"}, rvKey("backspace")})
		})
	}
}

// benchAppCarried is benchApp's plan, carried on from a filled previous
// plan beside it.
func benchAppCarried(b *testing.B, w, h int) *app {
	b.Helper()
	dir := b.TempDir()
	c := rvNewPlan(b).Checklist
	if err := os.WriteFile(filepath.Join(dir, "last.yaml"), plans.Encode(checklisttest.FilledPlan(c, 2)), 0o644); err != nil {
		b.Fatal(err)
	}
	p := checklisttest.FilledPlan(c, 1)
	p.PreviousReview = "last.yaml"
	opts := Options{Today: checklisttest.ReviewDate, Dir: dir, PlanPath: filepath.Join(dir, "plan.yaml")}
	if err := os.WriteFile(opts.PlanPath, plans.Encode(p), 0o644); err != nil {
		b.Fatal(err)
	}
	a := benchOpen(b, opts, w, h)
	a.show(screenItem, 0)
	if _, ok := a.c.session.PreviousRating(c.Items()[0].Item.ID); !ok {
		b.Fatal("the previous review's rating is not there")
	}
	return a
}

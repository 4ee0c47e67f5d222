package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	roomsrv "github.com/socialmobility/ladder/room"
)

// withRoom gives an app a room with no server (its join address fixed, so
// that goldens do not depend on a port), puts the item on screen up for a
// vote, and has one phone vote for each of choices.
func withRoom(t testing.TB, a *app, choices ...string) *roomsrv.Room {
	t.Helper()
	r, err := roomsrv.New(a.c.checklist(), roomsrv.Options{PIN: "4821"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	a.c.room = &roomSession{room: r, url: "http://192.168.1.20:47213/"}
	hs := &rvHarness{t: t, a: a}
	hs.send(tea.WindowSizeMsg{Width: a.termWidth, Height: a.termHeight}) // the room learns the item on screen
	st := r.Status()
	for i, choice := range choices {
		tok, err := r.Join("4821", fmt.Sprintf("192.168.1.%d", 30+i))
		if err != nil {
			t.Fatal(err)
		}
		if err := r.CastVote(tok, st.ItemID, st.Round, choice); err != nil {
			t.Fatal(err)
		}
	}
	a.roomChanged()
	hs.send(tea.WindowSizeMsg{Width: a.termWidth, Height: a.termHeight})
	return r
}

// The room's count and spread in presenter mode, as big as the window
// allows: on one line at 80x24, in half blocks at 100x30, two cells a
// pixel at 240x67; while the room votes ("8 OF 8 VOTED", nothing of the
// spread) and after the reveal, with the votes spanning the scale.
func TestPresenterRoomGoldens(t *testing.T) {
	votes := []string{"red", "amber", "amber", "amber", "amber", "amber", "green", "green"}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {240, 67}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("room-voting-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "8 of 8 voted", func(t *testing.T) *app {
				a := rvGoldenApp(t, rvGoldenPlan(t), w, h, "P")
				withRoom(t, a, votes...)
				return a
			})
		})
		t.Run(fmt.Sprintf("room-revealed-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "talk it through", func(t *testing.T) *app {
				a := rvGoldenApp(t, rvGoldenPlan(t), w, h, "P")
				withRoom(t, a, votes...)
				(&rvHarness{t: t, a: a}).press("v")
				return a
			})
		})
	}
}

// What the goldens show, checked in words: the count in block letters,
// then the spread, in block letters too from 100x30 (a laptop's 80x24
// has the room for it on one line), always with each level's word, and
// never the spread before the reveal; every line within the window.
func TestPresenterRoomReadsFromTheBack(t *testing.T) {
	votes := []string{"red", "amber", "amber", "amber", "amber", "amber", "green", "green"}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {160, 45}, {240, 67}} {
		w, h := size[0], size[1]
		hs, _ := rvOpen(t, rvGoldenPlan(t), w, h)
		hs.press("P")
		withRoom(t, hs.a, votes...)
		v := ansi.Strip(hs.a.View().Content)
		if strings.Contains(v, "Amber 5") {
			t.Errorf("%dx%d: the spread shows before the reveal:\n%s", w, h, v)
		}
		// Drawn in block letters, the count is not in the text but for
		// the strip's "Room: 8 of 8 voted".
		if n := strings.Count(v, "8 of 8 voted"); n != 1 {
			t.Errorf("%dx%d: the count is not in block letters (said %d times):\n%s", w, h, n, v)
		}
		hs.press("v")
		v = ansi.Strip(hs.a.View().Content)
		for _, want := range []string{"■ Red 1  ▲ Amber 5  ● Green 2  ? not sure 0", "The votes span Red to Green: talk it through", "enter agree ▲ Amber (most common)"} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the reveal lacks %q:\n%s", w, h, want, v)
			}
		}
		// The square's glyph is a row of five full blocks: the spread is
		// in block letters on a big window, on one line on a small one.
		if big := strings.Contains(v, "█████"); big != (w >= 100) {
			t.Errorf("%dx%d: the spread in block letters: %v:\n%s", w, h, big, v)
		}
		if strings.Contains(v, "Votes: ■") {
			t.Errorf("%dx%d: the strip repeats the spread the layout shows:\n%s", w, h, v)
		}
		lines := strings.Split(v, "\n")
		if len(lines) > h {
			t.Errorf("%dx%d: %d lines", w, h, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("%dx%d: a line of %d cells: %q", w, h, ansi.StringWidth(l), l)
			}
		}
	}
}

// fiveLevelPlan is an unrated plan of a checklist of its own (a file, as
// --checklist gives), whose scale has five levels with long words.
func fiveLevelPlan(t *testing.T) (dir, planPath, checklistPath string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "checklist", "builtin", "smc-building-blocks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	start, end := strings.Index(text, "\nscale:\n"), strings.Index(text, "\nareas:\n")
	text = strings.Replace(text[:start], "id: smc-building-blocks", "id: five-levels", 1) + `
scale:
  - {key: none, label: Not started, description: Nothing in place yet}
  - {key: begin, label: Beginning, description: Early steps taken}
  - {key: develop, label: Developing, description: Partly in place}
  - {key: established, label: Established, description: In place across most of the business}
  - {key: leading, label: Leading the way, description: "In place, measured, and shared"}` + text[end:]
	checklistPath = filepath.Join(t.TempDir(), "five.yaml")
	if err := os.WriteFile(checklistPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := checklist.Resolve(checklistPath)
	if err != nil {
		t.Fatal(err)
	}
	dir, planPath = rvWritePlan(t, plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1}))
	return dir, planPath, checklistPath
}

// A checklist's own scale of five levels with long words is wider than a
// laptop's window: the spread goes on two lines rather than lose its last
// counts ("? not sure 1" was cut off at 80 columns), in presenter mode
// and out of it, and so do the keys to agree or vote again.
func TestTheSpreadOfAWideScaleIsNeverCutShort(t *testing.T) {
	dir, path, list := fiveLevelPlan(t)
	for _, present := range []bool{true, false} {
		hs := rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, 80, 24)
		if present {
			hs.press("P")
		}
		withRoom(t, hs.a, "none", "begin", "develop", "established", "leading", roomsrv.Unsure)
		hs.press("v")
		v := ansi.Strip(hs.a.View().Content)
		for _, want := range []string{"■ Not started 1", "● Leading the way 1", "? not sure 1", "talk it through", "V vote again"} {
			if !strings.Contains(v, want) {
				t.Errorf("present %v: the reveal lacks %q:\n%s", present, want, v)
			}
		}
		lines := strings.Split(v, "\n")
		if len(lines) > 24 {
			t.Errorf("present %v: %d lines", present, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("present %v: a line of %d cells: %q", present, ansi.StringWidth(l), l)
			}
		}
	}
}

// After a rating, presenter mode shows the scale's levels on one line
// with the chosen one in reverse. A checklist's own scale of five levels
// with long words is wider than that line at 80 or 100 columns: the last
// level lost its word ("● Leadi…"), so the room saw four levels of five.
// The levels sit closer, then go on two lines, each word whole.
func TestEveryLevelKeepsItsWordAfterARatingInPresenterMode(t *testing.T) {
	dir, path, list := fiveLevelPlan(t)
	levels := []string{"■ Not started", "▲ Beginning", "◆ Developing", "★ Established", "● Leading the way"}
	for _, size := range [][2]int{{60, 16}, {80, 24}, {100, 30}, {160, 45}} {
		w, h := size[0], size[1]
		hs := rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, w, h)
		hs.press("P")
		s := hs.item()
		for i := range levels {
			hs.press(fmt.Sprint(i + 1))
			v := ansi.Strip(hs.a.View().Content)
			for _, want := range levels {
				if !strings.Contains(v, want) {
					t.Errorf("%dx%d, rated %d: %q is not shown whole:\n%s", w, h, i+1, want, v)
				}
			}
			lines := strings.Split(v, "\n")
			if len(lines) > h {
				t.Errorf("%dx%d, rated %d: %d lines", w, h, i+1, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("%dx%d, rated %d: a line of %d cells: %q", w, h, i+1, ansi.StringWidth(l), l)
				}
			}
			for _, air := range presentAirs {
				if got, want := s.ratingHeight(air, true), countLines(s.presentRating(&hs.a.c.styles, hs.a.c.width, air)); got != want {
					t.Errorf("%dx%d, %+v: ratingHeight %d, drawn %d", w, h, air, got, want)
				}
			}
		}
	}
}

// A checklist's own five levels (not-started, beginning, developing,
// established, leading) have letters for three of them only: n and b
// are the review's. The footer offered "1/2/d/e/l rate", and with the
// room on help said "agree the most common rating (r/a/g another)", keys
// the scale does not have. Both now name the digits, which every level
// has; the built-in scale keeps r/a/g.
func TestRatingHintsNameKeysTheScaleHas(t *testing.T) {
	dir, path, list := fiveLevelPlan(t)
	h := rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, 120, 200)
	h.requireView("1–5 rate")
	h.refuseView("1/2/d/e/l rate")
	withRoom(t, h.a)
	h.press("?")
	h.requireView("agree the most common rating (1–5 another)")
	h.refuseView("r/a/g")

	builtin, _ := rvOpen(t, rvNewPlan(t), 120, 200)
	builtin.requireView("r/a/g rate")
	withRoom(t, builtin.a)
	builtin.press("?")
	builtin.requireView("agree the most common rating (r/a/g another)")
}

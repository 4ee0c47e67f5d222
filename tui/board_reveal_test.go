package tui

import (
	"strings"
	"testing"
)

// A reveal from the board (v) keeps the board as it was while the room
// voted: the strip grows by the spread and what to agree, and the board
// gives it the lines of its own footer (the item under the cursor named
// in full) rather than laying the tiles out again. At 80x24 the tiles went
// from two columns to three at the reveal, the moment the room looks at
// them, the titles cut to "Educate…" and four items alike as "Data: p…".
func TestARevealKeepsTheBoardsLayout(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, h    int
		present bool
	}{{80, 24, true}, {80, 24, false}} {
		hs, _ := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
		if tc.present {
			hs.press("P")
		}
		withRoom(t, hs.a, "red", "green")
		hs.press("b")
		board := hs.a.screen(screenBoard).(*boardScreen)
		before, layout := hs.view(), board.layout
		hs.press("v")
		after := hs.view()
		if !strings.Contains(after, "the votes span Red to Green") {
			t.Fatalf("%dx%d present %v: no reveal on the board:\n%s", tc.w, tc.h, tc.present, after)
		}
		if board.layout != layout {
			t.Errorf("%dx%d present %v: the reveal laid the board out again, %+v where it was %+v:\n%s\nbefore:\n%s", tc.w, tc.h, tc.present, board.layout, layout, after, before)
		}
		for _, title := range []string{"Educate senior leaders", "Data: pay grades", "KPIs for managers"} {
			if strings.Contains(before, title) && !strings.Contains(after, title) {
				t.Errorf("%dx%d present %v: %q was on the board while the room voted, not after the reveal:\n%s", tc.w, tc.h, tc.present, title, after)
			}
		}
		requireFits(t, hs, tc.w, tc.h)
	}
}

// A line the strip says until the next key while the room votes, a
// phone's wrong PIN or the quit's warning, takes its room from the
// board's footer as the reveal does, not from the tiles: at 160x45 in
// presenter mode a wrong PIN typed on someone's phone laid the projected
// board out again, its titles cut from "Strong leadership and management
// driving your D&I strategy" to "Leaders driving D&I", and at 80x22 from
// two columns to three, "Educate…".
func TestALineForOneKeyKeepsTheBoardsLayout(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, h    int
		present bool
	}{{160, 45, true}, {80, 22, false}} {
		for _, what := range []string{"a wrong PIN", "q"} {
			hs, _ := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
			if tc.present {
				hs.press("P")
			}
			r := withRoom(t, hs.a, "red", "green")
			hs.press("b")
			board := hs.a.screen(screenBoard).(*boardScreen)
			before, layout := hs.view(), board.layout
			want := "q again quits"
			if what == "q" {
				hs.press("q")
			} else {
				if _, err := r.Join("0000", "192.168.1.99"); err == nil {
					t.Fatal("the room let a phone in with a wrong PIN")
				}
				hs.a.Update(roomChangedMsg{}) // its command waits for the room's next change
				want = "Wrong PIN from a phone"
			}
			after := hs.view()
			if !strings.Contains(after, want) {
				t.Fatalf("%dx%d, %s: the strip does not say %q:\n%s", tc.w, tc.h, what, want, after)
			}
			if board.layout != layout {
				t.Errorf("%dx%d, %s: the board was laid out again, %+v where it was %+v:\n%s\nbefore:\n%s", tc.w, tc.h, what, board.layout, layout, after, before)
			}
			requireFits(t, hs, tc.w, tc.h)
		}
	}
}

// In presenter mode the room's panel under the tiles ("THE ROOM ON …",
// the count while the room votes, the spread after the reveal) went at a
// line said until the next key (a phone's wrong PIN, the quit's warning),
// where the tiles stayed: at 160x37 the room looked up at the board to
// see its votes gone, and after the reveal the spread went down into the
// strip in small letters. The footer gives its lines to the line said,
// and the panel stays.
func TestALineForOneKeyKeepsTheRoomsPanel(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, h   int
		reveal bool
		what   string
	}{{160, 37, false, "q"}, {160, 37, true, "a wrong PIN"}, {80, 28, true, "q"}, {60, 37, true, "a wrong PIN"}} {
		hs, _ := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
		hs.press("P")
		r := withRoom(t, hs.a, "red", "green")
		hs.press("b")
		if tc.reveal {
			hs.press("v")
		}
		before := hs.view()
		if !strings.Contains(before, "THE ROOM ON") {
			t.Fatalf("%dx%d: no room panel to begin with:\n%s", tc.w, tc.h, before)
		}
		if tc.what == "q" {
			hs.press("q")
		} else {
			if _, err := r.Join("0000", "192.168.1.99"); err == nil {
				t.Fatal("the room let a phone in with a wrong PIN")
			}
			hs.a.Update(roomChangedMsg{})
		}
		after := hs.view()
		if !strings.Contains(after, "q again quits") && !strings.Contains(after, "Wrong PIN") {
			t.Fatalf("%dx%d, %s: nothing said:\n%s", tc.w, tc.h, tc.what, after)
		}
		if !strings.Contains(after, "THE ROOM ON") {
			t.Errorf("%dx%d, %s: the room's panel went:\n%s\nbefore:\n%s", tc.w, tc.h, tc.what, after, before)
		}
		requireFits(t, hs, tc.w, tc.h)
	}
}

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

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

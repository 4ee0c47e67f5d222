package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// At 60x16 a git pull in another window changed the plan: the screen
// that says so was cut after "C  save your plan as a copy beside it, and
// carry on in", the footer naming only R, which drops what was not
// saved. In a short window the explanation gives way, so that both
// choices and what quitting does are on the screen whole.
func TestASmallWindowShowsBothChoicesOfAConflict(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h, path := rvOpen(t, rvNewPlan(t), size[0], size[1])
		saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
		h.press("r")
		v := oneSpaced(h.view())
		for _, want := range []string{
			"R reload the file as it is now (what you changed since the last save is dropped)",
			"C save your plan as a copy beside it, and carry on in the copy",
			"Quitting now (q or ctrl+c) saves the copy too.",
		} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the screen lacks %q:\n%s", size[0], size[1], want, h.view())
			}
		}
		if size[1] == 24 && !strings.Contains(v, "ladder has not written over it") {
			t.Errorf("80x24: the explanation is gone:\n%s", h.view())
		}
		requireFits(t, h, size[0], size[1])
	}
}

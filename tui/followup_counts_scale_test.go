package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// A checklist's own five levels make the counts table longer (a header
// of shapes, and a legend of two lines under it): in presenter mode at
// 60x16, with a warning of three lines under it (here: the plan is open in
// another session too), the question's answer had one line left, and
// showed the header of shapes alone, with no row and nothing to say the
// rows were hidden.
func TestTheCountsOfFiveLevelsSayWhenRowsAreHidden(t *testing.T) {
	dir, path, list := fiveLevelPlan(t)
	rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, 80, 24) // the other session
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h := rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, size[0], size[1])
		h.press("P")
		h.a.c.goToPlace(review.Question(0))
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := h.view()
		if !strings.Contains(v, "All areas") && !strings.Contains(v, "a taller window shows them") {
			t.Errorf("%dx%d: rows of the counts are hidden with nothing to say so:\n%s", size[0], size[1], v)
		}
		requireFits(t, h, size[0], size[1])
	}
}

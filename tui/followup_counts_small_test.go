package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// In a short window the counts question keeps its table before the note
// under it, and where the table itself does not fit, its last line says
// that rows are hidden: presenter mode at 60x16 showed the first area's
// row alone, with nothing to say Workforce, Enablers and the total were
// there. (The question takes no keys that scroll.)
func TestTheCountsSayWhenRowsAreHidden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		w, h    int
		present bool
	}{
		{"presenter 60x16", 60, 16, true},
		{"presenter 80x24", 80, 24, true},
		{"laptop 60x16", 60, 16, false},
		{"laptop 80x24", 80, 24, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, _ := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
			if tc.present {
				h.press("P")
			}
			h.a.c.goToPlace(review.Question(0))
			h.send(tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
			v := h.view()
			if !strings.Contains(v, "All areas") && !strings.Contains(v, "more rows: a taller window shows them") {
				t.Errorf("rows of the counts are hidden with nothing to say so:\n%s", v)
			}
			requireFits(t, h, tc.w, tc.h)
		})
	}
}

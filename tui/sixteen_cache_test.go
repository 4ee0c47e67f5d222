package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Bubble Tea may say a terminal has 16 colours after a screen was drawn:
// the board and the overview, which keep their drawings, draw again in
// the 16 colours rather than keep the 256-colour orange and lime.
func TestAScreenDrawnBeforeTheColourProfileIsDrawnAgain(t *testing.T) {
	dir, path, list := fiveLevelPlan(t)
	for _, screen := range []string{"b", "o"} {
		h := rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, 100, 30)
		h.press(screen)
		before := h.a.View().Content
		h.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
		after := h.a.View().Content
		for _, c := range []string{"38;5;208", "38;5;148", "38;5;166", "38;5;64"} {
			if strings.Contains(after, c) {
				t.Errorf("%s: drawn in the 256-colour %s after a 16-colour profile (before: %v)", screen, c, strings.Contains(before, c))
			}
		}
	}
}

package tui

import (
	"image/color"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/socialmobility/ladder/checklist"
)

// On screen every level of the scale has a colour of its own, on dark and
// light terminals, laptop and projector: a checklist's own four or five
// levels had every middle level in amber. Three levels keep the theme's
// red, amber and green; an unrated item stays grey.
func TestEveryLevelHasAColourOfItsOwnOnScreen(t *testing.T) {
	for _, dark := range []bool{true, false} {
		for _, projector := range []bool{false, true} {
			s := newStyles(dark, projector)
			for n := 2; n <= checklist.MaxLevels; n++ {
				var seen []color.Color
				for i := range n {
					c := s.levelStyle(i, n).GetForeground()
					for j, o := range seen {
						if o == c {
							t.Errorf("dark %v, projector %v: levels %d and %d of %d have the same colour %v", dark, projector, j+1, i+1, n, c)
						}
					}
					seen = append(seen, c)
				}
			}
			ld := lipgloss.LightDark(dark)
			for i, want := range []color.Color{ld(lipgloss.Red, lipgloss.BrightRed), ld(lipgloss.Yellow, lipgloss.BrightYellow), ld(lipgloss.Green, lipgloss.BrightGreen)} {
				if got := s.levelStyle(i, 3).GetForeground(); got != want {
					t.Errorf("dark %v: level %d of 3 is %v, want %v as before", dark, i+1, got, want)
				}
			}
		}
	}
}

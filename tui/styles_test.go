package tui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
)

// On screen every level of the scale has a colour of its own, on dark and
// light terminals, laptop and projector: a checklist's own four or five
// levels had every middle level in amber. Three levels keep the theme's
// red, amber and green; an unrated item stays grey.
func TestEveryLevelHasAColourOfItsOwnOnScreen(t *testing.T) {
	for _, dark := range []bool{true, false} {
		for _, projector := range []bool{false, true} {
			for _, sixteen := range []bool{false, true} {
				s := newStyles(dark, projector).withSixteenColours(sixteen)
				for n := 2; n <= checklist.MaxLevels; n++ {
					var seen []color.Color
					for i := range n {
						c := s.levelStyle(i, n).GetForeground()
						for j, o := range seen {
							if o == c {
								t.Errorf("dark %v, projector %v, 16 colours %v: levels %d and %d of %d have the same colour %v", dark, projector, sixteen, j+1, i+1, n, c)
							}
						}
						// A terminal of 16 colours turns any other into the
						// nearest of them: orange became red, lime green.
						if _, basic := c.(ansi.BasicColor); sixteen && !basic {
							t.Errorf("dark %v: level %d of %d is %v in a terminal of 16 colours", dark, i+1, n, c)
						}
						seen = append(seen, c)
					}
				}
			}
			s := newStyles(dark, projector)
			ld := lipgloss.LightDark(dark)
			for i, want := range []color.Color{ld(lipgloss.Red, lipgloss.BrightRed), ld(lipgloss.Yellow, lipgloss.BrightYellow), ld(lipgloss.Green, lipgloss.BrightGreen)} {
				if got := s.levelStyle(i, 3).GetForeground(); got != want {
					t.Errorf("dark %v: level %d of 3 is %v, want %v as before", dark, i+1, got, want)
				}
			}
		}
	}
}

// Bubble Tea says at start which colours the terminal has: in one of 16,
// the screens take the 16-colour set.
func TestASixteenColourTerminalGetsSixteenColourLevels(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
	if _, basic := h.a.c.styles.levelStyle(1, 5).GetForeground().(ansi.BasicColor); !basic {
		t.Errorf("level 2 of 5 is %v after a 16-colour profile", h.a.c.styles.levelStyle(1, 5).GetForeground())
	}
	h.press("P") // presenter mode builds the styles again
	if _, basic := h.a.c.styles.levelStyle(1, 5).GetForeground().(ansi.BasicColor); !basic {
		t.Errorf("in presenter mode level 2 of 5 is %v", h.a.c.styles.levelStyle(1, 5).GetForeground())
	}
}

package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// figureToken is one figure as data show prints it: a share with its
// group's shape, a count, a rate, "<10" or "--".
var figureToken = regexp.MustCompile(`[█▒░]?(<10|--|\d[\d-]*%?)`)

// TestWorkforceTextFitsNarrowTerminals: data show at any width from 24
// columns up keeps every line inside the terminal, and says everything it
// says at 80: the same figures, each grade's name, a bar per grade.
func TestWorkforceTextFitsNarrowTerminals(t *testing.T) {
	w := workforceFixture()
	wide := string(WorkforceText(w, 80, nil))
	wantFigures := figureToken.FindAllString(wide, -1)
	slices.Sort(wantFigures)
	for cols := 24; cols < 80; cols++ {
		text := string(WorkforceText(w, cols, nil))
		for i, l := range strings.Split(text, "\n") {
			if width(l) > cols {
				t.Errorf("at %d columns, line %d is %d wide: %q", cols, i+1, width(l), l)
			}
		}
		figures := figureToken.FindAllString(text, -1)
		slices.Sort(figures)
		if !slices.Equal(figures, wantFigures) {
			t.Errorf("at %d columns the figures are\n%q\nwant, as at 80,\n%q\n%s", cols, figures, wantFigures, text)
		}
		for _, name := range []string{"Team member", "Team leader", "Manager + Director", "All grades", "Benchmark"} {
			if !strings.Contains(text, name) {
				t.Errorf("at %d columns %q is missing:\n%s", cols, name, text)
			}
		}
		if bars := strings.Count(text, "░░"); bars < 5 {
			t.Errorf("at %d columns there are %d bars, want 5:\n%s", cols, bars, text)
		}
	}
	if got := string(WorkforceText(w, 10, nil)); got != string(WorkforceText(w, 24, nil)) {
		t.Errorf("below 24 columns the layout is not the 24-column one:\n%s", got)
	}
}

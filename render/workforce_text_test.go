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

// Every text wrapper in render breaks at spaces only: x/ansi also breaks
// at hyphens, which split "80-89%", "working-class" and the "--" of a
// hidden figure in data history as it did in data show.
func TestWrappedTextKeepsHyphenatedWordsWhole(t *testing.T) {
	text := "The working-class share: <10 is fewer than 10, --: not shown, 80-89% a rate"
	for n := 13; n < 40; n++ { // from the longest word's width
		for _, lines := range [][]string{wrapTo(text, n), strings.Split(strings.TrimSuffix(wrapText("  ", text), "\n"), "\n")} {
			if got := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); got != text {
				t.Fatalf("at %d columns the words are %q", n, got)
			}
		}
	}
}

// For a screen reader, data show names every grade in full and spells the
// collection date out: the responses' table, said a line per grade, cut a
// long grade (or a group of them, "Baker + Shift lead + Ma…") at 24
// columns, where no column needs it, and "collected 2027-03-10" is read
// as a sum.
func TestWorkforceWordsNameEveryGradeInFull(t *testing.T) {
	w := workforceFixture()
	long := "Apprentice baker on early and late shifts"
	w.Data.Grades[0].Name = long
	got := string(WorkforceWords(w, 80))
	flat := strings.Join(strings.Fields(got), " ")
	for _, want := range []string{long + ": responses ", "collected 10 March 2027"} {
		if !strings.Contains(flat, want) {
			t.Errorf("data show's words do not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "…") {
		t.Errorf("data show's words cut a name short:\n%s", got)
	}
}

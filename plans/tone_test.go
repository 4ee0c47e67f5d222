package plans

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
)

// Every level of a scale has a colour of its own, on a ramp from red for
// the worst to green for the best: a five-level scale's three middle
// levels were all amber, told apart only by shape and word. Three levels
// stay red, amber and green.
func TestEveryLevelHasAToneOfItsOwn(t *testing.T) {
	want := map[int][]Tone{
		2: {ToneRed, ToneGreen},
		3: {ToneRed, ToneAmber, ToneGreen},
		4: {ToneRed, ToneOrange, ToneAmber, ToneGreen},
		5: {ToneRed, ToneOrange, ToneAmber, ToneLime, ToneGreen},
	}
	for n := 2; n <= checklist.MaxLevels; n++ {
		var got []Tone
		for i := range n {
			got = append(got, ToneAt(i, n))
		}
		if !slices.Equal(got, want[n]) {
			t.Errorf("%d levels: %v, want %v", n, got, want[n])
		}
	}
	if got := ToneAt(-1, 3); got != ToneNone {
		t.Errorf("unrated: %v", got)
	}
}

// No two levels of any scale a checklist may have look alike: each has a
// shape of its own, unlike the unrated item's, one cell wide wherever a
// terminal draws it (charmbracelet/x/ansi measures as the screens do), and
// a tone of its own. Past checklist.MaxLevels the shapes repeated (the
// seventh level was a triangle again), which is why a scale stops there.
func TestNoTwoLevelsLookAlike(t *testing.T) {
	for n := 2; n <= checklist.MaxLevels; n++ {
		marks := map[string]int{MarkUnrated: -1}
		tones := map[Tone]int{}
		for i := range n {
			m := MarkAt(i, n)
			if w := ansi.StringWidth(m); w != 1 {
				t.Errorf("%d levels: level %d's %s is %d cells wide", n, i+1, m, w)
			}
			if j, ok := marks[m]; ok {
				t.Errorf("%d levels: levels %d and %d are both %s", n, j+1, i+1, m)
			}
			marks[m] = i
			if j, ok := tones[ToneAt(i, n)]; ok {
				t.Errorf("%d levels: levels %d and %d are both %s", n, j+1, i+1, ToneAt(i, n))
			}
			tones[ToneAt(i, n)] = i
		}
	}
}

package plans

import (
	"slices"
	"testing"

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

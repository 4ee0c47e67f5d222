package plans

// Tone is the colour a level of the scale is shown in, by name: the
// screens, the HTML pages and the phones each paint it their own way
// (terminal colours, a stylesheet), so that a level has the same colour
// in every front end. Colour is never a rating's only sign: see Mark.
type Tone string

// The tones, worst to best, and the tone of an unrated item.
const (
	ToneRed    Tone = "red"
	ToneOrange Tone = "orange"
	ToneAmber  Tone = "amber"
	ToneLime   Tone = "lime"
	ToneGreen  Tone = "green"
	ToneNone   Tone = "none"
)

// tonesFor lists the tones of a scale of n levels: red for the worst,
// green for the best, and for the levels between steps along the ramp
// from red to green, each its own, so that no two levels look alike in
// colour. Three levels are red, amber and green, as they always were.
var tonesFor = [][]Tone{
	2: {ToneRed, ToneGreen},
	3: {ToneRed, ToneAmber, ToneGreen},
	4: {ToneRed, ToneOrange, ToneAmber, ToneGreen},
	5: {ToneRed, ToneOrange, ToneAmber, ToneLime, ToneGreen},
}

// ToneAt returns the tone of level i of a scale of n levels (worst
// first), or ToneNone for i < 0 (not rated). A checklist has at most
// checklist.MaxLevels levels; a longer scale built in code shares the
// middle tones.
func ToneAt(i, n int) Tone {
	switch {
	case i < 0:
		return ToneNone
	case n < len(tonesFor) && n >= 2:
		return tonesFor[n][i]
	case i == 0:
		return ToneRed
	case i == n-1:
		return ToneGreen
	}
	middle := tonesFor[len(tonesFor)-1]
	middle = middle[1 : len(middle)-1]
	return middle[(i-1)%len(middle)]
}

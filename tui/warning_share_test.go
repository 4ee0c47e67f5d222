package tui

import (
	"slices"
	"testing"
)

// The status line's warnings share the lines they are given: each keeps
// its first sentence where those all fit, the rest shared fairly; the
// caller's counts are read, not changed (warningText builds them afresh
// each frame, but a caller that kept them would find them cut).
func TestShareLinesBySentence(t *testing.T) {
	lines := func(n int) []string { return make([]string, n) }
	for _, tc := range []struct {
		name  string
		each  [][]string
		leads []int
		n     int
		want  []int
	}{
		{"all fit", [][]string{lines(2), lines(3)}, []int{1, 1}, 8, []int{2, 3}},
		{"first sentences first", [][]string{lines(5), lines(2)}, []int{4, 1}, 5, []int{4, 1}},
		{"a lead longer than its warning", [][]string{lines(2), lines(6)}, []int{9, 1}, 5, []int{2, 3}},
		{"too few for the first sentences: a fair share", [][]string{lines(5), lines(5)}, []int{4, 4}, 4, []int{2, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			leads := slices.Clone(tc.leads)
			got := shareLinesBySentence(tc.each, leads, tc.n)
			if !slices.Equal(got, tc.want) {
				t.Errorf("shares = %v, want %v", got, tc.want)
			}
			if !slices.Equal(leads, tc.leads) {
				t.Errorf("leads changed to %v from %v", leads, tc.leads)
			}
		})
	}
}

package plans

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The merge of lists places theirs' additions with set look-ups in one
// pass (3b76ec7), where it scanned the merge for each: the order is the
// one the scans gave. mergeEntriesByScans is that code, kept here as the
// reference; both merge thousands of random small lists (words written
// twice, entries removed, added and moved on either side) and must agree.
func TestMergeOfListsPlacesEntriesAsTheScansDid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a' + r.IntN(8)))
		}
		return out
	}
	edit := func(list []string) []string {
		list = slices.Clone(list)
		for range r.IntN(4) {
			switch at := r.IntN(len(list) + 1); r.IntN(3) {
			case 0:
				list = slices.Insert(list, at, words(1+r.IntN(2))...)
			case 1:
				if at < len(list) {
					list = slices.Delete(list, at, at+1)
				}
			case 2:
				if len(list) > 1 {
					i, j := r.IntN(len(list)), r.IntN(len(list))
					list[i], list[j] = list[j], list[i]
				}
			}
		}
		return list
	}
	for range 20000 {
		b := words(r.IntN(7))
		o, t2 := edit(b), edit(b)
		got := mergeEntries(counted(b), counted(o), counted(t2))
		want := mergeEntriesByScans(counted(b), counted(o), counted(t2))
		if !slices.Equal(got, want) {
			t.Fatalf("base %q, ours %q, theirs %q: merged %v, the scans gave %v", b, o, t2, got, want)
		}
	}
}

func mergeEntriesByScans(b, o, t []listEntry) []listEntry {
	if reordered(b, t, itself[listEntry]) && !reordered(b, o, itself[listEntry]) {
		o, t = t, o
	}
	out := make([]listEntry, 0, len(o)+len(t))
	for _, s := range o {
		if slices.Contains(b, s) && !slices.Contains(t, s) {
			continue
		}
		out = append(out, s)
	}
	for i, s := range t {
		if slices.Contains(b, s) || slices.Contains(o, s) {
			continue
		}
		at := 0
		for j := i - 1; j >= 0; j-- {
			if k := slices.Index(out, t[j]); k >= 0 {
				at = k + 1
				break
			}
		}
		for at < len(out) && !slices.Contains(t, out[at]) {
			at++
		}
		out = slices.Insert(out, at, s)
	}
	return out
}

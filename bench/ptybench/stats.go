package ptybench

import (
	"slices"
	"time"
)

// Stats summarise a set of timings.
type Stats struct {
	N                     int
	Min, Median, P95, Max time.Duration
}

// Summarize computes the statistics of ds (which it does not change). The
// median of an even count is the mean of the middle two; p95 is the
// nearest-rank 95th percentile, so with fewer than 20 samples it is the
// maximum.
func Summarize(ds []time.Duration) Stats {
	if len(ds) == 0 {
		return Stats{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	median := s[n/2]
	if n%2 == 0 {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	rank := (95*n + 99) / 100 // ceil(0.95 n)
	return Stats{N: n, Min: s[0], Median: median, P95: s[rank-1], Max: s[n-1]}
}

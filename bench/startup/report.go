package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/socialmobility/ladder/bench/ptybench"
)

// print writes the tables and says whether every case is within its limits.
func (r *results) print(w io.Writer, cfg config) bool {
	ok := true
	fmt.Fprintf(w, "machine: %d CPUs, %s, %s %s/%s\n", runtime.NumCPU(), cpuModel(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(w, "load average (1, 5, 15 min): %s before, %s after\n", r.loadBefore, r.loadAfter)
	fmt.Fprintf(w, "%d rounds; in each, at each size, %d starts of every program in turn, the order rotated each round\n\n", cfg.rounds, cfg.n)

	fmt.Fprintf(w, "%-44s %-7s %8s %8s  %-15s %6s  %s\n", "first frame", "size", "median", "p95", "round medians", "ratio", "round ratios")
	for si, sz := range r.sizes {
		base := r.cell(0, si)
		baseMedian := ptybench.Summarize(ptybench.FirstFrames(base.starts)).Median
		for pi, p := range r.programs {
			c := r.cell(pi, si)
			st := ptybench.Summarize(ptybench.FirstFrames(c.starts))
			label := fmt.Sprintf("%s (%q)", p.label, p.marker)
			fmt.Fprintf(w, "  %-42s %-7s %8s %8s  %-15s", label, sz, ms(st.Median), ms(st.P95), span(c.roundMedians))
			if pi == 0 {
				fmt.Fprintln(w)
				continue
			}
			ratio := float64(st.Median) / float64(baseMedian)
			verdict := "ok"
			if ratio > cfg.maxRatio {
				verdict, ok = "TOO SLOW", false
			}
			fmt.Fprintf(w, " %6.2f  %s  %s\n", ratio, ratioSpan(c.roundMedians, base.roundMedians), verdict)
			if exitedAlone(c.starts) {
				fmt.Fprintf(w, "    note: %s exited by itself after its first output (it does not start a screen)\n", p.label)
			}
		}
	}
	fmt.Fprintf(w, "  (ratio: median over minimal's median, both from the same rounds; limit %.2f)\n", cfg.maxRatio)

	if cfg.keyPresses == 0 {
		return ok
	}
	fmt.Fprintf(w, "\n%-44s %-7s %8s %8s %8s  %s\n", "key press to next frame", "size", "p50", "p95", "max", "round p95s")
	for si, sz := range r.sizes {
		for pi, p := range r.programs {
			c := r.cell(pi, si)
			if len(c.keys) == 0 {
				continue
			}
			st := ptybench.Summarize(c.keys)
			label := fmt.Sprintf("%s (keys %s)", p.label, strings.Join(p.keys, " "))
			fmt.Fprintf(w, "  %-42s %-7s %8s %8s %8s  %-15s", label, sz, ms(st.Median), ms(st.P95), ms(st.Max), span(c.roundKeyP95s))
			if pi == 0 {
				fmt.Fprintln(w)
				continue
			}
			verdict := "ok"
			if st.P95 > cfg.maxKeyP95 {
				verdict, ok = "TOO SLOW", false
			}
			fmt.Fprintf(w, "  %s\n", verdict)
		}
	}
	fmt.Fprintf(w, "  (p95 limit %s)\n", ms(cfg.maxKeyP95))
	return ok
}

func exitedAlone(sts []ptybench.Startup) bool {
	return slices.ContainsFunc(sts, func(st ptybench.Startup) bool { return st.ExitedAlone })
}

// span is the lowest and highest of ds, in milliseconds.
func span(ds []time.Duration) string {
	if len(ds) == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f-%.2f", msf(slices.Min(ds)), msf(slices.Max(ds)))
}

// ratioSpan is the lowest and highest ratio of a round's median to the
// baseline's median of the same round.
func ratioSpan(medians, base []time.Duration) string {
	lo, hi := 0.0, 0.0
	for i := range min(len(medians), len(base)) {
		r := float64(medians[i]) / float64(base[i])
		if i == 0 || r < lo {
			lo = r
		}
		if i == 0 || r > hi {
			hi = r
		}
	}
	return fmt.Sprintf("%.2f-%.2f", lo, hi)
}

func msf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", msf(d)) }

// cpuModel reads the processor's name from /proc/cpuinfo, where there is one.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
		}
	}
	return "unknown CPU"
}

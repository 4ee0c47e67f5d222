// Command startup compares ladder with a minimal Bubble Tea program
// (bench/minimal) in a pseudo-terminal: the time from process start to the
// first frame, in interleaved runs so both see the same machine, and the
// time from a key press to the next frame. It prints a table and exits
// with status 1 if ladder starts more than -max-ratio times slower than
// the minimal program or if ladder's key p95 exceeds -max-key-p95.
//
//	go run ./bench/startup -n 30 -size 100x30
//	go run ./bench/startup -ladder-args 'review plans/x.yaml' -marker 'Leadership' -ladder-keys '?'
//
// The minimal program runs at Bubble Tea's default 60 fps unless
// -minimal-fps says otherwise; give it ladder's frame rate so that the
// start-up comparison does not count the wait for the first frame tick.
// -ladder-bin and -minimal-bin measure binaries built elsewhere (a release,
// another commit, other dependency versions).
//
// It is a check to run by hand on a quiet machine, not part of go test:
// shared CI machines are too noisy for a ratio of timings.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/socialmobility/ladder/bench/ptybench"
)

type config struct {
	n, warmup, keyPresses int
	minimalFPS            int
	cols, rows            int
	ladderArgs            []string
	ladderBin, minimalBin string
	ladderDir             string
	marker                string
	ladderKeys            []string
	quit                  []string
	maxRatio              float64
	maxKeyP95             time.Duration
	timeout               time.Duration
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		fmt.Fprintln(stderr, "startup:", err)
		return 2
	}
	r, err := measure(cfg, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "startup:", err)
		return 1
	}
	if !r.print(stdout, cfg) {
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	var size, ladderArgs, ladderKeys, quit string
	fs.IntVar(&cfg.n, "n", 30, "measured starts of each program")
	fs.IntVar(&cfg.warmup, "warmup", 2, "unrecorded starts of each program first")
	fs.IntVar(&cfg.minimalFPS, "minimal-fps", 0, "frame rate of the minimal program in the start-up comparison (0: Bubble Tea's default, 60); match ladder's")
	fs.IntVar(&cfg.keyPresses, "keys-n", 100, "key presses measured per program and frame rate")
	fs.StringVar(&size, "size", "100x30", "terminal size, COLSxROWS")
	fs.StringVar(&cfg.ladderBin, "ladder-bin", "", "a ladder binary to measure (default: build the module's)")
	fs.StringVar(&cfg.minimalBin, "minimal-bin", "", "a bench/minimal binary to compare with (default: build the module's)")
	fs.StringVar(&ladderArgs, "ladder-args", "", "arguments for ladder, split on spaces (e.g. 'review plans/x.yaml')")
	fs.StringVar(&cfg.ladderDir, "dir", "", "working directory for ladder (default: the current one)")
	fs.StringVar(&cfg.marker, "marker", "", "text of ladder's first frame (default: any visible text)")
	fs.StringVar(&ladderKeys, "ladder-keys", "", "comma-separated keys pressed in turn to measure ladder's key latency, each must redraw the screen (e.g. '?'); empty: not measured")
	fs.StringVar(&quit, "quit", "ctrl+c", "comma-separated keys that make ladder quit after its first frame")
	fs.Float64Var(&cfg.maxRatio, "max-ratio", 1.2, "fail if ladder's median start-up exceeds this many times the minimal program's")
	fs.DurationVar(&cfg.maxKeyP95, "max-key-p95", 10*time.Millisecond, "fail if ladder's key-to-frame p95 exceeds this")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "longest wait for any one frame")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments %q (ladder's go in -ladder-args)", fs.Args())
	}
	if _, err := fmt.Sscanf(size, "%dx%d", &cfg.cols, &cfg.rows); err != nil || cfg.cols < 1 || cfg.rows < 1 {
		return cfg, fmt.Errorf("-size %q: want COLSxROWS, e.g. 100x30", size)
	}
	if cfg.n < 1 || cfg.keyPresses < 1 {
		return cfg, fmt.Errorf("-n and -keys-n must be at least 1")
	}
	cfg.ladderArgs = strings.Fields(ladderArgs)
	cfg.ladderKeys = splitKeys(ladderKeys)
	cfg.quit = splitKeys(quit)
	for _, k := range append(cfg.ladderKeys, cfg.quit...) {
		if _, err := ptybench.Key(k); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

func splitKeys(s string) []string {
	var keys []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// results are what one run measured.
type results struct {
	ladder, minimal []ptybench.Startup
	ladderAlone     bool // ladder exited by itself after its first frame
	// key latencies by row label, in order
	keyRows   []keyRow
	ladderKey *ptybench.Stats // nil when not measured
}

type keyRow struct {
	label string
	stats ptybench.Stats
}

func measure(cfg config, progress io.Writer) (*results, error) {
	root, err := ptybench.ModuleRoot()
	if err != nil {
		return nil, err
	}
	bin, err := os.MkdirTemp("", "ladder-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(bin)
	ladderBin, minimalBin := filepath.Join(bin, "ladder"), filepath.Join(bin, "minimal")
	if cfg.ladderBin != "" {
		ladderBin = cfg.ladderBin
	} else {
		fmt.Fprintln(progress, "building ladder ...")
		if err := ptybench.Build(root, ".", ladderBin); err != nil {
			return nil, err
		}
	}
	if cfg.minimalBin != "" {
		minimalBin = cfg.minimalBin
	} else {
		fmt.Fprintln(progress, "building bench/minimal ...")
		if err := ptybench.Build(root, "./bench/minimal", minimalBin); err != nil {
			return nil, err
		}
	}
	term := ptybench.Options{Cols: cfg.cols, Rows: cfg.rows}
	ladderOpt := term
	ladderOpt.Args, ladderOpt.Dir = cfg.ladderArgs, cfg.ladderDir
	ladder := ptybench.Program{Name: "ladder", Path: ladderBin, Options: ladderOpt, Marker: cfg.marker, Quit: cfg.quit}
	minimalOpt := term
	if cfg.minimalFPS != 0 {
		minimalOpt.Args = []string{"-fps", strconv.Itoa(cfg.minimalFPS)}
	}
	minimal := ptybench.Program{Name: "minimal", Path: minimalBin, Options: minimalOpt, Marker: "ready", Quit: []string{"q"}}

	fmt.Fprintf(progress, "start-up: %d interleaved starts of each ...\n", cfg.n)
	starts, err := ptybench.Interleave([]ptybench.Program{ladder, minimal}, cfg.n, cfg.warmup, cfg.timeout)
	if err != nil {
		return nil, err
	}
	r := &results{ladder: starts[0], minimal: starts[1]}
	for _, st := range r.ladder {
		r.ladderAlone = r.ladderAlone || st.ExitedAlone
	}

	fmt.Fprintf(progress, "key latency: %d presses each ...\n", cfg.keyPresses)
	minimalKeys := []string{"a", "b", "c"}
	for _, fps := range []struct {
		label string
		args  []string
	}{
		{"minimal, 60 fps (default)", nil},
		{"minimal, 120 fps (tea.WithFPS(120): max)", []string{"-fps", "120"}},
	} {
		opt := term
		opt.Args = fps.args
		st, err := keyLatency(minimalBin, opt, "ready", minimalKeys, cfg)
		if err != nil {
			return nil, fmt.Errorf("minimal: %w", err)
		}
		r.keyRows = append(r.keyRows, keyRow{fps.label, st})
	}
	if len(cfg.ladderKeys) > 0 {
		st, err := keyLatency(ladderBin, ladderOpt, cfg.marker, cfg.ladderKeys, cfg)
		if err != nil {
			return nil, fmt.Errorf("ladder: %w", err)
		}
		r.keyRows = append(r.keyRows, keyRow{"ladder, keys " + strings.Join(cfg.ladderKeys, " "), st})
		r.ladderKey = &st
	}
	return r, nil
}

// keyLatency starts a program, waits for its first frame and measures
// cfg.keyPresses key presses, then kills it.
func keyLatency(bin string, opt ptybench.Options, marker string, keys []string, cfg config) (ptybench.Stats, error) {
	s, err := ptybench.Start(bin, opt)
	if err != nil {
		return ptybench.Stats{}, err
	}
	defer s.Close()
	if _, err := s.WaitFor(marker, cfg.timeout); err != nil {
		return ptybench.Stats{}, err
	}
	// 25 ms of quiet is longer than a frame at 60 fps, so the frame of
	// one key is never taken for the answer to the next.
	ds, err := ptybench.MeasureKeys(s, keys, cfg.keyPresses, 25*time.Millisecond, cfg.timeout)
	if err != nil {
		return ptybench.Stats{}, err
	}
	return ptybench.Summarize(ds), nil
}

// print writes the table and says whether ladder is within its limits.
func (r *results) print(w io.Writer, cfg config) bool {
	ok := true
	fmt.Fprintf(w, "machine: %d CPUs, %s, %s %s/%s; terminal %dx%d\n",
		runtime.NumCPU(), cpuModel(), runtime.Version(), runtime.GOOS, runtime.GOARCH, cfg.cols, cfg.rows)
	fmt.Fprintf(w, "ladder %s\n\n", strings.Join(cfg.ladderArgs, " "))

	fmt.Fprintf(w, "start-up, %d interleaved runs         median      p95      min  (first output, median)\n", cfg.n)
	lad, min := ptybench.Summarize(ptybench.FirstFrames(r.ladder)), ptybench.Summarize(ptybench.FirstFrames(r.minimal))
	fps := "60"
	if cfg.minimalFPS != 0 {
		fps = strconv.Itoa(cfg.minimalFPS)
	}
	startRow(w, "minimal, "+fps+" fps (\"ready\")", min, r.minimal)
	marker := "any text"
	if cfg.marker != "" {
		marker = fmt.Sprintf("%q", cfg.marker)
	}
	startRow(w, fmt.Sprintf("ladder (%s)", marker), lad, r.ladder)
	ratio := float64(lad.Median) / float64(min.Median)
	verdict := "ok"
	if ratio > cfg.maxRatio {
		verdict, ok = "TOO SLOW", false
	}
	fmt.Fprintf(w, "  ratio ladder/minimal of medians    %7.2f   (limit %.2f)  %s\n", ratio, cfg.maxRatio, verdict)
	if r.ladderAlone {
		fmt.Fprintln(w, "  note: ladder exited by itself after its first output (with these arguments it does not start a screen)")
	}

	fmt.Fprintf(w, "\nkey press to next frame                      p50      p95      max\n")
	for _, k := range r.keyRows {
		fmt.Fprintf(w, "  %-40s %8s %8s %8s\n", k.label, ms(k.stats.Median), ms(k.stats.P95), ms(k.stats.Max))
	}
	switch {
	case r.ladderKey == nil:
		fmt.Fprintln(w, "  ladder: not measured (give -ladder-keys)")
	case r.ladderKey.P95 > cfg.maxKeyP95:
		fmt.Fprintf(w, "  ladder p95 %s is over the limit of %s: TOO SLOW\n", ms(r.ladderKey.P95), ms(cfg.maxKeyP95))
		ok = false
	default:
		fmt.Fprintf(w, "  ladder p95 %s is within the limit of %s: ok\n", ms(r.ladderKey.P95), ms(cfg.maxKeyP95))
	}
	return ok
}

func startRow(w io.Writer, label string, st ptybench.Stats, starts []ptybench.Startup) {
	first := ptybench.Summarize(ptybench.FirstOutputs(starts))
	fmt.Fprintf(w, "  %-34s %8s %8s %8s  (%s)\n", label, ms(st.Median), ms(st.P95), ms(st.Min), ms(first.Median))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

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

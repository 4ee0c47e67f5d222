// Command startup compares ladder with a minimal Bubble Tea program
// (bench/minimal) in a pseudo-terminal: the time from process start to the
// first frame, and the time from a key press to the next frame.
//
//	go run ./bench/startup                 # the targets: ladder and ladder review PLAN, 80x24 and 100x30
//	go run ./bench/startup -rounds 5 -n 20 -keys-n 200
//	go run ./bench/startup -sizes 100x30 -case 'help;review --help;Usage:;'
//	go run ./bench/startup -case 'before;review plans/acme.yaml;r/a/g rate;n,p;/tmp/ladder-old' -case 'after;review plans/acme.yaml;r/a/g rate;n,p'
//
// Every measurement is side by side: in each round, at each terminal
// size, the minimal program and every ladder case are started in turn
// (minimal, ladder, ladder review, minimal, ...), the order rotating from
// round to round so that no program always runs first, and then each has
// its keys measured, in the same rotated order. The ratio of a case is its
// median first frame over minimal's, both from the same rounds; the range
// beside it is the lowest and highest ratio of a single round.
//
// Without -dir, ladder runs in a temporary folder holding
// plans/acme.yaml, a copy of plans/testdata/golden.yaml (4 of 21 items
// rated), which the default "ladder review" case opens.
//
// It exits with status 1 if a case's ratio is over -max-ratio or its key
// p95 is over -max-key-p95. It is a check to run by hand, not part of go
// test: shared machines are too noisy for a ratio of timings, which is why
// it prints the load average before and after.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/socialmobility/ladder/bench/ptybench"
)

// A target is one way of starting ladder that is measured.
type target struct {
	label  string
	args   []string
	marker string   // text of the first frame
	keys   []string // pressed in turn to measure key latency; none: not measured
	bin    string   // the binary to run; empty: ladder (-ladder-bin, or built)
	env    []string // KEY=VALUE pairs it runs with, from ARGS's leading words
	// ready is text the screen shows once it takes the keys, where that
	// comes after the first frame; empty: the marker.
	ready string
}

// defaultTargets are the start-up targets of issue 16: the start screen
// (ladder with no arguments) and resuming a plan. The start screen opens
// on the review under way (plansFolder dates the plan today), so its
// first key is up, to "Begin a new review", and down comes back: down
// first changed nothing, drew no frame, and the run stopped waiting for
// one. A build from before the list opened there (f671e1d) wants
// 'ladder;;Begin a new review;down,up;BINARY'. The first frame may come
// before the plans folder is read ("Looking for plans"): the keys wait
// for the list. Pressed before it, up is taken for the list's own frame,
// and on a loaded machine the program may then read up and down at once,
// which move the cursor and back in one frame that changes nothing.
var defaultTargets = []target{
	{label: "ladder", marker: "Begin a new review", ready: "Resume a review", keys: []string{"up", "down"}},
	{label: "ladder review PLAN", args: []string{"review", "plans/acme.yaml"}, marker: "r/a/g rate", keys: []string{"n", "p"}},
}

type size struct{ cols, rows int }

func (s size) String() string { return fmt.Sprintf("%dx%d", s.cols, s.rows) }

type config struct {
	rounds, n, warmup, keyPresses int
	minimalFPS                    int
	sizes                         []size
	targets                       []target
	ladderBin, minimalBin         string
	dir                           string
	maxRatio                      float64
	maxKeyP95                     time.Duration
	timeout                       time.Duration
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

// caseFlag collects -case values: LABEL;ARGS;MARKER;KEYS[;BINARY]. ARGS
// may begin with KEY=VALUE words, the case's environment.
type caseFlag []target

func (c *caseFlag) String() string { return fmt.Sprint(len(*c), " cases") }

func (c *caseFlag) Set(v string) error {
	f := strings.Split(v, ";")
	if len(f) < 4 || len(f) > 5 || strings.TrimSpace(f[0]) == "" {
		return fmt.Errorf("want LABEL;ARGS;MARKER;KEYS[;BINARY], e.g. 'review;review plans/x.yaml;r/a/g rate;n,p'")
	}
	t := target{label: strings.TrimSpace(f[0]), args: strings.Fields(f[1]), marker: f[2], keys: splitList(f[3])}
	// Leading KEY=VALUE words are the environment, as in a shell.
	for len(t.args) > 0 && strings.Contains(t.args[0], "=") {
		t.env, t.args = append(t.env, t.args[0]), t.args[1:]
	}
	if len(f) == 5 {
		t.bin = strings.TrimSpace(f[4])
	}
	*c = append(*c, t)
	return nil
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	var sizes string
	var cases caseFlag
	fs.IntVar(&cfg.rounds, "rounds", 3, "rounds; each measures every program at every size, in an order rotated from the last round's")
	fs.IntVar(&cfg.n, "n", 20, "measured starts of each program per round and size")
	fs.IntVar(&cfg.warmup, "warmup", 2, "unrecorded starts of each program first, per round and size")
	fs.IntVar(&cfg.keyPresses, "keys-n", 100, "key presses measured per program, round and size (0: no key latency)")
	fs.IntVar(&cfg.minimalFPS, "minimal-fps", 120, "frame rate of the minimal program; ladder runs at 120, Bubble Tea's maximum")
	fs.StringVar(&sizes, "sizes", "80x24,100x30", "terminal sizes, COLSxROWS, comma-separated")
	fs.Var(&cases, "case", "a way of starting ladder, LABEL;ARGS;MARKER;KEYS (ARGS may begin with KEY=VALUE words: its environment), or another binary with ;BINARY at the end (repeat it; default: ladder, and ladder review plans/acme.yaml)")
	fs.StringVar(&cfg.ladderBin, "ladder-bin", "", "a ladder binary to measure (default: build the module's)")
	fs.StringVar(&cfg.minimalBin, "minimal-bin", "", "a bench/minimal binary to compare with (default: build the module's)")
	fs.StringVar(&cfg.dir, "dir", "", "working directory for ladder (default: a temporary one holding plans/acme.yaml)")
	fs.Float64Var(&cfg.maxRatio, "max-ratio", 1.0, "fail if a case's median first frame exceeds this many times the minimal program's")
	fs.DurationVar(&cfg.maxKeyP95, "max-key-p95", 10*time.Millisecond, "fail if a case's key-to-frame p95 exceeds this")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "longest wait for any one frame")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments %q (ladder's go in -case)", fs.Args())
	}
	for _, s := range splitList(sizes) {
		var sz size
		if _, err := fmt.Sscanf(s, "%dx%d", &sz.cols, &sz.rows); err != nil || sz.cols < 1 || sz.rows < 1 {
			return cfg, fmt.Errorf("-sizes %q: want COLSxROWS, e.g. 100x30", s)
		}
		cfg.sizes = append(cfg.sizes, sz)
	}
	if len(cfg.sizes) == 0 {
		return cfg, fmt.Errorf("-sizes: give at least one size")
	}
	if cfg.rounds < 1 || cfg.n < 1 || cfg.keyPresses < 0 {
		return cfg, fmt.Errorf("-rounds and -n must be at least 1, -keys-n at least 0")
	}
	cfg.targets = defaultTargets
	if len(cases) > 0 {
		cfg.targets = cases
	}
	for _, t := range cfg.targets {
		for _, k := range t.keys {
			if _, err := ptybench.Key(k); err != nil {
				return cfg, fmt.Errorf("case %q: %w", t.label, err)
			}
		}
	}
	return cfg, nil
}

func splitList(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

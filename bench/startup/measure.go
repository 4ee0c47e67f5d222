package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/socialmobility/ladder/bench/ptybench"
)

// A program is the minimal program or one ladder target, ready to start.
type program struct {
	label  string
	path   string
	args   []string
	dir    string
	marker string
	ready  string
	keys   []string
	quit   []string
	env    []string
}

// A cell is what was measured of one program at one terminal size.
type cell struct {
	starts       []ptybench.Startup // every measured start, all rounds
	roundMedians []time.Duration    // median first frame of each round
	keys         []time.Duration    // every key press, all rounds
	roundKeyP95s []time.Duration
}

// results hold a whole run; programs[0] is the minimal program.
type results struct {
	programs              []program
	sizes                 []size
	cells                 [][]cell // [program][size]
	loadBefore, loadAfter string
}

func (r *results) cell(p, s int) *cell { return &r.cells[p][s] }

// measure builds what it needs and runs every round.
func measure(cfg config, progress io.Writer) (*results, error) {
	root, err := ptybench.ModuleRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "ladder-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	ladderBin, minimalBin := cfg.ladderBin, cfg.minimalBin
	if ladderBin == "" {
		ladderBin = filepath.Join(tmp, "ladder")
		fmt.Fprintln(progress, "building ladder ...")
		if err := ptybench.Build(root, ".", ladderBin); err != nil {
			return nil, err
		}
	}
	if minimalBin == "" {
		minimalBin = filepath.Join(tmp, "minimal")
		fmt.Fprintln(progress, "building bench/minimal ...")
		if err := ptybench.Build(root, "./bench/minimal", minimalBin); err != nil {
			return nil, err
		}
	}
	dir := cfg.dir
	if dir == "" {
		if dir, err = plansFolder(root, tmp); err != nil {
			return nil, err
		}
	}

	r := &results{sizes: cfg.sizes, loadBefore: loadAverage()}
	r.programs = append(r.programs, program{
		label: fmt.Sprintf("minimal, %d fps", cfg.minimalFPS), path: minimalBin,
		args: []string{"-fps", strconv.Itoa(cfg.minimalFPS)}, marker: "ready",
		keys: []string{"a", "b"}, quit: []string{"q"},
	})
	// ladder marks each plan it opens in the user's runtime folder; a
	// start the run kills leaves its marker, and the run's plans, in a
	// folder of their own, would leave new ones there on every run. The
	// ladders started get a runtime folder of the run's own, removed with
	// it (a case's own XDG_RUNTIME_DIR still wins).
	runtime := filepath.Join(tmp, "runtime")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		return nil, err
	}
	for _, t := range cfg.targets {
		path := ladderBin
		if t.bin != "" {
			path = t.bin
		}
		env := append([]string{"XDG_RUNTIME_DIR=" + runtime}, t.env...)
		r.programs = append(r.programs, program{label: t.label, path: path, args: t.args, dir: dir,
			marker: t.marker, ready: t.ready, keys: t.keys, quit: []string{"ctrl+c"}, env: env})
	}
	r.cells = make([][]cell, len(r.programs))
	for i := range r.cells {
		r.cells[i] = make([]cell, len(cfg.sizes))
	}

	for round := range cfg.rounds {
		order := rotate(len(r.programs), round)
		for si, sz := range cfg.sizes {
			fmt.Fprintf(progress, "round %d of %d, %s: %d starts of each ...\n", round+1, cfg.rounds, sz, cfg.n)
			if err := r.startRound(cfg, order, si); err != nil {
				return nil, err
			}
			if cfg.keyPresses == 0 {
				continue
			}
			fmt.Fprintf(progress, "round %d of %d, %s: %d key presses each ...\n", round+1, cfg.rounds, sz, cfg.keyPresses)
			for _, pi := range order {
				p := r.programs[pi]
				if len(p.keys) == 0 {
					continue
				}
				ds, err := keyLatency(p, sz, cfg)
				if err != nil {
					return nil, fmt.Errorf("%s at %s: %w", p.label, sz, err)
				}
				c := r.cell(pi, si)
				c.keys = append(c.keys, ds...)
				c.roundKeyP95s = append(c.roundKeyP95s, ptybench.Summarize(ds).P95)
			}
		}
	}
	r.loadAfter = loadAverage()
	return r, nil
}

// startRound measures cfg.n interleaved starts of every program, in order.
func (r *results) startRound(cfg config, order []int, si int) error {
	sz := cfg.sizes[si]
	progs := make([]ptybench.Program, len(order))
	for i, pi := range order {
		p := r.programs[pi]
		progs[i] = ptybench.Program{Name: p.label, Path: p.path, Marker: p.marker, Quit: p.quit,
			Options: ptybench.Options{Args: p.args, Dir: p.dir, Cols: sz.cols, Rows: sz.rows, Env: p.env}}
	}
	starts, err := ptybench.Interleave(progs, cfg.n, cfg.warmup, cfg.timeout)
	if err != nil {
		return fmt.Errorf("at %s: %w", sz, err)
	}
	for i, pi := range order {
		c := r.cell(pi, si)
		c.starts = append(c.starts, starts[i]...)
		c.roundMedians = append(c.roundMedians, ptybench.Summarize(ptybench.FirstFrames(starts[i])).Median)
	}
	return nil
}

// rotate returns 0..n-1 starting at round mod n.
func rotate(n, round int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = (i + round) % n
	}
	return order
}

// keyLatency starts a program, waits for its first frame (and for the
// screen to be ready for keys) and measures cfg.keyPresses key presses,
// then kills it.
func keyLatency(p program, sz size, cfg config) ([]time.Duration, error) {
	s, err := ptybench.Start(p.path, ptybench.Options{Args: p.args, Dir: p.dir, Cols: sz.cols, Rows: sz.rows, Env: p.env})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if _, err := s.WaitFor(cmp.Or(p.ready, p.marker), cfg.timeout); err != nil {
		return nil, err
	}
	// 25 ms of quiet is longer than a frame at 60 fps, so the frame of
	// one key is never taken for the answer to the next.
	return ptybench.MeasureKeys(s, p.keys, cfg.keyPresses, 25*time.Millisecond, cfg.timeout)
}

// plansFolder makes DIR/plans/acme.yaml, a copy of the golden plan, in
// tmp, dated today: a review under way, which the start screen opens on
// whatever day the run is (the golden plan's own date stops being under
// way half a year after it).
func plansFolder(root, tmp string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "plans", "testdata", "golden.yaml"))
	if err != nil {
		return "", err
	}
	data = planDate.ReplaceAll(data, []byte("date: "+time.Now().Format(time.DateOnly)))
	dir := filepath.Join(tmp, "work")
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "plans", "acme.yaml"), data, 0o644)
}

// planDate is a plan's own date line (not an item's due date, which is
// indented).
var planDate = regexp.MustCompile(`(?m)^date: .*$`)

// loadAverage is the first three fields of /proc/loadavg, where there is one.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

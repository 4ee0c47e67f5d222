// Command folderbench times ladder's folder commands as processes, side
// by side with a baseline, and reports their peak memory:
//
//	go build -o /tmp/ladder . && go run ./bench/plangen -plans 1000 /tmp/plans1000
//	go run ./bench/folderbench -ladder /tmp/ladder -rounds 9 /tmp/plans1000
//	go run ./bench/plangen -commits 2000 /tmp/history2000
//	go run ./bench/folderbench -ladder /tmp/ladder -rounds 9 -history /tmp/history2000/plans/acme.yaml
//
// With -compare OLD (another build of ladder, say the commit before a
// change), each round also runs OLD's commands, named check@old,
// status@old and history@old, in the same rotation: a before and after
// measured side by side.
//
// For each folder, every round runs the baseline, ladder check FOLDER and
// ladder status FOLDER in turn, the order rotating from round to round so
// that none always runs first. The baseline is plain yaml.v3 decoding
// every file of the folder into nodes on every core, with no validation
// (this program, run again with -decode): the cost of only reading the
// YAML. A command's ratio is taken in each round against that round's
// baseline; the table gives the median ratio and the lowest and highest.
// Times are wall-clock from start to exit; memory is the process's peak
// resident set (getrusage's ru_maxrss).
//
// The machines this runs on are shared and noisy: it prints the load
// average before and after, and a figure is worth only as much as its
// range.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

func main() {
	ladder := flag.String("ladder", "", "the ladder binary to time (go build -o /tmp/ladder .)")
	rounds := flag.Int("rounds", 9, "how many rounds")
	history := flag.String("history", "", "time ladder history `PLAN` instead of the folder commands")
	decode := flag.String("decode", "", "(the baseline) decode every .yaml file of `DIR` into yaml.v3 nodes on every core, and exit")
	today := flag.String("today", "2027-06-01", "the --today given to status")
	compare := flag.String("compare", "", "also time the commands of this other ladder `BIN`, in the same rounds")
	flag.Parse()
	if *decode != "" {
		os.Exit(decodeAll(*decode))
	}
	if *ladder == "" || (*history == "" && flag.NArg() == 0) {
		fmt.Fprintln(os.Stderr, "usage: folderbench -ladder BIN [-rounds N] DIR... | folderbench -ladder BIN -history PLAN")
		os.Exit(2)
	}
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	fmt.Printf("load average before: %s\n", loadavg())
	if *history != "" {
		runs := []run{{"history", []string{*ladder, "history", *history}}}
		if *compare != "" {
			runs = append(runs, run{"history@old", []string{*compare, "history", *history}})
		}
		report("history "+filepath.Base(*history), measure(*rounds, runs), "")
	}
	for _, dir := range flag.Args() {
		runs := []run{
			{"baseline", []string{self, "-decode", dir}},
			{"check", []string{*ladder, "check", dir}},
			{"status", []string{*ladder, "status", dir, "--today", *today}},
		}
		if *compare != "" {
			runs = append(runs,
				run{"check@old", []string{*compare, "check", dir}},
				run{"status@old", []string{*compare, "status", dir, "--today", *today}})
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		report(fmt.Sprintf("%s (%d files)", dir, len(files)), measure(*rounds, runs), "baseline")
	}
	fmt.Printf("load average after:  %s\n", loadavg())
}

type run struct {
	name string
	argv []string
}

type sample struct {
	wall, cpu time.Duration
	maxKB     int64
}

// measure runs every command once per round, in an order that rotates
// from round to round; the result is each command's samples, in rounds.
func measure(rounds int, runs []run) map[string][]sample {
	out := map[string][]sample{}
	for r := range rounds {
		for i := range runs {
			ru := runs[(i+r)%len(runs)]
			out[ru.name] = append(out[ru.name], once(ru.argv))
		}
	}
	return out
}

func once(argv []string) sample {
	cmd := exec.Command(argv[0], argv[1:]...)
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fail(err)
	}
	defer null.Close()
	cmd.Stdout, cmd.Stderr = null, null
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fail(fmt.Errorf("%s: %v", strings.Join(argv, " "), err))
	}
	return sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), maxKB: peakKB(cmd.ProcessState)}
}

// report prints each command's median time (range), its median ratio to
// the baseline's time in the same round (range), the same for CPU time
// (user and system, which a busy machine disturbs less), and its peak
// memory.
func report(title string, samples map[string][]sample, baseline string) {
	fmt.Printf("\n%s, %d rounds\n", title, len(samples[firstKey(samples)]))
	fmt.Printf("  %-9s %20s %20s %20s %20s %14s\n", "command", "wall ms (range)", "ratio (range)", "cpu ms (range)", "cpu ratio (range)", "peak MB (max)")
	names := make([]string, 0, len(samples))
	for name := range samples {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		s := samples[name]
		var peak int64
		for _, x := range s {
			peak = max(peak, x.maxKB)
		}
		wall := func(x sample) time.Duration { return x.wall }
		cpu := func(x sample) time.Duration { return x.cpu }
		fmt.Printf("  %-9s %20s %20s %20s %20s %14.1f\n", name,
			millis(s, wall), ratios(s, samples[baseline], wall, name == baseline || baseline == ""),
			millis(s, cpu), ratios(s, samples[baseline], cpu, name == baseline || baseline == ""),
			float64(peak)/1024)
	}
}

func millis(s []sample, of func(sample) time.Duration) string {
	ms := make([]float64, len(s))
	for i, x := range s {
		ms[i] = float64(of(x)) / float64(time.Millisecond)
	}
	lo, mid, hi := spread(ms)
	return fmt.Sprintf("%.0f (%.0f-%.0f)", mid, lo, hi)
}

// ratios is the median of each round's ratio to the baseline, with the
// lowest and highest.
func ratios(s, base []sample, of func(sample) time.Duration, none bool) string {
	if none {
		return "-"
	}
	rs := make([]float64, len(s))
	for i := range s {
		rs[i] = float64(of(s[i])) / float64(of(base[i]))
	}
	lo, mid, hi := spread(rs)
	return fmt.Sprintf("%.2fx (%.2f-%.2f)", mid, lo, hi)
}

func firstKey(m map[string][]sample) string {
	for k := range m {
		return k
	}
	return ""
}

// spread is the lowest, median and highest of xs.
func spread(xs []float64) (lo, mid, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	mid = s[n/2]
	if n%2 == 0 {
		mid = (s[n/2-1] + s[n/2]) / 2
	}
	return s[0], mid, s[n-1]
}

// decodeAll is the baseline: every .yaml file of dir read and decoded into
// a yaml.v3 node tree, on one goroutine per core, nothing checked.
func decodeAll(dir string) int {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		fail(err)
	}
	next := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	nodes := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for path := range next {
				data, err := os.ReadFile(path)
				if err != nil {
					fail(err)
				}
				var n yaml.Node
				if err := yaml.Unmarshal(data, &n); err != nil {
					fail(fmt.Errorf("%s: %v", path, err))
				}
				mu.Lock()
				nodes += len(n.Content)
				mu.Unlock()
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	fmt.Println(len(files), "files,", nodes, "documents")
	return 0
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	return strings.Join(f[:min(3, len(f))], " ")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "folderbench:", err)
	os.Exit(1)
}

// Package testtool is what tests of many packages share. Tests that run a
// program from outside Go (git, python3, node, npm, markdownlint-cli2) run
// by default, wherever the program is installed, and in CI, where .ci/run
// installs it; go test -short skips them, for a quick loop while working.
// FirstDifference says where two texts part, for a failure message.
// WaitForGoroutines checks that what a test started has ended.
package testtool

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Need returns the path of the program a test runs. Under -short the test
// is skipped. When the program is not installed the test fails in CI
// (where it must run) and is skipped elsewhere, saying what to install.
func Need(t testing.TB, program string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: skipping a test that runs %s", program)
	}
	path, err := exec.LookPath(program)
	if err != nil {
		Missing(t, "%s is not installed", program)
	}
	return path
}

// Missing ends a test whose program (or a part of it, such as a Python
// module) is not installed: a failure in CI, a skip elsewhere.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format+"; .ci/run should have installed it", args...)
	}
	t.Skipf(format, args...)
}

// FirstDifference shows where got first differs from want, line by line,
// for a failure message: the line's number and both versions of it, quoted
// so that a stray space or control character shows.
func FirstDifference(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range max(len(wl), len(gl)) {
		if i < len(wl) && i < len(gl) && bytes.Equal(wl[i], gl[i]) {
			continue
		}
		var w, g []byte // a line one side does not have shows as ""
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		msg := fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		if len(wl) != len(gl) {
			msg += fmt.Sprintf("\n(want %d lines, got %d)", len(wl), len(gl))
		}
		return msg
	}
	return "(the same lines)"
}

// WaitForGoroutines waits (briefly) for the number of goroutines to come
// back to want, what it was before the test started its servers or
// streams, and fails with every goroutine's stack if it does not.
func WaitForGoroutines(t testing.TB, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines left, %d before:\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// LabelGoroutines marks the test's goroutine, so that every goroutine it
// starts from now on, and every one those start, carries the test's name
// (a pprof label), and returns a function that waits (briefly) for all of
// them to end, failing with their stacks if they do not: the check
// WaitForGoroutines makes of the whole process, for a test that runs in
// parallel with others, whose goroutines come and go meanwhile. Call it
// and the function it returns on the test's goroutine (t.Cleanup runs
// there).
func LabelGoroutines(t testing.TB) (waitForThem func()) {
	t.Helper()
	return labelGoroutines(t, 5*time.Second)
}

// labelGoroutines is LabelGoroutines, waiting as long as patience. Each
// call labels anew (the test's name and a number), so that a test that
// starts several servers one after another checks each for its own.
func labelGoroutines(t testing.TB, patience time.Duration) func() {
	t.Helper()
	name := fmt.Sprintf("%s#%d", t.Name(), labels.Add(1))
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels(goroutineLabel, name)))
	return func() {
		t.Helper()
		deadline := time.Now().Add(patience)
		for {
			n, stacks := labelledGoroutines(name)
			if n == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d goroutines the test started are left:\n%s", n, stacks)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

const goroutineLabel = "ladder-test"

// labels numbers LabelGoroutines's labels.
var labels atomic.Int64

// labelledGoroutines counts the goroutines labelled with the test's name,
// but the one asking (the test's own, as a rule), and returns their
// stacks, from the goroutine profile.
func labelledGoroutines(name string) (int, string) {
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	_, profile, _ := strings.Cut(buf.String(), "\n") // "goroutine profile: total N"
	want := fmt.Sprintf("# labels: {%q:%q}", goroutineLabel, name)
	var n int
	var stacks strings.Builder
	// Each record: "N @ addresses", then "# labels: {...}" when it has
	// any, then its frames, then a blank line.
	for _, record := range strings.Split(profile, "\n\n") {
		lines := strings.SplitN(record, "\n", 3)
		if len(lines) < 3 || lines[1] != want || strings.Contains(lines[2], "runtime/pprof.writeGoroutine") {
			continue
		}
		var count int
		if _, err := fmt.Sscanf(lines[0], "%d @", &count); err == nil {
			n += count
			stacks.WriteString(record + "\n\n")
		}
	}
	return n, stacks.String()
}

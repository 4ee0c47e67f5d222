// Package testtool is what tests of many packages share. Tests that run a
// program from outside Go (git, python3, node, npm, markdownlint-cli2) run
// by default, wherever the program is installed, and in CI, where .ci/run
// installs it; go test -short skips them, for a quick loop while working.
// FirstDifference says where two texts part, for a failure message.
// WaitForGoroutines checks that what a test started has ended.
package testtool

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
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

package testtool

import (
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestFirstDifference(t *testing.T) {
	for _, tc := range []struct{ want, got, says string }{
		{"a\nb\nc\n", "a\nB\nc\n", "line 2:\nwant \"b\"\ngot  \"B\""},
		{"a\nb\n", "a\nb \n", "line 2:\nwant \"b\"\ngot  \"b \""},
		{"a\n", "a\nmore\n", "line 2:\nwant \"\"\ngot  \"more\"\n(want 2 lines, got 3)"},
		{"a\nb", "a\nb\n", "line 3:\nwant \"\"\ngot  \"\"\n(want 2 lines, got 3)"},
		{"a\n", "a\n", "(the same lines)"},
	} {
		if got := FirstDifference([]byte(tc.want), []byte(tc.got)); got != tc.says {
			t.Errorf("FirstDifference(%q, %q) =\n%s\nwant\n%s", tc.want, tc.got, got, tc.says)
		}
	}
}

func TestWaitForGoroutinesWaitsForTheLastToEnd(t *testing.T) {
	// The goroutine of the test before may still be ending when this one
	// starts: counted in before, it would end while the wait runs and bring
	// the count down with this test's goroutines still running (it failed
	// so once on a loaded machine). So the count is taken once it is
	// steady, and three goroutines are waited for, not one.
	before := steadyGoroutines()
	var ended atomic.Int32
	for range 3 {
		go func() {
			time.Sleep(50 * time.Millisecond)
			ended.Add(1)
		}()
	}
	WaitForGoroutines(t, before)
	if n := ended.Load(); n != 3 {
		t.Errorf("WaitForGoroutines returned with %d of 3 goroutines still running", 3-n)
	}
}

// steadyGoroutines is the number of goroutines once it has not changed for
// three looks 5 ms apart.
func steadyGoroutines() int {
	n, same := runtime.NumGoroutine(), 0
	for same < 3 {
		time.Sleep(5 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			same++
		} else {
			n, same = m, 0
		}
	}
	return n
}

// LabelGoroutines waits for the goroutines the test started, and those
// they started, and not for another test's.
func TestLabelGoroutinesWaitsForTheTestsOwnOnly(t *testing.T) {
	release := make(chan struct{})
	go func() { <-release }() // another test's, started before the label
	defer close(release)
	wait := LabelGoroutines(t)
	var ended atomic.Int32
	for range 3 {
		go func() {
			done := make(chan struct{})
			go func() { // started by a goroutine of the test's: the test's too
				time.Sleep(60 * time.Millisecond)
				ended.Add(1)
				close(done)
			}()
			<-done
			ended.Add(1)
		}()
	}
	wait()
	if n := ended.Load(); n != 6 {
		t.Errorf("the wait returned with %d of 6 goroutines still running", 6-n)
	}
}

// A goroutine the test started and never ended is found, with its stack.
func TestLabelGoroutinesFindsOneLeftRunning(t *testing.T) {
	var wait func()
	release := make(chan struct{})
	defer close(release)
	rec := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() { // on a goroutine of its own, as Fatalf ends it
		defer close(done)
		wait = labelGoroutines(rec, 100*time.Millisecond)
		go func() { <-release }()
		wait()
	}()
	<-done
	if !strings.Contains(rec.msg, "1 goroutines the test started are left") || !strings.Contains(rec.msg, "TestLabelGoroutinesFindsOneLeftRunning") {
		t.Errorf("the left goroutine was not reported: %q", rec.msg)
	}
}

// fatalRecorder keeps what Fatalf says and ends the goroutine, as Fatalf
// does, without failing the test.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (r *fatalRecorder) Helper() {}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// PythonWithYAML names a Python that imports PyYAML.
func TestPythonWithYAML(t *testing.T) {
	python := PythonWithYAML(t)
	if out, err := exec.Command(python, "-c", "import yaml").CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", python, err, out)
	}
}

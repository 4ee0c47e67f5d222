package testtool

import (
	"runtime"
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

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
	before := runtime.NumGoroutine()
	var ended atomic.Bool
	go func() {
		time.Sleep(50 * time.Millisecond)
		ended.Store(true)
	}()
	WaitForGoroutines(t, before)
	if !ended.Load() {
		t.Error("WaitForGoroutines returned while a goroutine was still running")
	}
}

package tui

import (
	"syscall"
	"time"
)

// preciseSleep sleeps for d in nanosleep(2), which wakes within
// microseconds where the Go runtime's own timers may wake a millisecond
// late (see frameClock).
var preciseSleep = func(d time.Duration) {
	ts := syscall.NsecToTimespec(int64(d))
	for ts.Sec > 0 || ts.Nsec > 0 {
		var left syscall.Timespec
		if syscall.Nanosleep(&ts, &left) != syscall.EINTR {
			return
		}
		ts = left
	}
}

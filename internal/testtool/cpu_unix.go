//go:build unix

package testtool

import (
	"syscall"
	"testing"
	"time"
)

// LoopCPU runs body once per iteration of b (b.Loop) and reports, beside
// the wall-clock time, the CPU time the process used per run, in
// milliseconds ("cpu-ms/op"): the work done, which a machine busy with
// other things inflates less than the wall-clock time.
func LoopCPU(b *testing.B, body func()) {
	b.Helper()
	start := cpuTime()
	n := 0
	for b.Loop() {
		body()
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(n), "cpu-ms/op")
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

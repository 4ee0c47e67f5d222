//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakKB is a finished command's peak resident memory, in kilobytes on
// Linux (getrusage's ru_maxrss).
func peakKB(ps *os.ProcessState) int64 { return ps.SysUsage().(*syscall.Rusage).Maxrss }

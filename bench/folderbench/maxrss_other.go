//go:build !unix

package main

import "os"

// peakKB: no rusage here (Windows), so no peak memory is reported.
func peakKB(*os.ProcessState) int64 { return 0 }

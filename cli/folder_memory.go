package cli

import (
	"os"
	"runtime/debug"
)

// folderHeapLimit is how large the heap may grow while check or status
// reads a folder of plans, before the garbage collector runs.
//
// Reading a plan leaves its file's bytes, its strings and its plan behind
// as garbage (about 30 kB), and what the command keeps is small and flat
// (status: up to plans.DefaultMemoryBudget of its list; check: a few
// plans' lines): so the collector is told to wait until the heap reaches
// this size rather than, as by default, until it doubles. That is a few
// collections per thousand plans instead of dozens, each cheap, since
// little is alive (BENCHMARKS.md, issue 16: about a fifth of status's
// CPU time went to collecting). The whole process stays under about 25 MB
// resident (10 MB of it the program itself) at any folder size.
const folderHeapLimit = 14 << 20

// collectLate sets the garbage collector as folderHeapLimit says, unless
// the user has set GOGC or GOMEMLIMIT, and returns the function that puts
// the settings back (Main runs in tests, one command after another).
func collectLate() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(folderHeapLimit)
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

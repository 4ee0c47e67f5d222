package cli

import (
	"os"
	"runtime/debug"
	"sync"
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
// the settings back (Main runs in tests, one command after another, and
// could run two at once: the first to start sets, the last to end
// restores).
func collectLate() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	late.Lock()
	defer late.Unlock()
	if late.users == 0 {
		late.percent = debug.SetGCPercent(-1)
		late.limit = debug.SetMemoryLimit(folderHeapLimit)
	}
	late.users++
	return func() {
		late.Lock()
		defer late.Unlock()
		if late.users--; late.users == 0 {
			debug.SetMemoryLimit(late.limit)
			debug.SetGCPercent(late.percent)
		}
	}
}

// late is the collector's settings from before the commands that set it
// running now.
var late struct {
	sync.Mutex
	users   int
	percent int
	limit   int64
}

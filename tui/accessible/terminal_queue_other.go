//go:build !linux

package accessible

import "os"

// terminalQueued is 0 where the terminal is not asked what it holds: a
// line there is seen once the reader has taken it into the pipe.
func terminalQueued(f *os.File) int { return 0 }

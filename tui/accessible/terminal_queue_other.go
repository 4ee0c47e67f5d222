//go:build !linux

package accessible

import "syscall"

// terminalQueued is 0 where the terminal is not asked what it holds: a
// line there is not seen as waiting (see interruptReader.waiting).
func terminalQueued(f syscall.Conn) int { return 0 }

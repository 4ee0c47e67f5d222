package accessible

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// terminalQueued is how many bytes of lines entered at the terminal f it
// holds not yet read (TIOCINQ counts whole lines only, as the terminal
// edits a line until Enter); 0 when f is not a terminal or cannot say.
func terminalQueued(f syscall.Conn) int {
	rc, err := f.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	rc.Control(func(fd uintptr) {
		if q, err := unix.IoctlGetInt(int(fd), unix.TIOCINQ); err == nil {
			n = q
		}
	})
	return n
}

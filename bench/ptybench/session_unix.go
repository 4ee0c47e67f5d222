//go:build !windows

package ptybench

import (
	"cmp"
	"os"
	"syscall"
	"unsafe"

	"github.com/creack/pty"
)

// Resize changes the size of the terminal, as a window resize would.
func (s *Session) Resize(cols, rows int) error {
	sc, err := s.pty.SyscallConn()
	if err != nil {
		return err
	}
	ws := pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}
	var ioctlErr error
	err = sc.Control(func(fd uintptr) {
		// Not pty.Setsize: its ioctl goes through Fd, which puts the file
		// back in blocking mode (see pollable).
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCSWINSZ, uintptr(unsafe.Pointer(&ws))); e != 0 {
			ioctlErr = e
		}
	})
	if err = cmp.Or(err, ioctlErr); err == nil {
		s.mu.Lock()
		s.cols, s.rows = cols, rows
		s.mu.Unlock()
	}
	return err
}

// pollable hands the terminal's master side to Go's poller. creack/pty
// leaves it in blocking mode (its ioctls go through Fd), where a Read in
// progress keeps the file open: Close could not close it, and so hang up
// the terminal, until the program wrote something more.
func pollable(f *os.File) (*os.File, error) {
	syscall.ForkLock.RLock() // no other program started meanwhile inherits the copy
	fd, err := syscall.Dup(int(f.Fd()))
	if err == nil {
		syscall.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	f.Close() // the copy keeps the terminal open
	if err != nil {
		return nil, err
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), f.Name()), nil
}

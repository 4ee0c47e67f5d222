//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package tui_test

import "golang.org/x/sys/unix"

// getTermios: see termios_linux_test.go.
const getTermios = unix.TIOCGETA

//go:build windows

package ptybench

import (
	"errors"
	"os"
)

// Windows has no pseudo-terminals of the Unix kind (its ConPTY is another
// API), so a session cannot start there; creack/pty says as much before
// pollable is reached. These keep `go test ./...` building on Windows,
// where the tests that need a session skip.

// ErrNoPseudoTerminal is what a session on Windows fails with.
var ErrNoPseudoTerminal = errors.New("pseudo-terminal sessions need a Unix system")

// Resize changes the size of the terminal, as a window resize would.
func (s *Session) Resize(cols, rows int) error { return ErrNoPseudoTerminal }

func pollable(f *os.File) (*os.File, error) {
	f.Close()
	return nil, ErrNoPseudoTerminal
}

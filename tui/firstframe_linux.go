package tui

import (
	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// drawsFirstFrame: ladder draws the first frame itself (firstframe.go).
const drawsFirstFrame = true

// cursorMovements says whether Bubble Tea's renderer moves the cursor with
// hard tabs and backspaces on a terminal that was in the given state before
// Bubble Tea made it raw: as checkOptimizedMovements in bubbletea v2.0.10's
// termios_unix.go decides, reading the same bits (backspace, as there,
// from the local modes).
func cursorMovements(s *term.State) (hardTabs, backspace, ok bool) {
	return s.Oflag&unix.TABDLY == unix.TAB0, s.Lflag&unix.BSDLY == unix.BS0, true
}

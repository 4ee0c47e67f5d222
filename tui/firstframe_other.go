//go:build !linux

package tui

import "github.com/charmbracelet/x/term"

// drawsFirstFrame: ladder draws the first frame itself only on Linux, where
// it is measured and tested, and where it knows how Bubble Tea chooses its
// cursor movements; elsewhere Bubble Tea draws it.
const drawsFirstFrame = false

func cursorMovements(*term.State) (hardTabs, backspace, ok bool) { return false, false, false }

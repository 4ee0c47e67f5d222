// Command minimal is the smallest sensible Bubble Tea v2 program: the
// baseline that ladder's start-up time and key latency are measured against
// (see bench/startup). It enters the alternate screen, shows "ready" and the
// last key pressed, and quits on q or ctrl+c.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct {
	lastKey string
	presses int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		}
		m.lastKey = msg.String()
		m.presses++
	}
	return m, nil
}

// View echoes the last key with a press count, so that each key press
// writes a new marker ("key 3: x") that a pseudo-terminal reader can wait
// for even though the renderer only sends the cells that changed.
func (m model) View() tea.View {
	s := "ready\n"
	if m.presses > 0 {
		s += fmt.Sprintf("key %d: %s\n", m.presses, m.lastKey)
	}
	v := tea.NewView(s)
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 0, "frames per second of the renderer (0: Bubble Tea's default of 60; at most 120)")
	flag.Parse()
	if _, err := tea.NewProgram(model{}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "minimal:", err)
		os.Exit(1)
	}
}

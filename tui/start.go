package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// startScreen is a placeholder until the screen is built.
type startScreen struct{ c *common }

func newStartScreen(c *common) *startScreen { return &startScreen{c: c} }

func (s *startScreen) init() tea.Cmd              { return nil }
func (s *startScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *startScreen) view() string               { return "Start (not built yet)" }
func (s *startScreen) shortHelp() []key.Binding   { return nil }
func (s *startScreen) fullHelp() [][]key.Binding  { return nil }
func (s *startScreen) typing() bool               { return false }

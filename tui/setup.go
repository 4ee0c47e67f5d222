package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// setupScreen is a placeholder until the screen is built.
type setupScreen struct{ c *common }

func newSetupScreen(c *common) *setupScreen { return &setupScreen{c: c} }

func (s *setupScreen) init() tea.Cmd              { return nil }
func (s *setupScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *setupScreen) view() string               { return "Setup (not built yet)" }
func (s *setupScreen) shortHelp() []key.Binding   { return nil }
func (s *setupScreen) fullHelp() [][]key.Binding  { return nil }
func (s *setupScreen) typing() bool               { return false }

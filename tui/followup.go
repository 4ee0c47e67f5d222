package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// followupScreen is a placeholder until the screen is built.
type followupScreen struct{ c *common }

func newFollowUpScreen(c *common) *followupScreen { return &followupScreen{c: c} }

func (s *followupScreen) init() tea.Cmd              { return nil }
func (s *followupScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *followupScreen) view() string               { return "FollowUp (not built yet)" }
func (s *followupScreen) shortHelp() []key.Binding   { return nil }
func (s *followupScreen) fullHelp() [][]key.Binding  { return nil }
func (s *followupScreen) typing() bool               { return false }

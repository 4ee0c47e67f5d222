package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overviewScreen is a placeholder until the screen is built.
type overviewScreen struct{ c *common }

func newOverviewScreen(c *common) *overviewScreen { return &overviewScreen{c: c} }

func (s *overviewScreen) init() tea.Cmd              { return nil }
func (s *overviewScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *overviewScreen) view() string               { return "Overview (not built yet)" }
func (s *overviewScreen) shortHelp() []key.Binding   { return nil }
func (s *overviewScreen) fullHelp() [][]key.Binding  { return nil }
func (s *overviewScreen) typing() bool               { return false }

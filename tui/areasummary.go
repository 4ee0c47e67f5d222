package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// areasummaryScreen is a placeholder until the screen is built.
type areasummaryScreen struct{ c *common }

func newAreaSummaryScreen(c *common) *areasummaryScreen { return &areasummaryScreen{c: c} }

func (s *areasummaryScreen) init() tea.Cmd              { return nil }
func (s *areasummaryScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *areasummaryScreen) view() string               { return "AreaSummary (not built yet)" }
func (s *areasummaryScreen) shortHelp() []key.Binding   { return nil }
func (s *areasummaryScreen) fullHelp() [][]key.Binding  { return nil }
func (s *areasummaryScreen) typing() bool               { return false }

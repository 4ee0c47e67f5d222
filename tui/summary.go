package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// summaryScreen is a placeholder until the screen is built.
type summaryScreen struct{ c *common }

func newSummaryScreen(c *common) *summaryScreen { return &summaryScreen{c: c} }

func (s *summaryScreen) init() tea.Cmd              { return nil }
func (s *summaryScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *summaryScreen) view() string               { return "Summary (not built yet)" }
func (s *summaryScreen) shortHelp() []key.Binding   { return nil }
func (s *summaryScreen) fullHelp() [][]key.Binding  { return nil }
func (s *summaryScreen) typing() bool               { return false }

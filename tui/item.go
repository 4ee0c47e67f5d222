package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// itemScreen is a placeholder until the screen is built.
type itemScreen struct{ c *common }

func newItemScreen(c *common) *itemScreen { return &itemScreen{c: c} }

func (s *itemScreen) init() tea.Cmd              { return nil }
func (s *itemScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *itemScreen) view() string               { return "Item (not built yet)" }
func (s *itemScreen) shortHelp() []key.Binding   { return nil }
func (s *itemScreen) fullHelp() [][]key.Binding  { return nil }
func (s *itemScreen) typing() bool               { return false }

package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// helpScreen is a placeholder until the screen is built. It gets the app
// so it can list the keys of the screen the user came from.
type helpScreen struct {
	c   *common
	app *app
}

func newHelpScreen(c *common, a *app) *helpScreen { return &helpScreen{c: c, app: a} }

func (s *helpScreen) init() tea.Cmd              { return nil }
func (s *helpScreen) update(msg tea.Msg) tea.Cmd { return nil }
func (s *helpScreen) view() string               { return "Help (not built yet)" }
func (s *helpScreen) shortHelp() []key.Binding   { return nil }
func (s *helpScreen) fullHelp() [][]key.Binding  { return nil }
func (s *helpScreen) typing() bool               { return false }

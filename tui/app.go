package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// footerLines is what the app keeps below every screen: the save status and
// the key hints.
const footerLines = 2

// app is the top model, in the manner of glow's: it holds the screens and
// which one is active, forwards window sizes to the shared struct and every
// other message to the active screen, and owns what every screen shares:
// quitting (which always saves first), help, the overview, and saving.
type app struct {
	c        *common
	screens  map[screenID]screen
	active   screenID
	back     screenID // where help and overview return to
	help     help.Model
	quitting bool
}

func newApp(c *common) *app {
	a := &app{c: c, screens: map[screenID]screen{}, help: help.New()}
	a.active = screenStart
	if c.session != nil {
		a.active = screenItem
	} else if c.opts.PlanPath != "" {
		a.active = screenSetup
	}
	return a
}

// screen returns the screen for an id, creating it the first time.
func (a *app) screen(id screenID) screen {
	if s, ok := a.screens[id]; ok {
		return s
	}
	var s screen
	switch id {
	case screenStart:
		s = newStartScreen(a.c)
	case screenSetup:
		s = newSetupScreen(a.c)
	case screenItem:
		s = newItemScreen(a.c)
	case screenOverview:
		s = newOverviewScreen(a.c)
	case screenAreaSummary:
		s = newAreaSummaryScreen(a.c)
	case screenFollowUp:
		s = newFollowUpScreen(a.c)
	case screenSummary:
		s = newSummaryScreen(a.c)
	case screenHelp:
		s = newHelpScreen(a.c, a)
	}
	a.screens[id] = s
	return s
}

// positioner is implemented by screens that show one of several things
// (an item, an area, a follow-up).
type positioner interface{ setPosition(arg int) }

func (a *app) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if a.active == screenItem {
		if s, ok := a.screen(screenItem).(positioner); ok {
			s.setPosition(max(a.c.plan().FirstUnrated(), 0))
		}
	}
	cmds = append(cmds, a.screen(a.active).init())
	return tea.Batch(cmds...)
}

func (a *app) show(id screenID, arg int) tea.Cmd {
	if id == screenHelp || id == screenOverview {
		if a.active != screenHelp && a.active != screenOverview {
			a.back = a.active
		}
	}
	s := a.screen(id)
	if p, ok := s.(positioner); ok {
		p.setPosition(arg)
	}
	a.active = id
	return s.init()
}

// goBack returns from help or the overview to the screen before.
func (a *app) goBack() tea.Cmd {
	a.active = a.back
	return nil
}

func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.width = msg.Width - 2 // the app's side padding
		a.c.height = msg.Height - footerLines
		a.help.SetWidth(a.c.width)
	case tea.BackgroundColorMsg:
		a.c.styles = newStyles(msg.IsDark())
		return a, nil
	case savedMsg:
		a.c.session.handleSaved(msg)
		return a, nil
	case navigateMsg:
		return a, a.show(msg.to, msg.arg)
	case openedMsg:
		a.c.session = newSession(msg.file, a.c.opts.resolver())
		a.screens = map[screenID]screen{screenStart: a.screens[screenStart], screenSetup: a.screens[screenSetup]}
		return a, a.show(screenItem, max(msg.file.Plan.FirstUnrated(), 0))
	case tea.KeyPressMsg:
		if cmd, handled := a.globalKey(msg); handled {
			return a, cmd
		}
	}
	return a, a.screen(a.active).update(msg)
}

// globalKey handles the keys every screen shares.
func (a *app) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	s := a.screen(a.active)
	switch {
	case key.Matches(msg, a.c.keys.ForceQuit):
		return a.quit(), true
	case s.typing():
		return nil, false
	case key.Matches(msg, a.c.keys.Quit):
		return a.quit(), true
	case key.Matches(msg, a.c.keys.Help) && a.active != screenHelp:
		return a.show(screenHelp, 0), true
	case key.Matches(msg, a.c.keys.Overview) && a.c.session != nil && a.active != screenOverview:
		return a.show(screenOverview, 0), true
	}
	return nil, false
}

// commitMsg asks the active screen to store whatever is typed in its
// fields into the plan, before the app saves and quits.
type commitMsg struct{}

// quit saves everything, including the field being typed, then exits.
func (a *app) quit() tea.Cmd {
	a.quitting = true
	a.screen(a.active).update(commitMsg{})
	if save := a.c.session.save(); save != nil {
		return tea.Sequence(save, tea.Quit)
	}
	return tea.Quit
}

func (a *app) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.WindowTitle = "ladder"
	if a.quitting {
		return v
	}
	w, h := a.c.width+2, a.c.height+footerLines
	if w < minWidth || h < minHeight {
		v.SetContent(tooSmall(w, h))
		return v
	}
	s := a.screen(a.active)
	body := lipgloss.NewStyle().Width(a.c.width).Height(a.c.height).MaxHeight(a.c.height).Render(s.view())
	footer := a.statusLine() + "\n" + a.help.ShortHelpView(a.shortHelp(s))
	v.SetContent(a.c.styles.App.Render(body + "\n" + footer))
	return v
}

func (a *app) shortHelp(s screen) []key.Binding {
	bs := s.shortHelp()
	if !s.typing() {
		bs = append(bs, a.c.keys.Help, a.c.keys.Quit)
	} else {
		bs = append(bs, a.c.keys.ForceQuit)
	}
	return bs
}

// statusLine says whether the plan is safely on disk.
func (a *app) statusLine() string {
	ss := a.c.session
	st := a.c.styles
	switch {
	case ss == nil:
		return ""
	case ss.conflict:
		return st.Warning.Render("⚠ " + ss.file.Path + " changed on disk: not saved. Press R to reload it or C to save a copy beside it.")
	case ss.lastErr != nil:
		return st.Error.Render("✗ not saved: " + firstLineOf(ss.lastErr.Error()))
	case ss.saved:
		return st.Subtle.Render("✓ saved to " + ss.file.Path)
	default:
		return st.Subtle.Render(ss.file.Path)
	}
}

func tooSmall(w, h int) string {
	return fmt.Sprintf("make the window at least %dx%d\n(it is %dx%d now)", minWidth, minHeight, w, h)
}

func firstLineOf(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

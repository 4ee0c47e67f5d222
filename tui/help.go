package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// helpScreen lists every key of the screen the user came from and the keys
// that work everywhere, drawn from the key maps themselves so that the help
// can never disagree with what the keys do; then the checklist's glossary,
// when it has one. It gets the app so it can ask that screen for its keys.
type helpScreen struct {
	c      *common
	app    *app
	keys   helpKeys
	offset int // first line shown, when the help is taller than the window
}

type helpKeys struct {
	Back     key.Binding
	Up, Down key.Binding
}

func newHelpScreen(c *common, a *app) *helpScreen {
	return &helpScreen{c: c, app: a, keys: helpKeys{
		Back: key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc/?", "back")),
		Up:   key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑/↓", "scroll")),
		Down: key.NewBinding(key.WithKeys("down", "j", "pgdown", "space"), key.WithHelp("↓", "scroll down")),
	}}
}

func (s *helpScreen) init() tea.Cmd { s.offset = 0; return nil }

func (s *helpScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Back):
		s.c.goBackNow()
		return nil
	case key.Matches(k, s.keys.Up):
		s.offset = max(0, s.offset-1)
	case key.Matches(k, s.keys.Down):
		s.offset++
	}
	return nil
}

// groups are the key groups to list: the screen's own, then the global
// ones.
func (s *helpScreen) groups() (titles []string, groups [][]key.Binding) {
	back := s.app.screen(s.app.helpFor)
	for i, g := range back.fullHelp() {
		title := "On this screen"
		if i > 0 {
			title = ""
		}
		titles, groups = append(titles, title), append(groups, g)
	}
	k := s.c.keys
	global := []key.Binding{k.Help, k.Quit, k.ForceQuit}
	if s.c.session != nil {
		global = append([]key.Binding{k.Overview, k.Board, k.Present}, global...)
	}
	return append(titles, "Everywhere"), append(groups, global)
}

func (s *helpScreen) view() string {
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	titles, groups := s.groups()

	var blocks []string
	for i, g := range groups {
		keyWidth := 0
		for _, b := range g {
			keyWidth = max(keyWidth, ansi.StringWidth(b.Help().Key))
		}
		var lines []string
		if titles[i] != "" {
			lines = append(lines, st.Heading.Render(titles[i]))
		}
		for _, b := range g {
			if !b.Enabled() || b.Help().Key == "" {
				continue
			}
			k := b.Help().Key
			lines = append(lines, "  "+st.HelpKey.Render(k)+strings.Repeat(" ", keyWidth-ansi.StringWidth(k)+2)+
				st.HelpDesc.Render(b.Help().Desc))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	keysText := strings.Join(blocks, "\n\n")
	// Two columns when one is too tall and the window is wide enough: the
	// blocks split where the two heights come closest.
	if countLines(keysText) > h-2 && len(blocks) > 1 {
		best, bestDiff := 1, -1
		for i := 1; i < len(blocks); i++ {
			d := countLines(strings.Join(blocks[:i], "\n\n")) - countLines(strings.Join(blocks[i:], "\n\n"))
			if d < 0 {
				d = -d
			}
			if bestDiff < 0 || d < bestDiff {
				best, bestDiff = i, d
			}
		}
		left := strings.Join(blocks[:best], "\n\n")
		right := strings.Join(blocks[best:], "\n\n")
		if lipgloss.Width(left)+4+lipgloss.Width(right) <= w {
			keysText = lipgloss.JoinHorizontal(lipgloss.Top, left, "    ", right)
		}
	}

	out := []string{st.Title.Render("Keys"), "", keysText}
	if g := s.glossary(st, w); g != "" {
		out = append(out, "", g)
	}
	lines := strings.Split(strings.Join(out, "\n"), "\n")
	s.offset = min(s.offset, max(0, len(lines)-h))
	return strings.Join(lines[s.offset:min(len(lines), s.offset+h)], "\n")
}

// glossary lists the checklist's terms, when it defines any.
func (s *helpScreen) glossary(st *styles, w int) string {
	if s.c.session == nil || len(s.c.checklist().Glossary) == 0 {
		return ""
	}
	lines := []string{st.Heading.Render("Words used in the checklist")}
	for _, t := range s.c.checklist().Glossary {
		text := st.Label.Render(t.Term) + ": " + t.Definition
		if t.Source != "" {
			text += st.Subtle.Render(" (" + t.Source + ")")
		}
		lines = append(lines, "  "+wrapIndented(text, max(1, w-4), 4, 0))
	}
	return strings.Join(lines, "\n")
}

func (s *helpScreen) shortHelp() []key.Binding  { return []key.Binding{s.keys.Back, s.keys.Up} }
func (s *helpScreen) fullHelp() [][]key.Binding { return [][]key.Binding{{s.keys.Back, s.keys.Up}} }
func (s *helpScreen) typing() bool              { return false }

// helpStyles are the footer's key hints in the app's 16-colour styles.
func helpStyles(st styles) help.Styles {
	return help.Styles{
		Ellipsis:       st.HelpDesc,
		ShortKey:       st.HelpKey,
		ShortDesc:      st.HelpDesc,
		ShortSeparator: st.HelpDesc,
		FullKey:        st.HelpKey,
		FullDesc:       st.HelpDesc,
		FullSeparator:  st.HelpDesc,
	}
}

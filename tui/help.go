package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// helpScreen lists every key of the screen the user came from and the keys
// that work everywhere, drawn from the key maps themselves so that the help
// can never disagree with what the keys do; then the checklist's glossary,
// when it has one, and its introduction. It gets the app so it can ask that screen for its keys.
type helpScreen struct {
	c      *common
	app    *app
	keys   pageKeys
	scroll scroller // when the help is taller than the window
}

func newHelpScreen(c *common, a *app) *helpScreen {
	return &helpScreen{c: c, app: a, keys: newPageKeys(
		key.NewBinding(key.WithKeys("esc", "?", "f1"), key.WithHelp("esc/?", "back")))}
}

func (s *helpScreen) init() tea.Cmd { s.scroll.offset = 0; return nil }

func (s *helpScreen) update(msg tea.Msg) tea.Cmd {
	s.scroll.page(s.c, msg, s.keys, s.draw)
	return nil
}

// helpGroup is a group of keys under a heading that says what the person
// is doing when they use them ("Rating this item", "Typing text").
type helpGroup struct {
	title string
	keys  []key.Binding
}

// groupedHelp is a screen whose keys fall into several things the person
// does; its help is shown in those groups, each with its heading. Other
// screens' keys are shown under "On this screen".
type groupedHelp interface{ helpGroups() []helpGroup }

// groupedKeys is the fullHelp of a groupedHelp screen: its groups' keys,
// without their headings.
func groupedKeys(g groupedHelp) [][]key.Binding {
	var out [][]key.Binding
	for _, hg := range g.helpGroups() {
		out = append(out, hg.keys)
	}
	return out
}

// typingHelpGroup is the editing keys of the text fields.
func typingHelpGroup() helpGroup { return helpGroup{"Typing text", typingHelp()} }

// groups are the key groups to list: the screen's own, then the global
// ones.
func (s *helpScreen) groups() (titles []string, groups [][]key.Binding) {
	back := s.app.screen(s.app.helpFor)
	var typing []key.Binding // the text-editing keys go last, after the keys used everywhere
	if g, ok := back.(groupedHelp); ok {
		for _, hg := range g.helpGroups() {
			if hg.title == typingHelpGroup().title {
				typing = hg.keys
				continue
			}
			titles, groups = append(titles, hg.title), append(groups, hg.keys)
		}
	} else {
		for i, g := range back.fullHelp() {
			title := "On this screen"
			if i > 0 {
				title = "And"
			}
			titles, groups = append(titles, title), append(groups, g)
		}
	}
	k := s.c.keys
	// In a text field ? is typed: f1 opens help there, as the footer says.
	help := k.Help
	help.SetHelp("?/f1", "help (f1 while typing)")
	global := []key.Binding{help, k.Quit, k.ForceQuit}
	if s.c.session == nil {
		quit, force := k.Quit, k.ForceQuit
		quit.SetHelp("q", "quit (outside a field)")
		force.SetHelp("ctrl+c", "quit, even while typing")
		global = []key.Binding{help, quit, force}
	} else {
		global = append([]key.Binding{k.Overview, k.Board, k.Present}, global...)
	}
	if s.c.session != nil && s.c.timer.set() {
		global = append(global, k.Timer.Pause, k.Timer.Extend, k.Timer.Restart)
	}
	titles, groups = append(titles, "Everywhere"), append(groups, global)
	if s.c.room.on() {
		titles, groups = append(titles, "The room voting from phones"), append(groups, roomHelpKeys(rateHint(rateKeys(s.c.checklist()))))
	}
	if typing != nil {
		titles, groups = append(titles, typingHelpGroup().title), append(groups, typing)
	}
	return titles, groups
}

// datesHelp lists every way of typing a due date (plans.DueForms), for
// the screens with due dates.
func (s *helpScreen) datesHelp(st *styles, w int) string {
	back := s.app.screen(s.app.helpFor)
	if _, ok := back.(interface{ hasDueDates() bool }); !ok {
		return ""
	}
	type form struct{ example, meaning string }
	forms := make([]form, 0, len(plans.DueForms)+1)
	for _, f := range plans.DueForms {
		forms = append(forms, form{f.Example, f.Meaning})
	}
	// ctrl+t works in every due-date field, while typing: it belongs with
	// the ways of typing a date, on every screen that has one.
	if s.c.session != nil && len(s.c.session.DueBases()) > 1 {
		forms = append(forms, form{dueBaseKey.Help().Key, dueBaseKey.Help().Desc})
	}
	width := 0
	for _, f := range forms {
		width = max(width, ansi.StringWidth(f.example))
	}
	lines := []string{st.Heading.Render("Typing a due date")}
	for _, f := range forms {
		lines = append(lines, "  "+st.HelpKey.Render(padRight(f.example, width))+"  "+
			st.HelpDesc.Render(wrapIndented(f.meaning, max(1, w-width-6), width+4, 0)))
	}
	return strings.Join(lines, "\n")
}

func (s *helpScreen) view() string {
	return s.scroll.window(&s.c.styles, s.draw(), s.c.width, s.c.height)
}

// draw is the whole help, line by line.
func (s *helpScreen) draw() []string {
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
			// Words too long for the line wrap under the words, as
			// datesHelp's do, not back under the keys.
			lines = append(lines, "  "+st.HelpKey.Render(k)+strings.Repeat(" ", keyWidth-ansi.StringWidth(k)+2)+
				st.HelpDesc.Render(wrapIndented(b.Help().Desc, max(1, w-keyWidth-4), keyWidth+4, 0)))
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

	var out []string
	// Last review's answer, which the question's screen may only count,
	// comes first: it is what ? was pressed for there.
	if last, ok := s.app.screen(s.app.helpFor).(interface{ lastAnswerHelp(*styles, int) string }); ok {
		if text := last.lastAnswerHelp(st, w); text != "" {
			out = append(out, text, "")
		}
	}
	if !s.app.presentFramed() { // presenter mode's frame is headed "Keys" already
		out = append(out, st.Title.Render("Keys"), "")
	}
	out = append(out, keysText)
	if d := s.datesHelp(st, w); d != "" {
		out = append(out, "", d)
	}
	if n, ok := nothingToType(s.app.screen(s.app.helpFor)); ok {
		text := strayHelp
		if own, ok := n.(interface{ nothingTypedHelp() string }); ok {
			text = own.nothingTypedHelp() // the next steps': where, and what a word does
		}
		out = append(out, "", st.Text.Render(strings.Join(wrapText(text, w), "\n")))
	}
	if g := s.glossary(st, w); g != "" {
		out = append(out, "", g)
	}
	if a := s.aboutChecklist(st, w); a != "" {
		out = append(out, "", a)
	}
	return strings.Split(strings.Join(out, "\n"), "\n")
}

// strayHelp says, in the help of a screen with nowhere to type, what a
// letter typed there does (stray.go).
const strayHelp = "Nothing is typed on this screen: a letter that is none of its keys only says so, " +
	"and the keys typed after it (backspace too) do nothing until you press one that types nothing " +
	"(enter, esc, an arrow). Words typed here rate nothing and open nothing."

// aboutChecklist is the checklist's own introduction, credited, when it
// has one: what the source says the whole checklist is for.
func (s *helpScreen) aboutChecklist(st *styles, w int) string {
	if s.c.session == nil || s.c.checklist().Intro == "" {
		return ""
	}
	c := s.c.checklist()
	lines := []string{st.Heading.Render(wrapIndented("About this checklist: "+c.Title, max(1, w), 0, 0)),
		"  " + wrapIndented(c.Intro, max(1, w-2), 2, 0)}
	if credit := c.Credit(); credit != "" {
		lines = append(lines, st.Subtle.Render("    "+wrapIndented("— "+credit, max(1, w-4), 4, 0)))
	}
	return strings.Join(lines, "\n")
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

func (s *helpScreen) shortHelp() []key.Binding  { return s.keys.shortHelp() }
func (s *helpScreen) fullHelp() [][]key.Binding { return s.keys.fullHelp() }
func (s *helpScreen) typing() bool              { return false }
func (s *helpScreen) keyMap() any               { return s.keys }
func (s *helpScreen) strayNote() string         { return "Nothing to type here. esc goes back." }

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

package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// A text question ("Who are the decision makers …?") is answered in free
// text of several lines, stored in Answer.Text. Enter starts a new line;
// tab or esc leaves the field.
type freeText struct {
	c      *common
	area   textarea.Model
	answer *plans.Answer
	shown  string // the text as loaded into the field (see areaAnswer.shown)
}

// freeTextHeight is the most lines the field takes while typing.
const freeTextHeight = 6

func newFreeText(c *common) *freeText {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.Placeholder = "names or roles, one per line if you like"
	ta.MaxHeight = 0
	ta.CharLimit = 0
	return &freeText{c: c, area: ta}
}

func (t *freeText) style() {
	st := t.c.styles
	s := textarea.DefaultStyles(st.isDark)
	for _, state := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		state.CursorLine = lipgloss.NewStyle()
		state.Text = lipgloss.NewStyle()
		state.Placeholder = st.Subtle
		state.Prompt = st.Focused
		state.EndOfBuffer = st.Subtle
	}
	s.Cursor.Blink = false
	t.area.SetStyles(s)
}

func (t *freeText) load(_ *plans.Plan, a *plans.Answer) {
	t.answer = a
	t.area.SetValue(a.Text)
	t.shown = t.area.Value()
}

func (t *freeText) focus(edit bool) tea.Cmd {
	t.style()
	if edit {
		return t.area.Focus()
	}
	return nil
}

func (t *freeText) blur()         { t.area.Blur() }
func (t *freeText) textual() bool { return true }
func (t *freeText) typing() bool  { return t.area.Focused() }

func (t *freeText) update(msg tea.Msg) fuResult {
	if !t.typing() {
		return fuResult{}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab", "shift+tab", "esc":
			return fuResult{}
		}
	}
	var cmd tea.Cmd
	t.area, cmd = t.area.Update(msg)
	return handled(cmd)
}

func (t *freeText) commit() (changed, ok bool) {
	v := t.area.Value()
	if v == t.shown {
		return false, true
	}
	t.answer.Text = v
	t.shown = v
	return true, true
}

func (t *freeText) view(w, h int, focused bool) string {
	st := t.c.styles
	marker, label := "  ", st.Label
	if focused {
		marker, label = "› ", st.Focused
	}
	head := marker + label.Render("Your answer")
	if t.typing() {
		t.area.SetWidth(w - 2)
		t.area.SetHeight(max(min(freeTextHeight, h-1), 1))
		return head + "\n" + indentLines(strings.TrimRight(t.area.View(), "\n"), "  ")
	}
	v := t.area.Value()
	if strings.TrimSpace(v) == "" {
		return head + "\n  " + st.Subtle.Render("not answered yet")
	}
	var lines []string
	for _, l := range strings.Split(v, "\n") {
		lines = append(lines, strings.Split(ansi.Wrap(flat(l), max(w-2, 1), ""), "\n")...)
	}
	if n := max(h-1, 1); len(lines) > n {
		lines = append(lines[:n-1], st.Subtle.Render("…"))
	}
	return head + "\n" + indentLines(strings.Join(lines, "\n"), "  ")
}

func (t *freeText) shortHelp() []key.Binding { return nil }
func (t *freeText) fullHelp() []key.Binding  { return nil }

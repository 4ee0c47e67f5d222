package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A text question ("Who are the decision makers …?") is answered in free
// text of several lines, stored in Answer.Text. Enter starts a new line;
// tab or esc leaves the field.
type freeText struct {
	c      *common
	id     string // the question's
	field  *notesField
	answer *plans.Answer
}

// freeTextHeight is the most lines the field takes while typing.
const freeTextHeight = 6

func newFreeText(c *common, id string) *freeText {
	f := newNotesField("Your answer", "names or roles, one per line if you like", 0)
	f.empty = "not answered yet"
	return &freeText{c: c, id: id, field: f}
}

func (t *freeText) load(_ *plans.Plan, a *plans.Answer) {
	t.answer = a
	t.field.setValue(a.Text)
}

func (t *freeText) focus(edit bool) tea.Cmd {
	if edit {
		return t.field.focus()
	}
	return nil
}

func (t *freeText) blur()         { t.field.blur() }
func (t *freeText) textual() bool { return true }
func (t *freeText) typing() bool  { return t.field.focused() }

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
	return handled(t.field.update(msg))
}

// commit sends the text as typed; the session drops the blank space
// around it, and leaves text only passed through exactly as it was.
func (t *freeText) commit() (tea.Cmd, bool) {
	return save(t.c.session.SetText(t.id, t.field.value())), true
}

// view gives the answer the lines it has: up to freeTextHeight while
// typing, all there are otherwise.
func (t *freeText) view(w, h int, focused bool) string {
	lines := max(h-1, 1)
	if t.typing() {
		lines = min(freeTextHeight, lines)
	}
	t.field.setHeight(lines)
	t.field.highlight(focused)
	return t.field.view(&t.c.styles, w)
}

func (t *freeText) shortHelp() []key.Binding { return nil }
func (t *freeText) fullHelp() []key.Binding  { return nil }

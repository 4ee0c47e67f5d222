package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A text question ("Who are the decision makers …?") is answered in free
// text of several lines, stored in Answer.Text. Enter starts a new line;
// tab or esc leaves the field.
type freeText struct {
	textStop
	notes *notesField
}

// freeTextHeight is the most lines the field takes while typing.
const freeTextHeight = 6

func newFreeText(c *common, id string) *freeText {
	f := newNotesField("Your answer", "names or roles, one per line if you like", 0)
	f.empty = "not answered yet"
	return &freeText{textStop{c: c, id: id, field: f, multiline: true}, f}
}

func (t *freeText) load(_ *plans.Plan, a *plans.Answer) { t.notes.setValue(a.Text) }

// commit sends the text as typed; the session drops the blank space
// around it, and leaves text only passed through exactly as it was.
func (t *freeText) commit() (tea.Cmd, bool) {
	return save(t.c.session.SetText(t.id, t.notes.value())), true
}

// view gives the answer the lines it has: up to freeTextHeight while
// typing, all there are otherwise.
func (t *freeText) view(w, h int, focused bool) string {
	lines := max(h-1, 1)
	if t.typing() {
		lines = min(freeTextHeight, lines)
	}
	t.notes.setHeight(lines)
	return t.textStop.view(w, h, focused)
}

package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A text question ("Who are the decision makers …?") is answered in free
// text of several lines, stored in Answer.Text. Enter starts a new line;
// tab or esc leaves the field. With the room on, the ideas phones sent are
// rows under the field (followup_ideas.go).
type freeText struct {
	ideaStop
	notes *notesField
}

// freeTextHeight is the most lines the field takes while typing.
const freeTextHeight = 6

func newFreeText(c *common, id string) *freeText {
	f := newNotesField("Your answer", "names or roles, one per line if you like", 0)
	f.empty = "not answered yet"
	t := &freeText{ideaStop: ideaStop{textStop: textStop{c: c, id: id, field: f, multiline: true}}, notes: f}
	t.ideas = newIdeaRows(c, id, "", t.refill)
	return t
}

func (t *freeText) load(_ *plans.Plan, a *plans.Answer) { t.notes.setValue(a.Text) }

// refill shows the answer as the session has it, after an idea changed it.
func (t *freeText) refill() { t.notes.setValue(t.c.plan().Answer(t.id).Text) }

// commit sends the text as typed; the session drops the blank space
// around it, and leaves text only passed through exactly as it was.
func (t *freeText) commit() (tea.Cmd, bool) {
	return save(t.c.session.SetText(t.id, t.notes.value())), true
}

// view gives the answer the lines it has: up to freeTextHeight while
// typing, all there are otherwise, less the rows of ideas under it.
func (t *freeText) view(w, h int, focused bool) string {
	rows := t.ideas.view(w, focused)
	lines := max(h-1, 1)
	if rows != "" {
		lines = max(h-1-lineCount(rows), 1)
	}
	if t.typing() {
		lines = min(freeTextHeight, lines)
	}
	t.notes.setHeight(lines)
	field := func(lit bool) string { return t.textStop.view(w, h, lit) }
	return t.withIdeas(field, rows, focused)
}

package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A per-area question ("Who do you need to speak with … about each area?")
// has one text field per area of the checklist, stored in Answer.ByArea
// under the area's id.

// areaAnswer is the field for one area.
type areaAnswer struct {
	c      *common
	id     string // the question's
	areaID string
	field  *textField
	answer *plans.Answer
}

func perAreaStops(c *common, id string) []fuStop {
	var out []fuStop
	for _, a := range c.checklist().Areas {
		f := newTextField(a.Title, "a name, a role or a team", 0)
		f.empty = "not answered yet"
		out = append(out, &areaAnswer{c: c, id: id, areaID: a.ID, field: f})
	}
	return out
}

func (s *areaAnswer) load(_ *plans.Plan, a *plans.Answer) {
	s.answer = a
	s.field.setValue(a.ByArea[s.areaID])
}

func (s *areaAnswer) focus(edit bool) tea.Cmd {
	if edit {
		return s.field.focus()
	}
	return nil
}

func (s *areaAnswer) blur()         { s.field.blur() }
func (s *areaAnswer) textual() bool { return true }
func (s *areaAnswer) typing() bool  { return s.field.focused() }

func (s *areaAnswer) update(msg tea.Msg) fuResult {
	if !s.typing() || isFieldKey(msg) {
		return fuResult{}
	}
	return handled(s.field.update(msg))
}

// commit sends what is typed; the session drops the spaces around it, and
// leaves an answer only passed through exactly as it was (a line break
// shown as a space stays a line break).
func (s *areaAnswer) commit() (tea.Cmd, bool) {
	return save(s.c.session.SetAreaAnswer(s.id, s.areaID, s.field.value())), true
}

func (s *areaAnswer) view(w, _ int, focused bool) string {
	s.field.highlight(focused)
	return s.field.view(&s.c.styles, w)
}

func (s *areaAnswer) shortHelp() []key.Binding { return nil }
func (s *areaAnswer) fullHelp() []key.Binding  { return nil }

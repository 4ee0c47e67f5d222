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
	areaID string
	field  fuText
	answer *plans.Answer
	// shown is the field's text as loaded: the stored text with any line
	// breaks turned to spaces. While the field still shows it, the stored
	// text is left exactly as it was.
	shown string
}

func perAreaStops(c *common) []fuStop {
	var out []fuStop
	for _, a := range c.checklist().Areas {
		out = append(out, &areaAnswer{c: c, areaID: a.ID, field: newFUText(a.Title, "a name, a role or a team")})
	}
	return out
}

func (s *areaAnswer) load(_ *plans.Plan, a *plans.Answer) {
	s.answer = a
	s.field.setValue(a.ByArea[s.areaID])
	s.shown = s.field.value()
}

func (s *areaAnswer) focus(edit bool) tea.Cmd {
	s.field.style(s.c.styles)
	if edit {
		return s.field.focus()
	}
	return nil
}

func (s *areaAnswer) blur()         { s.field.blur() }
func (s *areaAnswer) textual() bool { return true }
func (s *areaAnswer) typing() bool  { return s.field.typing() }

func (s *areaAnswer) update(msg tea.Msg) fuResult {
	if !s.typing() || isFieldKey(msg) {
		return fuResult{}
	}
	return handled(s.field.update(msg))
}

func (s *areaAnswer) commit() (changed, ok bool) {
	v := s.field.value()
	if v == s.shown {
		return false, true
	}
	if s.answer.ByArea == nil {
		s.answer.ByArea = map[string]string{}
	}
	s.answer.ByArea[s.areaID] = v
	s.shown = v
	return true, true
}

func (s *areaAnswer) view(w, _ int, focused bool) string {
	return s.field.view(s.c.styles, w, 0, focused, "not answered yet")
}

func (s *areaAnswer) shortHelp() []key.Binding { return nil }
func (s *areaAnswer) fullHelp() []key.Binding  { return nil }

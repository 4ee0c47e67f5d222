package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A per-area question ("Who do you need to speak with … about each area?")
// has one text field per area of the checklist, stored in Answer.ByArea
// under the area's id. With the room on, the ideas phones sent for an area
// are rows under its field (followup_ideas.go).

// areaAnswer is the field for one area.
type areaAnswer struct {
	textStop
	areaID string
	text   *textField
	ideas  *ideaRows
}

func perAreaStops(c *common, id string) []fuStop {
	var out []fuStop
	for _, a := range c.checklist().Areas {
		f := newTextField(a.Title, "a name, a role or a team", 0)
		f.empty = "not answered yet"
		s := &areaAnswer{textStop: textStop{c: c, id: id, field: f}, areaID: a.ID, text: f}
		s.ideas = newIdeaRows(c, id, a.ID, s.refill)
		out = append(out, s)
	}
	return out
}

func (s *areaAnswer) load(_ *plans.Plan, a *plans.Answer) { s.text.setValue(a.ByArea[s.areaID]) }

// refill shows the answer as the session has it, after an idea changed it.
func (s *areaAnswer) refill() { s.text.setValue(s.c.plan().Answer(s.id).ByArea[s.areaID]) }

// commit sends what is typed; the session drops the spaces around it, and
// leaves an answer only passed through exactly as it was (a line break
// shown as a space stays a line break).
func (s *areaAnswer) commit() (tea.Cmd, bool) {
	return save(s.c.session.SetAreaAnswer(s.id, s.areaID, s.text.value())), true
}

func (s *areaAnswer) focus(edit bool) tea.Cmd {
	s.ideas.toField()
	return s.textStop.focus(edit)
}

func (s *areaAnswer) update(msg tea.Msg) fuResult {
	if k, ok := msg.(tea.KeyPressMsg); ok && !s.typing() {
		keys := newFollowupKeys()
		return s.ideas.key(k, keys.Up, keys.Down)
	}
	return s.textStop.update(msg)
}

func (s *areaAnswer) view(w, h int, focused bool) string {
	field := s.textStop.view(w, h, focused && !s.ideas.onRow())
	if rows := s.ideas.view(w, focused); rows != "" {
		return field + "\n" + rows
	}
	return field
}

func (s *areaAnswer) shortHelp() []key.Binding { return s.ideas.shortHelp() }
func (s *areaAnswer) fullHelp() []key.Binding  { return s.ideas.fullHelp() }

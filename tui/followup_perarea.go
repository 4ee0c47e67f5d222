package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A per-area question ("Who do you need to speak with … about each area?")
// has one text field per area of the checklist, stored in Answer.ByArea
// under the area's id. With the room on, the ideas phones sent for an area
// are rows under its field (followup_ideas.go).

// areaAnswer is the field for one area.
type areaAnswer struct {
	ideaStop
	areaID string
	text   *textField
}

func perAreaStops(c *common, id string) []fuStop {
	var out []fuStop
	for _, a := range c.checklist().Areas {
		f := newTextField(a.Title, "a name, a role or a team", 0)
		f.empty = "not answered yet"
		s := &areaAnswer{ideaStop: ideaStop{textStop: textStop{c: c, id: id, field: f}}, areaID: a.ID, text: f}
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

func (s *areaAnswer) view(w, h int, focused bool) string {
	field := func(lit bool) string { return s.textStop.view(w, h, lit) }
	return s.withIdeas(field, s.ideas.view(w, focused), focused)
}

package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A per-area question ("Who do you need to speak with … about each area?")
// has one text field per area of the checklist, stored in Answer.ByArea
// under the area's id.

// areaAnswer is the field for one area.
type areaAnswer struct {
	textStop
	areaID string
	text   *textField
}

func perAreaStops(c *common, id string) []fuStop {
	var out []fuStop
	for _, a := range c.checklist().Areas {
		f := newTextField(a.Title, "a name, a role or a team", 0)
		f.empty = "not answered yet"
		out = append(out, &areaAnswer{textStop{c: c, id: id, field: f}, a.ID, f})
	}
	return out
}

func (s *areaAnswer) load(_ *plans.Plan, a *plans.Answer) { s.text.setValue(a.ByArea[s.areaID]) }

// commit sends what is typed; the session drops the spaces around it, and
// leaves an answer only passed through exactly as it was (a line break
// shown as a space stays a line break).
func (s *areaAnswer) commit() (tea.Cmd, bool) {
	return save(s.c.session.SetAreaAnswer(s.id, s.areaID, s.text.value())), true
}

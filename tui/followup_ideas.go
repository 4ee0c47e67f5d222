package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/review"
)

// Ideas from the room (ladder review --room): what participants send from
// their phones during the next-steps questions is offered in the answer,
// beside the other suggestions, marked as from the room. Among the quick
// wins each idea is a row of the list (followup_list.go); under an area's
// answer to "who to speak with", and under the decision makers, the ideas
// are rows below the field, drawn here. x (or space) accepts one into the
// answer and x again takes it back out; d drops it. Nothing from a phone
// reaches the plan until it is accepted (review/ideas.go).

// sourceRoom labels an idea from a phone, waiting or accepted.
const sourceRoom = "from the room"

type ideaKeys struct {
	Toggle key.Binding
	Drop   key.Binding
}

func newIdeaKeys() ideaKeys {
	return ideaKeys{
		Toggle: key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space/x", "accept the idea")),
		Drop:   key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "drop the idea")),
	}
}

// ideaRows are the ideas offered under one text answer: an area's answer
// to a per-area question, or a free-text answer. The rows are read from
// the session each time, so an idea that arrives while the question is
// on screen shows at once; the cursor is kept by the idea's number, so it
// stays on the row it was on.
type ideaRows struct {
	c          *common
	question   string
	area       string
	keys       ideaKeys
	cursor     int // the idea under the cursor; 0: the field above
	note       string
	afterwards func() // refills the field once an idea changed the answer
}

func newIdeaRows(c *common, question, area string, afterwards func()) *ideaRows {
	return &ideaRows{c: c, question: question, area: area, keys: newIdeaKeys(), afterwards: afterwards}
}

func (r *ideaRows) offers() []review.IdeaOffer {
	if r.c.session == nil {
		return nil
	}
	return r.c.session.Ideas(r.question, r.area)
}

// at is the position of the row under the cursor, -1 on the field.
func (r *ideaRows) at(offers []review.IdeaOffer) int {
	return slices.IndexFunc(offers, func(o review.IdeaOffer) bool { return o.ID == r.cursor })
}

// onRow reports whether the cursor is on an idea (not on the field).
func (r *ideaRows) onRow() bool { return r.at(r.offers()) >= 0 }

// toField puts the cursor back on the field.
func (r *ideaRows) toField() { r.cursor = 0 }

// key handles the rows' keys while the stop is not typing: ↓ from the
// field goes down the rows and ↑ back up, x accepts or takes back the idea
// under the cursor, d drops it. Moving past the last row, or up from the
// field, is left to the screen.
func (r *ideaRows) key(k tea.KeyPressMsg, up, down key.Binding) fuResult {
	offers := r.offers()
	i := r.at(offers)
	r.note = ""
	switch {
	case key.Matches(k, down) && i+1 < len(offers):
		r.cursor = offers[i+1].ID
	case key.Matches(k, up) && i >= 0:
		r.cursor = 0
		if i > 0 {
			r.cursor = offers[i-1].ID
		}
	case key.Matches(k, r.keys.Toggle) && i >= 0:
		o := offers[i]
		var cmd tea.Cmd
		if o.Chosen {
			cmd = r.c.withdrawIdea(o.ID)
			r.note = "Took “" + flat(o.Text) + "” out of the answer · x puts it back"
		} else {
			cmd = r.c.acceptIdea(o.ID)
			r.note = "Accepted “" + flat(o.Text) + "” from the room"
		}
		r.afterwards()
		return handled(cmd)
	case key.Matches(k, r.keys.Drop) && i >= 0 && offers[i].Chosen:
		// x leaves the cursor on the idea it accepted: d meant for the
		// next one would drop it from the answer, with no undo.
		r.note = acceptedNotDropped(offers[i].Text)
	case key.Matches(k, r.keys.Drop) && i >= 0:
		o := offers[i]
		r.c.dropIdea(o.ID)
		r.cursor = 0
		if i+1 < len(offers) {
			r.cursor = offers[i+1].ID
		} else if i > 0 {
			r.cursor = offers[i-1].ID
		}
		r.note = "Dropped “" + flat(o.Text) + "”"
	default:
		return fuResult{}
	}
	return handled(nil)
}

// view draws the rows w cells wide, the one under the cursor marked when
// the stop has focus; "" when there are none.
func (r *ideaRows) view(w int, focused bool) string {
	offers := r.offers()
	if len(offers) == 0 && r.note == "" {
		return ""
	}
	st := r.c.styles
	var lines []string
	if r.note != "" && focused {
		lines = append(lines, "  "+st.Success.Render(ansi.Truncate(r.note, max(w-2, 1), "…")))
	}
	textWidth := max(w-2-4-2-ansi.StringWidth(sourceRoom), 8)
	for _, o := range offers {
		marker, box := "  ", "[ ] "
		if o.Chosen {
			box = "[x] "
		}
		quoted := "“" + flat(o.Text) + "”"
		if !focused || o.ID != r.cursor {
			text := padRight(ansi.Truncate(quoted, textWidth, "…"), textWidth)
			lines = append(lines, marker+box+text+"  "+st.Subtle.Render(sourceRoom))
			continue
		}
		// The idea under the cursor is shown whole, wrapped: the
		// facilitator reads it to the room before accepting it, and an
		// idea is up to 280 characters. Below its first line, where
		// "from the room" is not, the lines take the whole width.
		first := wrapText(quoted, textWidth)[0]
		lines = append(lines, st.Focused.Render("› ")+st.Focused.Render(box)+st.Focused.Render(padRight(first, textWidth))+"  "+st.Subtle.Render(sourceRoom))
		if rest, ok := strings.CutPrefix(quoted, first); ok && strings.TrimSpace(rest) != "" {
			for _, l := range wrapText(strings.TrimSpace(rest), max(w-2-4, 8)) {
				lines = append(lines, spaces(2+4)+st.Focused.Render(l))
			}
		}
	}
	return strings.Join(lines, "\n")
}

func (r *ideaRows) shortHelp() []key.Binding {
	offers := r.offers()
	i := r.at(offers)
	if i < 0 {
		return nil
	}
	toggle := r.keys.Toggle
	if offers[i].Chosen {
		toggle = key.NewBinding(key.WithKeys(toggle.Keys()...), key.WithHelp(toggle.Help().Key, "take it out of the answer"))
		return []key.Binding{toggle} // d drops nothing accepted
	}
	return []key.Binding{toggle, r.keys.Drop}
}

// acceptedNotDropped is what d says on an idea accepted into the answer,
// which it does not drop: what to do first, the idea after it, so that a
// line cut at the window's edge cuts the idea's words, not the keys.
func acceptedNotDropped(text string) string {
	return "In the answer: x takes it out first, then d drops it (“" + flat(text) + "”)"
}

func (r *ideaRows) fullHelp() []key.Binding {
	if len(r.offers()) == 0 {
		return nil
	}
	return []key.Binding{r.keys.Toggle, r.keys.Drop}
}

// ideaStop is a text stop with the room's ideas under its field: an area's
// answer, a free-text answer. While the field is not being typed in, ↑/↓
// go through the ideas and x and d decide them; enter types in the field.
type ideaStop struct {
	textStop
	ideas *ideaRows
}

func (s *ideaStop) focus(edit bool) tea.Cmd {
	s.ideas.toField()
	return s.textStop.focus(edit)
}

func (s *ideaStop) update(msg tea.Msg) fuResult {
	if k, ok := msg.(tea.KeyPressMsg); ok && !s.typing() {
		keys := newFollowupKeys()
		return s.ideas.key(k, keys.Up, keys.Down)
	}
	return s.textStop.update(msg)
}

// withIdeas draws the field, lit only while the cursor is on it, with the
// ideas under it.
func (s *ideaStop) withIdeas(field func(focused bool) string, rows string, focused bool) string {
	f := field(focused && !s.ideas.onRow())
	if rows == "" {
		return f
	}
	return f + "\n" + rows
}

func (s *ideaStop) shortHelp() []key.Binding { return s.ideas.shortHelp() }
func (s *ideaStop) fullHelp() []key.Binding  { return s.ideas.fullHelp() }

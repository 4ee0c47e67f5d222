package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Due dates typed as a span ("6w") count from today; a plan prepared for a
// workshop on a later date offers the plan's date instead (the session
// decides, review.Session.DueBases). The due-date fields say which while
// they have focus, and ctrl+t, which works while typing, moves between
// the two. The owner field suggests the plan's participants
// (review.Session.OwnerSuggestions): ↓ shows the next, → takes it.

// dueBaseKey is ctrl+t: count spans from the other date offered.
var dueBaseKey = key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "count 6w from the plan's date / today"))

// dueBaseChangedMsg tells the active screen to read its due dates again.
type dueBaseChangedMsg struct{}

// dueBaseNote says, for a due-date field holding text, what spans count
// from and how to count from the other date: "6w from today · ctrl+t: from
// the plan's date, Mon 14 Apr 2027". It is "" when there is no choice.
func (c *common) dueBaseNote(text string) string {
	if c.session == nil || len(c.session.DueBases()) < 2 {
		return ""
	}
	from := "spans count from " + c.session.DueBaseWords()
	if c.session.CountsFromBase(text) {
		from = flat(strings.TrimSpace(text)) + " from " + c.session.DueBaseWords()
	}
	other := "the plan's date"
	if c.session.DueBase() != c.session.Today() {
		other = "today"
	}
	return from + " · ctrl+t: from " + other
}

// dueBaseKeyPressed handles ctrl+t; handled is false when the plan offers
// no other date.
func (c *common) dueBaseKeyPressed(msg tea.KeyPressMsg) bool {
	if c.session == nil || !key.Matches(msg, dueBaseKey) || len(c.session.DueBases()) < 2 {
		return false
	}
	c.session.NextDueBase()
	return true
}

// suggestOwners makes an owner field offer the plan's participants.
func (c *common) suggestOwners(f *textField) {
	if c.session == nil {
		return
	}
	names := c.session.OwnerSuggestions()
	f.input.KeyMap.AcceptSuggestion = key.NewBinding(key.WithKeys("right", "end"))
	f.offerNames(names)
	f.input.Placeholder = "who will do it?"
	if len(names) > 0 {
		f.input.Placeholder += " " + strings.Join(names, ", ")
	}
}

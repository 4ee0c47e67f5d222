package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// An action the room dictates often begins with a number ("2 apprentices
// by June", "10 managers trained"), and on the item screen a digit rates:
// typed straight after the rating, "2 apprentices" re-rated the item
// Amber at the 2, and its letters acted (a rated, p went back an item).
// Once the item is rated, when the action is what comes next, a number
// rating it again is noted, and taken back exactly when a space or a
// digit that rates nothing goes on after it: the action begins with the
// number and that key. Rating digits in a row stay part of the number
// ("12 mentors"); any other key after them leaves the rating made (the
// room's change of mind: 2 then 3, then n). Before the first rating a
// digit is the facilitator's rating, as before; with a room open a
// rating is agreed for the phones, and is not taken back.

// numberWord is a number being typed at the rating of a rated item.
type numberWord struct {
	digits []tea.KeyPressMsg // the rating digits typed so far
	before review.RatingMark // the item's rating before the first
	cursor int               // the rating's cursor before the first
}

// beginNumber notes a rating digit pressed at the rating of a rated
// item, before it rates: a number may begin the action.
func (s *itemScreen) beginNumber(msg tea.KeyPressMsg) {
	if !isDigit(msg.Text) || s.notRatedYet() || s.c.room.on() {
		return
	}
	if s.number == nil {
		s.number = &numberWord{before: s.c.session.MarkRating(s.entry().Item.ID), cursor: s.cursor}
	}
	s.number.digits = append(s.number.digits, msg)
}

// wordGoesOn takes back the ratings of a number when the key after it
// goes on the number (wordAfterKey), and begins the action with them.
func (s *itemScreen) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	w := s.number
	if w == nil || s.focus != focusRating {
		s.number = nil
		return nil, false
	}
	if isDigit(msg.Text) && key.Matches(msg, s.keys.Rate...) {
		return nil, false // the number goes on, rating again (beginNumber)
	}
	s.number = nil
	if !typesText(msg) || msg.Text != " " && !isDigit(msg.Text) {
		return nil, false
	}
	s.cursor = w.cursor // or enter back at the rating would rate at the number
	cmds := []tea.Cmd{save(s.c.session.TakeBack(w.before)), s.setFocus(focusAction)}
	for _, d := range append(w.digits, msg) {
		cmds = append(cmds, s.action.update(d))
	}
	return tea.Batch(cmds...), true
}

// isDigit reports whether text is one digit.
func isDigit(text string) bool { return len(text) == 1 && text[0] >= '0' && text[0] <= '9' }

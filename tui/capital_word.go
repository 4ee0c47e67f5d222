package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A capital is how a sentence begins, and the room's actions and answers
// are sentences: "Publish the vision", "Train line managers", "Priya and
// the board". P (presenter mode) and, with a clock, T (the item's time
// again) are keys wherever nothing is being typed, even where a letter
// begins the text (the item's action, a next-steps answer, a quick win:
// typedLetter), so "Publish the vision" typed straight after a rating
// left presenter mode in front of the room at its P, opened the board
// at its b and the summary at its s. The key still acts at once, as the
// facilitator's key; the key after it tells: a small letter that goes on
// a word after a capital (goesOnAWord) takes the key back
// (presenter mode, the data shown and the clocks as they were) and, where
// the screen would begin its text with a letter, begins it with both.
// Anything else (n, b, an arrow, enter, a digit), and any key on an item
// not rated yet, leaves the key done and acts as always: the
// facilitator's P then n, T then g, and before the rating P then i or
// P then a. Once the item is rated, when the action is what comes next,
// "Partner", "Promote" and "Pilot" are words, and a key of the
// facilitator's among those letters (a rating again, o, i) wants another
// key between.

// capitalWord is a capital that just acted as a key where a letter
// begins text, with what it changed.
type capitalWord struct {
	msg       tea.KeyPressMsg
	present   bool    // presenter mode before the key
	dataShown bool    // the item's workforce data shown before it
	timer     timebox // the clocks before it
}

// capitalKey notes a capital about to act as a key whose change can be
// taken back (P; T with a clock; D on an item about the data in presenter
// mode), on a screen with nothing being typed where letters may begin
// text, so that the next key can take it back.
func (a *app) capitalKey(msg tea.KeyPressMsg) {
	s := a.screen(a.active)
	if _, nowhere := nothingToType(s); nowhere || s.typing() || !a.takenBack(msg) {
		return
	}
	w := &capitalWord{msg: msg, present: a.c.present, timer: a.c.timer}
	if it, ok := a.screens[screenItem].(*itemScreen); ok {
		w.dataShown = it.dataShown
	}
	a.capital = w
}

// takenBack reports whether msg is a capital key whose change a word
// going on after it can take back. Not the room's V: a reveal the room
// has seen is not taken back.
func (a *app) takenBack(msg tea.KeyPressMsg) bool {
	if len(msg.Text) != 1 || msg.Text < "A" || msg.Text > "Z" {
		return false
	}
	if it, ok := a.screens[screenItem].(*itemScreen); ok && a.active == screenItem && key.Matches(msg, it.keys.ShowData) {
		return true
	}
	return key.Matches(msg, a.c.keys.Present, a.c.keys.Timer.Restart)
}

// capitalWordGoesOn is asked of every key after a capital key: when msg
// goes on a word begun with the capital, and the screen begins its text
// with the capital, the capital's change is taken back; msg then types
// after it as any letter typed in a field.
func (a *app) capitalWordGoesOn(msg tea.KeyPressMsg) tea.Cmd {
	w := a.capital
	a.capital = nil
	s := a.screen(a.active)
	if w == nil || !typesText(msg) || !goesOnAWord(msg.Text) || s.typing() {
		return nil
	}
	if r, ok := s.(ratingFirst); ok && r.notRatedYet() {
		return nil // P then a before a rating: presenter mode, then Amber
	}
	a.c.capitalBegins = w.msg.Text
	cmd := s.update(w.msg)
	a.c.capitalBegins = ""
	if !s.typing() {
		return cmd // nowhere to begin text: the key stays done
	}
	if a.c.present != w.present {
		a.setPresent(w.present)
	}
	if it, ok := a.screens[screenItem].(*itemScreen); ok {
		it.dataShown = w.dataShown
	}
	a.c.timer = w.timer
	return cmd
}

// ratingFirst is a screen where a rating comes before any words (the
// item screen): the room talks an item through and rates it, then says
// what to do.
type ratingFirst interface {
	// notRatedYet reports whether the item shown is not rated yet: the
	// keys after a capital are the facilitator's (P then i, the advice;
	// P then a, Amber), not a word's.
	notRatedYet() bool
}

func (s *itemScreen) notRatedYet() bool {
	_, _, rated := s.c.checklist().Level(s.response().Rating)
	return !rated
}

// goesOnAWord reports whether a letter typed straight after a first
// consonant goes on a word with it: a small vowel, y, or r, l, h or w
// ("Publish", "Priya", "Plan", "Train", "Three", "Twice"; "fix",
// "flexible"). The facilitator's keys after P, T or the board's f (n, p,
// b, f, x, j, k, g, s) are none of them, and act.
func goesOnAWord(letter string) bool {
	return len(letter) == 1 && strings.Contains("aeiouyrlhw", letter)
}

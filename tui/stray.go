package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"
)

// nowhereToType is a screen with no text field to type in (an area's
// summary, the overview, the board, the summary, the advice, help),
// where a first-time user may still type as if there were one: "Talk to
// the team" on an area's summary, where the o of "to" opened the
// overview and the a of "team" rated the item under its cursor Amber.
// There a letter that is none of its keys is a stray letter
// (strayLetter), and the keys typed after it are held (heldKey).
type nowhereToType interface {
	// keyMap is the screen's key map: its letters are the screen's keys.
	keyMap() any
	// strayNote says, in a few plain words for the status line (60
	// columns), that nothing is typed here, and which keys go on from
	// the screen: keys that type nothing, the ones that act while
	// letters are held.
	strayNote() string
}

// nowhereToTypeNow is a screen with nowhere to type in some of its states
// only: a next-steps question, whose fields and quick wins take letters
// and whose project plan's list (no step being edited), counts and due
// date (highlighted, not being typed in) do not.
type nowhereToTypeNow interface {
	nowhereToType
	nowhereToTypeNow() bool
}

// nothingToType is the screen as one with nowhere to type, when it is
// one now.
func nothingToType(s screen) (nowhereToType, bool) {
	n, ok := s.(nowhereToType)
	if sometimes, ok := n.(nowhereToTypeNow); ok && !sometimes.nowhereToTypeNow() {
		return nil, false
	}
	return n, ok
}

// wordAfterKey is a screen where a letter that is a key and changes the
// plan may be the first of a word (the project plan's d and s: "done"
// removed a step, "send" moved its status on; the overview's ratings:
// "organise" rated at its r, g and a, overview_word.go).
type wordAfterKey interface {
	// wordGoesOn is asked of every key before any key acts, and reports
	// whether the key is a letter that goes on a word begun with such a
	// key just before: then the key's change is taken back (the command
	// saves that), and the letter is a stray one.
	wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool)
}

// wordOpener is a screen opened by a letter that may be a word's first
// (the overview, by o: "order new laptops"). When the word goes on
// straight after it, the screen closes too, back to the screen the word
// was typed on, if nothing is typed there either: the word typed there
// leaves the user there, with its note, as a word whose first letter is
// no key does. Over a screen where letters are typed (the item screen,
// whose action the letters would begin) it stays, and holds them.
type wordOpener interface {
	openedAtWord() bool
}

// wordGoesOn takes back a key's change when the letter after it shows it
// began a word (see wordAfterKey), and holds the letters after it, as a
// stray letter does.
func (a *app) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	w, ok := a.screen(a.active).(wordAfterKey)
	if !ok {
		return nil, false
	}
	cmd, ok := w.wordGoesOn(msg)
	if !ok {
		return nil, false
	}
	if o, ok := w.(wordOpener); ok && o.openedAtWord() && len(a.asides) > 0 {
		if _, ok := nothingToType(a.screen(a.asides[len(a.asides)-1])); ok {
			a.goBack()
		}
	}
	if s, ok := nothingToType(a.screen(a.active)); ok {
		a.stray = s.strayNote()
	}
	return cmd, true
}

// heldKey takes a key before any key of the app's or the screen's acts,
// and reports whether it is held: a key that types, after a stray letter
// on a screen with nowhere to type. A stray letter puts the screen's note
// in the status line and holds the keys typed after it, letters, digits,
// space and punctuation alike ("Hire 2 apprentices": 2 rates Amber on
// the overview), which do nothing but keep the note: the rest of the
// words. Backspace and delete are held too: a word mended is still being
// typed, and the letters after it would act. The first key that types
// nothing (enter, esc, an arrow, tab, f1, ctrl+c) ends the hold, and
// acts as always. q is held (the q of "quick wins" would quit); ctrl+c
// never is. A facilitator's keys (o, an arrow, g) press no stray letter,
// and act as before.
func (a *app) heldKey(msg tea.KeyPressMsg) bool {
	if a.stray == "" {
		return false
	}
	if _, ok := nothingToType(a.screen(a.active)); !ok || !typesText(msg) && !mendsText(msg) {
		a.stray = ""
		return false
	}
	return true
}

// strayLetter reports whether msg is a stray letter on the active
// screen, and if it is, holds the keys after it (see heldKey). A stray
// letter is typedLetter's (a letter that could begin words: not a key of
// the review's, but for the capitals and t, v, w outside presenter mode,
// a room and the clocks) and none of the screen's keys. The app's keys
// (q, o, b, P, the clocks' and the room's) are taken before it is asked.
func (a *app) strayLetter(msg tea.KeyPressMsg) bool {
	s, ok := nothingToType(a.screen(a.active))
	if !ok || !typedLetter(a.c, msg) {
		return false
	}
	if keyLetters(s.keyMap())[msg.Text] {
		return false
	}
	a.stray = s.strayNote()
	return true
}

// mendsText reports whether a key mends what was typed: backspace or
// delete, alone or with a modifier (a word at a time), or ctrl+h, which
// is backspace from a terminal that sends it as ^H (as in the fields).
func mendsText(msg tea.KeyPressMsg) bool {
	return msg.Code == tea.KeyBackspace || msg.Code == tea.KeyDelete || msg.String() == "ctrl+h"
}

// typesText reports whether a key types something: a letter, a digit,
// punctuation or a space, with no modifier but shift.
func typesText(msg tea.KeyPressMsg) bool {
	return msg.Text != "" && msg.Mod&^tea.ModShift == 0
}

// actWhileHeld are the footer's keys that act while letters are held: a
// key the footer names as one that types (a add, d remove, r/a/g rate) is
// left out, so that the footer under "Nothing to type here" offers none
// that does nothing. A key named beside one that types nothing stays
// (n/→ next: → acts).
func actWhileHeld(bs []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if slices.ContainsFunc(strings.Split(b.Help().Key, "/"), func(k string) bool {
			return k != "space" && (len(k) != 1 || k[0] < ' ' || k[0] > '~') // "→" is three bytes
		}) {
			out = append(out, b)
		}
	}
	return out
}

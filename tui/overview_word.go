package tui

import (
	"reflect"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// A word typed on the overview, or on a screen with nowhere to type
// where its o opens the overview, rates nothing (stray.go): "order new
// laptops" on an area's summary opened the overview at the o and rated
// the item under the cursor Red at the r, saved, before the d was a
// stray letter; "organise a meeting" rated at the r, the g and the a. A
// facilitator's o a rates at once (issue 12.9), and a word's a cannot be
// told from it there: only the key after it tells. So a rating made by a
// letter or digit is taken back exactly (the file written back as it
// was) when the key straight after it, or after the ratings that follow
// it, goes on a word. Letter by letter, after a rating key:
//
//   - r, a, g (a scale's letters) and the digits rate again, and the word
//     is not told yet ("organise": o r g a n i s);
//   - j and k move (a j g: a rating on each of two items), u opens the
//     next item not rated (o a u), o closes the overview (o r o), q, b, ?
//     and P are the app's keys, and so are t, v and w with a clock or a
//     room: they act, and the rating stays;
//   - n, p, x, f and i, the item screen's keys, do nothing here: the word
//     is not told yet (a facilitator's n, pressed by habit, takes back no
//     rating; "and" is taken back at its d);
//   - a space, or any other small letter, goes on a word ("a meeting",
//     "order"): the ratings are taken back, and the letters after it are
//     held, as after any stray letter;
//   - a capital begins a word, and ends this one: the rating stays (a T
//     after a facilitator's g).
//
// Keys that type nothing (enter, esc, the arrows, tab) end the word, and
// act. With a room open a rating is agreed for the phones, and is not
// taken back. The o that opened the overview is a word's first letter
// too: when the word goes on straight after it, the overview closes, back
// to the screen the word was typed on, when nothing is typed there either
// (an area's summary: the note is the same as for "Talk to the team",
// where the word was typed). Over the item screen, where letters begin
// the action, the overview stays, with its note and the letters held.

// overviewWord is what a word begun on the overview has done so far.
type overviewWord struct {
	opened bool              // the overview was opened by its o, and no key has ended the word since
	rated  bool              // a rating key rated: before is the rating to take back to
	before review.RatingMark // the item's rating before the first rating key
}

// wordStep is what a key does to a word begun on the overview.
type wordStep int

const (
	wordEnds   wordStep = iota // the key acts, and what the word did stays
	wordUntold                 // not told yet: a rating, or a letter that does nothing here
	wordGoes                   // the key goes on a word: what it did is taken back
)

// wordStep says what msg does to the word begun so far.
func (s *overviewScreen) wordStep(msg tea.KeyPressMsg) wordStep {
	if msg.Text == " " && !s.word.rated {
		return wordEnds // after the o alone, space pages down
	}
	if s.word.opened && !s.word.rated && s.overNowhere && msg.Text != "" && key.Matches(msg, s.keys.NextUnrated, s.c.keys.Board) {
		// "our team", "object" typed where nothing is typed: the u opened
		// the next item not rated, whose action the rest began, the b the
		// board. The facilitator's o u there wants a key between (↓).
		return wordGoes
	}
	return afterRating(s.c, msg, s.keys.Rate, s.keys)
}

// afterRating says what msg does to a word begun with rating keys on a
// screen with the key map keys (the overview's, an area's summary's): a
// space ("a meeting") or a small letter that is no key there ("order")
// goes on the word; another rating key, or a letter that does nothing
// there (doesNothingHere), tells nothing yet; any other key ends it.
func afterRating(c *common, msg tea.KeyPressMsg, rate []key.Binding, keys any) wordStep {
	switch {
	case !typesText(msg):
		return wordEnds
	case key.Matches(msg, rate...):
		return wordUntold
	case msg.Text == " ":
		return wordGoes
	}
	here := keyLetters(keys)
	switch {
	case isSmallLetter(msg.Text) && typedLetter(c, msg) && !here[msg.Text]:
		return wordGoes
	case doesNothingHere(msg.Text, here):
		return wordUntold
	}
	return wordEnds
}

// keyLetters are the one-letter keys of a key map (addLetters).
func keyLetters(keys any) map[string]bool {
	out := map[string]bool{}
	addLetters(reflect.ValueOf(keys), out)
	return out
}

// wordGoesOn takes back the ratings of a word begun on the overview when
// msg goes on it (wordAfterKey), and forgets the word when msg ends it.
func (s *overviewScreen) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	w := s.word
	s.closeAtWord = false
	if !w.opened && !w.rated {
		return nil, false
	}
	switch s.wordStep(msg) {
	case wordUntold:
		return nil, false // a rating notes itself where it acts (rate)
	case wordEnds:
		s.word = overviewWord{}
		return nil, false
	}
	s.word = overviewWord{}
	s.closeAtWord = w.opened
	if !w.rated {
		return nil, true
	}
	sn := s.c.session.TakeBack(w.before)
	s.counts, s.total = s.c.plan().Counts()
	s.drawn = nil
	return save(sn), true
}

// beginRating notes a rating key's rating, about to change, as one a
// word may take back; in a room the rating is agreed for the phones, and
// ends the word.
func (s *overviewScreen) beginRating(itemID string) {
	switch {
	case s.c.room.on():
		s.word = overviewWord{}
	case !s.word.rated:
		s.word.rated, s.word.before = true, s.c.session.MarkRating(itemID)
	}
}

// openedAtWord reports whether the word that went on began with the o
// that opened the overview (see wordOpener).
func (s *overviewScreen) openedAtWord() bool { return s.closeAtWord }

// doesNothingHere reports whether a letter is one of the item screen's
// keys (n, p, x, f, i) that no key of a screen with the letters here, or
// of the app's, takes: pressed after a rating key, it tells nothing of a
// word yet ("organise" is told at its s), and a facilitator's n pressed
// by habit on the overview takes back no rating.
func doesNothingHere(letter string, here map[string]bool) bool {
	return reservedLetters()[letter] && !appLetters()[letter] && !here[letter]
}

// appLetters are the letters of the keys every screen shares: the app's,
// the clocks' and the room's.
func appLetters() map[string]bool {
	appKeys.once.Do(func() {
		appKeys.letters = map[string]bool{}
		for _, m := range []any{newGlobalKeys(), theRoomKeys} {
			addLetters(reflect.ValueOf(m), appKeys.letters)
		}
	})
	return appKeys.letters
}

var appKeys struct {
	once    sync.Once
	letters map[string]bool
}

// nothingTypedHelp says in help what a letter typed on the overview does,
// and what a word does to a rating made with a letter.
func (s *overviewScreen) nothingTypedHelp() string {
	return strayHelp + " A rating made with its letter or digit is taken back when a word goes on after it " +
		"(the d of \"order\", the space of \"a meeting\"); an arrow, j, k, u, o or enter after it keeps it."
}

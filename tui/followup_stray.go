package tui

import (
	"slices"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The next steps where nothing is typed (stray.go): the project plan's
// list while no step is edited, the counts, and a due date highlighted
// but not being typed in. There a letter that is none of their keys says
// so and holds the words after it, where each letter that was a key
// acted: "Ask the directors" on the project plan's list moved the
// step's status on at its s and took k, i and e as keys. The quick wins
// and the text answers are not among them: a letter begins what is
// typed there (typedLetter).

// nowhereToTypeNow reports whether the question shows nothing to type
// into now: the project plan's list, or the due date (the counts have
// nothing else), not being typed in; or no question at all.
func (s *followupScreen) nowhereToTypeNow() bool {
	if s.none() {
		return true
	}
	if s.stops == nil || s.typing() {
		return false
	}
	switch s.stops[s.focus].(type) {
	case *projectPlan, *fuDueStop:
		return true
	}
	return false
}

// keyMap is the question's keys and those of its focused stop.
func (s *followupScreen) keyMap() any {
	bs := []key.Binding{s.keys.Next, s.keys.Prev, s.keys.Up, s.keys.Down}
	if !s.none() && s.stops != nil {
		if pp, ok := s.stops[s.focus].(*projectPlan); ok {
			bs = append(bs, pp.keys.Up, pp.keys.Down, pp.keys.Move)
			bs = append(bs, pp.fullHelp()...)
		}
	}
	return bs
}

// strayNote names keys that type nothing: esc before a, which adds a
// step; enter, which types the due date.
func (s *followupScreen) strayNote() string {
	switch {
	case s.none():
		return "Nothing to type here. → goes on to the summary."
	case s.stops != nil && s.stops[s.focus] != s.due:
		return "Nothing to type here. esc, then a, adds a step."
	}
	return "Nothing to type here. enter types the due date."
}

// wordGoesOn takes back what a key of the focused stop did when the
// letter after it goes on a word (wordAfterKey): the project plan's d
// and s ("done", "send"), the quick wins' d. The stop notes such a key
// where it acts.
func (s *followupScreen) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if s.none() || s.stops == nil {
		return nil, false
	}
	if w, ok := s.stops[s.focus].(wordAfterKey); ok {
		return w.wordGoesOn(msg)
	}
	return nil, false
}

// wordLetters are the keys that change an answer and begin words
// ("done", "send"), each with the letters that do not go on a word after
// it, which act as keys after it as before: the same key again (two
// steps removed, a status moved on twice), j and k (down and up), g (the
// top) and n (the next question), which begin no word of a plan, and
// after d, u (undo puts the step back anyway). i (pull in) is not among
// them: "discuss" is a word. a (add) acts too: it opens a field, and a
// field open takes what is typed, small letters too, as e's does ("data"
// adds a step "ta", which backspace mends, where a facilitator's step
// typed in small letters after d or s was taken back). e, which opens a
// step to edit, begins no word for the same reason.
var wordLetters = map[string]map[string]bool{
	"d": {"d": true, "u": true, "j": true, "k": true, "n": true, "g": true, "a": true},
	"s": {"s": true, "j": true, "k": true, "n": true, "g": true, "a": true},
}

// goesOnWord reports whether msg, after the key first, goes on a word.
func goesOnWord(first string, msg tea.KeyPressMsg) bool {
	keep, ok := wordLetters[first]
	return ok && typesText(msg) && isSmallLetter(msg.Text) && !keep[msg.Text]
}

// wordGoesOn reports whether msg is a small letter going on a word begun
// with d or s just before, and takes back what that key did: the step
// removed is put back, its status moved back. Any other key forgets the
// word.
func (pp *projectPlan) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	first := pp.wordStart
	pp.wordStart = ""
	if !goesOnWord(first, msg) {
		return nil, false
	}
	return pp.takeBack(first), true
}

// takeBack undoes what the key that began a word did.
func (pp *projectPlan) takeBack(key string) tea.Cmd {
	switch key {
	case "d":
		if _, at, ok, sn := pp.c.session.UndoRemoveStep(pp.id); ok {
			pp.cursor, pp.note = at, ""
			return save(sn)
		}
	case "s":
		if steps := pp.steps(); pp.cursor < len(steps) {
			id := steps[pp.cursor].ID
			pp.c.session.CycleStepStatus(pp.id, id) // round to where it was
			return save(pp.c.session.CycleStepStatus(pp.id, id))
		}
	}
	return nil
}

// quickWinsWord is a d pressed at the quick wins, and the rows as
// they were before it.
type quickWinsWord struct {
	first   string
	rows    []quickWin
	removed int
}

// beginWord notes d acting on a row, with the rows before it, but not
// on an idea from the room: dropping it tells the phones, and is not
// taken back.
func (q *quickWins) beginWord(msg tea.KeyPressMsg) {
	if msg.Text != "d" || q.rows[q.cursor].idea != 0 {
		return
	}
	q.word = quickWinsWord{msg.Text, slices.Clone(q.rows), len(q.removed)}
}

// wordGoesOn takes back the d (a row removed or unchosen) that began a
// word, and begins a quick win with the word, as a letter that is no key
// does: "done" typed on a row removed it at its d, and opened the
// overview at its o.
func (q *quickWins) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	w := q.word
	q.word = quickWinsWord{}
	if !goesOnWord(w.first, msg) {
		return nil, false
	}
	q.stopTyping()
	q.rows, q.removed, q.textMax, q.note = w.rows, q.removed[:w.removed], -1, ""
	cmds := []tea.Cmd{q.store(), q.startTyping(len(q.rows))}
	for _, r := range w.first + msg.Text {
		cmds = append(cmds, q.field.update(tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
	return tea.Batch(cmds...), true
}

// isSmallLetter reports whether text is one small letter.
func isSmallLetter(text string) bool {
	r := []rune(text)
	return len(r) == 1 && unicode.IsLower(r[0])
}

// nothingTypedHelp says in help, opened where nothing is typed, what a
// letter typed there does: help's own words but for where it is, and on
// the project plan's list what a word begun with one of its keys does.
func (s *followupScreen) nothingTypedHelp() string {
	after := "a letter that is none of its keys only says so, and the keys typed after it " +
		"do nothing until you press one that types nothing (enter, esc, an arrow)."
	switch {
	case s.none():
		return "Nothing is typed on this screen: " + after
	case s.stops != nil && s.stops[s.focus] != s.due:
		return "Nothing is typed in the list of steps (a adds a step, enter edits one): " + after +
			" A word begun with d or s (done, send) removes no step and changes none: " +
			"the letter after it takes the key back."
	}
	return "Nothing is typed at the due date until enter: " + after
}

package tui

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// itemScreen is one recommendation: where it sits (area, item n of N, a
// strip of the area's ratings so far), its title and prompt questions, the
// levels of the scale to rate it with, and the action, owner, due date,
// status and notes. A rating saves at once and moves on to the action;
// leaving a field sends it to the session, which saves it.
//
// This file is the screen's state and what keys do to it. It has two
// views, each drawn afresh from that state on every frame: the ordinary
// one (item_view.go) and presenter mode's, for a projector (present.go).
type itemScreen struct {
	c       *common
	keys    itemKeys
	entries []checklist.Entry // the checklist's items, in order
	pos     int               // index into entries
	loaded  bool              // an item was put on the screen (setPosition)

	focus  int // focusRating or one of the field indexes
	cursor int // the scale level the arrows point at

	action *textField
	owner  *textField
	due    *dateField
	status *choiceField
	notes  *notesField
	fields []field // in tab order, focus 1.. is fields[focus-1]

	// promptTop is the first prompt question shown when they do not all
	// fit (space and shift+↓ show more); promptNext is the first one the
	// last drawing left out, and promptsCut says whether it left any out.
	promptTop, promptNext int
	promptsCut            bool

	// note says what the last key did when it did nothing to see (p on
	// the first item); the next key clears it.
	note    string
	lastKey string // the key being handled, to name it in a message

	// leaving is the warning shown when the person tried to leave the
	// field or the item with a due date that is not a date (issue 12.2);
	// a second try with the same key leaves, the text kept by the session
	// and shown again on return.
	leaving leaveWarning

	bigTitles bigTitles                 // presenter mode's block-letter titles, worked out once (present.go)
	bigTexts  map[bigTextKey][][]string // its questions and levels in block letters (present_big.go)
	ratingFit ratingFit                 // the rating part's measures at the last width (present.go)
	dataShown bool                      // presenter mode shows the room the workforce data (present_data.go)
	number    *numberWord               // a number typed at the rating, which may begin the action (number_word.go)
	dataFit   presentDataFit            // its lines wrapped at the last width (present_data.go)
	// dataShownParas is how many of the data's paragraphs presenter mode's
	// layout gives room to, once shown: all, the first ones, or none, for
	// a line saying the window is too short (present.go).
	dataShownParas int
}

// Focus positions: the rating, then the fields in tab order.
const (
	focusRating = iota
	focusAction
	focusOwner
	focusDue
	focusStatus
	focusNotes
)

const itemLabelWidth = 6 // "Action", "Owner", "Due", "Status", "Notes"

type itemKeys struct {
	Rate      []key.Binding // one per scale level, worst first
	Up        key.Binding
	Down      key.Binding
	Choose    key.Binding
	Next      key.Binding // next item, outside text fields
	Prev      key.Binding
	NextField key.Binding
	PrevField key.Binding
	Enter     key.Binding // in one-line fields: next field
	Back      key.Binding // from a field to the rating
	NextItem  key.Binding // next item, from anywhere (also while typing)
	PrevItem  key.Binding
	Status    key.Binding
	Advice    key.Binding // the source's advice for the item, outside text fields
	// WriteAction goes from the rating to the action (tab, or enter once
	// the item is rated).
	WriteAction key.Binding
	// MorePrompts and FewerPrompts scroll the prompt questions when the
	// window is too short for them all (space only outside the fields).
	MorePrompts, FewerPrompts key.Binding
	Clear                     key.Binding // the rating back to unrated
	Revisit                   key.Binding // flag the item to come back to, or unflag it
	Suggest                   key.Binding // in the owner field: the participants (help only: the field takes the keys)
	// ShowData shows the workforce data to the room in presenter mode, on
	// an item about it, and hides it again (present_data.go).
	ShowData key.Binding
}

func newItemKeys(c *checklist.Checklist) itemKeys {
	k := itemKeys{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose a level")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "next level")),
		Choose:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "rate with the chosen level")),
		Next:         key.NewBinding(key.WithKeys("n", "pgdown", "right"), key.WithHelp("n/→", "next")),
		Prev:         key.NewBinding(key.WithKeys("p", "pgup", "left"), key.WithHelp("p/←", "previous")),
		NextField:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Enter:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the rating")),
		NextItem:     key.NewBinding(key.WithKeys("ctrl+n", "pgdown"), key.WithHelp("ctrl+n/pgdn", "next item")),
		PrevItem:     key.NewBinding(key.WithKeys("ctrl+p", "pgup"), key.WithHelp("ctrl+p/pgup", "previous item")),
		Status:       key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→/space", "change the status")),
		Advice:       key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "advice from the source")),
		WriteAction:  key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("tab", "write the action")),
		MorePrompts:  key.NewBinding(key.WithKeys("space", "shift+down"), key.WithHelp("space", "more questions")),
		FewerPrompts: key.NewBinding(key.WithKeys("shift+up"), key.WithHelp("shift+↑", "the questions above")),
		Clear:        key.NewBinding(key.WithKeys("x", "backspace", "delete"), key.WithHelp("x", "clear the rating")),
		Revisit:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "flag to revisit")),
		Suggest:      key.NewBinding(key.WithKeys("down", "right"), key.WithHelp("↓/→", "owner: next participant / take it")),
		ShowData:     key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "on an item about the data: show the workforce data to the room, or hide it")),
	}
	k.Rate = rateKeys(c)
	return k
}

// rateKeys gives each level of the scale its digit (1 for the worst) and,
// when no other level shares it, the first letter of its key: r, a, g.
func rateKeys(c *checklist.Checklist) []key.Binding {
	bs := make([]key.Binding, len(c.Scale))
	for i, l := range c.Scale {
		digit := strconv.Itoa(i + 1)
		keys, help := []string{digit}, digit
		if letter, ok := RatingLetter(c, i); ok {
			keys, help = []string{letter, digit}, letter+"/"+digit
		}
		bs[i] = key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, l.Label))
	}
	return bs
}

// RatingLetter is the letter that rates level i of c, if any: the first
// letter of its key, when no other level shares it and no other key of a
// review has it (so not n, b, w or v: next, back, the room's join screen
// and reveal). The accessible prompts take the same letters, so that a
// level is typed the same in both and a letter learnt as a key on the
// screens never rates an item in the prompts.
func RatingLetter(c *checklist.Checklist, i int) (string, bool) {
	letter, ok := c.Shortcut(i)
	return letter, ok && !reservedKey(letter)
}

// reservedKey is a letter another key of a review already uses: the
// app's, the clocks', the room's (outside text fields, on every screen),
// or those of the screens that rate with letters (the area's summary
// only warns that a rating key rated nothing, before its own keys, so
// its g for the top is not one). A level whose key starts
// with it is rated by its digit only, so that no letter does two things
// and no help line offers a letter that does something else.
func reservedKey(k string) bool { return reservedLetters()[k] }

// reservedLetters (capitals too: P, V, T, D) is read from the key maps
// themselves, so a key added to any of them is kept from the levels
// without a list to keep up.
// (The item screen's map is built for a scale of no levels, so that
// building it asks nothing of this.)
func reservedLetters() map[string]bool {
	reserved.once.Do(func() {
		reserved.letters = map[string]bool{}
		for _, m := range []any{newGlobalKeys(), theRoomKeys, newItemKeys(&checklist.Checklist{}),
			newOverviewScreen(nil).keys} {
			addLetters(reflect.ValueOf(m), reserved.letters)
		}
	})
	return reserved.letters
}

// roomOrClockLetters are the letters that are keys only in a room or
// with a clock (t, v, w), none of the item screen's, the overview's or
// the other keys every screen shares.
func roomOrClockLetters() map[string]bool {
	reserved.onceElsewhere.Do(func() {
		only := map[string]bool{}
		addLetters(reflect.ValueOf(theRoomKeys), only)
		addLetters(reflect.ValueOf(newTimerKeys()), only)
		plain := map[string]bool{}
		g := newGlobalKeys()
		g.Timer = timerKeys{}
		for _, m := range []any{g, newItemKeys(&checklist.Checklist{}), newOverviewScreen(nil).keys} {
			addLetters(reflect.ValueOf(m), plain)
		}
		for k := range plain {
			delete(only, k)
		}
		reserved.elsewhere = only
	})
	return reserved.elsewhere
}

var reserved struct {
	onceElsewhere sync.Once
	elsewhere     map[string]bool
	once          sync.Once
	letters       map[string]bool
}

// addLetters adds the one-letter keys of every key.Binding in v (a key
// map: a struct of bindings, nested key maps and lists of bindings).
func addLetters(v reflect.Value, out map[string]bool) {
	if !v.CanInterface() {
		return
	}
	switch b, ok := v.Interface().(key.Binding); {
	case ok:
		for _, k := range b.Keys() {
			if len(k) == 1 && (k[0] >= 'a' && k[0] <= 'z' || k[0] >= 'A' && k[0] <= 'Z') {
				out[k] = true
			}
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			addLetters(v.Field(i), out)
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			addLetters(v.Index(i), out)
		}
	}
}

func newItemScreen(c *common) *itemScreen {
	s := &itemScreen{c: c}
	s.action = newTextField("Action", "what will you do?", itemLabelWidth)
	s.owner = newTextField("Owner", "who will do it?", itemLabelWidth)
	s.owner.maxLines = 1
	s.due = newDateField("Due", c.readDue, itemLabelWidth)
	s.due.base = c.dueBaseNote
	s.due.late = func(due plans.Date) string {
		return review.ActionLateWords(s.action.trimmed(), due, plans.Status(s.status.value()), c.today)
	}
	statuses := make([]string, len(plans.Statuses))
	for i, st := range plans.Statuses {
		statuses[i] = string(st)
	}
	s.status = newChoiceField("Status", statuses, itemLabelWidth)
	s.notes = newNotesField("Notes", "anything to remember", itemLabelWidth)
	s.fields = []field{s.action, s.owner, s.due, s.status, s.notes}
	if c.session != nil {
		s.entries = c.checklist().Items()
		s.keys = newItemKeys(c.checklist())
	}
	return s
}

func (s *itemScreen) init() tea.Cmd { return s.readData() }

// readData reads the workforce data for the item shown: again on each
// item about the data (rereadWorkforce), once a plan for the others.
func (s *itemScreen) readData() tea.Cmd {
	if s.loaded && s.entry().Item.Topic == checklist.TopicWorkforceData {
		return s.c.rereadWorkforce()
	}
	return s.c.loadWorkforce()
}

// setPosition shows the item at checklist position pos, its rating
// focused.
func (s *itemScreen) setPosition(pos int) {
	// Nothing to save here: app.show saved this screen's typing (commitMsg)
	// as it was left, and a reload (conflict.go) builds the screen afresh.
	s.leaveItem()
	s.pos = min(max(pos, 0), len(s.entries)-1)
	s.loaded = len(s.entries) > 0
	s.load()
}

// place is the item shown (none before one is: see app.resume).
func (s *itemScreen) place() (review.Place, bool) {
	return review.Item(s.pos), s.loaded
}

func (s *itemScreen) entry() checklist.Entry { return s.entries[s.pos] }

func (s *itemScreen) response() *plans.Response {
	return s.c.plan().Response(s.entry().Item.ID)
}

// load fills the fields from the plan.
func (s *itemScreen) load() {
	r := s.response()
	s.number = nil // a number begun on another item
	s.action.setValue(r.Action)
	s.owner.setValue(r.Owner)
	s.c.suggestOwners(s.owner) // owners written on other items count too
	if bad, ok := s.c.session.UnreadDue(s.entry().Item.ID); ok {
		s.due.setText(bad) // refused before: still on screen, still not saved
	} else {
		s.due.setDate(r.Due)
	}
	s.status.choose(string(r.Status))
	s.notes.setValue(r.Notes)
	_, s.cursor, _ = s.c.checklist().Level(r.Rating)
	s.cursor = max(s.cursor, 0)
	s.c.timer.open(s.pos, s.c.now())
	s.leaving.clear()
	s.promptTop = 0
	s.dataShown = false // shown for the item it was asked on (present_data.go)
	s.setFocus(focusRating)
}

// morePrompts shows the prompt questions below the window, or from the
// first again once the last was shown.
func (s *itemScreen) morePrompts() {
	switch {
	case s.promptsCut:
		s.promptTop = s.promptNext
	case s.promptTop > 0:
		s.promptTop = 0
	}
}

// fewerPrompts shows one more question above.
func (s *itemScreen) fewerPrompts() { s.promptTop = max(s.promptTop-1, 0) }

// leaveItem stores the field being typed before the screen shows another
// item (a due date that is not a date stays with the session, refused).
func (s *itemScreen) leaveItem() tea.Cmd {
	if len(s.entries) == 0 || s.c.session == nil {
		return nil
	}
	said := s.note
	cmd := s.commit()
	if s.note != said {
		// Said of this item, under the next one's fields maybe.
		s.note = fmt.Sprintf("Item %d: %s", s.pos+1, s.note)
	}
	return cmd
}

func (s *itemScreen) setFocus(f int) tea.Cmd {
	for _, fl := range s.fields {
		fl.blur()
	}
	s.focus = f
	if f == focusRating {
		return nil
	}
	return s.fields[f-1].focus()
}

// commit sends the focused field to the session, which stores it (cleaned)
// if it changed; the command saves it.
func (s *itemScreen) commit() tea.Cmd {
	ss, id := s.c.session, s.entry().Item.ID
	switch s.focus {
	case focusAction:
		sn, gone := ss.EditAction(id, s.action.value())
		if words := review.ActionClearedWords(gone); words != "" {
			// The status belongs to the action: it went with it.
			s.status.choose(string(s.response().Status))
			s.note = words
		}
		return save(sn)
	case focusOwner:
		if name := s.owner.knownSpelling(); name != "" {
			s.owner.setValue(name)
			s.note = "Owner: " + flat(name) + ", as the plan writes the name"
		}
		return save(ss.SetOwner(id, s.owner.value()))
	case focusDue:
		d, sn, err := ss.SetDue(id, s.due.value())
		if err != nil {
			s.due.refuse(err)
			return nil
		}
		s.due.setDate(d)
		return save(sn)
	case focusNotes:
		return save(ss.SetNotes(id, s.notes.value()))
	}
	return nil
}

// draft sends the field being typed to the session, as commit does, but
// leaves the field as it is: a due date is stored once it is one, and
// text that is not a date yet is not refused while it is being typed.
func (s *itemScreen) draft() tea.Cmd {
	if s.focus == focusAction && review.CleanLine(s.action.value()) == "" {
		// An action emptied to be typed again keeps its status over a
		// pause: it is cleared, status and all, as the field is left.
		return nil
	}
	if s.focus == focusOwner {
		// As typed: the plan's spelling of a name is taken as the field
		// is left, not under the cursor.
		return save(s.c.session.SetOwner(s.entry().Item.ID, s.owner.value()))
	}
	if s.focus != focusDue {
		return s.commit()
	}
	_, sn, err := s.c.session.SetDue(s.entry().Item.ID, s.due.value())
	if err != nil {
		return nil
	}
	return save(sn)
}

// moveFocus commits the focused field and focuses another. A due date
// that is not a date keeps the focus, with why (issue 12.2): it is never
// thrown away while the person looks elsewhere.
// A due date that is not a date keeps the person in the field at the
// first try, saying why and how to go on; the next try leaves it unsaved,
// as leaving the item does, rather than trapping them in it (esc that
// seemed to do nothing, and the next letter typed into the date).
func (s *itemScreen) moveFocus(f int) tea.Cmd {
	cmd := s.commit()
	if s.focus == focusDue && s.dueRefused() && !s.leaving.again(s.lastKey) {
		s.leaving.warn(s.c.session.UnreadDueWarning(s.entry().Item.ID), s.lastKey)
		return cmd
	}
	s.leaving.clear()
	return tea.Batch(cmd, s.setFocus(f))
}

// dueRefused reports whether the session refused the due date typed.
func (s *itemScreen) dueRefused() bool {
	_, refused := s.c.session.UnreadDue(s.entry().Item.ID)
	return refused
}

// mayLeave reports whether the item may be left now: not at the first try
// while the due date being typed is not a date (the screen says why, and
// the next try leaves). A date it stores on the way is saved by the
// command it returns: dropping it would leave the date in memory only,
// "saving…" on the screen, until the next change.
func (s *itemScreen) mayLeave() (tea.Cmd, bool) {
	if s.focus != focusDue || s.leaving.again(s.lastKey) {
		return nil, true
	}
	cmd := s.commit()
	if w := s.c.session.UnreadDueWarning(s.entry().Item.ID); w != "" {
		s.leaving.warn(w, s.lastKey)
		return cmd, false
	}
	return cmd, true
}

// rate gives the item level i of the scale and saves. Focus stays on the
// rating: the next key may be n for the next item (or another rating), so
// no field takes letters until the person goes to it with tab or enter.
func (s *itemScreen) rate(i int) tea.Cmd {
	s.cursor = i
	s.c.timer.startSession(s.c.now()) // the session's time runs from the first rating
	id, level := s.entry().Item.ID, s.c.checklist().Scale[i].Key
	sn, _ := s.c.session.Rate(id, level) // a level of the scale: never refused
	return tea.Batch(save(sn), s.c.agreeInRoom(id, level))
}

// clearRating takes the item back to unrated and saves.
func (s *itemScreen) clearRating() tea.Cmd {
	sn, _ := s.c.session.ClearRating(s.entry().Item.ID) // an item of the checklist: never refused
	return save(sn)
}

// toggleRevisit flags the item to come back to, or takes the flag off,
// and saves.
func (s *itemScreen) toggleRevisit() tea.Cmd {
	sn, _ := s.c.session.SetRevisit(s.entry().Item.ID, !s.response().Revisit) // an item of the checklist: never refused
	return save(sn)
}

// ratedHere reports whether the item has a rating and the arrows point at it:
// then enter goes on to the action rather than rating again (unless the
// room's votes wait to be agreed: see roomToAgree).
func (s *itemScreen) ratedHere() bool {
	_, i, ok := s.c.checklist().Level(s.response().Rating)
	return ok && i == s.cursor
}

// next goes to the next item, or to the area summary after the last item
// of an area.
func (s *itemScreen) next() tea.Cmd {
	saved, ok := s.mayLeave()
	if !ok {
		return saved
	}
	cmd := tea.Batch(saved, s.leaveItem())
	to := s.c.session.After(review.Item(s.pos))
	if to.Kind != review.AtItem {
		s.setFocus(focusRating)
		s.c.goToPlace(to)
		return cmd
	}
	s.pos = to.Index
	s.load()
	return tea.Batch(cmd, s.readData())
}

func (s *itemScreen) prev() tea.Cmd {
	if s.pos == 0 {
		s.note = "This is the first item: there is none before it."
		return s.moveFocus(focusRating)
	}
	saved, ok := s.mayLeave()
	if !ok {
		return saved
	}
	cmd := tea.Batch(saved, s.leaveItem())
	s.pos = s.c.session.Before(review.Item(s.pos)).Index
	s.load()
	return tea.Batch(cmd, s.readData())
}

func (s *itemScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case commitMsg:
		return s.leaveItem()
	case draftMsg:
		return s.draft()
	case dueBaseChangedMsg:
		s.due.parse()
	case tea.KeyPressMsg:
		s.note, s.lastKey = "", msg.String()
		if key.Matches(msg, s.keys.Advice) && !s.typing() {
			s.c.goTo(screenGuidance, 0)
			return nil
		}
		if s.focus == focusRating {
			return s.ratingKey(msg)
		}
		return s.fieldKey(msg)
	case tea.PasteMsg:
		if s.focus != focusRating {
			return s.fields[s.focus-1].update(msg)
		}
	}
	return nil
}

func (s *itemScreen) ratingKey(msg tea.KeyPressMsg) tea.Cmd {
	for i, b := range s.keys.Rate {
		if key.Matches(msg, b) {
			if s.c.holdRateForRoom(s.entry().Item.ID, s.c.checklist().Scale[i].Key, msg.String()) {
				return nil // the room is voting: the strip says what to press
			}
			s.beginNumber(msg) // "2 apprentices" (number_word.go)
			return s.rate(i)
		}
	}
	switch {
	case key.Matches(msg, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, s.keys.Down):
		s.cursor = min(s.cursor+1, len(s.keys.Rate)-1)
	case key.Matches(msg, s.keys.Choose) && !s.ratedHere() && s.c.holdEnterForRoom(s.entry().Item.ID):
		return nil // the room is voting: the strip says what to press
	case key.Matches(msg, s.keys.Choose) && (!s.ratedHere() || s.c.roomToAgree(s.entry().Item.ID)):
		return s.rate(s.cursor)
	case key.Matches(msg, s.keys.Clear):
		return s.clearRating()
	case key.Matches(msg, s.keys.Revisit):
		return s.toggleRevisit()
	case key.Matches(msg, s.keys.NextField), key.Matches(msg, s.keys.WriteAction):
		return s.setFocus(focusAction)
	case key.Matches(msg, s.keys.MorePrompts):
		s.morePrompts()
	case key.Matches(msg, s.keys.FewerPrompts):
		s.fewerPrompts()
	case key.Matches(msg, s.keys.Next), key.Matches(msg, s.keys.NextItem):
		return s.next()
	case key.Matches(msg, s.keys.Prev), key.Matches(msg, s.keys.PrevItem):
		return s.prev()
	case key.Matches(msg, s.keys.ShowData) && s.c.present && s.c.capitalBegins == "":
		return s.toggleData()
	case typedLetter(s.c, msg): // the action begun without tab
		return tea.Batch(s.setFocus(focusAction), s.fields[focusAction-1].update(msg))
	}
	return nil
}

// typedLetter reports whether a key the screen does not take is a letter
// typed, to begin the text there with (the item's action, a next-steps
// answer or quick win): someone who types without tab or enter first, as
// in a form. Taken as its first letter, where each letter of their words
// that is a key would act (r rating, o opening the overview, d removing
// a row) and the others do nothing. A letter that is a key anywhere in a
// review is not taken, even where it does nothing now: pressed twice by
// habit, it would write. But for the letters that are keys only in a
// room, with a clock or in presenter mode (the capitals V, T, D; t, v,
// w), which begin the text where none of those is on: Develop, Train,
// talk, visit, write.
func typedLetter(c *common, k tea.KeyPressMsg) bool {
	if k.Text == "" || k.Mod&^tea.ModShift != 0 {
		return false
	}
	if k.Text == c.capitalBegins {
		return true // a key that acted, and the letter after it showed a word (capital_word.go)
	}
	onlyThere := unicode.IsUpper([]rune(k.Text)[0]) || roomOrClockLetters()[k.Text]
	if reservedKey(k.Text) && (!onlyThere || c.present || c.room.on() || c.timer.set()) {
		return false
	}
	for _, r := range k.Text {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func (s *itemScreen) fieldKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case msg.String() == "shift+down":
		s.morePrompts()
		return nil
	case key.Matches(msg, s.keys.FewerPrompts):
		s.fewerPrompts()
		return nil
	case key.Matches(msg, s.keys.NextItem):
		return s.next()
	case key.Matches(msg, s.keys.PrevItem):
		return s.prev()
	case key.Matches(msg, s.keys.Back):
		return s.moveFocus(focusRating)
	case key.Matches(msg, s.keys.PrevField):
		return s.moveFocus(s.focus - 1)
	case key.Matches(msg, s.keys.NextField),
		key.Matches(msg, s.keys.Enter) && s.focus != focusNotes:
		if s.focus == focusNotes {
			return s.next()
		}
		return s.moveFocus(s.focus + 1)
	}
	if s.focus == focusStatus {
		before := s.status.value()
		s.status.update(msg)
		if v := s.status.value(); v != before {
			sn, err := s.c.session.SetStatus(s.entry().Item.ID, plans.Status(v)) // one of plans.Statuses
			if errors.Is(err, review.ErrNoAction) {
				s.status.choose(before)
				s.note = "A status goes with an action: write the action first."
			}
			return save(sn)
		}
		if key.Matches(msg, s.keys.Next) {
			return s.next()
		}
		if key.Matches(msg, s.keys.Prev) {
			return s.prev()
		}
		return nil
	}
	if s.focus == focusDue {
		s.leaving.clear() // putting it right
	}
	return s.fields[s.focus-1].update(msg)
}

func (s *itemScreen) typing() bool {
	return s.focus != focusRating && s.fields[s.focus-1].typing()
}

func (s *itemScreen) shortHelp() []key.Binding {
	if s.c.present {
		return s.presentHelp()
	}
	// Most important first: the footer drops hints from the end when the
	// window is narrow.
	switch {
	case s.focus == focusRating && s.response().Rated():
		return s.withMorePrompts(s.keys.WriteAction, s.keys.Next, s.rateHint(), s.keys.Prev, s.c.keys.Overview, s.revisitHint(), s.keys.Clear)
	case s.focus == focusRating:
		return s.withMorePrompts(s.rateHint(), s.keys.Next, s.keys.Prev, s.c.keys.Overview, s.revisitHint())
	}
	return s.fieldHints()
}

// fieldHints are the footer's hints in the fields. They name the keys
// briefly, so that at 80 columns the next-item key stays beside help and
// quit (issue 12.6); help gives them in full.
func (s *itemScreen) fieldHints() []key.Binding {
	nextItem, back := s.keys.NextItem, s.keys.Back
	nextItem.SetHelp("ctrl+n", "next item")
	back.SetHelp("esc", "back")
	switch s.focus {
	case focusStatus:
		return []key.Binding{s.keys.Status, nextItem, s.keys.NextField, back}
	case focusNotes:
		return []key.Binding{key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next item")), back, s.keys.PrevField}
	}
	hints := []key.Binding{s.keys.NextField, nextItem, back, s.keys.PrevField}
	if s.focus == focusOwner {
		return append(takeNameHint(s.owner), hints...)
	}
	return hints
}

// takeNameHint is "→ take Priya Shah" while an owner field shows the rest
// of a name after the letters typed, first: tab leaves only the letters.
func takeNameHint(f *textField) []key.Binding {
	name := f.shownName()
	if name == "" {
		return nil
	}
	return []key.Binding{key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "take "+ansi.Truncate(flat(name), 24, "…")))}
}

// withMorePrompts puts the key that shows more questions third among the
// hints when some are not shown.
func (s *itemScreen) withMorePrompts(bs ...key.Binding) []key.Binding {
	if !s.promptsCut && s.promptTop == 0 {
		return bs
	}
	return append(bs[:2:2], append([]key.Binding{s.keys.MorePrompts}, bs[2:]...)...)
}

// rateHint sums up the rating keys for the footer: "r/a/g rate".
func (s *itemScreen) rateHint() key.Binding { return rateHint(s.keys.Rate) }

// rateHint sums up rating keys (rateKeys) for a footer: "r/a/g rate"
// when every level has its letter, else "1–5 rate": the digits every level
// has, rather than a mix of digits and letters ("1/2/d/e/l") that reads
// as a puzzle. The rows and help still give each level's letter.
func rateHint(rate []key.Binding) key.Binding {
	var ks []string
	letters := true
	for _, b := range rate {
		ks = append(ks, b.Keys()[0])
		letters = letters && len(b.Keys()) > 1
	}
	help := strings.Join(ks, "/")
	if !letters {
		help = fmt.Sprintf("1–%d", len(rate))
	}
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(help, "rate"))
}

// revisitHint is the flag key, saying what it would do to this item.
func (s *itemScreen) revisitHint() key.Binding {
	b := s.keys.Revisit
	if s.response().Revisit {
		b.SetHelp("f", "unflag")
	}
	return b
}

func (s *itemScreen) fullHelp() [][]key.Binding { return groupedKeys(s) }

// helpGroups are the item screen's keys by what the person is doing.
func (s *itemScreen) helpGroups() []helpGroup {
	choose := s.keys.Choose
	choose.SetHelp("enter", "rate with the level chosen (once rated: write the action)")
	rating := append([]key.Binding{}, s.keys.Rate...)
	if s.c.room.on() {
		// What the rating keys and enter do while phones vote (holdRateForRoom, holdEnterForRoom).
		rate := s.rateHint()
		rating = append(rating, key.NewBinding(key.WithKeys(rate.Keys()...), key.WithHelp(rate.Help().Key, "while the room votes: rate nothing and say v reveals first; the same key again, after a moment, rates")))
		choose.SetHelp("enter", "rate with the level chosen (while the room votes: nothing; once rated: write the action)")
	}
	rating = append(rating, s.keys.Up, choose, s.keys.Clear, s.keys.Revisit, s.keys.WriteAction, s.keys.Advice)
	if s.c.present {
		rating = append(rating, s.keys.ShowData)
	}
	rating = append(rating, s.wordsHelp()...)
	moving := []key.Binding{s.keys.Next, s.keys.Prev, s.keys.NextItem, s.keys.PrevItem}
	enter := s.keys.Enter
	enter.SetHelp("enter", "next field (notes: a new line)")
	fields := []key.Binding{s.keys.NextField, s.keys.PrevField, enter, s.keys.Back, s.keys.Status, s.keys.Suggest}
	return []helpGroup{
		{"Rating this item", rating},
		{"Moving between items", moving},
		{"In the action, owner, due date, status and notes", fields},
		typingHelpGroup(),
	}
}

// wordsHelp says, in help, what the README says of words typed at a
// rated item's rating (capital_word.go, number_word.go): a capital word
// begins the action where P alone is presenter mode, and a number and a
// space do, where 2 alone rates Amber (not with the room on, where a
// rating is the room's). The keys are short and the words no wider than
// the group's widest, so that the help keeps its two columns at 120x40.
func (s *itemScreen) wordsHelp() []key.Binding {
	capital := key.NewBinding(key.WithKeys("P"), key.WithHelp("P…", `once rated, a capital word begins the action ("Publish")`))
	if s.c.room.on() {
		return []key.Binding{capital}
	}
	number := key.NewBinding(key.WithKeys("2"), key.WithHelp("2…", `and so does a number then a space ("2 apprentices")`))
	return []key.Binding{capital, number}
}

// hasDueDates says help should list how due dates may be typed.
func (s *itemScreen) hasDueDates() bool { return true }

// typingHelp lists the editing keys of the text fields (bubbles' own).
func typingHelp() []key.Binding {
	b := func(k, h string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, h)) }
	return []key.Binding{
		b("←/→", "move in the text"),
		b("ctrl+a/ctrl+e", "line start / end"),
		b("ctrl+u/ctrl+k", "delete to start / end"),
		b("ctrl+w", "delete a word"),
	}
}

// view draws the screen in the view the app is in.
func (s *itemScreen) view() string {
	if s.c.session == nil || len(s.entries) == 0 {
		return ""
	}
	if s.c.present {
		return s.presentView()
	}
	return s.ordinaryView()
}

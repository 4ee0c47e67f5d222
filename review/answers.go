package review

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"golang.org/x/text/unicode/norm"
)

// The answers to an item. Each setter takes the text as the person gave it
// and returns the snapshot to write, or nil when the plan already said so.
// Text equal to what the plan holds is left exactly as it is, even if it
// would be cleaned otherwise: a field passed through untouched never
// changes the file.

// Rate gives an item a level of the scale, by the level's key
// (checklist.Unrated clears the rating).
func (s *Session) Rate(itemID, level string) (*Snapshot, error) {
	r, err := s.response(itemID)
	if err != nil {
		return nil, err
	}
	if level != checklist.Unrated {
		if _, _, ok := s.Checklist().Level(level); !ok {
			return nil, fmt.Errorf("%q is not a level of the scale (%s)", level, s.levelKeys())
		}
	}
	if r.Rating == level {
		return nil, nil
	}
	r.Rating = level
	return s.snapshot(s.itemWords("the rating", itemID)), nil
}

// ClearRating takes an item back to unrated (Rate with checklist.Unrated).
func (s *Session) ClearRating(itemID string) (*Snapshot, error) {
	return s.Rate(itemID, checklist.Unrated)
}

// SetRevisit flags an item to come back to (parked: talked about, not
// settled), or takes the flag off. The board, the summary and the reports
// list the items flagged.
func (s *Session) SetRevisit(itemID string, flagged bool) (*Snapshot, error) {
	r, err := s.response(itemID)
	if err != nil {
		return nil, err
	}
	if r.Revisit == flagged {
		return nil, nil
	}
	r.Revisit = flagged
	return s.snapshot(s.itemWords("the revisit flag", itemID)), nil
}

func (s *Session) levelKeys() string {
	var keys []string
	for _, l := range s.Checklist().Scale {
		keys = append(keys, l.Key)
	}
	return strings.Join(keys, ", ")
}

// SaveTypingAfter is how long a front end waits after the last key typed
// into a field before it sends the text to the session (through the same
// setter as on leaving the field), so that a closed laptop or a power cut
// loses at most the last moments of typing. The setters are cheap and
// leave the plan alone when nothing changed, so the pause can be short. A
// due date that is not a date yet is not stored by the pause: SetDue keeps
// it (UnreadDue) and the front end says nothing until the person leaves
// the field.
const SaveTypingAfter = 1500 * time.Millisecond

// SetAction sets what will be done about an item (one line), as
// EditAction does.
func (s *Session) SetAction(itemID, text string) *Snapshot {
	sn, _ := s.EditAction(itemID, text)
	return sn
}

// EditAction sets what will be done about an item (one line). The status
// belongs to the action: an action cleared takes its status back to todo
// in the same change, and gone is the status it had ("" when the action
// is not cleared or was still to do), for the front end to say
// (ActionClearedWords). The owner and due date stay, for the person to
// keep or clear. An item with a status and no action (a hand edit) is
// left as it is: an empty action given again changes nothing.
func (s *Session) EditAction(itemID, text string) (sn *Snapshot, gone plans.Status) {
	sn = s.changeItem(itemID, "the action", func(r *plans.Response) bool {
		if !setCleaned(&r.Action, text, CleanLine) {
			return false
		}
		if r.Action == "" && r.Status != plans.StatusTodo && r.Status != "" {
			gone, r.Status = r.Status, plans.StatusTodo
		}
		return true
	})
	return sn, gone
}

// ActionClearedWords is what to tell the person whose action, cleared,
// took its status with it (EditAction's gone), or "" when none went.
func ActionClearedWords(gone plans.Status) string {
	if gone == "" {
		return ""
	}
	return fmt.Sprintf("Action cleared, and its status, %s, with it.", gone)
}

// SetOwner sets who will do the item's action (one line).
func (s *Session) SetOwner(itemID, text string) *Snapshot {
	return s.setItemText(itemID, "the owner", text, CleanLine, func(r *plans.Response) *string { return &r.Owner })
}

// SetNotes sets an item's notes (several lines; spaces that start the
// first line are kept, blank lines and spaces at the end are not).
func (s *Session) SetNotes(itemID, text string) *Snapshot {
	return s.setItemText(itemID, "the notes", text, CleanNotes, func(r *plans.Response) *string { return &r.Notes })
}

func (s *Session) setItemText(itemID, what, text string, clean func(string) string, field func(*plans.Response) *string) *Snapshot {
	return s.changeItem(itemID, what, func(r *plans.Response) bool { return setCleaned(field(r), text, clean) })
}

// changeItem makes a change to an item's action, owner, due date or
// status, carries it to the project-plan steps that follow the item
// (plans.Plan.Follows: a step made from the action and not edited since,
// issue 12.3), and returns the snapshot to write, or nil when change says
// nothing changed.
func (s *Session) changeItem(itemID, what string, change func(r *plans.Response) bool) *Snapshot {
	if _, err := s.response(itemID); err != nil {
		return nil
	}
	changed := false
	followers := s.Plan().FollowItem(itemID, func(r *plans.Response) { changed = change(r) })
	if !changed {
		return nil
	}
	words := s.itemWords(what, itemID)
	if followers > 0 {
		words += " (and its project-plan step)"
	}
	return s.snapshot(words)
}

// setText stores text in dst, cleaned, unless it is what dst holds.
func (s *Session) setText(dst *string, text string, clean func(string) string, what string) *Snapshot {
	if !setCleaned(dst, text, clean) {
		return nil
	}
	return s.snapshot(what)
}

// setCleaned stores text in dst, cleaned, and says whether that changed
// it: text given back as dst holds it leaves dst alone, even where the
// file holds it uncleaned (a hand edit), and so does text that cleans to
// what dst holds.
func setCleaned(dst *string, text string, clean func(string) string) bool {
	if text == *dst {
		return false
	}
	if text = clean(text); text == *dst {
		return false
	}
	*dst = text
	return true
}

// SetDue sets when an item's action is due, from a date as people type
// one (see ParseDue); "" clears it. Text that is not a date is refused
// with why, and kept by the session (UnreadDue) until a date replaces it.
func (s *Session) SetDue(itemID, text string) (plans.Date, *Snapshot, error) {
	r, err := s.response(itemID)
	if err != nil {
		return plans.Date{}, nil, err
	}
	key := "item:" + itemID
	d, err := s.ParseDue(text)
	if err != nil {
		s.unreadDue[key] = text
		return r.Due, nil, err
	}
	delete(s.unreadDue, key)
	return d, s.changeItem(itemID, "the due date", func(r *plans.Response) bool {
		if r.Due == d {
			return false
		}
		r.Due = d
		return true
	}), nil
}

func (s *Session) setDue(dst *plans.Date, key, text, what string) (plans.Date, *Snapshot, error) {
	d, err := s.ParseDue(text)
	if err != nil {
		s.unreadDue[key] = text
		return *dst, nil, err
	}
	delete(s.unreadDue, key)
	if d == *dst {
		return d, nil, nil
	}
	*dst = d
	return d, s.snapshot(what), nil
}

// ParseDue reads a due date the way people type one (plans.ParseDue),
// counting spans such as "2w" from DueBase: today, or the plan's date.
func (s *Session) ParseDue(text string) (plans.Date, error) {
	return plans.ParseDue(CleanLine(text), s.DueBase())
}

// UnreadDueWarning is what to tell the person who leaves an item whose
// due date was refused: the text is kept by the session, not saved.
func (s *Session) UnreadDueWarning(itemID string) string {
	t, ok := s.UnreadDue(itemID)
	if !ok {
		return ""
	}
	return "The due date " + safetext.Quote(CleanLine(t)) + " is not a date, so it is not saved. Put it right, or clear it to leave no date."
}

// UnreadDates lists, in words, every due date typed that was not a date
// and so is not saved: "the due date of item 3 (“next frday”)", for a
// front end to say as the review ends.
func (s *Session) UnreadDates() []string {
	var out []string
	for key, text := range s.unreadDue {
		kind, id, _ := strings.Cut(key, ":")
		what := "the due date"
		switch kind {
		case "item":
			what = s.itemWords(what, id)
		case "question":
			what = s.questionWords(what, id)
		case "step":
			// Named by its place, as EditStep names it; a step removed
			// took its date with it (undo brings both back).
			fid, n, _ := strings.Cut(id, "#")
			stepID, _ := strconv.Atoi(n)
			_, at := s.findStep(fid, stepID)
			if at < 0 {
				continue
			}
			what = fmt.Sprintf("the due date of step %d of the project plan", at+1)
		}
		out = append(out, what+" ("+safetext.Quote(CleanLine(text))+")")
	}
	slices.Sort(out)
	return out
}

// UnreadDue is the due-date text of an item that was refused, if any.
func (s *Session) UnreadDue(itemID string) (string, bool) {
	t, ok := s.unreadDue["item:"+itemID]
	return t, ok
}

// UnreadQuestionDue is the due-date text of a next-steps question that
// was refused, if any.
func (s *Session) UnreadQuestionDue(followUpID string) (string, bool) {
	t, ok := s.unreadDue["question:"+followUpID]
	return t, ok
}

// ErrNoAction is SetStatus's refusal of a status for an item with no
// action: the status belongs to the action (see EditAction), and one
// beside no action would be read as nothing by the report, status and
// diff.
var ErrNoAction = errors.New("a status goes with an action: write the action first")

// SetStatus sets how far an item's action has got. An item with no
// action has none to set: anything but todo is refused (ErrNoAction).
func (s *Session) SetStatus(itemID string, st plans.Status) (*Snapshot, error) {
	r, err := s.response(itemID)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(plans.Statuses, st) {
		return nil, fmt.Errorf("%q is not a status (todo, doing or done)", st)
	}
	if r.Action == "" && st != plans.StatusTodo && st != r.Status {
		return nil, ErrNoAction
	}
	if r.Status == st {
		return nil, nil
	}
	return s.changeItem(itemID, "the status", func(r *plans.Response) bool { r.Status = st; return true }), nil
}

func (s *Session) response(itemID string) (*plans.Response, error) {
	r := s.Plan().Response(itemID)
	if r == nil {
		return nil, fmt.Errorf("no item %q in the checklist", itemID)
	}
	return r, nil
}

// itemWords names an answer to an item for people: "the action of item 3".
func (s *Session) itemWords(what, itemID string) string {
	if _, _, ok := s.Checklist().Item(itemID); ok {
		return what + " of " + s.itemNamed(itemID)
	}
	return what + " of " + itemID
}

// itemNamed names an item of the checklist as the front end numbers it
// (NameItems), or by its place in the checklist: "item 3".
func (s *Session) itemNamed(itemID string) string {
	if s.itemName != nil {
		return s.itemName(itemID)
	}
	_, ref, _ := s.Checklist().Item(itemID)
	return "item " + strconv.Itoa(ref.Seq+1)
}

// Cleaning. Answers come from keyboards, pipes and, later, other people's
// phones: what a terminal or a browser put in them (escape sequences,
// carriage returns, other control characters) is not part of the answer.

// escapeSequence matches terminal escape sequences, such as the ones arrow
// and function keys type into a line read in cooked mode.
var escapeSequence = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?`) })

// dropControls removes escape sequences and control characters, keeping
// tabs and, when lines is set, line breaks.
func dropControls(s string, lines bool) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	s = escapeSequence().ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		if r == '\t' || (lines && r == '\n') || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
}

// CleanLine is a one-line answer as stored: without what a terminal put in
// it, or the spaces around it, and each tab a space (a pasted spreadsheet
// row; a plan file would show a tab as \t, in quotes). Each answer is
// stored composed (see composed).
func CleanLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(composed(dropControls(s, false)), "\t", " "))
}

// CleanText is an answer of several lines as stored: line breaks kept,
// blank lines and spaces around it dropped, each tab four spaces (see
// severalLines).
func CleanText(s string) string { return strings.TrimSpace(severalLines(s)) }

// CleanNotes is notes as stored: like CleanText, but spaces that start the
// first line are kept (someone may indent a note on purpose).
func CleanNotes(s string) string { return strings.TrimRight(severalLines(s), " \n") }

// severalLines is text of several lines composed, without what a
// terminal put in it, each tab four spaces: the screens' text area makes
// a pasted tab four spaces before the session sees it, and the accessible
// prompts hand over the line as typed, so both keep the same text.
func severalLines(s string) string {
	return strings.ReplaceAll(composed(dropControls(s, true)), "\t", "    ")
}

// composed is text with its letters composed (Unicode NFC): a Mac pastes
// "Zoë" as an e and a combining diaeresis, a Windows keyboard types one
// ë, and the two look the same, so a plan holding both would hold one
// owner, or one quick win, twice to the eye. Text already in a plan is
// not rewritten until someone changes it.
func composed(s string) string { return norm.NFC.String(s) }

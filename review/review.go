// Package review is the guided review with no user interface: one open plan
// file and everything decided about it while someone answers the
// checklist. The screens (tui), the accessible prompts (tui/accessible) and
// any other front end only present a Session and send it answers; none of
// them decides where to resume, how an answer is cleaned, whether a rating
// or a date is valid, how saves are ordered, what a conflict offers, or
// which suggestions a question has.
//
// # Using a session
//
// Open or Create gives a Session. Resume says where the review picks up
// (the first item not rated, or the end when every item is rated); After
// and Before walk the review's places in order (items, the end of each
// area, the next-steps questions, the end), and MoveTo records where the
// front end is, so that every front end and every participant see the same
// place.
//
// Every answer goes in through a method named for it: Rate (ClearRating
// takes it back to unrated), SetRevisit, SetAction, SetOwner, SetDue,
// SetStatus, SetNotes for an item; SetQuestionDue,
// SetText, SetAreaAnswer, SetList, AddToList for the next-steps questions;
// StartProjectPlan, PullInActions, NewStep, EditStep, MoveStep,
// CycleStepStatus, RemoveStep and UndoRemoveStep for the project plan. Each
// cleans the answer (spaces around it, escape sequences and control
// characters), checks it against the checklist (a rating must be a level of
// the scale; a due date must be one ParseDue reads), changes the plan only
// if the answer differs from what is there (so a field passed through
// untouched never churns the file), and returns a *Snapshot of the plan to
// write, or nil when nothing changed.
//
// # Saving
//
// A Snapshot is the plan as it was just after one change, numbered in the
// order the changes were made. Its Write method encodes and writes it
// atomically and may run on any goroutine; snapshots of one session land in
// the order they were made, whatever order their goroutines run in. The
// session learns each write's Outcome through Record. A front end that
// saves asynchronously (the screens: Write in a tea.Cmd, Record when its
// message comes back) and one that saves as it goes (the accessible
// prompts: Save, which is Write then Record) see the same states.
//
// State says whether the plan is on disk: saved, still on its way, in
// conflict (someone else changed the file since it was read: no more
// snapshots are made until the person chooses Reload or SaveBeside), or
// failed for another reason (a read-only folder, a full disk, the file
// replaced by a folder). A failed save keeps every answer in memory, and
// the next change tries again; State lists what is not on disk in words,
// Problem says what went wrong and what to do in plain words, and SaveCopy
// writes the plan elsewhere (RescuePath suggests where).
//
// When another ladder session had the plan open as this one opened it,
// OpenElsewhere gives the one message every front end shows; Close ends
// the session's mark on the plan when the review ends.
//
// Text typed into a field is sent after a short pause (SaveTypingAfter),
// not only on leaving the field: the setters are cheap and idempotent, and
// a snapshot equal to the file is not written again. A front end that is
// ending (a closed terminal, a signal) sends what is typed and writes
// whatever is not on disk before it goes: Retry gives the snapshot.
//
// # Who owns a session
//
// A Session is not safe for concurrent use: one goroutine owns it (the
// Bubble Tea update loop, or the accessible prompts' loop) and every change
// goes through that owner. Only Snapshot.Write runs elsewhere. A front end
// that serves other people at the same time, such as a room server taking
// votes and ideas from phones in HTTP handlers, never touches the Session
// from its handlers: each handler sends a request to the owner (with the
// screens, a message given to tea.Program.Send; otherwise a function on a
// channel the owner reads) and waits for the reply. The owner applies the
// request to the session, saves the snapshot it returns, and answers.
//
// # Where the next features go
//
//   - Votes from a room (per-item rounds, the facilitator's agreed rating):
//     the agreed rating goes in through Rate like any other; the round's
//     counts would be a SetVotes beside it, saved with the item.
//   - A project-plan step made from an item's action (Step.From) follows
//     that item until someone edits the step: SetAction, SetOwner, SetDue
//     and SetStatus are where the item's step would be updated, and
//     EditStep where the link is broken.
//   - Due-date text that is not understood is refused and kept by the
//     session (UnreadDue), so a front end can show it again and warn before
//     leaving the item; keeping it in the plan, flagged, would start there.
package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// Session is one review of one plan file: the plan, where the review is,
// and the state of its saves. See the package documentation.
type Session struct {
	w       *writer
	resolve plans.Resolver
	today   plans.Date
	dueBase plans.Date // what spans such as "6w" count from, when not today (due_base.go)

	place Place
	item  int // the item the review is at (checklist position)

	saves saveState

	// unreadDue holds due-date text that was not understood, by field
	// (dueKey), until a date replaces it.
	unreadDue map[string]string
	// removed holds the project-plan steps removed, per question, most
	// recent last, for UndoRemoveStep.
	removed map[string][]removedStep
	// blank holds the steps added by NewStep and not edited yet.
	blank map[stepKey]bool
	// ideas are the room's ideas for the next-steps questions (ideas.go).
	ideas ideaState
	// carried is what Create carried on from a previous review.
	carried plans.Carried
	// previous is the review this plan carried on from (previous.go).
	previous *previousPlan
	// next is the review this plan was carried on to (previous.go).
	next *nextReview
	// itemName, when set, names an item in the session's words (NameItems).
	itemName func(itemID string) string
}

// NameItems has the session name an item in its words (what was not
// saved, a due date not read) as the front end
// numbers it: the screens number items within their area ("Enablers
// item 1"), where the session's own words number them through the
// checklist ("item 7"), as the accessible prompts do.
func (s *Session) NameItems(name func(itemID string) string) { s.itemName = name }

// New starts a session on a plan file already open. resolve finds the
// plan's checklist again when the file is reloaded; today is the date due
// dates such as "2w" count from.
func New(f *plans.File, resolve plans.Resolver, today plans.Date) *Session {
	if resolve == nil {
		resolve = plans.DefaultResolver
	}
	s := &Session{w: &writer{file: f}, resolve: resolve, today: today,
		unreadDue: map[string]string{}, removed: map[string][]removedStep{}, blank: map[stepKey]bool{}}
	s.place = s.Resume()
	if s.place.Kind == AtItem {
		s.item = s.place.Index
	}
	return s
}

// Open loads a plan file for review. A plan that does not load comes back
// as the *plans.FileError that lists every problem; the file is left as it
// is.
func Open(path string, resolve plans.Resolver, today plans.Date) (*Session, error) {
	if resolve == nil {
		resolve = plans.DefaultResolver
	}
	f, err := plans.Open(path, resolve)
	if err != nil {
		return nil, err
	}
	return New(f, resolve, today), nil
}

// NewPlan is what a new review is begun with.
type NewPlan struct {
	// Path is the plan file to write; empty: a file in Dir named after the
	// organisation, the title and the date (plans.PathFor).
	Path string
	Dir  string

	Organisation, Title string
	Facilitator         string
	Participants        []string

	Checklist *checklist.Checklist
	// ChecklistFile is the file Checklist was read from, for a custom
	// checklist ("" for a built-in one): the plan names it relative to
	// its own folder.
	ChecklistFile string

	// Previous, when set, is the earlier plan this review carries on
	// (plans.CreateNext): the new plan takes its checklist and open
	// actions, and the two are linked. Checklist and ChecklistFile are
	// then ignored.
	Previous *plans.File

	Today plans.Date
}

// Create writes a new plan file and starts a session on it. It never
// writes over a file that exists.
func Create(n NewPlan, resolve plans.Resolver) (*Session, error) {
	org, title := CleanLine(n.Organisation), CleanLine(n.Title)
	if n.Previous != nil {
		n.Checklist = n.Previous.Plan.Checklist
		n.ChecklistFile = ""
		if ref := n.Previous.Plan.ChecklistRef.File; ref != "" {
			file, err := plans.ChecklistPath(ref, filepath.Dir(n.Previous.Path))
			if err != nil {
				return nil, err
			}
			n.ChecklistFile = file
		}
	}
	p := plans.New(n.Checklist, org, title, n.Today)
	p.Facilitator = CleanLine(n.Facilitator)
	for _, name := range n.Participants {
		if name = CleanLine(name); name != "" {
			p.Participants = append(p.Participants, name)
		}
	}
	path := n.Path
	if path == "" && n.Previous != nil {
		// As ladder status suggests it: last year's name, its year moved on.
		path = plans.NextReviewPath(n.Dir, n.Previous.Path, n.Previous.Plan.Title, n.Previous.Plan.Date, n.Today)
	}
	if path == "" {
		path = plans.PathFor(n.Dir, org, title, n.Today)
	}
	if n.ChecklistFile != "" && n.Previous == nil {
		// A review carried on keeps its checklist, whatever its id.
		if err := n.Checklist.TakesBuiltinID(n.ChecklistFile); err != nil {
			return nil, err
		}
	}
	if n.ChecklistFile != "" {
		rel, err := plans.ChecklistFileRef(filepath.Dir(path), n.ChecklistFile)
		if err != nil {
			return nil, err
		}
		p.ChecklistRef.File = rel
	}
	if err := plans.FolderInside(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	var f *plans.File
	var carried plans.Carried
	var err error
	if n.Previous != nil {
		f, carried, err = plans.CreateNext(path, n.Previous, p)
	} else {
		f, err = plans.Create(path, p)
	}
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s already exists: a new review never writes over a plan", path)
	}
	if f == nil {
		return nil, err
	}
	s := New(f, resolve, n.Today)
	s.carried = carried
	// err is not nil here when the new plan was written but the previous
	// one could not be linked (plans.ErrNotLinked): the review goes on,
	// and the front end says what to add by hand.
	return s, err
}

// Carried is what this session's plan took over from its previous review
// when it was created (zero for any other session).
func (s *Session) Carried() plans.Carried { return s.carried }

// ErrPlanName is the error (see Locate) for a new plan's path that does
// not name a plan file.
var ErrPlanName = errors.New("a plan file name should end in .yaml (and not start with a dot)")

// Locate says what a plan path given to the review means: a plan to resume
// (exists), or the file a new review writes. A new plan's path must name a
// plan file (ErrPlanName, with the name to try instead).
func Locate(path string) (exists bool, err error) {
	_, err = os.Stat(path)
	switch {
	case err == nil:
		return true, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, err
	case !plans.IsPlanFile(path):
		return false, fmt.Errorf("%s: %w: try %s.yaml", path, ErrPlanName, strings.TrimSuffix(path, filepath.Ext(path)))
	}
	return false, nil
}

// SplitNames reads the participants as people type them: separated by
// commas or one per line.
func SplitNames(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, name := range strings.Split(line, ",") {
			if name = CleanLine(name); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

// Plan is the plan under review. It is a different value after Reload, so
// callers look it up rather than keep it. Front ends read it to draw; they
// change it only through the session's methods.
func (s *Session) Plan() *plans.Plan { return s.w.file.Plan }

// Checklist is the plan's checklist.
func (s *Session) Checklist() *checklist.Checklist { return s.Plan().Checklist }

// Path is the plan file's path (a copy's, after SaveBeside).
func (s *Session) Path() string { return s.w.file.Path }

// Today is the date due dates such as "2w" count from.
func (s *Session) Today() plans.Date { return s.today }

// OpenElsewhere is what to tell the person when another ladder session
// (another window, another person's process) had this plan open as this
// one opened it; "" when none did. Both sessions may carry on: saving is
// compare-and-swap, so whichever saves second is told, and keeps its
// answers in a copy (see SaveBeside).
func (s *Session) OpenElsewhere() string {
	if !s.w.file.OpenElsewhere() {
		return ""
	}
	return "This plan is open in another ladder session too. You can carry on: if both change it, the second to save is told and keeps its answers in a copy."
}

// OpenWarnings is everything to tell the person as the plan opens, one
// warning each, or none: that another session has it open
// (OpenElsewhere), and the slips of a hand edit that ladder check warns
// about, which a save would make the plan's words for good.
func (s *Session) OpenWarnings() []string {
	var said []string
	if msg := s.OpenElsewhere(); msg != "" {
		said = append(said, msg)
	}
	if slips := s.w.file.Slips; len(slips) > 0 {
		// Where, then what is wrong, then what to do: the front ends
		// give this warning the lines it needs to be read whole.
		msg := fmt.Sprintf("%s, edited by hand: %s.", s.slipPlace(slips[0]), strings.TrimSuffix(slips[0].Message, "."))
		msg += " A save keeps what ladder shows: fix it here, or quit and edit the file first"
		if more := len(slips) - 1; more > 0 {
			msg += fmt.Sprintf(" (and %d more: ladder check lists them)", more)
		}
		said = append(said, msg+".")
	}
	return said
}

// slipPlace names where a slip is, for someone to go to: the item as
// the front end numbers it ("Enablers item 13 (line 186)") or the
// next-steps question, with the file's line; the line alone outside
// both.
func (s *Session) slipPlace(slip plans.Slip) string {
	line := fmt.Sprintf("line %d", slip.Line)
	if _, _, ok := s.Checklist().Item(slip.Item); ok {
		// A sentence begins with it: "item 3" of a checklist of one
		// area, or of the prompts, which number items by the checklist.
		name := s.itemNamed(slip.Item)
		if rest, ok := strings.CutPrefix(name, "item "); ok {
			name = "Item " + rest
		}
		return name + " (" + line + ")"
	}
	for i, f := range s.Questions() {
		if slip.FollowUp != "" && f.ID == slip.FollowUp {
			return fmt.Sprintf("Next-steps question %d (%s)", i+1, line)
		}
	}
	return fmt.Sprintf("Line %d", slip.Line)
}

// Close ends the session's mark on the plan file (the one that makes
// OpenElsewhere true for another session). Call it when the review ends.
func (s *Session) Close() error {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	return s.w.file.Close()
}

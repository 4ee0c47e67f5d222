// Package accessible is the guided review as plain line-by-line prompts,
// for screen readers, plain terminals and scripts: every item is printed
// once, every question is one line, and nothing is ever redrawn, coloured
// or moved. It does the same review as the screens in tui (the same
// questions, in the same order, saved after every answer through plans'
// atomic writer, resumed at the first unrated item) over any io.Reader and
// io.Writer, so answers can be piped in. The review itself is a
// review.Session, the same as the screens': this package only asks its
// questions and says what it decides.
package accessible

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	"github.com/socialmobility/ladder/room"
)

// Wanted reports whether the review should run in accessible mode: when
// asked with the --accessible flag, when ACCESSIBLE has any non-empty value,
// or when TERM=dumb says the terminal cannot draw screens.
func Wanted(flag bool, getenv func(string) string) bool {
	if getenv == nil {
		getenv = os.Getenv
	}
	return flag || getenv("ACCESSIBLE") != "" || getenv("TERM") == "dumb"
}

// Options are what the review was started with.
type Options struct {
	// PlanPath is a plan to resume; if it does not exist, the review asks
	// for the details of a new plan and creates it there. Empty: choose
	// one of the plans in Dir, or begin a new one.
	PlanPath string
	// Dir is the plans folder (default plans.DefaultDir).
	Dir string
	// Checklist is the --checklist flag: a built-in id or a checklist file.
	Checklist string
	// From is a plan to carry on (review --from): PlanPath, which must not
	// exist yet, is made the next review after it (carry.go).
	From string
	// Today fixes the date (tests); zero means the real date.
	Today plans.Date
	// Room, when set, lets the room vote from phones (--room): the
	// review starts the room's server once a plan is open, says how to
	// join, and stops it when the review ends (room.go).
	Room *room.Setup
	// RatingLetter is the screens' rule for the letter that rates a level
	// (tui.RatingLetter): the prompts take the same letters, so that a
	// letter the screens keep for a key of their own (n, b: next, back)
	// never rates an item here. Nil: each level's own initial where no
	// other level shares it (checklist.Shortcut).
	RatingLetter func(c *checklist.Checklist, level int) (string, bool)

	In  io.Reader
	Out io.Writer
	// Interrupt, when set, ends the review on the signals it delivers
	// (ctrl+c, a hangup, SIGTERM): the question being asked is abandoned
	// (every answer before it is saved already), Run says what was saved
	// and returns an *Interrupted naming the signal.
	Interrupt <-chan os.Signal
}

// Run holds the review and returns when it is done or when the input ends;
// either way every answer given is saved. The error is for what stops a
// review from starting (a plan that does not load, a bad --checklist) and
// for a plan that could not be saved.
func Run(opts Options) error {
	if opts.Dir == "" {
		opts.Dir = plans.DefaultDir
	}
	if opts.Today.IsZero() {
		opts.Today = plans.Today()
	}
	if opts.In == nil {
		opts.In = os.Stdin
	}
	if opts.Out == nil {
		opts.Out = os.Stdout
	}
	echo := !isTerminal(opts.In)
	in := opts.In
	if opts.Interrupt != nil {
		grace := time.Duration(0)
		if !echo {
			grace = hangupGrace
		}
		in = interruptible(in, opts.Interrupt, grace)
	}
	r := &reviewer{opts: opts, today: opts.Today, p: newPrompter(in, opts.Out, echo)}
	r.p.enterShown = !echo && isTerminal(opts.Out)
	if ir, ok := in.(*interruptReader); ok && r.p.enterShown {
		r.p.arrived = ir.waiting
	}
	r.p.severalLines = !echo
	err := r.run()
	r.closeRoom()
	if r.s != nil {
		defer r.s.Close()
	}
	if in, ok := errorsAsInterrupted(err); ok {
		return r.stopped(in.said(), in)
	}
	switch {
	case errors.Is(err, errInputEnded):
		return r.inputEnded()
	case errors.Is(err, errQuit):
		return r.stopped("Stopped.", nil)
	}
	return err
}

// ErrInterrupted is what every *Interrupted is (errors.Is): Run's error
// when a signal ended the review, after saying what was saved.
var ErrInterrupted = errors.New("interrupted")

// stopped says where the answers are when the person stopped the review
// (quit, or ctrl+c), and how to carry on; it returns err unless a save
// failed.
func (r *reviewer) stopped(what string, err error) error {
	r.p.blank()
	if r.s == nil {
		r.p.say("%s No plan was created, so nothing was saved.", what)
		return err
	}
	if r.s.State().Err != nil {
		r.p.say("%s The plan could not be saved.", what)
		if nsErr := r.notSaved(false); nsErr != nil {
			return nsErr
		}
		return err
	}
	path := r.s.Path()
	r.p.say("%s Every answer given is saved in %s.", what, shown(path))
	r.sayStoppedWithoutAction()
	if at := r.p.waiting; at != "" && err != nil {
		// Until Enter the terminal holds the line, and drops it now.
		r.p.say("Anything typed at %s without Enter is not saved: type it again when you carry on.", at)
	}
	r.p.say("To carry on where you left off, run: %s", r.again(path))
	r.sayLinked()
	return err
}

// review is one run of the accessible review.
type reviewer struct {
	opts  Options
	today plans.Date
	p     *prompter
	s     *review.Session // nil until a plan is open
	// workforceSaidAt is the item (its number in all) where the workforce
	// data were said in full in this run, 0 before, and workforceSaid
	// what was said there (see sayWorkforceAt).
	workforceSaidAt int
	workforceSaid   []string
	// baseAsked is set once the person chose what due dates such as 6w
	// count from (see chooseDueBase).
	baseAsked bool
	// ownersSaid are the owner names the owner question last suggested
	// (see ownerHint).
	ownersSaid string
	// areaSaid and groupSaid are the area and group the last item said
	// (see heading); "" when the walk went elsewhere since.
	areaSaid, groupSaid string
	// room is the room voting from phones, nil without --room (room.go).
	room *roomSide
	// roomAgain asks for the room again in the command that carries on:
	// set when it starts, kept once it is closed (room.Setup.Flags).
	roomAgain string
	// linked is the plan this run carried on and gave a next_review line
	// (carry.go), "" otherwise.
	linked string
	// inDetails is set while a new plan's details are asked (details):
	// back goes to the detail before, but at the first (firstDetail).
	inDetails, firstDetail bool
	// listBefore is set while a new plan's details follow the folder's
	// list of plans: back at the first detail goes back to the list.
	listBefore bool
	// orgTyped is an organisation typed at last year's list
	// (chooseFromLastYear), the answer to a new review's first question.
	orgTyped string
	// followsSaid is set once the project plan said what a step that
	// follows an item's action is (printSteps).
	followsSaid bool
}

func (r *reviewer) run() error {
	resolve, err := r.resolver()
	if err != nil {
		return err
	}
	r.p.command = r.startCommand // until a plan is open, help and quit
	r.p.commandNames = []string{"back", "help", "quit"}
	if r.s, err = r.open(resolve); err != nil {
		return err
	}
	r.p.command = r.command // from here on, back, help, advice, board, quit...
	r.p.commandNames = r.commandList()
	r.p.notChoice = r.noSuchArea
	r.openRoom()
	if err := r.walk(); err != nil {
		return err
	}
	r.p.command = nil
	r.summary()
	return r.notSaved(true)
}

// resolver finds a plan's checklist (plans.ChecklistFor): the --checklist
// one for plans of that checklist, the plan's own for the others, as the
// screens do.
func (r *reviewer) resolver() (plans.Resolver, error) {
	if r.opts.Checklist == "" {
		return plans.DefaultResolver, nil
	}
	c, err := checklist.Resolve(r.opts.Checklist)
	if err != nil {
		return nil, err
	}
	return plans.PreferChecklist(c), nil
}

// inputEnded says where the answers are and how to carry on.
func (r *reviewer) inputEnded() error {
	r.p.blank()
	if r.s == nil {
		r.p.say("Input ended before a plan was created, so nothing was saved.")
		return nil
	}
	if r.s.State().Err != nil {
		r.p.say("Input ended, and the plan could not be saved.")
		return r.notSaved(false)
	}
	path := r.s.Path()
	r.p.say("Input ended. Your answers so far are saved in %s.", shown(path))
	r.p.say("To carry on where you left off, run: %s", r.again(path))
	r.sayLinked()
	return nil
}

// notSaved deals with a plan that could not be saved at the end: it says
// what was not saved and saves a copy elsewhere, at a path the person
// types (when ask is set and they can still answer) or at the one
// suggested. It returns the error that ends the review unsaved.
func (r *reviewer) notSaved(ask bool) error {
	st := r.s.State()
	if st.Err == nil {
		return nil
	}
	if sn := r.s.Retry(); sn != nil && r.s.Save(sn).Err == nil {
		r.p.say("Saved to %s.", shown(r.s.Path()))
		return nil
	}
	st = r.s.State()
	what := st.Problem
	r.p.blank()
	r.p.say("Your plan is not saved: %s.", what)
	if u := st.UnsavedText(); u != "" {
		r.p.say("Not saved yet: %s.", u)
	}
	copyPath := r.s.RescuePath()
	if ask {
		r.p.say("To keep your answers, save a copy elsewhere: type a path, press Enter for %s, or type %s to quit without saving.", copyPath, clearSaid)
		s, err := r.p.line("Copy")
		switch {
		case err == nil && s == clearWord:
			return errors.New("the plan was not saved to " + st.Path + ": " + what)
		case err == nil && s != "":
			copyPath = s
		}
	}
	if err := r.s.SaveCopy(copyPath); err != nil {
		return fmt.Errorf("the plan was not saved to %s (%s), and a copy could not be saved to %s either: %w", st.Path, what, copyPath, err)
	}
	r.p.say("Every answer is in the copy %s.", copyPath)
	return errors.New("the plan was not saved to " + st.Path + "; every answer is in the copy " + copyPath)
}

// again is the command that carries on with the plan at path, the room
// on again if it was.
func (r *reviewer) again(path string) string {
	room := r.roomAgain
	if room == "" && r.opts.Room != nil {
		room = r.opts.Room.Flags(nil)
	}
	return "ladder review --accessible " + room + plans.CommandPath(path)
}

// isTerminal reports whether in (or out) is a terminal, which echoes what
// is typed by itself. ladder's output is a terminal under the guard
// against CI-log commands its commands write through.
func isTerminal(in any) bool {
	if w, ok := in.(io.Writer); ok {
		in = safetext.Unguarded(w)
	}
	f, ok := in.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

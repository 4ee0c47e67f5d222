package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	"github.com/socialmobility/ladder/tui"
	"github.com/socialmobility/ladder/tui/accessible"
	"github.com/spf13/cobra"
)

// runDefault is what `ladder` with no arguments does: start or resume a
// review from the plans folder.
func runDefault(cmd *cobra.Command) error {
	return runReview(cmd, "", reviewOptions{dir: reviewDir()})
}

// reviewDir is the plans folder a review lists plans from and begins a
// new one in: defaultDir's; or, where there is no plans/ folder here nor
// at the top of the git repository ladder runs in, the plans/ folder to
// begin at the top of the repository, where ladder run from any of its
// folders finds it, and ladder check in CI looks. Begun in the folder
// ladder ran in (docs/minutes/plans/), ladder run from the top the next
// time greeted its owner as new. Not at the top of a repository that is
// the home folder (dotfiles kept in git): nobody keeps plans there.
func reviewDir() string { return plansDir(true) }

// defaultDir is the plans folder ladder alone lists plans from and writes
// new ones to: plans/; or, when there is none here, the folder it is run
// in when that is the plans folder itself, or the plans/ folder at the
// top of the git repository it is run in (from docs/, say). Someone back
// a year later, in the wrong folder of the repository, would otherwise be
// greeted as a first-timer, their plans nowhere, and offered to begin
// one in plans/plans/ or docs/plans/.
func defaultDir() string { return plansDir(false) }

// plansDir is defaultDir, and reviewDir when begin is set: one walk up to
// the repository's top for both.
func plansDir(begin bool) string {
	if _, err := os.Stat(plans.DefaultDir); !errors.Is(err, fs.ErrNotExist) {
		return plans.DefaultDir
	}
	if inPlansFolder() {
		return "."
	}
	root, repo := strictyaml.Root(".")
	if !repo {
		return plans.DefaultDir
	}
	wd, err := os.Getwd()
	if err != nil {
		return plans.DefaultDir
	}
	top := filepath.Join(root, plans.DefaultDir)
	if info, err := os.Stat(top); err != nil || !info.IsDir() {
		if !begin || !beginsAtTop(root, wd) {
			return plans.DefaultDir
		}
	}
	if rel, err := filepath.Rel(wd, top); err == nil {
		return filepath.ToSlash(rel)
	}
	return plans.DefaultDir
}

// beginsAtTop reports whether a review run in wd, below root, the top of
// its repository, begins plans/ at root (reviewDir): not when wd is the
// top, nor in a repository that is the home folder, compared by the
// folders themselves: a home folder named through a symbolic link
// (HOME=/home/sam, the folder /usr/home/sam) is still the top.
func beginsAtTop(root, wd string) bool {
	if filepath.Clean(root) == filepath.Clean(wd) {
		return false
	}
	home, err := os.UserHomeDir()
	return err != nil || strictyaml.RealPath(root) != strictyaml.RealPath(home)
}

type reviewOptions struct {
	checklist  string
	dir        string
	today      string
	accessible bool
	present    bool
	from       string // a plan to carry on into a new one (--from)
	timebox    string
	session    string
	room       roomFlags
}

func newReviewCmd() *cobra.Command {
	var opts reviewOptions
	cmd := &cobra.Command{
		Use:   "review [PLAN]",
		Short: "Start or resume a guided review",
		// ladder room, ladder present: the room votes and the projector
		// shows in a review (--room, --present).
		SuggestFor: []string{"room", "present", "vote"},
		Long: `Review takes you through every recommendation of the checklist, one
screen at a time: rate it, write the action, who owns it and when it is
due, then answer the next-steps questions. Every answer is saved to the
plan file as soon as you give it, so you can stop at any moment (q, or
ctrl+c) and carry on later from the first item not rated yet.

With no PLAN, it lists the plans in the plans folder to resume, or begins
a new one. With a PLAN that exists, it resumes it; with one that does not
exist yet, it begins a new review and writes it there.

With --from OLD, PLAN (which must not exist yet) begins as the next
review after OLD: the same organisation, people and checklist, with OLD's
open actions (owner, due date, status) and open project-plan steps, rated
afresh; OLD gets one line, next_review, naming PLAN. On the start screen,
c does the same for the chosen plan. Cut short (killed before OLD got
its line), the same command finishes it: OLD gets its line, written only
if OLD is as it was read, and PLAN opens as it was left.

Running ladder with no arguments is the same as ladder review. Press ? in
the review for every key.

With --accessible (or ACCESSIBLE set to anything, or TERM=dumb) the review
is plain line-by-line prompts instead of screens: for screen readers,
plain terminals, and answers piped in.

For a workshop, --present lays the review out for a projector: the
recommendation large and centred, the rating as a big badge, the area's
tally, and no file paths (P turns it on and off during a review). b shows
the board of every item from anywhere; i shows the source's advice for
the item. --timebox 5m counts down 5 minutes per item, quietly: it never
moves on by itself. --session 90m counts the whole session down beside it,
with the items left and the pace they need. t pauses the clocks, + gives
an item a minute more, T starts its time again.

With --room, the people in the room vote from their phones, on this
laptop's network, with no cloud and no accounts: the review shows a QR
code, the address and a PIN; phones see the item on screen and vote
(■ Red, ▲ Amber, ● Green, or the checklist's own words; or not sure),
hidden until you press v to reveal the spread; enter agrees the most
common rating, V votes again. During the next-steps questions, phones
can send ideas: each shows in the question's list, from the room, for
you to accept (x) or drop (d). The plan keeps the counts of each item's
final round, never who voted. ladder picks the laptop's address on its
local network and says why; --listen ADDRESS:PORT chooses it (the address
alone takes the usual port, 8421, or another when it is taken). The server
stops when the review ends.

--room works with --accessible too: the join address, the PIN and why
that address are plain lines (qr prints the QR code). At an item's
rating, votes says how many have voted, reveal says the spread in words
and Enter then agrees the most common vote, revote votes again; at a
next-steps question, ideas lists what phones sent, take N puts one into
the answer and drop N drops it. help lists them all.`,
		Example: `  # Choose a plan to resume, or begin a new review
  ladder review

  # Resume (or begin) a particular plan
  ladder review plans/acme-spring.yaml

  # A workshop: projector layout, 5 minutes per item, 2 hours in all
  ladder review --present --timebox 5m --session 2h plans/acme-spring.yaml

  # A workshop where everyone votes from their phone
  ladder review --room --present plans/acme-spring.yaml

  # Next year's review, carried on from last year's plan
  ladder review plans/acme-2027.yaml --from plans/acme-2026.yaml

  # The same, run with a screen reader
  ladder review --accessible --room plans/acme-spring.yaml

  # Plans kept somewhere else, with your own checklist
  ladder review --dir reviews --checklist checklists/ours.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = typedPath(args[0])
			}
			opts.from, opts.checklist = typedPath(opts.from), typedPath(opts.checklist)
			if !cmd.Flags().Changed("dir") {
				opts.dir = reviewDir()
			}
			opts.dir = typedPath(opts.dir)
			return runReview(cmd, path, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.checklist, "checklist", "", "the checklist for a new review: a built-in `ID` (see 'ladder checklists') or a checklist FILE")
	f.StringVar(&opts.dir, "dir", plans.DefaultDir, "the plans `FOLDER`: where plans are listed from and new plans are written")
	f.BoolVar(&opts.accessible, "accessible", false, accessibleFlagUsage)
	f.StringVar(&opts.from, "from", "", "begin PLAN as the next review after this `OLD` plan: its open actions and steps carry on, ratings start afresh")
	f.BoolVar(&opts.present, "present", false, "presenter mode: a projector layout for a room (P toggles it in the review)")
	f.StringVar(&opts.timebox, "timebox", "", "a quiet countdown of `TIME` per item, e.g. 5m, 90s or 5 (minutes, up to 60); it never moves on by itself")
	f.StringVar(&opts.session, "session", "", "the whole session's `TIME`, e.g. 90m or 2h: counts down beside the time box with the items left and the pace they need")
	opts.room.register(f)
	f.StringVar(&opts.today, "today", "", "pretend today is this date, YYYY-MM-DD (for tests)")
	_ = f.MarkHidden("today")
	return cmd
}

func runReview(cmd *cobra.Command, path string, opts reviewOptions) error {
	stderr := cmd.ErrOrStderr()
	o := tui.Options{PlanPath: path, Dir: opts.dir, Checklist: opts.checklist, Present: opts.present}
	if opts.timebox != "" {
		d, err := tui.ParseTimebox(opts.timebox)
		if err != nil {
			return usageErrorf("--timebox: %v", err)
		}
		o.Timebox = d
	}
	if opts.session != "" {
		d, err := tui.ParseSession(opts.session)
		if err != nil {
			return usageErrorf("--session: %v", err)
		}
		o.Session = d
	}
	if opts.today != "" {
		d, err := dateFlag("today", opts.today)
		if err != nil {
			return err
		}
		o.Today = d
	}
	if opts.checklist != "" {
		if _, _, err := resolveChecklist(stderr, opts.checklist); err != nil {
			return err
		}
	}
	accessibleMode := accessible.Wanted(opts.accessible, os.Getenv)
	if accessibleMode {
		if err := screensOnly(opts); err != nil {
			return err
		}
	}
	if path != "" && isDir(path) {
		// Someone who keeps plans in a folder names the folder, as they
		// would to ls: it is where to choose a plan from, not a plan.
		again := "ladder review"
		if accessibleMode {
			again += " --accessible"
		}
		return usageErrorf("%s is a folder: to choose a plan in it, run %s --dir %s; or name a plan file in it",
			safetext.Line(path), again, safetext.Line(plans.CommandPath(path)))
	}
	if path != "" {
		// Said before the review starts, not at its first save.
		if err := plans.FolderInside(path); err != nil {
			return err
		}
	}
	screens := !accessibleMode && isTerminal(cmd.InOrStdin()) && isTerminal(cmd.OutOrStdout())
	if path != "" {
		// The screens open the plan themselves before they start, so
		// loading it here as well would read it twice on the way to the
		// first frame; its problems are reported the same way below.
		if err := checkPlanArg(stderr, path, o, !screens); err != nil {
			return err
		}
	}
	if opts.from != "" {
		from, into, err := carryFrom(stderr, path, opts.from, o, !accessibleMode)
		if err != nil {
			return err
		}
		o.CarryFrom, o.PlanPath = from, into
	}
	room, err := opts.room.options()
	if err != nil {
		return err
	}
	o.Room = room
	if accessibleMode {
		return reviewAccessibly(cmd, o, opts.from)
	}
	if !screens {
		if o.CarryFrom != nil {
			o.CarryFrom.Close()
		}
		return &exitError{code: ExitProblems, err: tui.ErrNotTerminal}
	}
	err = tui.Run(o)
	if fe := (*plans.FileError)(nil); errors.As(err, &fe) {
		return reportLoadError(stderr, path, err)
	}
	if signalled := (*tui.Signalled)(nil); errors.As(err, &signalled) {
		// Everything was saved, as on q: nothing to say, but the status
		// says the review was cut off (129, 143, 130), as in accessible mode.
		return &exitError{code: signalled.ExitCode()}
	}
	if errors.Is(err, tui.ErrNotCreated) {
		return &exitError{code: ExitInterrupted} // ctrl+c on the new review's form: its footer said so
	}
	return err
}

// screensOnly refuses, in accessible mode, the flags that only the screens
// use, rather than ignore them: a facilitator who asked for a projector
// layout or a clock is told they are not there.
func screensOnly(opts reviewOptions) error {
	var flags []string
	if opts.present {
		flags = append(flags, "--present")
	}
	if opts.timebox != "" {
		flags = append(flags, "--timebox")
	}
	if opts.session != "" {
		flags = append(flags, "--session")
	}
	if len(flags) == 0 {
		return nil
	}
	them := "it"
	if len(flags) > 1 {
		them = "them"
	}
	return usageErrorf("%s: not in accessible mode, which asks each question once in plain lines, with no layout to project and no clock; leave %s out, or run the review without --accessible (and without ACCESSIBLE or TERM=dumb)",
		strings.Join(flags, ", "), them)
}

// checkPlanArg checks that a new plan has a plan file's name and, if load,
// loads an existing one, so that one with problems is reported (and left
// alone) before any prompt or screen opens.
func checkPlanArg(stderr io.Writer, path string, o tui.Options, load bool) error {
	exists, err := review.Locate(path)
	switch {
	case errors.Is(err, review.ErrPlanName):
		return usageErrorf("%v", err)
	case err != nil:
		return &exitError{code: ExitProblems, err: err}
	case !exists || !load:
		return nil
	}
	if _, err := plans.LoadFile(path, o.Resolver()); err != nil {
		return reportLoadError(stderr, path, err)
	}
	return nil
}

// carryFrom checks review --from before any prompt or screen: PLAN must
// be new (or the review a carry-on of OLD cut short wrote), and OLD must
// load and not be carried on already, nor cut short into another file
// (carriedCutShort). It returns the plan to
// carry OLD on into: path, or for the screens with no PLAN named, the
// review a carry-on of OLD cut short wrote, which they finish as c on
// OLD in ladder's list does; and for the screens (open) OLD opened, for
// the set-up form to carry on.
func carryFrom(stderr io.Writer, path, from string, o tui.Options, open bool) (*plans.File, string, error) {
	exists := false
	if path != "" {
		exists, _ = review.Locate(path) // checkPlanArg said what else was wrong
	}
	f, err := plans.Open(from, o.Resolver())
	if err != nil && exists {
		return nil, "", existsAlready(path)
	}
	if err != nil {
		return nil, "", reportLoadError(stderr, from, err)
	}
	if err := plans.CheckCarryOn(from, f.Plan); err != nil {
		f.Close()
		if exists {
			return nil, "", existsAlready(path)
		}
		return nil, "", &exitError{code: ExitProblems, err: review.CarryRefused(err)}
	}
	// A carry-on cut short is finished with no PLAN named: the screens
	// finish it here, into the review it wrote; the prompts find that
	// review themselves as they begin. Named at another file not there
	// yet, both refuse it: the details asked would be refused at the end
	// (CreateNext), or the prompts would write to another file than the
	// one named.
	next := plans.CutShortCarrier(f.Path, f.Plan)
	if next != "" && path == "" && open {
		path, exists = next, true
	} else if next != "" && !exists && path != "" {
		f.Close()
		return nil, "", carriedCutShort(f.Path, next, path, open)
	}
	if exists && (next == "" || !sameFile(next, path)) {
		f.Close()
		return nil, "", existsAlready(path)
	}
	// PLAN there already is the review a carry-on of OLD cut short wrote
	// (the laptop died between its two writes, or OLD was checked out
	// again since), which the prompts and the screens finish alike: OLD
	// gains its next_review line, PLAN is left as it is and opens. The
	// prompts open OLD again to finish it; the screens finish it as they
	// start (tui.Options.CarryFrom).
	if !open {
		f.Close()
		return nil, path, nil
	}
	return f, path, nil
}

// carriedCutShort refuses review --from prev onto path, not there yet,
// where a carry-on of prev cut short wrote next: carried on again, next
// would be left behind, ratings and all. It says what finishes the
// carry-on instead: the same command with path left out, for the screens
// as for the prompts.
func carriedCutShort(prev, next, path string, screens bool) error {
	refused := (&plans.CarriedOnAlready{Path: prev, Next: next, Unlinked: true}).Words(prev, next)
	again := "ladder review --accessible --from "
	if screens {
		again = "ladder review --from "
	}
	return &exitError{code: ExitProblems, err: fmt.Errorf("--from: %s; to finish it, leave %s out: %s%s", refused, safetext.Line(path), again, safetext.Line(plans.CommandPath(prev)))}
}

// existsAlready refuses review --from onto path, a plan there already.
func existsAlready(path string) error {
	return usageErrorf("--from: %s exists already: --from begins a new review, so name a plan file that is not there yet (to resume %s, leave --from out)", path, path)
}

// reportLoadError prints a file's problems, one file:line:col a line, and
// ends with exit status 1.
func reportLoadError(stderr io.Writer, what string, err error) error {
	var fe *plans.FileError
	if errors.As(err, &fe) {
		fmt.Fprintln(stderr, fe.Error())
		return problemsFound()
	}
	return &exitError{code: ExitProblems, err: fmt.Errorf("%s: %w", what, err)}
}

// isTerminal reports whether a command's input or output is a terminal.
func isTerminal(v any) bool {
	if w, ok := v.(io.Writer); ok {
		v = safetext.Unguarded(w)
	}
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

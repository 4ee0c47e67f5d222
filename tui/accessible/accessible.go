// Package accessible is the guided review as plain line-by-line prompts,
// for screen readers, plain terminals and scripts: every item is printed
// once, every question is one line, and nothing is ever redrawn, coloured
// or moved. It does the same review as the screens in tui (the same
// questions, in the same order, saved after every answer through plans'
// atomic writer, resumed at the first unrated item) over any io.Reader and
// io.Writer, so answers can be piped in.
package accessible

import (
	"errors"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
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
	// Today fixes the date (tests); zero means the real date.
	Today plans.Date

	In  io.Reader
	Out io.Writer
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
	r := &review{opts: opts, today: opts.Today, p: newPrompter(opts.In, opts.Out, !isTerminal(opts.In))}
	err := r.run()
	if errors.Is(err, errInputEnded) {
		return r.inputEnded()
	}
	return err
}

// review is one run of the accessible review.
type review struct {
	opts  Options
	today plans.Date
	p     *prompter
	s     *session // nil until a plan is open
}

func (r *review) run() error {
	resolve, err := r.resolver()
	if err != nil {
		return err
	}
	if r.s, err = r.open(resolve); err != nil {
		return err
	}
	if err := r.walk(); err != nil {
		return err
	}
	if err := r.nextSteps(); err != nil {
		return err
	}
	r.summary()
	return r.saveError()
}

// resolver finds a plan's checklist, preferring the --checklist one.
func (r *review) resolver() (plans.Resolver, error) {
	if r.opts.Checklist == "" {
		return plans.DefaultResolver, nil
	}
	c, err := checklist.Resolve(r.opts.Checklist)
	if err != nil {
		return nil, err
	}
	return plans.WithChecklist(c), nil
}

// inputEnded says where the answers are and how to carry on.
func (r *review) inputEnded() error {
	r.p.blank()
	if r.s == nil {
		r.p.say("Input ended before a plan was created, so nothing was saved.")
		return nil
	}
	if err := r.saveError(); err != nil {
		r.p.say("Input ended, and the plan could not be saved.")
		return err
	}
	path := r.s.file.Path
	r.p.say("Input ended. Your answers so far are saved in %s.", path)
	r.p.say("To carry on where you left off, run: ladder review --accessible %s", plans.ShellQuote(path))
	return nil
}

func (r *review) saveError() error {
	if r.s == nil || r.s.lastErr == nil {
		return nil
	}
	return errors.New("the plan could not be saved to " + r.s.file.Path + ": " + r.s.lastErr.Error())
}

// isTerminal reports whether in is a terminal, which echoes what is typed
// by itself.
func isTerminal(in io.Reader) bool {
	f, ok := in.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

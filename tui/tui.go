// Package tui is ladder's guided review: the Bubble Tea program that takes a
// person through every recommendation of a checklist, one screen at a time,
// and then through the next-steps questions. Each screen is a model in its
// own file with its key map; they share one common struct (size, styles,
// keys, the open plan). The review itself (where to resume, what an answer
// means, how saves and conflicts go) is a review.Session: the screens
// present it and send it answers, and never write files themselves.
package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// Options are what the review was started with.
type Options struct {
	// PlanPath is a plan to open; if it does not exist, set-up creates it.
	PlanPath string
	// Dir is the plans folder the start screen lists and new plans go in.
	Dir string
	// Checklist is the --checklist flag: a built-in id or a YAML file.
	Checklist string
	// Today fixes the date (tests); zero means the real date.
	Today plans.Date
	// Present starts in presenter mode: the projector layout (P toggles it).
	Present bool
	// CarryFrom is a plan to carry on (review --from), opened: the review
	// begins at the set-up form, carrying it on into PlanPath (or a new
	// file in Dir); or, PlanPath there already, the review a carry-on of
	// it cut short wrote, finished as it opens. The program closes it.
	CarryFrom *plans.File
	// Timebox is the time allowed per item, counted down on screen; zero
	// means no time box.
	Timebox time.Duration
	// Session is the whole session's time, counted down on screen from the
	// start with the items left and the pace they need; zero means none.
	Session time.Duration
	// Room, when set, lets the room vote from phones (--room).
	Room *RoomOptions

	In  io.Reader
	Out io.Writer
	// Env replaces the process environment (tests).
	Env []string
}

// Resolver finds a plan's checklist (plans.ChecklistFor): the --checklist
// one for plans of that checklist (by id), the usual way (built in, or the
// plan's checklist.file) for the others, so that a plans folder holding
// reviews of several checklists still lists them all.
func (o Options) Resolver() plans.Resolver { return o.resolver() }

func (o Options) resolver() plans.Resolver {
	if o.Checklist == "" {
		return plans.DefaultResolver
	}
	c, err := checklist.Resolve(o.Checklist)
	if err != nil {
		return plans.DefaultResolver
	}
	return plans.PreferChecklist(c)
}

func (o Options) getenv(k string) string {
	if o.Env == nil {
		return os.Getenv(k)
	}
	for i := len(o.Env) - 1; i >= 0; i-- {
		if len(o.Env[i]) > len(k) && o.Env[i][:len(k)] == k && o.Env[i][len(k)] == '=' {
			return o.Env[i][len(k)+1:]
		}
	}
	return ""
}

// ErrNotTerminal is returned when the review is started without a terminal.
var ErrNotTerminal = errors.New("the review needs a terminal (standard input and output must be a terminal).\n" +
	"For plain line-by-line prompts, which also read answers piped in, use `ladder review --accessible`;\n" +
	"to work without a review, use `ladder new` to create a plan, edit it, and `ladder check` to validate it")

// newCommon builds the shared state, opening the plan if one was named and
// exists.
func newCommon(opts Options) (*common, error) {
	if opts.Dir == "" {
		opts.Dir = plans.DefaultDir
	}
	c := &common{styles: newStyles(true, opts.Present), keys: newGlobalKeys(), opts: opts, today: opts.Today,
		present: opts.Present, now: time.Now, timer: timebox{limit: opts.Timebox, session: opts.Session}, typingPause: review.SaveTypingAfter}
	if c.today.IsZero() {
		c.today = plans.Today()
	}
	if opts.PlanPath != "" {
		if _, err := os.Stat(opts.PlanPath); err == nil && opts.CarryFrom != nil {
			if err := c.finishCarryOnStart(); err != nil { // setup_carry.go
				return nil, err
			}
		} else if err == nil {
			ss, err := review.Open(opts.PlanPath, opts.resolver(), c.today)
			if err != nil {
				return nil, err
			}
			c.open(ss)
		}
	}
	return c, nil
}

// programOptions are the Bubble Tea options for a review.
func programOptions(opts Options) []tea.ProgramOption {
	// Bubble Tea draws on a frame ticker; at its default 60 fps a key can
	// wait up to 17 ms for its frame. At the maximum, 120, it waits at most
	// about 8 ms, and frames are only drawn when something changed.
	po := []tea.ProgramOption{tea.WithFPS(framesPerSecond)}
	if opts.In != nil {
		po = append(po, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		po = append(po, tea.WithOutput(opts.Out))
	}
	if opts.Env != nil {
		po = append(po, tea.WithEnvironment(opts.Env))
	}
	return append(po, tea.WithColorProfile(colourProfile(opts)))
}

// colourProfile is the colour profile the review is drawn with: what Bubble
// Tea would detect for its output in its environment, except that any
// NO_COLOR turns colour off.
func colourProfile(opts Options) colorprofile.Profile {
	// The colour-profile library reads NO_COLOR as a boolean, so
	// NO_COLOR=yes would slip through; any non-empty value turns colour off.
	if opts.getenv("NO_COLOR") != "" {
		return colorprofile.Ascii
	}
	if opts.Out == nil && opts.Env == nil {
		// Lip Gloss has already detected the colour profile of standard
		// output in this environment (lipgloss.Writer, at start-up), as
		// Bubble Tea would again, reading the terminfo database a second time.
		return lipgloss.Writer.Profile
	}
	out, env := opts.Out, opts.environ()
	if out == nil {
		out = os.Stdout
	}
	return colorprofile.Detect(out, env)
}

// environ is the environment the review runs in, as Bubble Tea has it.
func (o Options) environ() []string {
	if o.Env != nil {
		return o.Env
	}
	return os.Environ()
}

// endSignals are the signals that end the review like q: a closed terminal
// window (SIGHUP), a logout or kill (SIGTERM) and an interrupt from outside
// (SIGINT).
func endSignals() chan os.Signal {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	return sig
}

// quitOnSignals ends the program on one of the signals sig was notified of,
// also one that came before it started; the function it returns stops
// listening and says which signal ended the program, if one did, waiting
// up to grace for one that is on its way.
func quitOnSignals(p *tea.Program, sig chan os.Signal) (stop func(grace time.Duration) os.Signal) {
	done := make(chan struct{})
	got := make(chan os.Signal, 1)
	go func() {
		select {
		case s := <-sig:
			got <- s
			p.Quit()
		case <-done:
			got <- nil
		}
	}()
	return func(grace time.Duration) os.Signal {
		if grace > 0 {
			select {
			case s := <-got:
				signal.Stop(sig)
				return s
			case <-time.After(grace):
			}
		}
		signal.Stop(sig)
		close(done)
		return <-got
	}
}

// hangupGrace is how long the end of the review waits for the hangup when
// reading the terminal failed: a closed window ends the input at much the
// same moment as SIGHUP arrives, and the review must end as a hangup
// (129, everything saved), not as a failure to read.
const hangupGrace = 250 * time.Millisecond

// terminalInput is standard input for Bubble Tea, saying when the
// terminal has gone: reading a terminal that hung up gives the end of
// file (or EIO, when a pseudo-terminal's other side closed). The kernel
// sends SIGHUP only to the session's leader; a shell that runs ladder from
// a script, or ignores the hangup, passes it on to nobody, and Bubble Tea
// takes the end of its input quietly, so ladder would go on with no
// window: nothing saved on the way out, the plan held open, a room's
// server listening.
type terminalInput struct {
	*os.File
	gone func()
}

func (in terminalInput) Read(p []byte) (int, error) {
	n, err := in.File.Read(p)
	if n == 0 && (errors.Is(err, io.EOF) || errors.Is(err, syscall.EIO)) {
		in.gone()
	}
	return n, err
}

// Signalled is Run's error when a signal ended the review (a closed
// terminal, SIGTERM, a SIGINT sent from outside: ctrl+c on the screens is
// a key that saves and quits, not a signal). Everything was saved first,
// as on q; ladder exits 128 + the signal's number, as the accessible
// prompts do and as programs do, so that whatever started it can tell the
// review was cut off.
type Signalled struct{ Signal os.Signal }

func (e *Signalled) Error() string { return "ended by " + e.Signal.String() }

// ExitCode is 129 for SIGHUP, 143 for SIGTERM, 130 for SIGINT.
func (e *Signalled) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGTERM)
}

// Run starts the review and returns when the user quits.
func Run(opts Options) error {
	inTerminal := opts.In == nil && opts.Out == nil
	if inTerminal {
		if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
			return ErrNotTerminal
		}
		go warmWidths() // while the plan is read and the first frame made
	}
	// Listening from the start: a signal during start-up ends the review
	// once Bubble Tea runs, and never leaves the terminal raw.
	sig := endSignals()
	var first *firstFrame
	if inTerminal && firstFrameWanted(opts.getenv) {
		// Raw from here, so that nothing typed from now on is echoed
		// (firstframe.go); finish gives the terminal back on every way out.
		if first = newFirstFrame(os.Stdin, os.Stdout, opts.environ()); first != nil {
			defer first.finish()
		}
	}
	c, err := newCommon(opts)
	if err != nil {
		signal.Stop(sig)
		return err
	}
	defer c.closeRoom() // the server listens only while the review runs
	r := &root{c: c}
	po := programOptions(opts)
	if inTerminal {
		// The terminal gone is a hangup, whether or not SIGHUP comes.
		hangup := func() {
			select {
			case sig <- syscall.SIGHUP:
			default: // a signal is waiting already
			}
		}
		po = append(po, tea.WithInput(terminalInput{File: os.Stdin, gone: hangup}))
	}
	if first != nil {
		po = append(po, tea.WithOutput(first.out))
	}
	// What is being typed when a signal ends the review is written before
	// it goes (see app.flush).
	p := tea.NewProgram(r, append(po, tea.WithoutSignalHandler())...)
	stop := quitOnSignals(p, sig)
	if first != nil {
		drawn := false
		if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil {
			r.start(w, h)
			// A frame's wait at most: Bubble Tea would draw a frame later.
			r.settle(time.Second / framesPerSecond)
			drawn = first.draw(r.app.View(), w, h, colourProfile(opts)) != nil
		}
		if !drawn {
			first.finish() // Bubble Tea starts on the terminal as it was
		}
	}
	m, err := p.Run()
	if first != nil {
		first.finish()
	}
	grace := time.Duration(0)
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		grace = hangupGrace
	}
	signalled := stop(grace)
	if signalled != nil && !errors.Is(err, tea.ErrProgramKilled) {
		err = nil // the input ended with the terminal: the signal says what happened
	}
	r, _ = m.(*root)
	if r != nil && r.app != nil {
		r.app.flush()
		r.app.commitNotice()
		r.app.unreadNotice()
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return fmt.Errorf("review: %w", err)
	}
	var bySignal error
	if signalled != nil {
		bySignal = &Signalled{Signal: signalled}
	}
	if r == nil || r.app == nil {
		return bySignal
	}
	a := r.app
	if a.c.session != nil {
		a.c.session.Close()
	}
	if a.exitNotice != "" {
		// It names files, whose names come from whoever added them (a
		// pull request), and quotes errors that may hold them.
		fmt.Fprintln(os.Stderr, layOutNotice(safetext.Terminal(a.exitNotice), a.termWidth))
	}
	if a.exitErr != nil {
		return a.exitErr // a plan left unsaved says so, whatever ended the review
	}
	return bySignal
}

package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/tui"
	"github.com/socialmobility/ladder/tui/accessible"
	"github.com/spf13/cobra"
)

// accessibleFlagUsage is the help line of review's --accessible flag.
const accessibleFlagUsage = "plain line-by-line prompts, nothing redrawn (for screen readers, plain terminals and piped answers; also ACCESSIBLE=1 or TERM=dumb)"

// reviewAccessibly runs the review as plain line-by-line prompts on the
// command's standard input and output, with the options the screens would
// have had. It needs no terminal: answers can be piped in.
func reviewAccessibly(cmd *cobra.Command, o tui.Options, from string) error {
	// ctrl+c, the terminal closing and SIGTERM end the question being
	// asked; the review says what was saved, and ladder exits 128 + the
	// signal's number (130, 129, 143), as programs do.
	interrupt, stop := stopSignals()
	defer stop()
	err := accessible.Run(accessible.Options{
		PlanPath:  o.PlanPath,
		Dir:       o.Dir,
		Checklist: o.Checklist,
		From:      from,
		Today:     o.Today,
		Room:      o.Room,
		// The letters that rate are the screens' (not n or b: next, back).
		RatingLetter: tui.RatingLetter,
		In:           cmd.InOrStdin(),
		Out:          cmd.OutOrStdout(),
		Interrupt:    interrupt,
	})
	var fe *plans.FileError
	var signalled *accessible.Interrupted
	switch {
	case err == nil:
		return nil
	case errors.As(err, &signalled):
		return &exitError{code: signalled.ExitCode()}
	case errors.As(err, &fe):
		// A plan or checklist that does not load, found after the checks
		// review makes up front (a plan chosen from the plans folder).
		fmt.Fprintln(cmd.ErrOrStderr(), fe.Error())
		return problemsFound()
	}
	return &exitError{code: ExitProblems, err: err}
}

// stopSignals delivers ctrl+c, a hangup and SIGTERM on interrupt, until
// stop. From the first, a write to output that is gone (a pipe whose
// reader went with the terminal) fails instead of ending ladder at once
// with SIGPIPE, so that the review can still say what was saved wherever
// its output is open.
func stopSignals() (interrupt <-chan os.Signal, stop func()) {
	caught := make(chan os.Signal, 1)
	signal.Notify(caught, os.Interrupt, syscall.SIGHUP, syscall.SIGTERM)
	relay := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-caught:
			signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
			relay <- sig
		case <-done:
		}
	}()
	return relay, func() { signal.Stop(caught); close(done) }
}

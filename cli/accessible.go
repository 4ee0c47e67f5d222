package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"

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
func reviewAccessibly(cmd *cobra.Command, o tui.Options) error {
	// ctrl+c ends the question being asked; the review says what was
	// saved, and ladder exits 130, as programs do for an interrupt.
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt)
	defer signal.Stop(interrupt)
	err := accessible.Run(accessible.Options{
		PlanPath:  o.PlanPath,
		Dir:       o.Dir,
		Checklist: o.Checklist,
		Today:     o.Today,
		In:        cmd.InOrStdin(),
		Out:       cmd.OutOrStdout(),
		Interrupt: interrupt,
	})
	var fe *plans.FileError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, accessible.ErrInterrupted):
		return &exitError{code: ExitInterrupted}
	case errors.As(err, &fe):
		// A plan or checklist that does not load, found after the checks
		// review makes up front (a plan chosen from the plans folder).
		fmt.Fprintln(cmd.ErrOrStderr(), fe.Error())
		return problemsFound()
	}
	return &exitError{code: ExitProblems, err: err}
}

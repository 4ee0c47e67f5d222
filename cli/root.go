// Package cli defines ladder's commands: one file per command, each a
// cobra.Command built by a constructor and wired together in Root. Commands
// print data on standard output and errors on standard error, and their exit
// codes mean something: 0 success, 1 problems found, 2 a usage error.
package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X .../cli.Version=...".
var Version = "dev"

// Exit codes.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitUsage    = 2
	// ExitInterrupted is for a review stopped with ctrl+c (128 + SIGINT).
	ExitInterrupted = 130
)

// exitError carries an exit code with the error (or silence, when the
// command already printed what went wrong).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageErrorf reports a mistake in how a command was called (exit 2).
func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// exactlyOneArg accepts one argument, and otherwise says, in a command's
// own words, what it needs (cobra's default message names no example).
func exactlyOneArg(need string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usageErrorf("%s", need)
		}
		return nil
	}
}

// problemsFound ends a command that has already printed its problems (exit 1).
func problemsFound() error { return &exitError{code: ExitProblems} }

// Root builds the ladder command tree.
func Root() *cobra.Command {
	root := &cobra.Command{
		Use:   "ladder",
		Short: "Review how people progress in your organisation, and leave with a plan",
		Long: `ladder walks you through every recommendation of the Social Mobility
Commission's Progression review and refine checklist, rates each one
Red/Amber/Green with an action, owner and due date, asks the next-steps
questions, and keeps the result as a YAML plan file you can keep in git.
Other checklists, built in or your own, rate in their own words: see
ladder checklists.

Run it with no arguments to start or resume a review.
With a screen reader, run ladder review --accessible (or set ACCESSIBLE=1):
the same review as plain line-by-line prompts.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          rootArgs,
		// What cobra's own suggestions use: "revew" is one letter off.
		SuggestionsMinimumDistance: 2,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDefault(cmd)
		},
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if hint := cmp.Or(reviewFlagHint(cmd, err), formatFlagHint(cmd, err)); hint != "" {
			return &exitError{code: ExitUsage, err: fmt.Errorf("%w\n%s", err, hint)}
		}
		return &exitError{code: ExitUsage, err: fmt.Errorf("%w\nRun '%s --help' for usage.", err, cmd.CommandPath())}
	})
	root.AddCommand(
		newReviewCmd(),
		newNewCmd(),
		newCheckCmd(),
		newFmtCmd(),
		newChecklistsCmd(),
		newReportCmd(),
		newDiffCmd(),
		newHistoryCmd(),
		newStatusCmd(),
		newDataCmd(),
		newMergeCmd(),
	)
	return root
}

// reviewFlagHint names the command for a review's flag given to ladder
// itself ("ladder --accessible", as a screen-reader user may well type):
// ladder alone starts the review, but its flags belong to ladder review.
func reviewFlagHint(cmd *cobra.Command, err error) string {
	name, ok := unknownFlag(err)
	if cmd.Parent() != nil || !ok {
		return ""
	}
	review, _, findErr := cmd.Find([]string{"review"})
	if findErr != nil || review == cmd || review.Flags().Lookup(name) == nil {
		return ""
	}
	return "To start a review with it, run: ladder review --" + name
}

// formatFlagHint names --format for a format typed as a flag of its own
// ("ladder report --html", as someone who has seen the web page may well
// type), where the command makes that format: its --format's usage names
// it.
func formatFlagHint(cmd *cobra.Command, err error) string {
	name, ok := unknownFlag(err)
	format := cmd.Flags().Lookup("format")
	if !ok || format == nil {
		return ""
	}
	value, known := formatNames[name]
	if !known || !slices.Contains(strings.FieldsFunc(format.Usage, notLetter), value) {
		return ""
	}
	return "Did you mean --format " + value + "?"
}

// unknownFlag is the name of the long flag cobra refused as unknown
// ("html" for --html or --html=x), and whether err is that refusal.
func unknownFlag(err error) (name string, ok bool) {
	name, ok = strings.CutPrefix(err.Error(), "unknown flag: --")
	name, _, _ = strings.Cut(name, "=")
	return name, ok
}

// formatNames are the formats the commands make, by the names someone may
// type for them.
var formatNames = map[string]string{
	"md": "md", "markdown": "md", "html": "html", "csv": "csv",
	"text": "text", "github": "github",
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// rootArgs takes no arguments. A plan file given to ladder itself, as
// "ladder plans/acme.yaml", is not opened (a mistyped command would then
// make a plan of that name) but answered with the command that opens it.
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 && (strings.HasSuffix(args[0], ".yaml") || strings.HasSuffix(args[0], ".yml")) {
		return usageErrorf("%q is not a command: to open a plan, run: ladder review %s", args[0], plans.CommandPath(args[0]))
	}
	return noArgsSuggesting(cmd, args)
}

// noArgsSuggesting is cobra.NoArgs for a command with sub-commands, that
// also suggests the one meant ("ladder revew", "ladder data improt"), as
// cobra.NoArgs does not.
func noArgsSuggesting(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		if cmd.SuggestionsMinimumDistance <= 0 {
			cmd.SuggestionsMinimumDistance = 2 // cobra sets it on the root alone
		}
		if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
			return usageErrorf("unknown command %q for %q\n\nDid you mean this?\n\t%s", args[0], cmd.CommandPath(), strings.Join(near, "\n\t"))
		}
	}
	return cobra.NoArgs(cmd, args)
}

// Main runs ladder with the given arguments and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// ladder runs in CI logs, and prints plan text from pull requests at
	// the start of lines: no line of it may be a GitHub Actions command.
	guardOut, guardErr := safetext.NewCommandGuard(stdout), safetext.NewCommandGuard(stderr)
	defer guardOut.Flush()
	defer guardErr.Flush()
	stdout, stderr = guardOut, guardErr
	root := Root()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	fitHelpToTerminal(root, stdout)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "ladder:", safetext.Terminal(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "ladder:", safetext.Terminal(err.Error()))
	if isUsageError(err) {
		return ExitUsage
	}
	return ExitProblems
}

// isUsageError recognises cobra's own argument errors, which it does not type.
func isUsageError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// Run is what main calls.
func Run() int { return Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }

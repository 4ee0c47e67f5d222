package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/spf13/cobra"
)

func newFmtCmd() *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Tidy plan files into their standard layout",
		Long: `Fmt rewrites plan files in the one standard layout ladder always writes:
every field in its usual order and place, each item under a comment with
its title, dates as YYYY-MM-DD, quotes only where YAML needs them. Run it
after editing a plan by hand, so the next change shows up in git as a
small, readable difference.

Only the layout changes, never what the plan says. A comment you write
above a key (an item, an action, a step) stays above it, one at the end
of a line stays at the end of that line, and one below the last key of a
block stays below it; ladder writes its own (each item's title) afresh. A
file with a mistake in it is
reported (FILE:LINE:COLUMN) and left exactly as it is, and so is one
with a slip 'ladder check' warns about (text after a "#" that YAML reads
as a comment, a list item joined to the one above it), which tidying
would make the plan's words for good. A file that is
already tidy is not touched at all, not even its modification time. A
file whose lines end CRLF (Windows) keeps CRLF: git shows only what
changed.

PATH can be plan files or folders, as for 'ladder check'; with no PATH,
the plans folder. The files rewritten are listed on standard output.

With --check nothing is written: the files that would change are listed
and the exit status is 1 if there are any, for CI.`,
		Example: `  # Tidy every plan in the plans folder
  ladder fmt

  # Tidy one plan
  ladder fmt plans/acme-spring.yaml

  # In CI: fail if a plan was committed untidy
  ladder fmt --check`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFmt(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, check)
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "write nothing; list the files that would change and exit 1 if there are any")
	return cmd
}

func runFmt(stdout, stderr io.Writer, args []string, check bool) error {
	files, err := planFiles("fmt", args)
	if err != nil {
		return err
	}
	var changed, bad, held int
	for _, path := range files {
		l := plans.CheckFolderFile(path, nil)
		switch {
		case l.Kind == plans.KindChecklist && l.Err == nil:
			continue // a custom checklist is the user's own file: leave it be
		case (l.Kind == plans.KindData || l.Kind == plans.KindBenchmark) && l.Err == nil:
			continue // workforce files are not plans: ladder check reads them
		case l.Err != nil:
			printError(stderr, l.Err)
			bad++
			continue
		}
		canonical := plans.Encode(l.Plan)
		if bytes.Equal(canonical, l.Data) {
			continue
		}
		if len(l.Warnings) > 0 {
			// A slip check warns about is text after a "#", a list item
			// joined to another, a non-breaking space at a value's end:
			// rewritten, the first stays a comment (the value stays cut
			// short) and the others are the plan's words, for good and
			// without a word.
			checkPrinter{w: stderr}.warnings(path, l.Warnings)
			fmt.Fprintf(stderr, "%s: not tidied: tidying would make what the warnings above point at the plan's words for good; put it right, then run ladder fmt again\n", safetext.LeadingPath(path))
			held++
			continue
		}
		if check {
			fmt.Fprintln(stdout, safetext.Line(path))
			changed++
			continue
		}
		// Someone may have saved the file since it was read; do not undo that.
		written, err := plans.ReplaceFile(path, l.Data, canonical)
		if errors.Is(err, plans.ErrChangedOnDisk) {
			fmt.Fprintf(stderr, "%s: changed while ladder fmt was reading it: left as it is, run ladder fmt again\n", safetext.Line(path))
			bad++
			continue
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: not rewritten: %s\n", safetext.Line(path), safetext.Line(err.Error()))
			bad++
			continue
		}
		if written {
			fmt.Fprintln(stdout, safetext.Line(path))
			changed++
		}
	}

	switch {
	case check && changed > 0:
		fmt.Fprintf(stderr, "%s of %d would be rewritten: run ladder fmt to tidy them\n", plural(changed, "file"), len(files))
	case changed > 0:
		fmt.Fprintf(stderr, "%s of %d rewritten\n", plural(changed, "file"), len(files))
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "%s with mistakes left as they are: fix the lines above, then run ladder fmt again\n", plural(bad, "file"))
	}
	if held > 0 {
		it := "they are"
		if held == 1 {
			it = "it is"
		}
		fmt.Fprintf(stderr, "%s with slips left as %s: put them right, then run ladder fmt again\n", plural(held, "file"), it)
	}
	if bad > 0 || held > 0 || (check && changed > 0) {
		return problemsFound()
	}
	return nil
}

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

func newChecklistsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "checklists",
		Short: "List the built-in checklists, or show one as YAML",
		Long: `A checklist is the list of recommendations a review goes through, with
the rating scale (such as Red, Amber, Green) and the follow-up questions.

ladder comes with three of the Social Mobility Commission's checklists
built in, word for word ('ladder checklists' shows each one's rating
scale). Which one:

` + builtinGuide() + `
'ladder checklists' lists them; a new review offers them; 'ladder new
--checklist ID' starts a plan on one. 'ladder checklists show' prints one
in full, as YAML you can copy and adapt into a checklist of your own (then
use it with --checklist FILE). With ACCESSIBLE set (or TERM=dumb), as for
ladder review --accessible, the list says each checklist in a sentence,
for a screen reader, in place of the table.`,
		Example: `  # What is built in?
  ladder checklists

  # Start a plan on the Building Blocks checklist
  ladder new plans/acme.yaml --org "Acme" --title "First steps" --checklist smc-building-blocks

  # Print the built-in checklist, then save a copy to adapt (with a new id)
  ladder checklists show smc-progression
  ladder checklists show smc-progression -o checklists/ours.yaml`,
		Args: noArgsSuggesting,
		RunE: func(cmd *cobra.Command, args []string) error {
			return listChecklists(cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.AddCommand(newChecklistsShowCmd())
	return cmd
}

func newChecklistsShowCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Print a checklist as YAML",
		Long: `Show prints a checklist as YAML on standard output: a built-in one
exactly as it ships, ready to copy and adapt, or your own checklist file
once it has been checked for mistakes (each reported as FILE:LINE:COLUMN).

With -o FILE the checklist is written to FILE byte for byte, its folder
made if need be, never over a file already there. Save a copy so in any
shell: Windows PowerShell's > writes UTF-16 and changes the dashes and
quotes of the Commission's words into other characters.

A copy to adapt needs an id of its own (its id: line) before plans are
made from it: ladder new refuses one that kept a built-in checklist's id.`,
		Example: `  ladder checklists show smc-progression
  ladder checklists show smc-progression -o checklists/ours.yaml
  ladder checklists show checklists/ours.yaml`,
		Args: exactlyOneArg("ladder checklists show needs one checklist: a built-in id (see ladder checklists) or a checklist file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return showChecklist(cmd.OutOrStdout(), cmd.ErrOrStderr(), typedPath(args[0]), out)
		},
	}
	outputFlag(cmd.Flags(), &out, "write the checklist to `FILE` (a new file) instead of standard output")
	return cmd
}

func listChecklists(stdout, stderr io.Writer) error {
	if wordsWanted() {
		sayChecklists(stdout)
	} else {
		var table bytes.Buffer
		tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tITEMS\tSCALE\tTITLE")
		for _, c := range checklist.Builtins() {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", c.ID, c.Len(), strings.Join(scaleLabels(c), "/"), c.Title)
		}
		tw.Flush()
		// The table is some 140 columns wide: at a terminal the titles wrap
		// whole words, not where the window's edge cuts them; into a pipe
		// each checklist stays one row.
		if _, err := stdout.Write(render.FitToWidth(table.Bytes(), terminalColumns(stdout))); err != nil {
			return err
		}
		fmt.Fprint(stderr, "\nWhich one:\n"+builtinGuide())
	}
	fmt.Fprintln(stderr, "\nStart a plan on one with: ladder new PLAN --checklist ID")
	fmt.Fprintln(stderr, "Print one with: ladder checklists show ID")
	return nil
}

// sayChecklists lists the built-in checklists for a screen reader (as
// status and history do): each in one sentence that names its items and
// scale and says what it is for, where the table's columns are read as a
// run of words and figures ("21 Red slash Amber slash Green"), and the
// guide below it said each checklist again, broken over lines.
func sayChecklists(stdout io.Writer) {
	builtins := checklist.Builtins()
	fmt.Fprintf(stdout, "%d checklists are built in:\n", len(builtins))
	for _, c := range builtins {
		labels := scaleLabels(c)
		rated := strings.Join(labels, " or ")
		if n := len(labels); n > 2 {
			rated = strings.Join(labels[:n-1], ", ") + " or " + labels[n-1]
		}
		use := strings.TrimSpace(checklist.Use(c.ID))
		if use != "" && !strings.HasSuffix(use, ".") {
			use += "."
		}
		fmt.Fprintf(stdout, "%s: %s. %d items, rated %s. %s\n", c.ID, strings.TrimSuffix(c.Title, "."), c.Len(), rated, use)
	}
}

// builtinGuide is what each built-in checklist is for (checklist.Use),
// as indented lines of at most 78 columns, each checklist's words beside
// its id.
func builtinGuide() string {
	const indent, width = 34, 78
	var b strings.Builder
	for _, c := range checklist.Builtins() {
		line := fmt.Sprintf("  %-*s", indent-2, c.ID)
		for _, w := range strings.Fields(checklist.Use(c.ID)) {
			if len(line)+1+len(w) > width && len(line) > indent { // never a line of the indent alone
				b.WriteString(strings.TrimRight(line, " ") + "\n")
				line = strings.Repeat(" ", indent)
			}
			if len(line) > indent {
				line += " "
			}
			line += w
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func showChecklist(stdout, stderr io.Writer, nameOrPath, out string) error {
	if data, ok := checklist.BuiltinSource(nameOrPath); ok {
		if out != "" {
			return writeChecklistCopy(stderr, out, data, fmt.Sprintf("a copy of %s to adapt. Give it an id of its own (its id: line) before making plans from it", nameOrPath))
		}
		if _, err := stdout.Write(data); err != nil {
			return err
		}
		// Most often saved as a template: the one change it needs first.
		fmt.Fprintln(stderr, "To adapt it, save a copy and give your copy an id of its own (the id: line) before making plans from it.")
		return nil
	}
	if _, _, err := resolveChecklist(stderr, nameOrPath); err != nil {
		return err
	}
	// Print the file as written, comments and all, not a re-encoding of it
	// (in UTF-8, where PowerShell's > wrote it in UTF-16).
	data, err := strictyaml.ReadFile(nameOrPath)
	if err != nil {
		return err
	}
	// The bytes printed are checked, not only the file's first reading:
	// one changed in between could hold an ESC for the terminal.
	if _, err := checklist.Parse(nameOrPath, data); err != nil {
		return fmt.Errorf("%s changed while ladder read it: run the command again", safetext.Line(nameOrPath))
	}
	data = strictyaml.FromUTF16(data)
	if out != "" {
		return writeChecklistCopy(stderr, out, data, "a copy of "+safetext.Line(plans.CommandPath(nameOrPath)))
	}
	_, err = stdout.Write(data)
	return err
}

// writeChecklistCopy writes a checklist to the file -o names, which must
// not be there yet: most often an adapted checklist would be lost.
func writeChecklistCopy(stderr io.Writer, out string, data []byte, what string) error {
	name := safetext.Line(out)
	there := &exitError{code: ExitProblems, err: fmt.Errorf("%s already exists, and ladder never writes over a file: choose another name, or delete it first", name)}
	if _, err := os.Lstat(out); err == nil {
		return there
	}
	if err := plans.FolderInside(out); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	// Created, not replaced: a file made since the look above (an editor
	// saving the copy being adapted, a second ladder) is not written over.
	if err := plans.CreateFileAtomic(out, data, 0o644); errors.Is(err, fs.ErrExist) {
		return there
	} else if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	fmt.Fprintf(stderr, "Wrote %s: %s.\n", safetext.Line(plans.CommandQuote(out)), what)
	return nil
}

// scaleLabels are the words of a checklist's rating scale, in its order:
// Red, Amber, Green.
func scaleLabels(c *checklist.Checklist) []string {
	labels := make([]string, len(c.Scale))
	for i, l := range c.Scale {
		labels[i] = l.Label
	}
	return labels
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	out    string
	today  string
	format string
	excel  bool
}

// reportFormats are the formats report writes. An -o name chooses among
// the first three: a .txt file has long held the Markdown (any text
// format), and text, the report in sentences, is asked for by name.
var reportFormats = []string{"md", "html", "csv", "text"}

func newReportCmd() *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report [PLAN] [--format md|html|csv|text] [-o FILE]",
		Short: "Turn a plan into a Markdown report, a web page or CSV, for a board, a check-in or a pull request",
		Long: `Report writes a plan as a Markdown document that people can read without
opening the YAML: who took part, a table of rating counts per area, every
item in checklist order with its rating and whatever the review said
about it (action, owner, due date, status, notes), the answers to the
next-steps questions, and the project plan in due-date order. Above the
items, every overdue action and step is listed with its owner (or "no
owner"), so a board sees what is late and whose it is first. Only what
was said is printed: an item nobody has looked at yet is one line, so a
plan of 21 items fits on two printed pages. After the items comes what
the checklist's sources (for the built-in checklist, the Social Mobility
Commission) advise on each item rated Red, with the document and section
each piece of advice comes from.

Ratings are shown as a shape and a word, such as ■ Red, ▲ Amber, ● Green
and ○ Unrated, so they read the same printed in black and white or by
anyone who does not see colour. Open actions whose due date has passed
are marked overdue, counted from today (or from --today).

The Markdown renders as it is on GitHub and GitLab, and keeps to the
default rules of markdownlint, so it can live in a docs folder that CI
lints. The same plan on the same day always gives the same report.

--format html writes one self-contained web page (no fonts, scripts or
images from elsewhere: it opens offline from an email attachment) with a
chart per area, every item, the next steps and the project plan, and,
when the plan is in git, a chart of its counts at every commit and what
changed since the previous commit, along the branch's own line as
ladder history shows it (a pull request merged with a merge commit is
one commit; in a shallow clone the page says older commits are not
shown). It prints on two A4 pages for a typical plan, and a third for
the advice on its Red items, and reads in greyscale; on a screen set
dark it is dark.

--format csv writes one row per item (area, item, recommendation, rating,
action, owner, due, status, notes, revisit: yes for an item flagged to
revisit) for a spreadsheet; --excel starts it with the byte-order mark
Excel needs to read UTF-8. A cell that starts with =, +, - or @ gets a
leading ' so that no spreadsheet runs it as a formula.

A plan begun with ladder new --from says near the top which review it
carried on from (organisation, date and file), each rating's count then
and now, and how many of its
actions and steps came from there, still open or done; it marks each
action and step that did: "Carried on: from the review of 2026-03-02",
with "(2 reviews ago)" for one carried on twice and "edited since" where
its words changed. What the previous review had open that the plan let
go (removed, or its item cleared) is counted beside it and listed as
"Not carried on" in Markdown and HTML. CSV then has one more column,
carried on from, that review's date, to filter last year's actions on. A
previous review no longer in the folder (removed with git rm once
carried on) is read from git, at HEAD or at the last commit that had it
(following a rename, such as a move to an archive folder removed later),
by the same rules, and the report says so. One that cannot be read
(moved, or outside the repository, which is never followed) is named as
the plan gives it, and nothing is marked. The reviews before it are read
20 back at most; standard error says when there were more. A plan
carried on since says, in Markdown and HTML, which review its open
actions are chased in ("Carried on to"), when its next_review hands them
on as ladder status reads it; it then counts none of them overdue, as
status and check do, and marks those past their due dates "overdue,
handed on".

--format text says the report in plain sentences, one to a line, for a
screen reader or a braille display: each area's counts named in a line
rather than a table, each item with its number in the checklist and its
rating in a word (no shapes), dates spelt out, no Markdown marks. With
ACCESSIBLE set (or TERM=dumb), as for ladder review --accessible, it is
what report writes to a terminal when --format is left out; into a pipe
or a file the report stays Markdown.

With no PLAN, report reads the only plan in plans/ (in plans kept a
folder per year, the only one in the newest year's, plans/2027/), or
the only one not carried on to a next review (this year's, beside last
year's that it carried on). The report goes to
standard output, or to FILE with -o (one line on standard error then
names the file written), whose name chooses the format when --format is
left out (-o acme.html writes a web page). A name that
contradicts --format is refused, and so is an .xlsx or .pdf name, which
ladder cannot write: the message says what to name the file instead.
The plan itself is never changed.`,
		Example: `  # Read it in the terminal, or save it beside the plan
  ladder report plans/acme-spring.yaml
  ladder report plans/acme-spring.yaml -o reports/acme-spring.md

  # As it will look on the day of the board meeting
  ladder report plans/acme-spring.yaml --today 2027-04-01

  # A page to email to the board, and a spreadsheet
  ladder report plans/acme-spring.yaml --format html -o acme-spring.html
  ladder report plans/acme-spring.yaml --format csv --excel -o acme-spring.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := formatOfOutput(cmd, &opts.format, opts.out, reportFormats[:3]...); err != nil {
				return err
			}
			if opts.out == "" && !cmd.Flags().Changed("format") && wordsWanted() && terminalColumns(cmd.OutOrStdout()) > 0 {
				// A screen reader at a terminal hears the report in
				// sentences; redirected, it stays the document it was.
				opts.format = "text"
			}
			path, err := onePlanArg("report", args)
			if err != nil {
				return err
			}
			return runReport(cmd.OutOrStdout(), cmd.ErrOrStderr(), path, opts)
		},
	}
	f := cmd.Flags()
	outputFlag(f, &opts.out, "write the report to `FILE` instead of standard output (a .html or .csv name chooses that --format)")
	f.StringVar(&opts.today, "today", "", "the date to count overdue actions from, as `YYYY-MM-DD` (default: today)")
	f.StringVar(&opts.format, "format", "md", "the output `FORMAT`: md (Markdown), html (one web page), csv (a spreadsheet) or text (sentences, for a screen reader)")
	f.BoolVar(&opts.excel, "excel", false, "with --format csv, start the file with a UTF-8 byte-order mark for Excel")
	return cmd
}

func runReport(stdout, stderr io.Writer, path string, opts reportOptions) error {
	today, err := todayFlag(opts.today)
	if err != nil {
		return err
	}
	if err := formatChoice(opts.format, opts.excel, reportFormats...); err != nil {
		return err
	}
	if err := checkOutput(opts.out, path); err != nil {
		return err
	}
	p, err := loadPlan(stderr, path)
	if err != nil {
		return err
	}
	data := renderReport(stderr, path, p, today, opts)
	if cols := terminalColumns(stdout); opts.format == "text" && opts.out == "" && cols > 0 {
		// In a terminal, wrapped at spaces as status and history are,
		// not cut mid-word at the window's edge.
		data = render.FitToWidth(data, cols)
	}
	if err := writeOutputSaying(stdout, stderr, opts.out, outputWhat("the report", opts.format, opts.excel), data); err != nil {
		return err
	}
	if opts.out == "" && opts.format == "html" {
		page := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".html"
		sayHowToSavePage(stdout, stderr, page)
	}
	return nil
}

// sayHowToSavePage follows a web page written to a terminal, a screenful
// of markup that nobody reads there, with how to save it to open in a
// browser: the same command with -o and a file name such as page. Into a
// pipe or a file, nothing is said.
func sayHowToSavePage(stdout, stderr io.Writer, page string) {
	if terminalColumns(stdout) > 0 {
		fmt.Fprintf(stderr, "That is a web page: to open it in a browser, run this again with -o %s\n", safetext.Line(plans.CommandQuote(page)))
	}
}

// The helpers below are shared by report, diff, history and status: the
// commands that read plans and print what they find.

// todayFlag reads --today, defaulting to the local date.
func todayFlag(value string) (plans.Date, error) {
	if value == "" {
		return plans.Today(), nil
	}
	return dateFlag("today", value)
}

// checkOutput refuses an -o FILE that would overwrite a plan: one of the
// inputs, or any .yaml file. These commands never change a plan.
func checkOutput(out string, inputs ...string) error {
	if out == "" {
		return nil
	}
	if plans.IsPlanFile(out) {
		return usageErrorf("-o %s: that name is for plan files, and this command never writes one; choose a name such as report.md", out)
	}
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil
	}
	if outInfo.IsDir() {
		return usageErrorf("-o %s is a folder: give a file name, such as %s/report.md", out, out)
	}
	for _, in := range inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(info, outInfo) {
			return usageErrorf("-o %s is the plan being read: choose another file name", out)
		}
	}
	return nil
}

// writeOutputSaying writes data to standard output, or atomically to out
// (making its folder if needed), so a reader never sees half a report.
// For -o FILE it says on stderr which file it wrote and what is in it
// ("Wrote acme.html: the report as a web page."), or that the file held
// those bytes already: without a word, a person who typed -o cannot tell
// it worked, or where the file went. Standard output stays empty, for a
// pipe.
func writeOutputSaying(stdout, stderr io.Writer, out, what string, data []byte) error {
	return writeOutputFromSaying(stdout, stderr, out, what, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeOutputFromSaying is writeOutputSaying for output written as it is
// made.
func writeOutputFromSaying(stdout, stderr io.Writer, out, what string, write func(io.Writer) error) error {
	written, err := writeOutputFile(stdout, out, write)
	if err != nil || out == "" {
		return err
	}
	name := safetext.Line(plans.CommandQuote(out))
	if written {
		fmt.Fprintf(stderr, "Wrote %s: %s.\n", name, what)
	} else {
		fmt.Fprintf(stderr, "%s was up to date already: left as it was.\n", name)
	}
	return nil
}

// writeOutputFile writes output as it is made (see
// plans.WriteFileAtomicFrom): what write writes goes to standard output,
// or to a temporary file that then replaces out, unless out already holds
// the same bytes. It says whether out was written (false for standard
// output, and for a file that already held the same bytes).
func writeOutputFile(stdout io.Writer, out string, write func(io.Writer) error) (bool, error) {
	if out == "" {
		return false, write(stdout)
	}
	if err := plans.FolderInside(out); err != nil {
		return false, fmt.Errorf("writing %s: %w", safetext.Line(out), err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return false, fmt.Errorf("writing %s: %w", out, err)
	}
	written, err := plans.WriteFileAtomicFrom(out, 0o644, write)
	if err != nil {
		return false, fmt.Errorf("writing %s: %w", out, err)
	}
	return written, nil
}

// loadPlan reads one plan named on the command line. A file that is not
// there is a usage error (exit 2); a plan with mistakes has each printed as
// FILE:LINE:COLUMN on w (exit 1).
func loadPlan(w io.Writer, path string) (*plans.Plan, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, usageErrorf("%s is a folder: name a plan file in it", path)
	}
	p, err := plans.LoadFile(path, nil)
	if err == nil {
		return p, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usageErrorf("%s does not exist: %s", path, checkSpelling(path))
	}
	return nil, planProblems(w, path, err, "fix the plan, then run this again")
}

// planProblems prints a plan's load error and ends the command with exit 1.
// hint says what to do about it.
func planProblems(w io.Writer, name string, err error, hint string) error {
	var fe *plans.FileError
	if !errors.As(err, &fe) {
		return &exitError{code: ExitProblems, err: fmt.Errorf("%s: %v", safetext.Line(name), err)}
	}
	fmt.Fprintln(w, err)
	return &exitError{code: ExitProblems, err: fmt.Errorf("%s has %s (listed above): %s",
		safetext.Line(name), plural(len(fe.Problems), "problem"), hint)}
}

// formatFlag checks a --format value.
func formatFlag(value string) error {
	if value != "text" && value != "md" {
		return usageErrorf("--format %s: use text or md", value)
	}
	return nil
}

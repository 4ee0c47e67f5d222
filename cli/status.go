package cli

import (
	"fmt"
	"io"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

// statusMemoryBudget is how much of its list status keeps in memory
// before writing it to a temporary file (tests make it small).
var statusMemoryBudget = plans.DefaultMemoryBudget

// statusFormats are the formats status writes.
var statusFormats = []string{"text", "md", "html", "csv"}

type statusOptions struct {
	today  string
	out    string
	by     string
	format string
	excel  bool
}

func newStatusCmd() *cobra.Command {
	var opts statusOptions
	cmd := &cobra.Command{
		Use:   "status [DIR]",
		Short: "List the open actions across every plan in a folder: overdue, due soon, later",
		Long: `Status reads every plan in a folder (plans/ unless you name another, and
its sub-folders) and lists the actions that are not done yet: item actions
and project-plan steps. They are grouped as

  Overdue                   due before today
  Due in the next 30 days   due today or within 30 days
  Later                     due after that
  No due date               open, but nobody has said when

each with its due date, how late or how soon, its owner, its plan and what
it is, then each plan's totals with its organisation and title. It is the
"what do we chase this month" list. In a terminal it wraps to the
window's width; in a file or a pipe each action stays on one line.

--by owner groups the actions by who has to do them; --by plan by plan,
each under its organisation and title with its totals. --format md gives
Markdown for a monthly check-in issue; --format html one self-contained
web page for the manager or the board to open from an email (nothing to
fetch, printable on A4, readable on a phone; late actions marked "⚠ 12
days late"); and --format csv one row per action for a spreadsheet
(--excel adds the byte-order mark Excel needs to read UTF-8; a cell that
starts with =, +, - or @ gets a leading ' so that no spreadsheet runs it
as a formula). With -o, one line on standard error names the file
written, and the file's name chooses the format when --format is left
out (-o actions.csv writes CSV, -o chase.html a web page); an .xlsx
name is refused, since ladder writes no workbook: name it .csv and add
--excel.

A plan carried on to its next review ('ladder new --from') has its open
actions chased in that review: they are listed under the new plan, and
the old one gets one line under "Next reviews" (carried on to ...). A
next_review that leads to no plan hands nothing on: its actions stay on
the list, and its line says why.

A year after an organisation's last review (its newest plan, which names
no next review), or within 30 days of it, the list ends with "Reviews to
begin": when the next review is due, and the ladder new --from that
begins it from that plan. A suggestion: nothing fails on it.

A plan that does not load is reported on standard error, the list says
how many files are missing from it, and the exit status is 1, so a
broken file never hides its actions silently. Plans are
only read, never changed.

With ACCESSIBLE set (or TERM=dumb), as for ladder review --accessible,
each action is said as a sentence for a screen reader, naming its
figures: "Overdue by 12 days, due 14 February 2027: Write a one-page
vision. Owner Ana. Plan Acme: Spring review (plans/acme.yaml)."; when
every action is in one plan, it is named once, after the first line.`,
		Example: `  # What to chase this month
  ladder status

  # Another folder, as it will look on the first of April
  ladder status reviews/ --today 2027-04-01

  # Who has what to do, as Markdown for the monthly check-in issue
  ladder status --by owner --format md -o check-in.md

  # The list as a web page, to send to the board
  ladder status --format html -o chase.html

  # Every open action, for a spreadsheet
  ladder status --format csv --excel -o actions.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("status takes one folder: ladder status [DIR] (see ladder status --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := formatOfOutput(cmd, &opts.format, opts.out, statusFormats...); err != nil {
				return err
			}
			return runStatus(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.today, "today", "", "the date to count from, as `YYYY-MM-DD` (default: today)")
	outputFlag(f, &opts.out, "write the list to `FILE` instead of standard output (a .md, .html or .csv name chooses that --format)")
	f.StringVar(&opts.by, "by", "due", "group the actions by `GROUP`: due (when they are due), owner, or plan")
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text for the terminal, md for Markdown, html for a web page, or csv for a spreadsheet")
	f.BoolVar(&opts.excel, "excel", false, "with --format csv, start the file with a UTF-8 byte-order mark for Excel")
	return cmd
}

func runStatus(stdout, stderr io.Writer, args []string, opts statusOptions) error {
	today, err := todayFlag(opts.today)
	if err != nil {
		return err
	}
	if err := checkOutput(opts.out); err != nil {
		return err
	}
	by := render.StatusBy(opts.by)
	if by != render.ByDue && by != render.ByOwner && by != render.ByPlan {
		return usageErrorf("--by %s: use due, owner or plan", opts.by)
	}
	if err := formatChoice(opts.format, opts.excel, statusFormats...); err != nil {
		return err
	}
	files, err := planFiles("status", args)
	if err != nil {
		return err
	}
	dir := plans.DefaultDir
	if len(args) == 1 {
		dir = args[0]
	}

	// Plans load on every core and are used in file order; of each, only
	// its open actions are kept, compactly, and past a budget they are
	// written to a temporary file (see plans.Outstanding). A folder of ten
	// thousand plans is never held at once, nor its list.
	type loaded struct {
		err     error
		info    plans.PlanInfo
		actions []plans.PlanAction
	}
	defer collectLate()()
	o := render.NewStatusList(today, by)
	defer o.Close()
	o.SetMemoryBudget(statusMemoryBudget)
	var copies []string
	bad := 0
	var listErr error
	resolve := plans.SharedChecklists(nil)
	links := plans.NewLinks()   // this run's: a plan edited before the next run is read again
	names := newFileList(files) // the []string is garbage from here
	inOrder(names.len(), func(i int) loaded {
		loadDone := links.Loading(names.at(i))
		l := plans.ReadFolderFile(names.at(i), resolve)
		r := loaded{err: l.Err}
		if l.Plan != nil && l.Err == nil {
			links.Loaded(l.Path, l.Plan)
		}
		loadDone()
		if l.Plan != nil {
			// A plan carried on to its next review: its actions are
			// listed under that plan, and this one says so.
			r.info, r.actions = links.ToChase(l.Path, l.Plan)
		}
		return r
	}, func(i int, r loaded) {
		_, isCopy := plans.ConflictCopyOf(names.at(i))
		switch {
		case r.err != nil:
			printError(stderr, r.err)
			bad++
		case r.info.Path != "" && isCopy: // x.copy-1.yaml: counted in x.yaml already
			copies = append(copies, names.at(i))
		case r.info.Path != "" && listErr == nil:
			listErr = o.Add(r.info, r.actions)
		}
	})
	if listErr != nil {
		return listErr
	}
	o.NotLoaded = bad
	err = writeOutputFromSaying(stdout, stderr, opts.out, outputWhat("the open actions", opts.format, opts.excel), func(w io.Writer) error {
		switch opts.format {
		case "md":
			return render.WriteStatusMarkdown(w, o, dir)
		case "html":
			return render.WriteStatusHTML(w, o, dir)
		case "csv":
			return render.WriteStatusCSV(w, o, opts.excel)
		}
		write := render.WriteStatusText
		if wordsWanted() {
			write = render.WriteStatusWords
		}
		if cols := terminalColumns(stdout); opts.out == "" && cols > 0 {
			// In a terminal, wrapped at spaces, not cut at the edge.
			fw := render.NewFitWriter(w, cols)
			if err := write(fw, o, dir); err != nil {
				return err
			}
			return fw.Flush()
		}
		return write(w, o, dir)
	})
	if err != nil {
		return err
	}
	if opts.out == "" && opts.format == "html" {
		sayHowToSavePage(stdout, stderr, "chase.html")
	}
	for _, c := range copies {
		fmt.Fprintln(stderr, plans.ConflictCopyNote(c))
	}
	if bad > 0 {
		them := "their actions are"
		if bad == 1 {
			them = "its actions are"
		}
		return &exitError{code: ExitProblems, err: fmt.Errorf("%s did not load (see above), so %s not in this list: run ladder check %s for every problem",
			plural(bad, "file"), them, plans.CommandPath(dir))}
	}
	return nil
}

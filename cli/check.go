package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/socialmobility/ladder/plans"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	overdue   bool
	today     string
	checklist string
}

func newCheckCmd() *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check plan files for mistakes (and, with --overdue, for late actions)",
		Long: `Check reads plan files and tells you what is wrong with them: a
misspelt rating, a date that does not exist, a line your editor broke, a
leftover git conflict. Each mistake is printed on its own line as

  FILE:LINE:COLUMN: what is wrong

so you can go straight to it (many editors and CI systems turn these lines
into links). A one-line summary follows on standard error. Fix what it
reports and run it again: some mistakes only show up once the ones
reported before them are fixed.

PATH can be plan files or folders; folders are searched for .yaml and .yml
files, skipping hidden ones. With no PATH, the plans folder is checked.
A custom checklist kept in the folder is checked as a checklist.

With --overdue, check also lists every action that is not done and whose
due date has passed (item actions and project-plan steps), and fails if
there are any: handy as a weekly reminder or a CI job.

Exit status: 0 when everything is fine, 1 when a mistake or an overdue
action was found, 2 when the command itself was called wrongly.`,
		Example: `  # Check every plan in the plans folder
  ladder check

  # Check one plan, or a whole folder
  ladder check plans/acme-spring.yaml
  ladder check reviews/

  # Also fail on actions that are late
  ladder check --overdue

  # Pretend it is another day (for tests and what-ifs)
  ladder check --overdue --today 2027-04-01`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.overdue, "overdue", false, "also report open actions whose due date has passed, and fail on them")
	f.StringVar(&opts.today, "today", "", "the date to count as today for --overdue, as `YYYY-MM-DD` (default: today)")
	f.StringVar(&opts.checklist, "checklist", "", "check against this checklist, a built-in `ID` or a checklist FILE, instead of the one each plan names")
	return cmd
}

func runCheck(stdout, stderr io.Writer, args []string, opts checkOptions) error {
	today := plans.Today()
	if opts.today != "" {
		if !opts.overdue {
			return usageErrorf("--today only matters with --overdue: add --overdue")
		}
		var err error
		if today, err = dateFlag("today", opts.today); err != nil {
			return err
		}
	}
	var resolve plans.Resolver
	if opts.checklist != "" {
		c, _, err := resolveChecklist(stdout, opts.checklist)
		if err != nil {
			return err
		}
		resolve = plans.WithChecklist(c)
	}
	files, err := planFiles("check", args)
	if err != nil {
		return err
	}

	var valid, bad, problems, overdue int
	// Load on every core, report in file order.
	for i, l := range loadFiles(files, resolve) {
		path := files[i]
		if l.Err != nil {
			fmt.Fprintln(stdout, l.Err)
			bad++
			problems += plans.ProblemCount(l.Err)
			continue
		}
		valid++
		if opts.overdue && l.Plan != nil {
			overdue += reportOverdue(stdout, path, l.Plan, today)
		}
	}

	summary := fmt.Sprintf("%s checked: %d valid", plural(len(files), "file"), valid)
	if bad > 0 {
		summary += fmt.Sprintf(", %d with %s", bad, plural(problems, "problem"))
	}
	if opts.overdue {
		if overdue == 0 {
			summary += "; no overdue actions"
		} else {
			summary += "; " + plural(overdue, "overdue action")
		}
	}
	if len(files) == 0 {
		summary += " (no .yaml or .yml files found)"
	}
	fmt.Fprintln(stderr, summary)
	if bad > 0 || overdue > 0 {
		return problemsFound()
	}
	return nil
}

// reportOverdue prints one line per overdue action, at its due date, in
// file order.
func reportOverdue(w io.Writer, path string, p *plans.Plan, today plans.Date) int {
	late := p.Overdue(today)
	slices.SortStableFunc(late, func(a, b plans.Action) int {
		la, ca := p.Position(a)
		lb, cb := p.Position(b)
		return cmp.Or(cmp.Compare(la, lb), cmp.Compare(ca, cb))
	})
	for _, a := range late {
		line, col := p.Position(a)
		owner := "owner " + a.Owner
		if a.Owner == "" {
			owner = "no owner"
		}
		days := a.Due.DaysUntil(today)
		fmt.Fprintf(w, "%s:%d:%d: overdue: %s (%s, due %s, %s ago)\n",
			path, line, col, actionText(a), owner, a.Due, plural(days, "day"))
	}
	return len(late)
}

func actionText(a plans.Action) string {
	if t := firstLine(a.Text); t != "" {
		return t
	}
	if a.ItemID != "" {
		return "the action for " + a.ItemID
	}
	return fmt.Sprintf("step %d of %s", a.StepID, a.FollowUpID)
}

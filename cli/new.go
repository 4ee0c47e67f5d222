package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/spf13/cobra"
)

type newOptions struct {
	org, title   string
	checklist    string
	date         string
	facilitator  string
	participants []string
}

func newNewCmd() *cobra.Command {
	var opts newOptions
	cmd := &cobra.Command{
		Use:   "new PLAN --org NAME --title TEXT",
		Short: "Create a new, unrated plan file",
		Long: `New writes a fresh plan file for a review: your organisation, a title,
the date, and every item of the checklist waiting to be rated. Nothing is
rated yet and no screen opens, so you can prepare plans before a workshop
or from a script.

PLAN is the file to write, ending in .yaml; its folder is created if
needed. New never overwrites a file that already exists.

The plan follows the built-in Social Mobility Commission checklist unless
you choose another with --checklist: a built-in id (see 'ladder
checklists') or your own checklist file. A checklist file's location is
recorded in the plan by its path from the plan's folder: if you move one,
move the other with it.

The path written is printed on standard output. When the folder holds
other plans of the same organisation (last year's review), new lists
them with the actions each still has open: those stay on 'ladder
status', and on 'ladder check --overdue' once late, until they are
marked done in their own plan.`,
		Example: `  # A plan for today's review
  ladder new plans/acme-spring.yaml --org "Acme Café Ltd" --title "Spring review"

  # Prepared ahead of a workshop, with the people taking part
  ladder new plans/acme-spring.yaml --org "Acme Café Ltd" --title "Spring review" \
    --date 2027-03-14 --facilitator "Sam Patel" --participant Ana --participant Ben

  # With your own checklist
  ladder new plans/acme.yaml --org "Acme" --title "Our own review" --checklist checklists/ours.yaml`,
		Args: exactlyOneArg("ladder new needs the plan file to write, e.g. ladder new plans/acme.yaml --org \"Acme\" --title \"Spring review\""),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNew(cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.org, "org", "", "the organisation's `NAME` (required)")
	f.StringVar(&opts.title, "title", "", "the title of this review, as `TEXT` such as \"Spring review\" (required)")
	f.StringVar(&opts.checklist, "checklist", checklist.DefaultID, "the checklist to follow: a built-in `ID` or a checklist FILE")
	f.StringVar(&opts.date, "date", "", "the date of the review, as `YYYY-MM-DD` (default: today)")
	f.StringVar(&opts.facilitator, "facilitator", "", "the `NAME` of whoever runs the review")
	f.StringArrayVar(&opts.participants, "participant", nil, "the `NAME` of someone taking part (repeat for each person)")
	return cmd
}

func runNew(stdout, stderr io.Writer, path string, opts newOptions) error {
	if strings.TrimSpace(opts.org) == "" {
		return usageErrorf("ladder new needs --org: the name of the organisation under review, e.g. --org \"Acme Café Ltd\"")
	}
	if strings.TrimSpace(opts.title) == "" {
		return usageErrorf("ladder new needs --title: a name for this review, e.g. --title \"Spring review\"")
	}
	if !plans.IsPlanFile(path) {
		return usageErrorf("%s: a plan file name should end in .yaml (and not start with a dot), so that ladder check finds it: try %s",
			path, suggestPlanName(path))
	}
	date := plans.Today()
	if opts.date != "" {
		var err error
		if date, err = dateFlag("date", opts.date); err != nil {
			return err
		}
	}
	c, isFile, err := resolveChecklist(stderr, opts.checklist)
	if err != nil {
		return err
	}

	p := plans.New(c, opts.org, opts.title, date)
	p.Facilitator = opts.facilitator
	p.Participants = opts.participants
	if isFile {
		if p.ChecklistRef.File, err = plans.ChecklistFileRef(filepath.Dir(path), opts.checklist); err != nil {
			return err
		}
	}

	if _, err := os.Lstat(path); err == nil {
		return exists(path)
	}
	if err := plans.FolderInside(path); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if _, err := plans.Create(path, p); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return exists(path)
		}
		return err
	}
	fmt.Fprintln(stdout, path)
	q := plans.CommandQuote(path)
	fmt.Fprintf(stderr, "Wrote a new plan for %s with %s to rate.\nNext: run ladder review %s to go through it item by item,\nor fill it in with any text editor and run ladder check %s\n",
		opts.org, plural(c.Len(), "item"), q, q)
	earlierReviews(stderr, path, p)
	return nil
}

// earlierReviews tells someone starting next year's review what became of
// last year's: the plans beside the new one for the same organisation,
// with how many actions each still has open (they stay on ladder status,
// and fail ladder check --overdue once late, until they are marked done
// there), and the ladder diff that compares this one with the newest on
// the same checklist (diff refuses two checklists' plans). Plans that do
// not load are ladder check's business, not this hint's.
func earlierReviews(w io.Writer, path string, plan *plans.Plan) {
	org := plan.Organisation
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type earlier struct {
		path, title string
		date        plans.Date
		open        int
		comparable  bool // diff compares it with the new plan
	}
	var found []earlier
	anyOpen := false
	firstWord := []byte(strings.ToLower(strings.Fields(org)[0]))
	for _, e := range entries {
		other := filepath.Join(dir, e.Name())
		if !e.Type().IsRegular() || !plans.IsPlanFile(e.Name()) || other == filepath.Clean(path) {
			continue
		}
		data, err := strictyaml.ReadFile(other)
		// Only a file with the organisation's first word in it is parsed,
		// so that a folder of thousands of plans costs a read each, not a
		// load.
		if err != nil || !bytes.Contains(bytes.ToLower(data), firstWord) {
			continue
		}
		p, err := plans.Parse(other, data, nil)
		if err != nil || !plans.SameOrganisation(p.Organisation, org) {
			continue
		}
		open := len(p.ActionsToChase())
		anyOpen = anyOpen || open > 0
		found = append(found, earlier{other, p.Title, p.Date, open, len(plans.Unrelated(p, plan)) == 0})
	}
	if len(found) == 0 {
		return
	}
	slices.SortStableFunc(found, func(a, b earlier) int { return a.date.Compare(b.date) })
	fmt.Fprintf(w, "\n%s has %s here already:\n", safetext.Line(org), plural(len(found), "other plan"))
	for _, e := range found {
		fmt.Fprintf(w, "  %s (%s, %s): %s open\n", safetext.Line(e.path), safetext.Line(e.title), e.date, plural(e.open, "action"))
	}
	if anyOpen {
		fmt.Fprintln(w, "Open actions stay on ladder status, and on ladder check --overdue once late,\nuntil they are marked done in their own plan.")
	}
	last := -1
	for i, e := range found {
		if e.comparable {
			last = i // found is oldest first
		}
	}
	if last < 0 {
		fmt.Fprintf(w, "None of them follows the same checklist as this one (%s), so\nladder diff cannot compare them with it.\n", safetext.Line(plan.ChecklistRef.ID))
		return
	}
	fmt.Fprintf(w, "Once this review is rated, compare the two:\n  ladder diff %s %s\n",
		safetext.Line(plans.CommandQuote(found[last].path)), safetext.Line(plans.CommandQuote(path)))
}

// suggestPlanName turns a file name ladder check would skip into one it finds.
func suggestPlanName(path string) string {
	dir, base := filepath.Split(path)
	base = strings.TrimLeft(strings.TrimSuffix(base, filepath.Ext(base)), ".")
	if base == "" {
		base = "plan"
	}
	return dir + base + ".yaml"
}

func exists(path string) error {
	return &exitError{code: ExitProblems, err: fmt.Errorf(
		"%s already exists, and ladder new never overwrites a plan: choose another file name", path)}
}

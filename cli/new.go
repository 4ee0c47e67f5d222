package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	"github.com/socialmobility/ladder/workforce"
	"github.com/spf13/cobra"
)

type newOptions struct {
	org, title   string
	checklist    string
	from         string
	checklistSet bool // --checklist was given, not left to its default
	date         string
	facilitator  string
	participants []string
}

func newNewCmd() *cobra.Command {
	var opts newOptions
	cmd := &cobra.Command{
		Use:   "new PLAN --org NAME --title TEXT | new PLAN --from LAST --title TEXT",
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

Next year's review carries on from last year's with --from LAST: the
new plan takes LAST's organisation, facilitator, participants and
checklist (unless you give others), and each action and project-plan
step LAST still has open, with its owner, due date and status, to rate
afresh. LAST gets one line, next_review, naming the new plan: from then
on 'ladder status' and 'ladder check --overdue' chase those actions in
the new plan alone. Commit both files.

The path written is printed on standard output. When the folder holds
other plans of the same organisation (last year's review) and you did
not use --from, new lists them (the newest 10) with the actions each
still has open (a folder named after a year, such as plans/2027,
counts the other years' folders beside it, plans/2026 and so on):
those stay on 'ladder status', and on 'ladder check --overdue' once late,
until they are marked done in their own plan.`,
		Example: `  # A plan for today's review
  ladder new plans/acme-spring.yaml --org "Acme Café Ltd" --title "Spring review"

  # Prepared ahead of a workshop, with the people taking part
  ladder new plans/acme-spring.yaml --org "Acme Café Ltd" --title "Spring review" \
    --date 2027-03-14 --facilitator "Sam Patel" --participant Ana --participant Ben

  # With your own checklist
  ladder new plans/acme.yaml --org "Acme" --title "Our own review" --checklist checklists/ours.yaml

  # Next year's review, carrying on last year's open actions
  ladder new plans/acme-2027.yaml --from plans/acme-2026.yaml --title "Review 2027"`,
		Args: exactlyOneArg("ladder new needs the plan file to write, e.g. ladder new plans/acme.yaml --org \"Acme\" --title \"Spring review\""),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.checklistSet = cmd.Flags().Changed("checklist")
			opts.from, opts.checklist = typedPath(opts.from), typedPath(opts.checklist)
			return runNew(cmd.OutOrStdout(), cmd.ErrOrStderr(), typedPath(args[0]), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.org, "org", "", "the organisation's `NAME` (required)")
	f.StringVar(&opts.title, "title", "", "the title of this review, as `TEXT` such as \"Spring review\" (required)")
	f.StringVar(&opts.checklist, "checklist", checklist.DefaultID, "the checklist to follow: a built-in `ID` or a checklist FILE")
	f.StringVar(&opts.date, "date", "", "the date of the review, as `YYYY-MM-DD` (default: today)")
	f.StringVar(&opts.facilitator, "facilitator", "", "the `NAME` of whoever runs the review")
	f.StringArrayVar(&opts.participants, "participant", nil, "the `NAME` of someone taking part (repeat for each person)")
	f.StringVar(&opts.from, "from", "", "carry on from last review's `PLAN`: its open actions, checklist, organisation and people")
	return cmd
}

func runNew(stdout, stderr io.Writer, path string, opts newOptions) error {
	if opts.from == "" && strings.TrimSpace(opts.org) == "" {
		return usageErrorf("ladder new needs --org: the name of the organisation under review, e.g. --org \"Acme Café Ltd\"")
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
	if strings.TrimSpace(opts.title) == "" {
		example := "Spring review"
		if opts.from != "" {
			example = nextTitleExample(opts.from, date)
		}
		return usageErrorf("ladder new needs --title: a name for this review, e.g. --title %s", titleQuote(example))
	}
	// With --from, a plan there may be this carry-on's own, written by a
	// run killed before last year's got its line: plans.CreateNext
	// finishes it, and refuses any other plan as this does.
	_, err := os.Lstat(path)
	there := err == nil
	if there && opts.from == "" {
		return exists(path)
	}
	n := review.NewPlan{Path: path, Organisation: opts.org, Title: opts.title,
		Facilitator: opts.facilitator, Participants: opts.participants, Today: date}
	if opts.from != "" {
		prev, err := openPrevious(stderr, opts)
		if err != nil {
			return err
		}
		n.Previous = prev
		// Left out, the people come across with the plan: the same team
		// reviews next year.
		n.Organisation = cmp.Or(strings.TrimSpace(opts.org), prev.Plan.Organisation)
		n.Facilitator = cmp.Or(opts.facilitator, prev.Plan.Facilitator)
		if opts.participants == nil {
			n.Participants = prev.Plan.Participants
		}
	} else {
		c, isFile, err := resolveChecklist(stderr, opts.checklist)
		if err != nil {
			return err
		}
		n.Checklist = c
		if isFile {
			if err := c.TakesBuiltinID(opts.checklist); err != nil {
				printError(stderr, err)
				return problemsFound()
			}
			n.ChecklistFile = opts.checklist
		}
	}

	s, err := review.Create(n, nil)
	switch {
	case s == nil && errors.Is(err, fs.ErrExist):
		return exists(path)
	case s == nil && n.Previous != nil:
		return notCarried(n.Previous, path, opts.title, err)
	case s == nil:
		return err
	}
	fmt.Fprintln(stdout, path)
	q := safetext.Line(plans.CommandPath(path))
	if there { // carried on again, once cut short: the plan is as it was left
		fmt.Fprintf(stderr, "Finished carrying on: %s was written already, by a run cut short; it is left as it is.\n", q)
	} else {
		sayNote(stderr, fmt.Sprintf("Wrote a new plan for %s with %s to rate.",
			safetext.Line(s.Plan().Organisation), plural(s.Checklist().Len(), "item")))
	}
	if n.Previous != nil {
		return carriedOn(stderr, s, n.Previous.Path, err)
	}
	sayNext(stderr, q)
	earlierReviews(stderr, path, s.Plan(), opts)
	return nil
}

// nextTitleExample is the title ladder new --from suggests when none is
// given: the one ladder status and the carry-on form suggest for the
// review after the plan at from (plans.NextReviewNames: "Spring review"
// becomes "Spring review 2027"), or "Review 2027" where that plan does
// not load (openPrevious says why once a title is given).
func nextTitleExample(from string, date plans.Date) string {
	prev, err := plans.Open(from, nil)
	if err != nil {
		return fmt.Sprintf("Review %d", date.Year)
	}
	defer prev.Close()
	p := prev.Plan
	_, title := plans.NextReviewNames(from, p.Title, p.Date.Year, plans.NextReviewYear(p.Date, date))
	return title
}

// titleQuote quotes a title for the shell as a person types it, in
// double quotes ("Spring review 2027"), or in single quotes
// (plans.ShellQuote) where a shell would read something inside them.
func titleQuote(title string) string {
	if !plans.DoubleQuotable(title) {
		return safetext.Line(plans.ShellQuote(title))
	}
	return `"` + safetext.Line(title) + `"`
}

// openPrevious opens the plan --from names, for a review that carries it
// on. A --checklist other than its own is refused: the carried actions
// belong to its checklist's items.
func openPrevious(stderr io.Writer, opts newOptions) (*plans.File, error) {
	if _, err := os.Stat(opts.from); errors.Is(err, fs.ErrNotExist) {
		if hint := didYouMean(opts.from); hint != "" {
			return nil, usageErrorf("--from %s: no such plan file: %s", opts.from, hint)
		}
		return nil, usageErrorf("--from %s: no such plan file", opts.from)
	}
	prev, err := plans.Open(opts.from, nil)
	if err != nil {
		printError(stderr, err)
		fmt.Fprintf(stderr, "%s does not load, so nothing was written: fix the lines above (ladder check %s), then run this again.\n",
			safetext.Line(opts.from), safetext.Line(plans.CommandQuote(opts.from)))
		return nil, problemsFound()
	}
	if opts.checklistSet && !sameChecklist(stderr, prev, opts.checklist) {
		return nil, usageErrorf("%s follows checklist %s, and --checklist names %s: a review carries on only on the same checklist (leave out --checklist)",
			opts.from, safetext.Line(prev.Plan.ChecklistRef.ID), opts.checklist)
	}
	return prev, nil
}

// sameChecklist reports whether the --checklist flag names the checklist
// prev follows: its built-in id, or the file it names.
func sameChecklist(stderr io.Writer, prev *plans.File, flag string) bool {
	c, isFile, err := resolveChecklist(stderr, flag)
	if err != nil || c.ID != prev.Plan.Checklist.ID || isFile != (prev.Plan.ChecklistRef.File != "") {
		return false
	}
	if !isFile {
		return true
	}
	file, err := plans.ChecklistPath(prev.Plan.ChecklistRef.File, filepath.Dir(prev.Path))
	a, errA := filepath.Abs(file)
	b, errB := filepath.Abs(flag)
	return err == nil && errA == nil && errB == nil && a == b
}

// sayNext says what to do with the plan written, at q (its path as a
// command takes it), in two lines; a long path would run them past 80
// columns, where a terminal breaks a command mid-path: then each command
// is on a line of its own.
func sayNext(stderr io.Writer, q string) {
	const review = "Next: run ladder review %s to go through it item by item,\nor fill it in with any text editor and run ladder check %s\n"
	if len("or fill it in with any text editor and run ladder check ")+ansi.StringWidth(q) <= 80 {
		fmt.Fprintf(stderr, review, q, q)
		return
	}
	fmt.Fprintf(stderr, "Next: go through it item by item with\n  ladder review %s\nor fill it in with any text editor and check it with\n  ladder check %s\n", q, q)
}

// notCarried says, in plain words, why a review could not carry prev on:
// nothing was written in any of these cases.
func notCarried(prev *plans.File, path, title string, err error) error {
	var carried *plans.CarriedOnAlready
	switch {
	case errors.As(err, &carried) && carried.Unlinked:
		// The review written first is rated since, perhaps: carried on to
		// it again, last year's plan gets its line and it stays as it is.
		return &exitError{code: ExitProblems, err: fmt.Errorf("%w; finish that carry-on (ladder new %s --from %s --title %s), which adds the line and leaves that review as it is",
			err, safetext.Line(plans.CommandPath(carried.Next)), safetext.Line(plans.CommandPath(prev.Path)), safetext.Line(plans.CommandQuote(title)))}
	case errors.As(err, &carried) && carried.Next != "":
		// Most often this year's review was begun twice by mistake: the
		// one to go on with is the review that took the actions on. A
		// review after that one carries on from it.
		next := safetext.Line(plans.CommandPath(carried.Next))
		return &exitError{code: ExitProblems, err: fmt.Errorf("%w; go on with that review (ladder review %s), or begin the one after it from it (ladder new %s --from %s ...)",
			err, next, safetext.Line(plans.CommandPath(path)), next)}
	case errors.Is(err, plans.ErrChangedOnDisk):
		return &exitError{code: ExitProblems, err: fmt.Errorf(
			"%s changed on disk while ladder was reading it, so nothing was written: run this again", prev.Path)}
	}
	return &exitError{code: ExitProblems, err: err}
}

// carriedOn tells someone who started next year's review with --from what
// came across, that the old plan now hands its actions on, and how to
// keep both files in git. linkErr is review.Create's error: the new plan
// is written, but the old one may not name it yet (plans.ErrNotLinked).
func carriedOn(stderr io.Writer, s *review.Session, prevPath string, linkErr error) error {
	path := s.Path()
	if what := s.Carried().Words(); what == "" {
		sayNote(stderr, fmt.Sprintf("Carried on nothing from %s: it has no open actions or project-plan steps.", safetext.Line(prevPath)))
	} else {
		sayNote(stderr, fmt.Sprintf("Carried on %s from %s.", what, safetext.Line(prevPath)))
	}
	q, pq := safetext.Line(plans.CommandPath(path)), safetext.Line(plans.CommandPath(prevPath))
	if linkErr != nil {
		fmt.Fprintf(stderr, "Next: run ladder review %s to go through it item by item.\n", q)
		return &exitError{code: ExitProblems, err: fmt.Errorf("%s: %w", path, linkErr)}
	}
	sayNote(stderr, fmt.Sprintf("%s now names %s as its next review:\nits open actions are chased in the new plan from now on.", safetext.Line(prevPath), safetext.Line(path)))
	sayNext(stderr, q)
	fmt.Fprintf(stderr, "Once it is rated, compare the two reviews:\n%s\n", commandLines("  ", []string{"ladder", "diff", pq, q}, noteWidth))
	if data := workforce.PathFor(prevPath); isFile(data) {
		// The data file stays with last year's plan; this year's import
		// takes its grades' order, threshold and target.
		fmt.Fprintf(stderr, "Last review's workforce data stays in %s. Import this year's survey for the new plan:\n  ladder data import CSV --plan %s\n", safetext.Line(data), q)
	}
	// Both files changed: the old one by its next_review line.
	steps := s.CommitSteps()
	fmt.Fprintln(stderr, commitIntro(steps[len(steps)-1], path))
	for _, words := range steps {
		safe := make([]string, len(words))
		for i, w := range words {
			safe[i] = safetext.Line(w)
		}
		fmt.Fprintln(stderr, commandLines("  ", safe, noteWidth))
	}
	return nil
}

// commitIntro is the line above the commands that commit a plan carried
// on and the plan it carried on from, commit being the git commit's
// words. review.CommitSteps names a third file when a workforce data file
// is beside the new plan's name and git does not have it (left there by a
// plan of that name removed to start again): "both" would then miscount,
// and the data file would go into git unannounced.
func commitIntro(commit []string, path string) string {
	var files []string
	if i := slices.Index(commit, "--"); i >= 0 {
		files = commit[i+1:]
	}
	data := plans.CommandQuote(filepath.ToSlash(workforce.PathFor(path)))
	switch {
	case len(files) == 2:
		return "Commit both files:"
	case len(files) == 3 && slices.Contains(files, data):
		return "Commit the two plans, and the workforce data beside the new one:"
	}
	return "To keep the review in git:" // true of any files the commands name
}

// earlierReviews tells someone starting next year's review without
// --from what became of last year's: the plans beside the new one for the
// same organisation, with how many actions each still has open (they stay
// on ladder status, and fail ladder check --overdue once late, until they
// are marked done there) or the review that carried them on; then, as the
// set-up form and the accessible prompts say it (review.LastReviewOf
// decides for all three), the organisation's review under way to go on
// with, or its last review to start again from, so that its open actions
// are chased in the new plan instead (the new plan is still blank, so
// nothing is lost); and the ladder diff that compares this one with the
// newest on the same checklist (diff refuses two checklists' plans).
// Plans that do not load are ladder check's business, not this hint's.
func earlierReviews(w io.Writer, path string, plan *plans.Plan, opts newOptions) {
	org := plan.Organisation
	dirs := plans.ReviewFolders(filepath.Dir(path))
	type earlier struct {
		path, title string
		date        plans.Date
		open        int
		next        string // the review that carried it on, if one did
		comparable  bool   // diff compares it with the new plan
	}
	var found []earlier
	folder := plans.OrganisationPlans(filepath.Dir(path), org, path) // the same plans as the form finds them
	anyOpen := false
	links := plans.NewLinks() // one for the folder: a chain of reviews is read once
	for _, f := range folder {
		links.Loaded(f.Path, f.Plan)
	}
	for _, f := range folder {
		p := f.Plan
		e := earlier{path: f.Path, title: p.Title, date: p.Date, comparable: len(plans.Unrelated(p, plan)) == 0}
		if next, ok := links.HandedOn(f.Path, p); ok {
			e.next = next
		} else {
			e.open = len(p.ActionsToChase())
		}
		anyOpen = anyOpen || e.open > 0
		found = append(found, e)
	}
	if len(found) == 0 {
		return
	}
	slices.SortStableFunc(found, func(a, b earlier) int { return a.date.Compare(b.date) })
	here := " here"
	if len(dirs) > 1 {
		here = ""
	}
	// A folder of them by the thousand (a pull request's, or a folder per
	// year back to 1000) would bury the note's last lines: the newest
	// few are listed, and ladder status lists them all.
	listed := found[max(0, len(found)-noteListsPlans):]
	few := ""
	if len(listed) < len(found) {
		few = fmt.Sprintf(", the newest %d of them", len(listed))
	}
	fmt.Fprintf(w, "\n%s has %s%s already%s:\n", safetext.Line(org), plural(len(found), "other plan"), here, few)
	for _, e := range listed {
		state := plural(e.open, "action") + " open"
		if e.next != "" {
			state = "carried on to " + e.next
		}
		fmt.Fprintf(w, "  %s (%s, %s): %s\n", safetext.Line(e.path), safetext.Line(e.title), e.date, safetext.Line(state))
	}
	if anyOpen {
		fmt.Fprintln(w, "Open actions stay on ladder status, and on ladder check --overdue once late,\nuntil they are marked done in their own plan.")
	}
	plans.SortNewestFirst(folder)
	lastReviewHint(w, path, plan, review.LastReviewOf(folder, org, plan.Date), opts)
	last := -1
	for i, e := range found { // oldest first
		if e.comparable {
			last = i
		}
	}
	if last < 0 {
		fmt.Fprintf(w, "None of them follows this plan's checklist (%s),\nso ladder diff cannot compare them with it.\n", safetext.Line(plan.ChecklistRef.ID))
		return
	}
	fmt.Fprintf(w, "Once this review is rated, compare the two:\n%s\n", commandLines("  ", []string{"ladder", "diff",
		safetext.Line(plans.CommandPath(found[last].path)), safetext.Line(plans.CommandPath(path))}, noteWidth))
}

// noteListsPlans is how many of an organisation's other plans new's
// note lists at most.
const noteListsPlans = 10

// lastReviewHint points at the organisation's last review, as the set-up
// form and the accessible prompts do: under way (this year's review begun
// again, most often by mistake: carrying it on into this one would make a
// third), held (the same, with every item rated), or last year's with actions open, to start this one again from.
func lastReviewHint(w io.Writer, path string, plan *plans.Plan, last *review.LastReview, opts newOptions) {
	other := last != nil && last.Found.Plan.ChecklistRef.ID != plan.ChecklistRef.ID
	switch {
	case last == nil:
	case last.UnderWay && other:
		// Not this year's review begun twice: an employer may review with
		// two checklists (the Building Blocks beside progression's) in one
		// half year. Only a slip of the checklist would make it one.
		state, back := "under way", "go on\nwith that one? Remove this plan (nothing is rated in it yet) and go on with it"
		if last.Held() {
			state, back = "every item rated", "open\nthat one? Remove this plan (nothing is rated in it yet) and open it"
		}
		sayNote(w, fmt.Sprintf("%s is a review of the last half year, %s.\nIt follows another checklist (%s). Meant to %s:",
			safetext.Line(last.Found.Path), state, safetext.Line(last.Found.Plan.ChecklistRef.ID), back))
		fmt.Fprintf(w, "  rm %s\n  ladder review %s\n", safetext.Line(plans.CommandPath(path)), safetext.Line(plans.CommandPath(last.Found.Path)))
	case last.Held():
		sayNote(w, safetext.Line(last.Found.Path)+" is a review of the last half year, every item rated. Begun twice\nby mistake? Remove this plan (nothing is rated in it yet) and open that one:")
		fmt.Fprintf(w, "  rm %s\n  ladder review %s\n", safetext.Line(plans.CommandPath(path)), safetext.Line(plans.CommandPath(last.Found.Path)))
	case last.UnderWay:
		sayNote(w, safetext.Line(last.Found.Path)+" is a review of the last half year, under way.\nBegun twice by mistake? Remove this plan (nothing is rated in it yet) and go on\nwith that one:")
		fmt.Fprintf(w, "  rm %s\n  ladder review %s\n", safetext.Line(plans.CommandPath(path)), safetext.Line(plans.CommandPath(last.Found.Path)))
	default:
		sayNote(w, "To chase "+safetext.Line(last.Found.Path)+"'s open actions in this review instead, remove\nthis plan (nothing is rated in it yet) and start it again from that one:")
		fmt.Fprintf(w, "  rm %s\n%s\n", safetext.Line(plans.CommandPath(path)), commandLines("  ", newFromCommand(path, last.Found.Path, opts), noteWidth))
		if id := last.Found.Plan.ChecklistRef.ID; id != plan.ChecklistRef.ID {
			// A review carries on only on its own checklist.
			fmt.Fprintf(w, "(It follows checklist %s, and the review begun from it would too.)\n", safetext.Line(id))
		}
	}
}

// noteWidth is the width new's notes keep to: a terminal's 80 columns.
const noteWidth = 80

// sayNote writes a note's sentences broken where text breaks them, each
// line within noteWidth with the paths of a usual length; where a line
// does not fit (a long path, in a folder a year), the whole note is laid
// out at its spaces instead, where it ran past 80 columns. The commands
// under a note are laid out on their own, whole.
func sayNote(w io.Writer, text string) {
	lines := strings.Split(text, "\n")
	if slices.ContainsFunc(lines, func(l string) bool { return ansi.StringWidth(l) > noteWidth }) {
		// A path wider than a line is kept whole on a line of its own,
		// to be copied, where render.WrapAtSpaces would cut it.
		lines = lines[:0]
		line := ""
		for _, word := range strings.Fields(text) {
			if line != "" && ansi.StringWidth(line+" "+word) > noteWidth {
				lines = append(lines, line)
				line = ""
			}
			line = strings.TrimPrefix(line+" "+word, " ")
		}
		lines = append(lines, line)
	}
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// commandLines lays out a command's words, each safe to print, in lines
// of at most width columns after indent, as ladder status lays out the
// ladder new it suggests: a line breaks only before a flag (a word
// beginning "--") or between two operands (ladder diff's two plans),
// never between a flag and its value, and each line but
// the last ends in a backslash, so that the shell reads the lines pasted
// as one command. The lines after the first are indented two more. A
// flag with its value wider than the line is left whole on its own line.
func commandLines(indent string, words []string, width int) string {
	var lines []string
	line := indent
	for i := 0; i < len(words); {
		group := words[i]
		for i++; i < len(words) && (i < 3 || !strings.HasPrefix(words[i], "--") && !secondOperand(words, i)); i++ {
			group += " " + words[i]
		}
		switch {
		case line == indent:
			line += group
		case ansi.StringWidth(line+" "+group+" \\") <= width || i == len(words) && ansi.StringWidth(line+" "+group) <= width:
			line += " " + group
		default:
			lines = append(lines, line+" \\")
			line = indent + "  " + group
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// secondOperand reports whether words[i] is an operand (a path) after
// another, not a flag's value: ladder diff's second plan, git add's
// second file, where a line may break.
func secondOperand(words []string, i int) bool {
	return !strings.HasPrefix(words[i], "-") && !strings.HasPrefix(words[i-1], "-")
}

// newFromCommand is the ladder new that makes the plan at path again, as
// opts made it, carrying on from the plan at from: the organisation,
// facilitator and participants come from that plan unless opts gave them.
// Its words are quoted for a shell and safe to print.
func newFromCommand(path, from string, opts newOptions) []string {
	words := []string{"ladder", "new", path, "--from", from, "--title", opts.title, "--org", opts.org}
	if opts.date != "" {
		words = append(words, "--date", opts.date)
	}
	if opts.facilitator != "" {
		words = append(words, "--facilitator", opts.facilitator)
	}
	for _, p := range opts.participants {
		words = append(words, "--participant", p)
	}
	for i, word := range words[2:] {
		words[i+2] = plans.CommandQuote(word)
	}
	words[2], words[4] = plans.CommandPath(path), plans.CommandPath(from)
	for i, word := range words {
		words[i] = safetext.Line(word)
	}
	return words
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

// isFile reports whether path is a file that is there.
func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

func exists(path string) error {
	return &exitError{code: ExitProblems, err: fmt.Errorf(
		"%s already exists, and ladder new never overwrites a plan: choose another file name", path)}
}

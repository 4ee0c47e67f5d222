package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/internal/safetext"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	overdue      bool
	warnOnly     bool
	today        string
	checklist    string
	changedSince string
	format       string
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

Some slips of a hand edit are still valid YAML, and change what the plan
says without a word: "owner: #1 team" leaves the owner empty (a # after
a space starts a comment), a list item indented further than the one
above is joined to it, and a non-breaking space pasted after a name is
kept as part of it. So does "status: doing" left on an item whose action
was deleted: a status goes with an action, so it reads as to do, with
nothing to chase. Check prints these as FILE:LINE:COLUMN: warning:
lines, which do not fail: the file may mean it. So is a version of a
built-in checklist this ladder does not have (a newer one, from a newer
ladder, or one that is no version at all): the plan is read with the
version built in.

PATH can be plan files or folders; folders are searched for .yaml and .yml
files, skipping hidden ones. With no PATH, the plans folder is checked.
A custom checklist kept in the folder is checked as a checklist.

With --overdue, check also lists every action that is not done and whose
due date has passed (item actions and project-plan steps), and fails if
there are any: handy as a weekly reminder or a CI job. An action stops
being overdue once it is marked done or given a later due date. With
--warn-only they are still listed, but only mistakes fail: a pull
request is not blocked by someone else's late action.

A plan carried on to its next review ('ladder new --from') is not failed
for its late actions: they are the next review's, and fail there; the
summary names it, old → new. Check follows each plan's previous_review
and next_review: one that leads out of the repository, or to the plan
itself, is a mistake; one that leads
to no plan is a warning, which does not fail (such a next_review hands
no actions on, so they are still checked where they are).

In CI, --changed-since REV checks only the plans changed since REV (for
example the branch a pull request goes into; counted from where this
branch left REV, so plans changed on REV alone are not checked) and the
plans that follow a checklist file changed since REV. --format github
prints each problem as a GitHub Actions annotation, so it shows on the
changed line of the pull request: mistakes as errors, overdue actions as
warnings (GitHub shows ten of each kind a step: past ten, a notice says
how many there are, all in the step's log). With --changed-since, an
action or step the change opened in a plan already carried on to its
next review, which does not have it, is a warning too: a branch begun
before the carry-on that adds an action to last year's plan leaves it
where no one chases it.

Exit status: 0 when everything is fine, 1 when a mistake or an overdue
action was found, 2 when the command itself was called wrongly, and with
--changed-since when git does not know REV or the plans are not in a git
repository (nothing was checked).`,
		Example: `  # Check every plan in the plans folder
  ladder check

  # Check one plan, or a whole folder
  ladder check plans/acme-spring.yaml
  ladder check reviews/

  # Also fail on actions that are late
  ladder check --overdue

  # Pretend it is another day (for tests and what-ifs)
  ladder check --overdue --today 2027-04-01

  # In a pull request's CI: the plans it changes, annotated, late actions
  # as warnings only
  ladder check --overdue --warn-only --changed-since origin/main --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.checklist = typedPath(opts.checklist)
			err := runCheck(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, opts)
			annotateStop(cmd.OutOrStdout(), opts.format, err)
			return err
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.overdue, "overdue", false, "also report open actions whose due date has passed, and fail on them")
	f.StringVar(&opts.today, "today", "", "the date to count as today for --overdue, as `YYYY-MM-DD` (default: today)")
	f.StringVar(&opts.checklist, "checklist", "", "check against this checklist, a built-in `ID` or a checklist FILE, instead of the one each plan names")
	f.BoolVar(&opts.warnOnly, "warn-only", false, "with --overdue: list overdue actions but do not fail on them (mistakes still fail)")
	f.StringVar(&opts.changedSince, "changed-since", "", "check only the plans changed since git revision `REV` (committed or not)")
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text (FILE:LINE:COLUMN: ...), or github for GitHub Actions annotations")
	return cmd
}

// annotateStop repeats, as a GitHub error annotation, why check could
// not check at all (exit 2: a base revision a shallow clone never
// fetched, a step in the wrong folder): said only in the job's log, the
// pull request's checks showed a failure and no reason. Problems in the
// plans (exit 1) are annotated on their lines already.
func annotateStop(stdout io.Writer, format string, err error) {
	var stop *exitError
	if format != "github" || !errors.As(err, &stop) || stop.code != ExitUsage {
		return
	}
	fmt.Fprintln(safetext.Unguarded(stdout), render.GitHubStop("ladder check: "+err.Error()))
}

// annotateNoBranchPoint repeats, as a GitHub notice, that the changes
// are counted from REV's tip (resolveBranchPoint said so in the log): the
// pull request's checks would otherwise show, unexplained, annotations
// on plans that others changed on REV since the branch began.
func annotateNoBranchPoint(stdout io.Writer, format string, since *sinceRev) {
	if format != "github" {
		return
	}
	if _, ok := since.repo.BranchPoint(since.commit); ok {
		return
	}
	fmt.Fprintln(safetext.Unguarded(stdout), render.GitHubNotice("ladder check: "+noBranchPoint(since.repo, since.rev)+", so the plans changed there since are checked too, as if this branch changed them"))
}

func runCheck(stdout, stderr io.Writer, args []string, opts checkOptions) error {
	today := plans.Today()
	switch {
	case opts.warnOnly && !opts.overdue:
		return usageErrorf("--warn-only is about overdue actions: add --overdue")
	case opts.format != "text" && opts.format != "github":
		return usageErrorf("--format %s: use text or github", opts.format)
	}
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
	if opts.changedSince != "" {
		var gone []string
		if args, gone = emptiedFolders(args, opts.changedSince); len(args) == 0 && len(gone) > 0 {
			fmt.Fprintf(stderr, "0 files checked: every plan in %s was removed since %s, so there is nothing to check\n", strings.Join(gone, " and "), safetext.Line(opts.changedSince))
			return nil
		}
	}
	files, err := planFiles("check", args)
	if err != nil {
		return err
	}
	unchanged := 0
	var since *sinceRev
	if opts.changedSince != "" {
		all := len(files)
		if files, since, err = changedSince(stderr, files, opts.changedSince); err != nil {
			return err
		}
		if since != nil {
			defer since.repo.Close()
			annotateNoBranchPoint(stdout, opts.format, since)
		}
		unchanged = all - len(files)
	}

	// GitHub annotations are workflow commands on purpose, each built and
	// escaped by render.GitHubAnnotation: they go past the guard that
	// keeps every other line from being one.
	lines := stdout
	var annotationRepo *gitrev.Repo
	if opts.format == "github" {
		lines = safetext.Unguarded(stdout)
		if len(files) > 0 {
			if repo, err := gitrev.Open(filepath.Dir(files[0])); err == nil {
				defer repo.Close()
				annotationRepo = repo
			}
		}
	}

	// Each file is loaded, checked and its lines written on a worker; only
	// those lines wait to be printed, in file order.
	defer collectLate()()
	type checked struct {
		text                        bytes.Buffer
		path                        string
		next                        string // the next review its open actions were handed on to
		valid                       bool
		problems, warnings, overdue int
	}
	var valid, bad, problems, warnings, overdue, handedOn int
	var late []string           // the plans with overdue actions, for the way out
	var handedOnTo [][2]string  // old → new, for those handed on
	names := newFileList(files) // the []string is garbage from here
	checkedFiles := len(files)
	links := plans.NewLinks() // this run's: a plan edited before the next run is read again
	removed := &removedReviews{}
	checking := &checkedSet{names: names}
	inOrder(names.len(), func(i int) *checked {
		path := names.at(i)
		r := &checked{path: path}
		out := checkPrinter{w: &r.text, github: opts.format == "github", repo: annotationRepo, removed: removed, checking: checking}
		l := plans.CheckFolderFile(path, resolve)
		l.Err = checkWorkforceFile(l) // data and benchmark files: cli/data.go
		if l.Err == nil && l.Plan != nil {
			l.Err = plans.ConflictCopyProblem(path) // x.copy-1.yaml: still to merge
		}
		if l.Err != nil {
			l.Err = sayingWhichToKeep(namingTheReviewsCarryingOn(links, path, l.Err))
			out.mistakes(path, l.Err)
			r.problems = plans.ProblemCount(l.Err)
			return r
		}
		if l.Plan != nil {
			links.Loaded(path, l.Plan)
			r.problems, r.warnings = out.links(links, path, l.Plan)
			if r.problems > 0 {
				return r
			}
			ws := l.Warnings
			if lone := l.Plan.StatusesAlone(); lone != nil {
				ws = append(slices.Clip(ws), lone...)
				ws.Sort()
			}
			r.warnings += out.warnings(path, ws)
		}
		if since != nil && l.Plan != nil {
			r.warnings += out.openedAfterCarryOn(links, since, path, l.Plan, resolve)
		}
		r.valid = true
		if l.Plan == nil || !opts.overdue {
			return r
		}
		// A plan carried on to its next review has its open actions
		// chased there: reported here too, each would fail twice.
		if next, ok := links.HandedOn(path, l.Plan); ok {
			r.next = next
		} else {
			r.overdue = out.overdue(path, l.Plan, today)
		}
		return r
	}, func(_ int, r *checked) {
		lines.Write(r.text.Bytes())
		if r.valid {
			valid++
		} else {
			bad++
			problems += r.problems
		}
		warnings += r.warnings
		if r.next != "" {
			handedOn++
			if len(handedOnTo) < maxHandedOnNamed {
				handedOnTo = append(handedOnTo, [2]string{r.path, r.next})
			}
		}
		overdue += r.overdue
		if r.overdue > 0 {
			late = append(late, r.path)
		}
	})

	summary := fmt.Sprintf("%s checked: %d valid", plural(checkedFiles, "file"), valid)
	if bad > 0 {
		summary += fmt.Sprintf(", %d with %s", bad, plural(problems, "problem"))
	}
	if warnings > 0 {
		summary += ", " + plural(warnings, "warning")
	}
	if opts.overdue {
		// A plan that does not load is not looked at for late actions:
		// "no overdue actions" must not read as a clean bill for it.
		switch {
		case valid == 0 && bad == 1:
			summary += "; overdue actions not known until the plan loads"
		case valid == 0 && bad > 1:
			summary += "; overdue actions not known until the plans load"
		case overdue == 0:
			summary += "; no overdue actions"
		default:
			summary += "; " + plural(overdue, "overdue action")
		}
		switch {
		case valid == 1 && bad > 0:
			summary += " in the valid file"
		case valid > 1 && bad > 0:
			summary += " in the valid files"
		}
		if opts.warnOnly && overdue > 0 {
			summary += " (warnings only)"
		}
		switch {
		case handedOn == 1:
			summary += "; 1 plan carried on to its next review, where its open actions are chased"
		case handedOn > 1:
			summary += fmt.Sprintf("; %d plans carried on to their next reviews, where their open actions are chased", handedOn)
		}
	}
	switch {
	case opts.changedSince != "" && unchanged > 0:
		summary += fmt.Sprintf(" (%s unchanged since %s not checked)", plural(unchanged, "file"), opts.changedSince)
	case checkedFiles == 0:
		summary += " (no .yaml or .yml files found)"
	}
	if handedOn > 0 {
		summary += ":" + handedOnLines(handedOnTo, handedOn)
	}
	fmt.Fprintln(stderr, summary)
	if opts.format == "github" {
		// Each problem is an error annotation, each warning and overdue
		// action a warning one (checkPrinter).
		sayDropped(lines, problems, warnings+overdue)
	}
	if len(args) == 0 {
		args = []string{plans.DefaultDir} // as planFiles did
	}
	for _, tmp := range plans.Leftovers(args...) {
		fmt.Fprintln(stderr, plans.LeftoverNote(tmp))
	}
	if overdue > 0 && !opts.warnOnly {
		fmt.Fprintln(stderr, overdueWayOut(late))
	}
	if bad > 0 || (overdue > 0 && !opts.warnOnly) {
		return problemsFound()
	}
	return nil
}

// sayDropped adds a notice when GitHub will show only some of the
// errors and warnings annotations check printed (render.GitHubShown of
// each a step): a weekly job's page showed ten late actions of twelve,
// and whoever chased them from it missed two.
func sayDropped(w io.Writer, errorCount, warningCount int) {
	for _, k := range []struct {
		n    int
		kind string
	}{{errorCount, "error"}, {warningCount, "warning"}} {
		if k.n > render.GitHubShown {
			fmt.Fprintln(w, render.GitHubNotice(fmt.Sprintf("ladder check: %d %s annotations in all, of which GitHub shows %d on the run's page and in the pull request: this step's log lists every one", k.n, k.kind, render.GitHubShown)))
		}
	}
}

// maxHandedOnNamed is how many plans handed on check --overdue names: a
// handful, so that a folder of many years' reviews keeps its summary
// short; ladder status lists them all.
const maxHandedOnNamed = 5

// handedOnLines names, one a line, the plans check --overdue left to their
// next reviews (old → new), so that a team reading a CI log sees which plan
// went where, not only how many: the first few of all, then how many more.
func handedOnLines(named [][2]string, all int) string {
	var b strings.Builder
	for _, p := range named {
		fmt.Fprintf(&b, "\n  %s → %s", safetext.LeadingPath(p[0]), safetext.Line(p[1]))
	}
	if more := all - len(named); more > 0 {
		fmt.Fprintf(&b, "\n  and %d more: ladder status lists them all", more)
	}
	return b.String()
}

// overdueWayOut says what clears a failing overdue check, for whoever reads
// a red CI job or a weekly reminder: the action's status or its date, in
// the review or by hand, or --warn-only when late actions should not fail.
func overdueWayOut(late []string) string {
	plan := "PLAN"
	if len(late) == 1 {
		plan = plans.CommandPath(late[0])
	}
	return "To clear an overdue action, mark it done or give it a later due date,\n" +
		"in ladder review " + safetext.Line(plan) + " or by hand at the line shown.\n" +
		"To list late actions without failing, add --warn-only."
}

// sinceRev is the revision check --changed-since compares with: the
// commit where the branch left it, and each changed file's name there.
type sinceRev struct {
	repo   *gitrev.Repo
	commit string
	rev    string
	then   map[string]string // a changed file's path now → its path at commit ("" when new)
}

// emptiedFolders sets aside, for check --changed-since, the folders asked
// about (plans/ when none is named) that are not on disk but were folders
// at rev: a change that removed every plan in one took the folder with
// it, as git keeps no empty folder, and left no plan there to check.
// kept is the paths left to check; gone names those set aside, from
// here, to be said.
func emptiedFolders(args []string, rev string) (kept, gone []string) {
	asked := typedPaths(args)
	if len(asked) == 0 {
		asked = []string{plans.DefaultDir}
	}
	for _, p := range asked {
		if emptiedSince(p, rev) {
			gone = append(gone, safetext.Line(filepath.ToSlash(filepath.Clean(p)))+"/")
		} else {
			kept = append(kept, p)
		}
	}
	if len(args) == 0 && len(gone) == 0 {
		return nil, nil // plans/ as planFiles finds it
	}
	return kept, gone
}

// changedSince keeps the files that differ from their version at rev: new
// (whether git tracks them yet or not), edited or renamed.
func changedSince(stderr io.Writer, files []string, rev string) ([]string, *sinceRev, error) {
	if len(files) == 0 {
		return nil, nil, nil
	}
	repo, err := gitrev.Open(filepath.Dir(files[0]))
	if err != nil {
		return nil, nil, gitProblem(err)
	}
	commit, err := resolveBranchPoint(stderr, repo, rev)
	if err != nil {
		repo.Close()
		return nil, nil, gitProblem(err)
	}
	changes, err := repo.Changes(commit, "")
	if err != nil {
		repo.Close()
		return nil, nil, gitProblem(err)
	}
	since := &sinceRev{repo: repo, commit: commit, rev: rev, then: map[string]string{}}
	for _, c := range changes {
		switch c.Status {
		case 'D':
		case 'R':
			since.then[c.Path] = c.OldPath
		case 'A':
			since.then[c.Path] = ""
		default:
			since.then[c.Path] = c.Path
		}
	}
	touched, rels := touchedBesidePlans(repo, changes, files)
	var out []string
	for i, f := range files {
		if rels[i] == "" {
			continue
		}
		if _, ok := since.then[rels[i]]; ok {
			out = append(out, f)
		} else if crel := changedChecklist(repo, touched, f, rels[i]); crel != "" {
			// Untouched, but the checklist it follows changed: an item
			// removed there keeps the plan from loading.
			since.then[rels[i]] = rels[i]
			out = append(out, f)
			// Named from here, as the plan is: from its folder, a path
			// from the top opens nothing.
			fmt.Fprintf(stderr, "%s: checked, as the checklist it follows, %s, changed since %s\n", safetext.LeadingPath(f), safetext.Line(displayPath(repo, crel)), safetext.Line(rev))
		}
	}
	return out, since, nil
}

// touchedBesidePlans is every path the changes touched (made, edited,
// removed or moved away from), from the top of repo, less the plan files
// among files: the files left are those a plan could follow as its
// checklist (changedChecklist), a checklist kept among the plans too
// (plans/ours.yaml), which a pull request removing an item from it
// passed green. rels is each of files' path from the top, "" for a file
// git cannot name.
func touchedBesidePlans(repo *gitrev.Repo, changes []gitrev.Change, files []string) (touched map[string]bool, rels []string) {
	touched = map[string]bool{}
	for _, c := range changes {
		touched[c.Path] = true
		if c.OldPath != "" {
			touched[c.OldPath] = true
		}
	}
	rels = make([]string, len(files))
	for i, f := range files {
		if rel, err := repo.Rel(f); err == nil {
			rels[i] = rel
			if touched[rel] && !plans.IsChecklistFile(f) {
				delete(touched, rel) // a plan: not a checklist file
			}
		}
	}
	return touched, rels
}

// changedChecklist is the checklist file the plan file at f (rel from
// the top of repo) follows, named from the top, when it is among the
// paths touched (made, edited, removed or moved away from) by the
// change, or the file it leads to as a link in the work tree is
// (checklists/current.yaml, committed as a link to ours-2027.yaml, which
// the change edited), or the file of that name in a folder reached by a
// link (checklists, a link to checklists-2027); "" otherwise. A change
// that touched no file but plans reads no plan for it.
func changedChecklist(repo *gitrev.Repo, touched map[string]bool, f, rel string) string {
	if len(touched) == 0 {
		return ""
	}
	crel := plans.ChecklistFileOf(f, rel)
	if crel == "" {
		return ""
	}
	if touched[crel] {
		return crel
	}
	named := filepath.Join(repo.Root, filepath.FromSlash(crel))
	for _, target := range append([]string{named}, linkTargets(named)...) {
		// Rel follows the links among the folders on the way.
		if trel, err := repo.Rel(target); err == nil && touched[trel] {
			return trel
		}
	}
	return ""
}

// maxLinkHops is how many links in a row linkTargets follows: more is a
// loop, or no one's layout.
const maxLinkHops = 8

// linkTargets is where the link at p leads, by its name alone, one path
// for each link on the way: a link whose file the change removed leads
// nowhere on disk, but still names it. Nothing is read but the links.
func linkTargets(p string) []string {
	var out []string
	for range maxLinkHops {
		target, err := os.Readlink(p)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			// From the folder the link is in, through any link on the
			// way: ../shared/ours.yaml, in a folder reached by a link,
			// is beside that folder, not beside the link's name.
			dir := filepath.Dir(p)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			target = filepath.Join(dir, target)
		}
		p = filepath.Clean(target)
		out = append(out, p)
	}
	return out
}

// openedAfterCarryOn warns at each action or step the change opened in a
// plan already carried on to its next review, where the next review does
// not have it (plans.OpenedAfterCarryOn): status and check --overdue
// chase the plan's open actions in the next review, so no one chases
// these. It says how many it warned of. A plan whose version at the
// revision does not load is not compared: every action would read as new.
func (pr checkPrinter) openedAfterCarryOn(links *plans.Links, since *sinceRev, path string, p *plans.Plan, resolve plans.Resolver) int {
	next, ok := links.HandedOn(path, p)
	if !ok {
		return 0
	}
	nextPlan, err := plans.LoadFile(next, resolve)
	if err != nil {
		return 0
	}
	var before *plans.Plan
	rel, err := since.repo.Rel(path)
	if err != nil {
		return 0
	}
	if then := since.then[rel]; then != "" {
		data, err := since.repo.ReadFile(since.commit, then)
		if err != nil {
			return 0
		}
		resolveThen := resolve
		if resolveThen == nil {
			resolveThen = revisionResolver(since.repo, since.commit, pathpkg.Dir(then))
		}
		if before, err = plans.Parse(since.rev+":"+then, data, resolveThen); err != nil {
			return 0
		}
	}
	opened := plans.OpenedAfterCarryOn(before, p, nextPlan)
	for _, a := range opened {
		at := plans.Action{FollowUpID: p.ProjectPlanID(), StepID: a.StepID}
		if a.Item != nil {
			at = plans.Action{ItemID: a.Item.ID}
		}
		line, col := p.Position(at)
		what := "open action"
		if a.Item == nil {
			what = "open project-plan step"
		}
		pr.warning(path, line, col, fmt.Sprintf("%s %q added to a plan already carried on to %s, which does not have it, so no one chases it: add it to %s, where this plan's open actions are chased now",
			what, ansi.Truncate(firstLine(a.Text), 100, "…"), next, next))
	}
	return len(opened)
}

// checkPrinter prints what check finds: FILE:LINE:COLUMN lines, or GitHub
// Actions annotations.
type checkPrinter struct {
	w      io.Writer
	github bool
	// repo, when the plans are in one, names files in annotations from
	// its top, as GitHub finds them, wherever check runs.
	repo *gitrev.Repo
	// removed is this run's: whether git has a previous review removed.
	removed *removedReviews
	// checking is this run's files.
	checking *checkedSet
}

// annotated is path as an annotation names it.
func (p checkPrinter) annotated(path string) string {
	if p.repo == nil {
		return path
	}
	if rel, err := p.repo.Rel(path); err == nil {
		return rel
	}
	return path
}

// mistakes prints why a file did not load.
func (p checkPrinter) mistakes(path string, err error) {
	if !p.github {
		printError(p.w, err)
		return
	}
	var fe *plans.FileError
	if !errors.As(err, &fe) {
		fmt.Fprintln(p.w, render.GitHubAnnotation("error", p.annotated(path), 0, 0, err.Error()))
		return
	}
	for _, pr := range fe.Problems {
		fmt.Fprintln(p.w, render.GitHubAnnotation("error", p.annotated(fe.Path), pr.Line, pr.Column, pr.Message))
	}
}

// links checks where a plan's previous_review and next_review lead, at
// their lines: out of the repository, or back to the plan itself, is a
// mistake (a link ladder refuses to follow); to no plan, or to a review
// that does not name this plan back, a warning only (the other plan may
// have been removed on purpose), which hides nothing, as such a next
// review takes no actions on. A previous review removed from the folder
// that git still has (removedReviews), which the report reads from git
// (previousInGit), is no mistake at all: last year's plan removed once
// carried on.
func (pr checkPrinter) links(links *plans.Links, path string, p *plans.Plan) (problems, warnings int) {
	for _, l := range []struct{ key, ref string }{{"previous_review", p.PreviousReview}, {"next_review", p.NextReview}} {
		if l.ref == "" {
			continue
		}
		var err error
		if l.key == "next_review" {
			_, err = links.NextReviewOf(path, p)
		} else {
			_, err = links.PreviousReviewOf(path, p)
		}
		if err == nil {
			continue
		}
		line, col := p.LinkPosition(l.key)
		level, msg := "error", fmt.Sprintf("%s %v", l.key, err)
		switch {
		case (errors.Is(err, plans.ErrNoPlanThere) || errors.Is(err, plans.ErrNotLinkedBack)) && l.key == "next_review":
			level, msg = "warning", msg+", so this plan's open actions are still chased here: fix the path, or remove the line"
		case errors.Is(err, plans.ErrNextReviewGivenTwice) && pr.checking.has(links, path, p.PreviousReview):
			continue // said once, at the previous review's repeated next_review (namingTheReviewsCarryingOn)
		case errors.Is(err, plans.ErrNextReviewGivenTwice):
			level, msg = "warning", msg+": keep one of these reviews, remove the rest (or merge them by hand into the one kept), and keep only the next_review line that names it"
		case errors.Is(err, plans.ErrLinkDoesNotLoad) && l.key == "next_review":
			level, msg = "warning", msg+", so this plan's open actions are still chased here until it does"
		case errors.Is(err, plans.ErrLinkDoesNotLoad):
			level = "warning"
		case errors.Is(err, plans.ErrCarriedOnTwice):
			level, msg = "warning", msg+": keep one, and remove the other (or merge the two by hand into the one kept)"
		case errors.Is(err, plans.ErrNotNamedNext):
			level, msg = "warning", msg+": if this plan carries that one on, that plan's next_review should name this one"+namingThis(links, path, p)+" (ladder new --from writes both lines)"
		case errors.Is(err, plans.ErrNoPlanThere):
			has, notFetched := pr.removed.inGit(path, p)
			if has {
				continue // removed with git rm once carried on: the report reads it from git
			}
			level, msg = "warning", msg+": fix the path, or remove the line if that plan was removed on purpose"
			if notFetched {
				msg = fmt.Sprintf("%s %v", l.key, shallowNotFetched(err))
			}
		}
		if level == "error" {
			problems++
		} else {
			warnings++
		}
		if level == "warning" {
			pr.warning(path, line, col, msg)
		} else if pr.github {
			fmt.Fprintln(pr.w, render.GitHubAnnotation(level, pr.annotated(path), line, col, safetext.Line(msg)))
		} else {
			fmt.Fprintf(pr.w, "%s:%d:%d: %s\n", safetext.LeadingPath(path), line, col, safetext.Line(msg))
		}
	}
	return problems, warnings
}

// sayingWhichToKeep is err, why a plan did not load, with what to do
// about a key written twice: most often two branches each changed the
// field and git's union merge (the README's recipe) kept both lines, and
// "duplicate key" alone left the reader to work out that one must go.
// A next_review written twice by two carried-on reviews says more
// (namingTheReviewsCarryingOn), and is left as it is.
func sayingWhichToKeep(err error) error {
	var fe *plans.FileError
	if !errors.As(err, &fe) {
		return err
	}
	problems := slices.Clone(fe.Problems)
	changed := false
	for i, pr := range problems {
		if strings.HasPrefix(pr.Message, "duplicate key ") && strings.HasSuffix(pr.Message, ")") {
			problems[i].Message += ": keep the line you want and delete the other (a merge=union merge keeps both when two branches change one field)"
			changed = true
		}
	}
	if !changed {
		return err
	}
	out := *fe
	out.Problems = problems
	return &out
}

// namingTheReviewsCarryingOn is err, why the plan at path did not load, with what its
// repeated next_review key means when it names two reviews that each
// carry the plan on (plans.Links.CarriedOnTwice): two people ran ladder
// new --from on two branches, and the union merge the README advises
// kept both lines. Said there once, with what to do, in place of telling
// each review that the plan should name it (see links).
func namingTheReviewsCarryingOn(links *plans.Links, path string, err error) error {
	var fe *plans.FileError
	if !errors.As(err, &fe) {
		return err
	}
	i := slices.IndexFunc(fe.Problems, func(pr plans.Problem) bool {
		return strings.HasPrefix(pr.Message, `duplicate key "next_review"`)
	})
	if i < 0 {
		return err
	}
	line, reviews := links.CarriedOnTwice(path)
	if reviews == nil || fe.Problems[i].Line != line {
		return err
	}
	count, others, them := "two", "the other", "the two"
	if len(reviews) > 2 {
		count, others, them = strconv.Itoa(len(reviews)), "the others", "them"
	}
	if len(reviews) > maxCarriersNamed {
		reviews = append(reviews[:maxCarriersNamed-1:maxCarriersNamed-1], fmt.Sprintf("%d more", len(reviews)-maxCarriersNamed+1))
	}
	named := strings.Join(reviews[:len(reviews)-1], ", ") + " and " + reviews[len(reviews)-1]
	problems := slices.Clone(fe.Problems)
	problems[i].Message += fmt.Sprintf(": %s reviews carry this plan on, %s, each naming it as its previous review: keep one, and remove %s (or merge %s by hand into the one kept), and keep only the next_review line that names it", count, named, others, them)
	out := *fe
	out.Problems = problems
	return &out
}

// maxCarriersNamed is how many reviews carrying one plan on check names at
// its repeated next_review: a plan a pull request gives a thousand such
// lines must not fill a CI log line.
const maxCarriersNamed = 5

// checkedSet is the files one run of check checks, to tell whether a
// plan's previous review is among them.
type checkedSet struct {
	names fileList
	once  sync.Once
	abs   map[string]bool
}

// has reports whether ref, the previous_review of the plan at path, leads
// to a file this run checks. Asked only of a plan whose previous review
// gives next_review twice; the set is made the first time.
func (c *checkedSet) has(links *plans.Links, path, ref string) bool {
	prev, err := links.FollowLink(path, ref)
	if err != nil {
		return false
	}
	c.once.Do(func() {
		c.abs = make(map[string]bool, c.names.len())
		for i := range c.names.len() {
			if a, err := filepath.Abs(c.names.at(i)); err == nil {
				c.abs[a] = true
			}
		}
	})
	a, err := filepath.Abs(prev)
	return err == nil && c.abs[a]
}

// namingThis is the line that names the plan at path from its previous
// review's folder, as ", as next_review: ../2026/acme.yaml": a plan
// renamed with git mv is linked back by writing it there, quoted where
// YAML needs it (plans.LinkLine). "" when the previous review cannot be
// followed.
func namingThis(links *plans.Links, path string, p *plans.Plan) string {
	prev, err := links.FollowLink(path, p.PreviousReview)
	if err != nil {
		return ""
	}
	ref, err := plans.LinkTo(prev, path)
	if err != nil {
		return ""
	}
	return ", as " + plans.LinkLine("next_review", ref)
}

// warnings prints the slips of a hand edit that a valid plan still reads
// (plans.ParseForCheck), and says how many.
func (pr checkPrinter) warnings(path string, ws []plans.Problem) int {
	for _, w := range ws {
		pr.warning(path, w.Line, w.Column, w.Message)
	}
	return len(ws)
}

func (pr checkPrinter) warning(path string, line, col int, msg string) {
	if pr.github {
		fmt.Fprintln(pr.w, render.GitHubAnnotation("warning", pr.annotated(path), line, col, safetext.Line(msg)))
		return
	}
	fmt.Fprintf(pr.w, "%s:%d:%d: warning: %s\n", safetext.LeadingPath(path), line, col, safetext.Line(msg))
}

// overdue prints one line per overdue action, at its due date, in file
// order, and says how many there were.
func (pr checkPrinter) overdue(path string, p *plans.Plan, today plans.Date) int {
	late := p.Overdue(today)
	slices.SortStableFunc(late, func(a, b plans.Action) int {
		la, ca := p.Position(a)
		lb, cb := p.Position(b)
		return cmp.Or(cmp.Compare(la, lb), cmp.Compare(ca, cb))
	})
	for _, a := range late {
		line, col := p.Position(a)
		owner := "owner " + ansi.Truncate(a.Owner, 40, "…") // a name of thousands of characters must not fill a CI log line
		if plans.NamesNoOne(a.Owner) {
			owner = "no owner"
		}
		days := a.Due.DaysUntil(today)
		msg := safetext.Line(fmt.Sprintf("overdue: %s (%s, due %s, %s ago%s)", actionText(a), owner, a.Due, plural(days, "day"), followedBy(a)))
		if pr.github {
			fmt.Fprintln(pr.w, render.GitHubAnnotation("warning", pr.annotated(path), line, col, msg))
		} else {
			fmt.Fprintf(pr.w, "%s:%d:%d: %s\n", safetext.LeadingPath(path), line, col, msg)
		}
	}
	return len(late)
}

// followedBy says which project-plan steps repeat an item's action, and so
// are not reported apart, by their places as the screens number them:
// "; step 3 of the project plan follows it".
func followedBy(a plans.Action) string {
	numbers := make([]string, len(a.FollowedBy))
	for i, n := range a.FollowedBy {
		numbers[i] = strconv.Itoa(n)
	}
	switch len(numbers) {
	case 0:
		return ""
	case 1:
		return "; " + plans.StepName(a.FollowedBy[0]) + " follows it"
	}
	return "; steps " + strings.Join(numbers[:len(numbers)-1], ", ") + " and " + numbers[len(numbers)-1] + " of the project plan follow it"
}

func actionText(a plans.Action) string {
	if t := firstLine(a.Text); t != "" {
		return ansi.Truncate(t, 100, "…")
	}
	if a.ItemID != "" {
		return "the action for " + a.ItemID
	}
	return plans.StepName(a.StepNumber)
}

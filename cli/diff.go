package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/socialmobility/ladder/workforce"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	rev    string
	format string
	out    string
	force  bool
}

func newDiffCmd() *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff PLAN --rev REV | diff --rev REV [FOLDER]",
		Short: "Show what changed in plans: ratings, actions, due dates, answers, counts",
		Long: `Diff compares two versions of a plan and says what changed in the words a
review uses, not line by line:

  - for a plan carried on from last year's (ladder new --from), first, how
    many of that plan's open actions and project-plan steps it has (with
    --rev, as that plan stood at REV), and which it dropped or reworded;
    with --rev, one marked done in last year's plan since REV is named as
    done in this change, not as dropped
  - each rating that moved, from → to, and whether that is better or worse
  - actions, owners, statuses and notes that changed (a status change
    names its action)
  - due dates that moved, with how many days they slipped or were pulled in
  - project-plan steps added, removed or changed, named by their words
    (matched by their ids, so an edited step is not shown as one removed
    and one added), and the plan's new order when steps were moved
  - follow-up answers that changed
  - how the count of each rating changed in each area
  - the plan's workforce data (plans/acme.data.yaml): each grade's
    shares, responses, headcount and response rate, the target response
    rate, threshold and collection date, and the reading, old → new
    (name the data file itself, in place of a plan, for the data alone)

Compare two files (OLD NEW; - reads one of them from standard input), a
plan with its own version at a git revision (PLAN --rev REV), or every
plan in a folder that changed since a revision (--rev REV [FOLDER], the
plans folder unless you name one): one report for a whole pull request,
each plan under a heading with its organisation and title. REV is any
revision git understands, such as HEAD~1, main, a tag or a commit hash.
Files at REV are read through git; your working copy is not touched. On
a branch that REV has moved on from, changes count from where the branch
left REV (git's merge base), as a pull request counts them: what others
merged into main since is not shown as undone by the branch (where git
cannot find that point, as in a shallow clone, they count from REV itself,
and ladder says so). To compare with REV's own version instead:
git show REV:PLAN | ladder diff - PLAN.

A plan added since REV gets a summary (its ratings and open actions); a
removed one a line; a renamed one is compared with its old self, under
both names.

Two plans of different organisations, or following different checklists,
are not compared unless you add --force: their counts would say nothing.
Versions of one file at two revisions are compared with a warning.

Plain text is for the terminal (wrapped to its width); --format md gives
Markdown to paste into a pull-request comment, kept within GitHub's
65,536 characters for one: the plans past that are named a line each.

Exit status: 0 when the plans could be compared (whether or not anything
changed); 1 when a plan does not load, or the plans are of different
organisations or checklists; 2 when the command was called wrongly, and
with --rev when git does not know REV or the plan is not in a git
repository.`,
		Example: `  # What changed since the last commit
  ladder diff plans/acme.yaml --rev HEAD

  # Every plan a pull request changes, as one comment
  ladder diff --rev origin/main --format md -o plan-changes.md

  # Two files, or a file and a version piped in
  ladder diff plans/acme-spring.yaml plans/acme-autumn.yaml
  git show main:plans/acme.yaml | ladder diff - plans/acme.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.rev != "" && len(args) > 1:
				return usageErrorf("with --rev, name one plan or one folder: ladder diff PLAN --rev REV, or ladder diff --rev REV [FOLDER]")
			case opts.rev == "" && len(args) != 2:
				return usageErrorf("name two plans (ladder diff OLD NEW), one plan and a git revision (ladder diff PLAN --rev REV), or a revision alone (ladder diff --rev REV) for every plan changed since REV")
			case opts.rev == "" && args[0] == "-" && args[1] == "-":
				return usageErrorf("only one of the two plans can come from standard input (-)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := formatOfOutput(cmd, &opts.format, opts.out, "text", "md"); err != nil {
				return err
			}
			return runDiff(cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), typedPaths(args), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.rev, "rev", "", "compare with the version at git revision `REV` (HEAD~1, main, a tag, a hash)")
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text for the terminal, or md for Markdown")
	outputFlag(f, &opts.out, "write to `FILE` instead of standard output (a .md name chooses --format md)")
	f.BoolVar(&opts.force, "force", false, "compare two plans even when they are of different organisations or checklists")
	return cmd
}

func runDiff(stdin io.Reader, stdout, stderr io.Writer, args []string, opts diffOptions) error {
	if err := formatFlag(opts.format); err != nil {
		return err
	}
	if err := checkOutput(opts.out, args...); err != nil {
		return err
	}
	md := opts.format == "md"
	if slices.ContainsFunc(args, plans.IsDataFile) {
		doc, err := diffDataFilesNamed(stderr, args, opts.rev, md)
		if err != nil {
			return err
		}
		return writeDiff(stdout, stderr, opts, md, doc)
	}
	switch {
	case opts.rev == "":
		c, err := diffFiles(stdin, stderr, args[0], args[1], opts.force)
		if err != nil {
			return err
		}
		previousOnDisk(&c)
		// The data files' change: cli/data.go.
		return writeDiff(stdout, stderr, opts, md, append(diffOne(c, md), dataDiffFiles(stderr, args[0], args[1], md)...))
	case len(args) == 1 && !isDir(args[0]) && !emptiedSince(args[0], opts.rev):
		c, data, err := diffAtRevision(stderr, args[0], opts.rev, md)
		if err != nil {
			return err
		}
		return writeDiff(stdout, stderr, opts, md, append(diffOne(c, md), data...))
	}
	dir := plans.DefaultDir
	if len(args) == 1 {
		dir = args[0]
	}
	return diffFolder(stdout, stderr, dir, opts, md)
}

// diffDataFilesNamed compares data files named on their own (a pull
// request that changes only the data), as ladder diff does the data beside
// two plans (cli/data.go): two data files, or one with its version at rev.
// Read as plans, they would only fail to load.
func diffDataFilesNamed(stderr io.Writer, args []string, rev string, md bool) ([]byte, error) {
	for _, a := range args {
		if !plans.IsDataFile(a) {
			data, plan := args[0], args[1]
			if plans.IsDataFile(plan) {
				data, plan = plan, data
			}
			return nil, usageErrorf("%s is a data file and %s is a plan: compare two data files, or two plans (each with the data beside it)", data, plan)
		}
		if _, err := os.Stat(a); err != nil {
			return nil, usageErrorf("%s does not exist: %s", a, checkSpelling(a))
		}
	}
	var loaded []*workforce.Data
	for _, a := range args {
		d := diffData(stderr, a)
		if d == nil {
			return nil, &exitError{code: ExitProblems, err: fmt.Errorf("%s does not load, so it is not compared: run ladder check %s", a, plans.CommandPath(a))}
		}
		loaded = append(loaded, d)
	}
	oldName, newName, old := args[0], args[0], (*workforce.Data)(nil)
	if rev == "" {
		newName, old, loaded = args[1], loaded[0], loaded[1:]
	} else {
		var err error
		if oldName, old, err = dataAtRevision(stderr, args[0], rev); err != nil {
			return nil, err
		}
	}
	// A document of its own: the data's section is its H1.
	if md {
		return render.WorkforceDiffMarkdown(oldName, newName, old, loaded[0], 1), nil
	}
	return bytes.TrimPrefix(render.WorkforceDiffText(oldName, newName, old, loaded[0]), []byte("\n")), nil
}

// writeDiff writes the diff where it was asked for: in a terminal, text
// is wrapped at spaces to the window, rather than cut mid-word at its
// edge; a file, a pipe and Markdown get it as it is.
func writeDiff(stdout, stderr io.Writer, opts diffOptions, md bool, doc []byte) error {
	if !md && opts.out == "" {
		doc = render.FitToWidth(doc, terminalColumns(stdout))
	}
	return writeOutputSaying(stdout, stderr, opts.out, outputWhat("the changes", opts.format, false), doc)
}

func diffOne(c plans.FileChange, md bool) []byte {
	if md {
		return render.DiffMarkdown(c)
	}
	return render.DiffText(c)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// diffFiles compares two plan files, either of them perhaps standard input.
// Plans of different organisations or checklists are refused unless force
// is set: someone named the wrong file.
func diffFiles(stdin io.Reader, stderr io.Writer, oldName, newName string, force bool) (plans.FileChange, error) {
	c := plans.FileChange{Path: newName, OldName: oldName, NewName: newName}
	var err error
	if c.Old, c.OldName, err = loadPlanOrStdin(stdin, stderr, oldName); err != nil {
		return c, err
	}
	if c.New, c.NewName, err = loadPlanOrStdin(stdin, stderr, newName); err != nil {
		return c, err
	}
	if unrelated := plans.Unrelated(c.Old, c.New); len(unrelated) > 0 && !force {
		return c, &exitError{code: ExitProblems, err: fmt.Errorf("%s and %s are %s: comparing their ratings would say nothing.\n"+
			"Name two versions of one plan, or add --force to compare them anyway", c.OldName, c.NewName, safetext.Line(unrelated[0]))}
	}
	return c, nil
}

// stdinLabel names standard input where a plan's file name would be.
const stdinLabel = "standard input"

// loadPlanOrStdin loads a plan named on the command line, or standard
// input for "-" (a custom checklist it names is looked for from here).
func loadPlanOrStdin(stdin io.Reader, stderr io.Writer, name string) (*plans.Plan, string, error) {
	if name != "-" {
		p, err := loadPlan(stderr, name)
		return p, name, err
	}
	const label = stdinLabel
	data, err := io.ReadAll(io.LimitReader(stdin, strictyaml.MaxFileSize+1))
	if err != nil {
		return nil, label, fmt.Errorf("reading standard input: %w", err)
	}
	if len(data) > strictyaml.MaxFileSize {
		return nil, label, usageErrorf("standard input is larger than a plan can be (%d MB)", strictyaml.MaxFileSize>>20)
	}
	p, err := plans.Parse(label, data, nil)
	if err != nil {
		return nil, label, planProblems(stderr, label, err, "pipe in a plan file")
	}
	return p, label, nil
}

// diffAtRevision compares the plan at file with its version at rev. A plan
// not in rev under that name was renamed since (compared with its old
// self) or is new (summed up); one no longer on disk was removed. data is
// how the data beside the plan differs (cli/data.go), read at the same
// commit: rev is resolved once.
func diffAtRevision(stderr io.Writer, file, rev string, md bool) (c plans.FileChange, data []byte, err error) {
	repo, rel, err := openRepo(file)
	if err != nil {
		return plans.FileChange{Path: file, NewName: file}, nil, err
	}
	defer repo.Close()
	commit, err := resolveBranchPoint(stderr, repo, rev)
	if err != nil {
		return plans.FileChange{Path: file, NewName: file}, nil, gitProblem(err)
	}
	c, err = changeAtRevision(stderr, repo, commit, rev, file, rel)
	if err != nil {
		return c, nil, err
	}
	previousAtRevision(repo, commit, rev, &c)
	unchasedSince(&c)
	return c, dataDiffAtRevision(stderr, repo, commit, rev, file, md), nil
}

// changeAtRevision is diffAtRevision's comparison, in the repository.
func changeAtRevision(stderr io.Writer, repo *gitrev.Repo, commit, rev, file, rel string) (plans.FileChange, error) {
	c := plans.FileChange{Path: file, NewName: file}
	var err error
	since := revisionLabel(repo, rev, commit)
	_, statErr := os.Stat(file)
	onDisk := statErr == nil
	_, readErr := repo.ReadFile(commit, rel)
	// A file over the size limit is there: loadAtCommit reports it.
	inRev := readErr == nil || errors.Is(readErr, gitrev.ErrTooLarge)
	if readErr != nil && !inRev && !errors.Is(readErr, gitrev.ErrNotInRevision) {
		return c, gitProblem(readErr)
	}
	switch {
	case !onDisk && !inRev:
		return c, usageErrorf("%s does not exist: %s", file, checkSpelling(file))
	case !onDisk:
		if moved, problem, ok := renamedSince(repo, commit, rev, rel); ok {
			if problem != nil {
				printError(stderr, problem.err)
				return c, problemsFound()
			}
			return moved, nil
		}
		c.OldName = since
		c.Old, err = loadAtCommit(stderr, repo, commit, rev, rel)
		return c, err
	case !inRev:
		// Renamed since, or new: as the folder report would say.
		changes, problems, err := changedPlans(repo, commit, rev, "")
		if err != nil {
			return c, gitProblem(err)
		}
		for _, ch := range changes {
			if ch.Path == displayPath(repo, rel) && ch.New != nil {
				for _, p := range problems {
					if p.mended && p.path == ch.Path {
						printError(stderr, p.err) // why it did not load at rev
					}
				}
				ch.Path, ch.NewName = file, file
				return ch, nil
			}
		}
		bad := 0
		for _, p := range problems {
			if !p.mended {
				printError(stderr, p.err)
				bad++
			}
		}
		if bad > 0 {
			return c, problemsFound()
		}
	}
	c.OldName = file + " at " + since
	if c.Old, err = loadAtCommit(stderr, repo, commit, rev, rel); err != nil {
		return c, err
	}
	c.New, err = loadPlan(stderr, file)
	return c, err
}

// previousOnDisk finds the plan that c.New (two files compared) names as
// its previous review, as plans.PreviousReview reads one: OLD itself when
// NEW names it, as between two years' plans, or the plan file it leads
// to. A link that leaves the repository, leads nowhere or back to NEW, or
// to a plan that does not load or is on another checklist finds none: the
// diff then says nothing of what was carried on.
func previousOnDisk(c *plans.FileChange) {
	if c.New == nil || c.NewName == stdinLabel {
		return
	}
	load := func(target string) (*plans.Plan, error) {
		if c.OldName != stdinLabel && sameFile(target, c.OldName) {
			return c.Old, nil // read already
		}
		return plans.LoadFile(target, nil)
	}
	prev, target, err := plans.PreviousReview(c.NewName, c.New, load)
	if err != nil || prev == nil {
		return
	}
	c.Previous, c.PreviousName = prev, target
	if prev == c.Old {
		c.PreviousName = c.OldName
	}
}

func sameFile(a, b string) bool {
	x, errX := os.Stat(a)
	y, errY := os.Stat(b)
	return errX == nil && errY == nil && os.SameFile(x, y)
}

// previousAtRevision finds the plan that c.New names as its previous
// review as it was at commit, as the diff reads every old version: what a
// pull request carried on is counted against last year's plan as it
// stood before the pull request, less what the pull request marked done
// there (c.PreviousNow, the work tree's). A previous review not yet in commit
// (added by the same pull request, and shown whole in it) is read from
// the work tree. The rule is plans.PreviousReview's: the link may not
// leave the repository (plans.Link) nor lead back to the plan, and the
// plan must load, on the same checklist; one that does not finds none:
// the diff then says nothing of what was carried on. It does not hand
// plans.PreviousReviewRemoved a loader reading at commit: the self check,
// the fallback to the work tree and whether to read c.PreviousNow would
// all hang on flags the loader sets for after the call, to save one Link
// call and one checklist comparison (tried: eight lines longer, and the
// rules no easier to see).
func previousAtRevision(repo *gitrev.Repo, commit, rev string, c *plans.FileChange) {
	if c.New == nil || c.New.PreviousReview == "" {
		return
	}
	target, err := plans.Link(c.Path, c.New.PreviousReview)
	if err != nil {
		return
	}
	rel, err := repo.Rel(target)
	if self, selfErr := repo.Rel(c.Path); err != nil || selfErr != nil || rel == self {
		return
	}
	// workTree is the previous review as the work tree has it; nil when
	// plans.PreviousReview does not read it.
	workTree := func() *plans.Plan {
		p, _, err := plans.PreviousReview(c.Path, c.New, nil)
		if err != nil {
			return nil
		}
		return p
	}
	data, err := repo.ReadFile(commit, rel)
	if errors.Is(err, gitrev.ErrNotInRevision) {
		if p := workTree(); p != nil {
			c.Previous, c.PreviousName = p, displayPath(repo, rel)
		}
		return
	}
	if err != nil {
		return
	}
	p, err := plans.Parse(rev+":"+rel, data, revisionResolver(repo, commit, path.Dir(rel)))
	if err != nil || p.Checklist.ID != c.New.Checklist.ID {
		return // as plans.PreviousReview refuses one on another checklist
	}
	c.Previous, c.PreviousName = p, displayPath(repo, rel)
	// The same pull request often closes last year's finished work before
	// carrying the plan on: what it marked done is finished, not left
	// behind, and only the work tree's version says so. Removed from
	// there, or not loading, the plan at commit is all there is to read.
	c.PreviousNow = workTree()
}

// unchasedSince finds what the change opened in a plan already carried on
// to its next review, which does not have it (plans.OpenedAfterCarryOn):
// a branch begun before the carry-on that adds an action to last year's
// plan. The pull request's comment says so, as check --changed-since
// does on the plan's line.
func unchasedSince(c *plans.FileChange) {
	if c.New == nil {
		return
	}
	next, ok := plans.HandedOn(c.Path, c.New)
	if !ok {
		return
	}
	nextPlan, err := plans.LoadFile(next, nil)
	if err != nil {
		return
	}
	c.Unchased = plans.OpenedAfterCarryOn(c.Old, c.New, nextPlan)
	c.NextName = next
}

// revisionLabel names a revision for a heading: "HEAD~1 (1a2b3c4)", the
// revision alone when it is already a hash, or "main (1a2b3c4, where this
// branch left it)" when commit is the branch point, not rev itself. When
// git found no branch point (resolveBranchPoint), the heading says so:
// a pull request's comment is read without the job's log, and what was
// merged into main since would read there as undone by the branch.
func revisionLabel(repo *gitrev.Repo, rev, commit string) string {
	short := commit[:min(7, len(commit))]
	isHash := strings.HasPrefix(commit, rev)
	tip, err := repo.Resolve(rev)
	switch {
	case err != nil:
	case tip != commit:
		return rev + " (" + short + ", where this branch left it)"
	default:
		if _, ok := repo.BranchPoint(commit); !ok {
			if isHash { // a commit has no tip, nor anything merged since
				return rev + " (git finds no commit where this branch left it: what it has that this branch lacks reads as undone here)"
			}
			return rev + " (" + short + ", its tip: git finds no commit where this branch left it, so what was merged there since reads as undone here)"
		}
	}
	if isHash {
		return rev
	}
	return rev + " (" + short + ")"
}

// resolveBranchPoint resolves rev to the commit a branch's changes are
// counted from, as a pull request counts them: where HEAD's history left
// rev's (git's merge base), which is rev itself when HEAD has it. Counted
// from rev's own commit, what others merged into main after the branch
// began would show as undone by the branch, and a plan added there as
// removed by it. When git finds no such commit (a shallow clone that
// never fetched it, histories with nothing in common), rev's own commit
// is used, and stderr says so: what others merged into rev since would
// otherwise read, unsaid, as undone by the branch.
func resolveBranchPoint(stderr io.Writer, repo *gitrev.Repo, rev string) (string, error) {
	commit, err := repo.Resolve(rev)
	if err != nil {
		return "", err
	}
	base, ok := repo.BranchPoint(commit)
	if !ok {
		fmt.Fprintf(stderr, "%s: changes are counted from %s itself.\n", noBranchPoint(repo, rev), safetext.Line(rev))
	}
	return base, nil
}

// noBranchPoint says that git finds no commit where HEAD's history left
// rev's, and why when the clone is shallow.
func noBranchPoint(repo *gitrev.Repo, rev string) string {
	why := ""
	if repo.Shallow() {
		why = " (this clone is shallow: in CI, check out with fetch-depth: 0)"
	}
	return "git finds no commit where this branch left " + safetext.Line(rev) + why
}

// loadAtCommit loads the plan at rel as it was at commit (named rev).
func loadAtCommit(stderr io.Writer, repo *gitrev.Repo, commit, rev, rel string) (*plans.Plan, error) {
	name := rev + ":" + rel
	data, err := repo.ReadFile(commit, rel)
	var p *plans.Plan
	switch {
	case errors.Is(err, gitrev.ErrTooLarge):
		err = tooLargeAsFileError(name, err)
	case err != nil:
		return nil, gitProblem(err)
	default:
		p, err = plans.Parse(name, data, revisionResolver(repo, commit, path.Dir(rel)))
	}
	if err != nil {
		return nil, planProblems(stderr, name, err, "it cannot be compared at "+rev+"; try another revision")
	}
	return p, nil
}

// displayPath names a repository path as the user would type it from
// here, which is also a path that reaches it.
func displayPath(repo *gitrev.Repo, rel string) string {
	wd, err := os.Getwd()
	if err != nil {
		return rel
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	p, err := filepath.Rel(wd, filepath.Join(repo.Root, filepath.FromSlash(rel)))
	if err != nil {
		return filepath.Join(repo.Root, filepath.FromSlash(rel))
	}
	return p
}

// diffFolder reports every plan under dir that changed since rev, in path
// order: one document for a whole pull request. A plan that does not load
// on either side is reported on standard error and the rest still shown
// (exit 1).
func diffFolder(stdout, stderr io.Writer, dir string, opts diffOptions, md bool) error {
	if !isDir(dir) && !emptiedSince(dir, opts.rev) {
		if dir == plans.DefaultDir {
			if inPlansFolder() {
				return usageErrorf("there is no %s/ folder here: this folder is the plans folder. Run ladder diff --rev %s . (or run ladder from the folder above)", plans.DefaultDir, plans.CommandQuote(opts.rev))
			}
			if repoDir, ok := repositoryPlans(); ok {
				return usageErrorf("%s", plansAreIn(repoDir, "ladder diff --rev "+plans.CommandQuote(opts.rev)))
			}
			// The folder was not named: "plans is not a folder here" read
			// as if the user had typed it wrong.
			return usageErrorf("there is no %s/ folder here: name the folder your plans are in, or a plan file (ladder diff --rev %s FOLDER)", plans.DefaultDir, plans.CommandQuote(opts.rev))
		}
		return usageErrorf("%s is not a folder here: name a plan file, or the folder of plans (ladder diff --rev %s FOLDER)", safetext.Line(dir), plans.CommandQuote(opts.rev))
	}
	repo, err := gitrev.Open(dir)
	if err != nil {
		return gitProblem(err)
	}
	defer repo.Close()
	relDir, err := repo.Rel(dir)
	if err != nil {
		relDir = "" // the top of the repository
	}
	commit, err := resolveBranchPoint(stderr, repo, opts.rev)
	if err != nil {
		return gitProblem(err)
	}
	since := revisionLabel(repo, opts.rev, commit)
	out, problems, err := changedPlans(repo, commit, opts.rev, relDir)
	if err != nil {
		return gitProblem(err)
	}
	for i := range out {
		previousAtRevision(repo, commit, opts.rev, &out[i])
		unchasedSince(&out[i])
	}
	var notCompared []string
	for _, p := range problems {
		printError(stderr, p.err)
		if !p.mended {
			notCompared = append(notCompared, p.name())
		}
	}
	bad := len(notCompared)
	doc := render.DiffsText(since, out, notCompared)
	if md {
		doc = render.DiffsMarkdown(since, out, notCompared)
	}
	doc = append(doc, dataChangesInFolder(stderr, repo, commit, opts.rev, relDir, md)...) // cli/data.go
	doc = append(doc, render.OnChangedChecklists(onChangedChecklists(repo, commit, dir, out, problems), md)...)
	if err := writeDiff(stdout, stderr, opts, md, doc); err != nil {
		return err
	}
	if bad > 0 {
		return &exitError{code: ExitProblems, err: fmt.Errorf("%s could not be compared (see above) and %s not in this report",
			plural(bad, "plan"), map[bool]string{true: "is", false: "are"}[bad == 1])}
	}
	return nil
}

// onChangedChecklists lists the plans in dir the change left alone (not
// among changed, nor among the changed plans that did not load) that
// follow a checklist file it touched, as check --changed-since checks
// them (changedChecklist).
func onChangedChecklists(repo *gitrev.Repo, commit, dir string, changed []plans.FileChange, problems []planProblem) []render.OnChangedChecklist {
	changes, err := repo.Changes(commit, "")
	if err != nil || len(changes) == 0 || !isDir(dir) {
		return nil
	}
	files, err := plans.Find(dir)
	if err != nil {
		return nil
	}
	touched, rels := touchedBesidePlans(repo, changes, files) // cli/check.go
	if len(touched) == 0 {
		return nil // only plans changed: no checklist file did
	}
	shown := map[string]bool{}
	for _, c := range changed {
		shown[c.Path] = true
	}
	for _, p := range problems {
		shown[p.path] = true
	}
	var out []render.OnChangedChecklist
	for i, f := range files {
		if rels[i] == "" || shown[displayPath(repo, rels[i])] {
			continue
		}
		if crel := changedChecklist(repo, touched, f, rels[i]); crel != "" {
			out = append(out, render.OnChangedChecklist{Plan: displayPath(repo, rels[i]), Checklist: displayPath(repo, crel)})
		}
	}
	return out
}

// emptiedSince reports whether dir, not on disk, was a folder at rev: a
// change that moved every plan out of it (plans/2026 into plans/2027)
// left git no folder to keep, and "does not exist: check the spelling"
// sent the reviewer looking for a typo.
func emptiedSince(dir, rev string) bool {
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	repo, rel, err := openRepo(dir)
	if err != nil {
		return false
	}
	defer repo.Close()
	commit, err := repo.Resolve(rev)
	return err == nil && repo.IsFolder(commit, rel)
}

// planProblem is a changed plan that could not be compared: its path as
// shown, and why. A mended one was compared all the same: it did not load
// at the revision, and the change mends it (err says why it did not).
type planProblem struct {
	path string
	// from is the plan's name at the revision when git found it renamed
	// since: a plan moved out of the folder asked about is still its.
	from   string
	err    error
	mended bool
}

// name is the problem's plan as a list of those not compared names it.
func (p planProblem) name() string {
	if p.from != "" {
		return p.path + " (renamed from " + p.from + ")"
	}
	return p.path
}

// mendedError is why a plan the change mends did not load at the
// revision: said, but no failure of the change's.
type mendedError struct{ err error }

func (e *mendedError) Error() string { return e.err.Error() }
func (e *mendedError) Unwrap() error { return e.err }

// renamedSince is the change of the plan at rel in rev, gone from the
// work tree, when it was renamed since (git mv into a year's folder): a
// reviewer who names the old path is shown the plan compared with its old
// self, under its new name, rather than told it was removed.
//
// A plan renamed to a file that does not load is no change to show: its
// problem is returned instead (said by the caller), not a removal.
func renamedSince(repo *gitrev.Repo, commit, rev, rel string) (plans.FileChange, *planProblem, bool) {
	changes, problems, err := changedPlans(repo, commit, rev, "")
	if err != nil {
		return plans.FileChange{}, nil, false // said as removed, as before
	}
	for _, ch := range changes {
		if ch.RenamedFrom == displayPath(repo, rel) && ch.New != nil {
			return ch, nil, true
		}
	}
	for _, p := range problems {
		if p.from == displayPath(repo, rel) && !p.mended {
			return plans.FileChange{}, &p, true
		}
	}
	return plans.FileChange{}, nil, false
}

// changedPlans loads both sides of every plan under relDir that differs
// between commit (named rev) and the work tree, in path order. A plan that
// does not load is left out, with its problem.
func changedPlans(repo *gitrev.Repo, commit, rev, relDir string) ([]plans.FileChange, []planProblem, error) {
	changes, err := repo.Changes(commit, relDir)
	if err != nil {
		return nil, nil, err
	}
	out, problems := loadChanges(repo, commit, rev, relDir, changes)
	if relDir == "" || !slices.ContainsFunc(out, func(c plans.FileChange) bool { return c.Old == nil || c.New == nil }) {
		return out, problems, nil
	}
	// Git asked of relDir alone sees half of a plan moved into it or out
	// of it (plans/acme.yaml into plans/2026), which read as new, or as
	// removed: the whole tree's changes are read, and those with a name
	// in relDir kept.
	if changes, err = repo.Changes(commit, ""); err != nil {
		return nil, nil, err
	}
	inside := make(map[string]bool) // display paths, as FileChange has them
	for _, ch := range changes {
		for _, rel := range []string{ch.Path, ch.OldPath} {
			if strings.HasPrefix(rel, relDir+"/") {
				inside[displayPath(repo, rel)] = true
			}
		}
	}
	out, problems = loadChanges(repo, commit, rev, relDir, changes)
	out = slices.DeleteFunc(out, func(c plans.FileChange) bool { return !inside[c.Path] && !inside[c.RenamedFrom] })
	problems = slices.DeleteFunc(problems, func(p planProblem) bool { return !inside[p.path] && !inside[p.from] })
	return out, problems, nil
}

// loadChanges is changedPlans' loading of changes, the files git found
// changed: those under relDir (or in the whole tree, for a plan moved in
// or out of it) that are plans.
func loadChanges(repo *gitrev.Repo, commit, rev, relDir string, changes []gitrev.Change) ([]plans.FileChange, []planProblem) {
	since := revisionLabel(repo, rev, commit)
	var out []plans.FileChange
	var problems []planProblem
	for _, ch := range changes {
		dir := relDir
		if !strings.HasPrefix(ch.Path, relDir+"/") {
			dir = "" // outside relDir: its hidden folders are from the top
		}
		if !plans.IsPlanFile(ch.Path) || underHidden(ch.Path, dir) {
			continue
		}
		cs, err := folderChange(repo, commit, rev, since, ch)
		if err != nil {
			var mended *mendedError
			p := planProblem{path: displayPath(repo, ch.Path), err: err, mended: errors.As(err, &mended)}
			if moved := (*movedError)(nil); errors.As(err, &moved) {
				p.from = moved.from
			}
			problems = append(problems, p)
		}
		out = append(out, cs...)
	}
	out = pairRenames(out, since)
	pairMovedAside(out, since)
	slices.SortStableFunc(out, func(a, b plans.FileChange) int { return strings.Compare(a.Path, b.Path) })
	return out, problems
}

// pairRenames takes a removed plan and an added one of the same
// organisation and checklist for one plan renamed (the same title first).
// Git pairs files by how alike their lines are, and plans of one checklist
// are alike line for line whoever they are about: it can pair a renamed
// plan's old name with another organisation's new plan.
func pairRenames(cs []plans.FileChange, since string) []plans.FileChange {
	for i := range cs {
		if cs[i].New != nil || cs[i].Old == nil {
			continue
		}
		best := -1
		for j := range cs {
			a := &cs[j]
			if a.Old != nil || a.New == nil || a.OldDidNotLoad || len(plans.Unrelated(cs[i].Old, a.New)) > 0 {
				continue
			}
			if best < 0 || (a.New.Title == cs[i].Old.Title && cs[best].New.Title != cs[i].Old.Title) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		a := &cs[best]
		a.Old, a.RenamedFrom = cs[i].Old, cs[i].Path
		a.OldName = a.RenamedFrom + " at " + since
		cs[i].Old = nil // paired: dropped below
	}
	return slices.DeleteFunc(cs, func(c plans.FileChange) bool { return c.Old == nil && c.New == nil })
}

// pairMovedAside finds last year's plan moved aside and carried on into
// its place in one change (git mv plans/acme.yaml plans/2026/, then
// ladder new plans/acme.yaml --from plans/2026/acme.yaml). Git sees the
// old name changed and last year's plan new, as the two years' plans are
// alike line for line: the comment read so hid what the change did to
// last year's plan in a new plan's summary, and showed this year's as
// last year's reset. A changed plan that names, only now, as its previous
// review a plan new in the change, of the same review (organisation,
// checklist and date) as the changed plan was, is that plan moved: it is
// compared with the old version, as renamed, and the changed one is new.
func pairMovedAside(cs []plans.FileChange, since string) {
	for i := range cs {
		m := &cs[i]
		if m.Old == nil || m.New == nil || m.RenamedFrom != "" || m.OldDidNotLoad ||
			m.New.PreviousReview == "" {
			continue
		}
		target, err := plans.Link(m.Path, m.New.PreviousReview)
		if err != nil {
			continue
		}
		for j := range cs {
			a := &cs[j]
			if a.Old != nil || a.New == nil || !plans.MovedAsideAs(m.Old, m.New, a.New) || !sameFile(a.Path, target) {
				continue
			}
			a.Old, a.RenamedFrom = m.Old, m.Path
			a.OldName = m.Path + " at " + since
			m.Old, m.OldName = nil, since
			break
		}
	}
}

// underHidden reports whether a path lies in a hidden or testdata folder
// below dir: the folder commands do not look there.
func underHidden(rel, dir string) bool {
	rest := rel
	if dir != "" {
		rest = strings.TrimPrefix(rel, dir+"/")
	}
	parts := strings.Split(rest, "/")
	for _, p := range parts[:len(parts)-1] {
		if plans.SkippedFolder(p) {
			return true
		}
	}
	return false
}

// folderChange loads both sides of one changed file. A YAML file that is
// not a plan (a custom checklist kept beside the plans) is left out. Git
// pairs a deleted file with a new one it resembles as a rename, and two
// plans of one checklist resemble each other closely: a "rename" between
// plans of different organisations is shown as a plan removed and another
// added.
func folderChange(repo *gitrev.Repo, commit, rev, since string, ch gitrev.Change) ([]plans.FileChange, error) {
	c := plans.FileChange{Path: displayPath(repo, ch.Path), OldName: since}
	c.NewName = c.Path
	var newErr error
	var movedTo string
	var movedData []byte
	if ch.Status != 'D' {
		f := plans.ReadFolderFile(c.Path, nil)
		switch {
		case f.Kind != plans.KindPlan:
			return nil, nil
		case f.Err != nil && ch.Status == 'R':
			// Unless it is the old plan moved (below), the old file is
			// still reported, as removed.
			newErr = notLoaded(f.Err, c.Path)
			movedTo, movedData = c.Path, f.Data
			ch = gitrev.Change{Status: 'D', Path: ch.OldPath}
			c = plans.FileChange{Path: displayPath(repo, ch.Path), OldName: since}
			c.NewName = c.Path
		case f.Err != nil:
			return nil, notLoaded(f.Err, c.Path)
		}
		c.New = f.Plan
	}
	if ch.Status == 'A' {
		return []plans.FileChange{c}, nil
	}
	oldRel := ch.Path
	if ch.Status == 'R' {
		oldRel = ch.OldPath
	}
	name := rev + ":" + oldRel
	data, err := repo.ReadFile(commit, oldRel)
	switch {
	case errors.Is(err, gitrev.ErrTooLarge):
		err = tooLargeAsFileError(name, err) // a version that does not load
	case err != nil:
		return nil, err
	default:
		c.Old, err = plans.Parse(name, data, revisionResolver(repo, commit, path.Dir(oldRel)))
	}
	switch {
	case err != nil && ch.Status == 'D':
		return nil, newErr // not a plan then either
	case err != nil && c.New != nil:
		// A mistake at rev that this change mends is rev's, not the
		// change's: the plan is shown as it is now, and nothing fails.
		c.OldDidNotLoad = true
		return []plans.FileChange{c}, &mendedError{err}
	case err != nil:
		return nil, fmt.Errorf("%w\n%s does not load at %s, so it is not compared", err, oldRel, rev)
	case ch.Status == 'D' && movedTo != "" && movedPlan(c.Old, c.Path, movedTo, movedData):
		// Moved and broken on the way (into next year's folder): named
		// where it went, as not loading. Said to be removed, it read as
		// deleted on purpose, and a diff of the old folder passed.
		return nil, &movedError{from: c.Path, to: movedTo, err: newErr}
	case ch.Status == 'D':
		return []plans.FileChange{c}, newErr
	case ch.Status == 'R' && len(plans.Unrelated(c.Old, c.New)) > 0:
		removed := plans.FileChange{Path: displayPath(repo, oldRel), OldName: since, Old: c.Old}
		removed.NewName = removed.Path
		c.Old = nil
		return []plans.FileChange{removed, c}, nil
	case ch.Status == 'R':
		c.RenamedFrom = displayPath(repo, oldRel)
	}
	c.OldName = cmp.Or(c.RenamedFrom, c.Path) + " at " + since
	return []plans.FileChange{c}, nil
}

// movedError is why a plan git found renamed is not compared: it does
// not load under its new name.
type movedError struct {
	from, to string // its names at the revision and now, as shown
	err      error
}

func (e *movedError) Error() string {
	return e.err.Error() + "\n" + safetext.Line(e.from) + " was renamed to " + safetext.Line(e.to)
}
func (e *movedError) Unwrap() error { return e.err }

// movedPlan says whether a file git pairs with the plan old (at oldPath)
// as renamed, and which does not load (data), is that plan moved: its
// file keeps its name (plans/2026/acme.yaml to plans/2027/acme.yaml) or
// still names its organisation. Git pairs files by how alike their lines
// are, and any two plans of one checklist are alike: another
// organisation's new plan, broken, is no rename of a plan removed.
func movedPlan(old *plans.Plan, oldPath, newPath string, data []byte) bool {
	return path.Base(oldPath) == path.Base(newPath) ||
		(strings.TrimSpace(old.Organisation) != "" && bytes.Contains(data, []byte(old.Organisation)))
}

// openRepo finds the git repository holding file and the file's name in it.
// The file need not exist any more (history follows a deleted plan), but it
// must not be a folder.
func openRepo(file string) (*gitrev.Repo, string, error) {
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		return nil, "", usageErrorf("%s is a folder: name a plan file in it", file)
	}
	repo, err := gitrev.Open(filepath.Dir(file))
	if err != nil {
		return nil, "", gitProblem(err)
	}
	rel, err := repo.Rel(file)
	if err != nil {
		repo.Close()
		return nil, "", gitProblem(err)
	}
	return repo, rel, nil
}

// notLoaded says a plan in the folder did not load. Its path comes from
// the repository, and is named on one line: a line break in a file's name
// must not start a line of ladder's output.
func notLoaded(err error, path string) error {
	return fmt.Errorf("%w\n%s does not load, so it is not compared: run ladder check %s", err, safetext.Line(path), safetext.Line(plans.CommandPath(path)))
}

// gitProblem ends a command on something git could not do. A revision
// git does not know (a typo, or a base branch a shallow CI clone never
// fetched), a folder that is no git repository (a CI step in the wrong
// folder, a checkout without .git) and no git at all exit 2, as a command
// called wrongly: no plan was read, and CI must be able to tell that from
// problems found in the plans (exit 1).
func gitProblem(err error) error {
	code := ExitProblems
	if errors.Is(err, gitrev.ErrUnknownRevision) || errors.Is(err, gitrev.ErrNotRepository) || errors.Is(err, gitrev.ErrNoGit) {
		code = ExitUsage
	}
	return &exitError{code: code, err: err}
}

// tooLargeAsFileError makes a file over the size limit, read through git
// (its content skipped, never held), the error parsing it as name would
// have given: NAME:1:1: file is N bytes, over the 524288 byte limit, the
// words for a file on disk. Every command then reports it where it
// reports a file that does not load. Other errors pass unchanged.
func tooLargeAsFileError(name string, err error) error {
	var big *gitrev.TooLargeError
	if errors.As(err, &big) {
		return &plans.FileError{Path: name, Problems: []plans.Problem{{Line: 1, Column: 1, Message: big.Problem()}}}
	}
	return err
}

// revisionResolver finds a custom checklist as it was at the same commit as
// the plan, so an old plan is read against the checklist it was written
// for. A checklist never committed is read from disk; built-in checklists
// come from this build. Checklists are parsed once per distinct content.
func revisionResolver(repo *gitrev.Repo, commit, planDir string) plans.Resolver {
	return cachedRevisionResolver(repo, commit, planDir, map[string]*checklist.Checklist{})
}

func cachedRevisionResolver(repo *gitrev.Repo, commit, planDir string, cache map[string]*checklist.Checklist) plans.Resolver {
	onDisk := filepath.Join(repo.Root, filepath.FromSlash(planDir))
	load := func(file string) (*checklist.Checklist, error) {
		rel, err := filepath.Rel(repo.Root, file)
		if err != nil {
			return checklist.LoadFile(file)
		}
		name := filepath.ToSlash(rel)
		data, err := repo.ReadFile(commit, name)
		if errors.Is(err, gitrev.ErrNotInRevision) {
			return checklist.LoadFile(file)
		}
		if err != nil {
			return nil, tooLargeAsFileError(name, err)
		}
		if c, ok := cache[string(data)]; ok {
			return c, nil
		}
		c, err := checklist.Parse(name, data)
		if err != nil {
			return nil, err
		}
		cache[string(data)] = c
		return c, nil
	}
	return func(ref plans.ChecklistRef, _ string) (*checklist.Checklist, error) {
		return plans.ChecklistFor(ref, onDisk, nil, load)
	}
}

package cli

import (
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	rev    string
	format string
	out    string
}

func newDiffCmd() *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff PLAN --rev REV",
		Short: "Show what changed in a plan: ratings, actions, due dates, answers, counts",
		Long: `Diff compares two versions of a plan and says what changed in the words a
review uses, not line by line:

  - each rating that moved, from → to, and whether that is better or worse
  - actions, owners, statuses and notes that changed
  - due dates that moved, with how many days they slipped or were pulled in
  - project-plan steps added, removed or changed (followed by their id, so
    an edited step is not shown as one removed and one added)
  - follow-up answers that changed
  - how the Red/Amber/Green counts changed in each area

Compare two files (OLD NEW), or a plan with its own version at a git
revision (PLAN --rev REV): any revision git understands, such as HEAD~1,
main, a tag or a commit hash. The file at REV is read through git; your
working copy is not touched.

Plain text is for the terminal; --format md gives Markdown to paste into a
pull-request comment.

Exit status: 0 when the plans could be compared (whether or not anything
changed); 1 when a plan does not load, git does not know REV, or the plan
is not in REV; 2 when the command was called wrongly.`,
		Example: `  # What changed since the last commit
  ladder diff plans/acme.yaml --rev HEAD

  # Since the start of the quarter, as a pull-request comment
  ladder diff plans/acme.yaml --rev q1-review --format md -o changes.md

  # Two files
  ladder diff plans/acme-spring.yaml plans/acme-autumn.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.rev != "" && len(args) != 1:
				return usageErrorf("with --rev, name one plan: ladder diff PLAN --rev REV")
			case opts.rev == "" && len(args) != 2:
				return usageErrorf("name two plans (ladder diff OLD NEW), or one plan and a git revision (ladder diff PLAN --rev REV)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiff(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.rev, "rev", "", "compare PLAN with its version at git revision `REV` (HEAD~1, main, a tag, a hash)")
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text for the terminal, or md for Markdown")
	f.StringVarP(&opts.out, "output", "o", "", "write to `FILE` instead of standard output")
	return cmd
}

func runDiff(stdout, stderr io.Writer, args []string, opts diffOptions) error {
	if err := formatFlag(opts.format); err != nil {
		return err
	}
	if err := checkOutput(opts.out, args...); err != nil {
		return err
	}
	var (
		old, new         *plans.Plan
		oldName, newName string
		err              error
	)
	if opts.rev != "" {
		newName = args[0]
		if new, err = loadPlan(stderr, newName); err != nil {
			return err
		}
		if old, oldName, err = loadAtRevision(stderr, newName, opts.rev); err != nil {
			return err
		}
	} else {
		oldName, newName = args[0], args[1]
		if old, err = loadPlan(stderr, oldName); err != nil {
			return err
		}
		if new, err = loadPlan(stderr, newName); err != nil {
			return err
		}
	}
	d := plans.Compare(old, new)
	out := render.DiffText(d, oldName, newName)
	if opts.format == "md" {
		out = render.DiffMarkdown(d, oldName, newName)
	}
	return writeOutput(stdout, opts.out, out)
}

// loadAtRevision loads the version of the plan at file as it was at rev,
// and names it for the diff's heading: "plans/acme.yaml at HEAD~1
// (1a2b3c4)".
func loadAtRevision(stderr io.Writer, file, rev string) (*plans.Plan, string, error) {
	repo, rel, err := openRepo(file)
	if err != nil {
		return nil, "", err
	}
	defer repo.Close()
	commit, err := repo.Resolve(rev)
	if err != nil {
		return nil, "", gitProblem(err)
	}
	data, err := repo.ReadFile(rev, rel)
	if err != nil {
		return nil, "", gitProblem(err)
	}
	short := commit[:min(7, len(commit))]
	name := rev + ":" + rel
	p, err := plans.Parse(name, data, revisionResolver(repo, commit, path.Dir(rel)))
	if err != nil {
		return nil, "", planProblems(stderr, name, err, "it cannot be compared at "+rev+"; try another revision")
	}
	label := file + " at " + rev
	if !strings.HasPrefix(commit, rev) {
		label += " (" + short + ")"
	}
	return p, label, nil
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

// gitProblem ends a command on something git could not do (exit 1).
func gitProblem(err error) error {
	return &exitError{code: ExitProblems, err: err}
}

// revisionResolver finds a custom checklist as it was at the same commit as
// the plan, so an old plan is read against the checklist it was written
// for. A checklist never committed is read from disk; built-in checklists
// come from this build. Checklists are parsed once per distinct content.
func revisionResolver(repo *gitrev.Repo, commit, planDir string) plans.Resolver {
	return cachedRevisionResolver(repo, commit, planDir, map[string]*checklist.Checklist{})
}

func cachedRevisionResolver(repo *gitrev.Repo, commit, planDir string, cache map[string]*checklist.Checklist) plans.Resolver {
	return func(ref plans.ChecklistRef, _ string) (*checklist.Checklist, error) {
		onDisk := filepath.Join(repo.Root, filepath.FromSlash(planDir))
		if ref.File == "" || filepath.IsAbs(ref.File) {
			return plans.DefaultResolver(ref, onDisk)
		}
		name := path.Clean(path.Join(planDir, filepath.ToSlash(ref.File)))
		data, err := repo.ReadFile(commit, name)
		if errors.Is(err, gitrev.ErrNotInRevision) {
			return plans.DefaultResolver(ref, onDisk)
		}
		if err != nil {
			return nil, err
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
}

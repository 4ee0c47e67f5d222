package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

type historyOptions struct {
	format string
	out    string
}

func newHistoryCmd() *cobra.Command {
	var opts historyOptions
	cmd := &cobra.Command{
		Use:   "history PLAN",
		Short: "Show a plan's Red/Amber/Green counts at every commit, oldest first",
		Long: `History reads a plan at every git commit that changed it and prints one
row per commit, oldest first: the date, the short commit hash, and the
Red/Amber/Green/Unrated counts in each area and in total, so a team can
see a quarter's movement at a glance.

A commit where the plan did not load (a merge conflict, a typo) is shown
with the first problem, not skipped; so is the commit that deleted it.

The plan must be in a git repository and committed at least once. The
history is read through git; nothing is changed.`,
		Example: `  # How the spring review moved
  ladder history plans/acme-spring.yaml

  # As a Markdown table for the quarterly report
  ladder history plans/acme-spring.yaml --format md -o history.md`,
		Args: exactlyOneArg("history needs one plan file: ladder history PLAN (see ladder history --help)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runHistory(cmd.OutOrStdout(), args[0], opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text for the terminal, or md for Markdown")
	f.StringVarP(&opts.out, "output", "o", "", "write to `FILE` instead of standard output")
	return cmd
}

func runHistory(stdout io.Writer, file string, opts historyOptions) error {
	if err := formatFlag(opts.format); err != nil {
		return err
	}
	if err := checkOutput(opts.out, file); err != nil {
		return err
	}
	entries, err := planHistory(file)
	if err != nil {
		return err
	}
	cols := 80 // a file, a pipe: what a reader's terminal or editor likely shows
	if opts.out == "" {
		cols = terminalWidth(stdout)
	}
	out := render.HistoryText(file, entries, cols)
	if opts.format == "md" {
		out = render.HistoryMarkdown(file, entries)
	}
	out = append(out, dataHistory(file, opts.format == "md", cols)...) // the data file's: cli/data.go
	return writeOutput(stdout, opts.out, out)
}

// planHistory loads the plan at every commit that touched it, through one
// cat-file process.
func planHistory(file string) ([]plans.HistoryEntry, error) {
	repo, rel, err := openRepo(file)
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	commits, err := repo.Log(rel)
	if err != nil {
		return nil, gitProblem(err)
	}
	if len(commits) == 0 {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, usageErrorf("%s does not exist, and git has no history of it: check the spelling of the path", file)
		}
		return nil, gitProblem(fmt.Errorf("%s has no history yet: git has no commit of it.\n"+
			"Commit it first (git add %s && git commit), then run this again", file, file))
	}
	cache := map[string]*checklist.Checklist{}
	entries := make([]plans.HistoryEntry, len(commits))
	loaded := 0
	// count fills in entry i from the plan's bytes at its commit.
	count := func(i int, data []byte) {
		c, e := commits[i], &entries[i]
		name := c.Short + ":" + c.Path
		resolve := cachedRevisionResolver(repo, c.Hash, path.Dir(c.Path), cache)
		// Only the counts are wanted: read just the ratings when the file
		// is in ladder's layout, and parse it whole only when it is not
		// (or has a rating problem), to say what is wrong.
		if checklist, counts, ok := plans.CountRatings(name, data, resolve); ok {
			e.Checklist, e.Counts = checklist, counts
			loaded++
		} else if p, err := plans.Parse(name, data, resolve); err != nil {
			e.Problem = "did not load: " + plans.ProblemSummary(err)
		} else {
			e.SetPlan(p)
			loaded++
		}
	}
	var blobs []string
	var withBlob []int
	for i, c := range commits {
		entries[i] = plans.HistoryEntry{Commit: c.Short, Date: plans.DateOf(c.Date), Subject: c.Subject, RenamedFrom: c.RenamedFrom}
		switch {
		case c.Deleted:
			entries[i].Problem = "deleted in this commit"
		case c.Blob != "":
			blobs, withBlob = append(blobs, c.Blob), append(withBlob, i)
		default: // a merge: the log does not name the blob
			data, err := repo.ReadFile(c.Hash, c.Path)
			switch {
			case errors.Is(err, gitrev.ErrNotInRevision):
				entries[i].Problem = "deleted in this commit"
			case err != nil:
				return nil, gitProblem(err)
			default:
				count(i, data)
			}
		}
	}
	err = repo.ReadBlobs(blobs, func(k int, data []byte) error {
		count(withBlob[k], data)
		return nil
	})
	if err != nil {
		return nil, gitProblem(err)
	}
	if loaded == 0 {
		return nil, &exitError{code: ExitProblems, err: fmt.Errorf("%s is not a plan at any of its %s (at %s: %s): history shows a plan's counts, so name a plan file",
			file, plural(len(commits), "commit"), entries[0].Commit, entries[0].Problem)}
	}
	return entries, nil
}

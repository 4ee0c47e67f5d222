package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/spf13/cobra"
)

type statusOptions struct {
	today string
	out   string
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
it is. It is the "what do we chase this month" list.

A plan that does not load is reported on standard error and the exit
status is 1, so a broken file never hides its actions silently. Plans are
only read, never changed.`,
		Example: `  # What to chase this month
  ladder status

  # Another folder, as it will look on the first of April
  ladder status reviews/ --today 2027-04-01

  # Save it for the monthly check-in
  ladder status -o chase-list.txt`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("status takes one folder: ladder status [DIR] (see ladder status --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatus(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.today, "today", "", "the date to count from, as `YYYY-MM-DD` (default: today)")
	f.StringVarP(&opts.out, "output", "o", "", "write the list to `FILE` instead of standard output")
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
	files, err := planFiles("status", args)
	if err != nil {
		return err
	}
	dir := plans.DefaultDir
	if len(args) == 1 {
		dir = args[0]
	}

	var named []plans.NamedPlan
	bad := 0
	for _, l := range loadFiles(files, sharedChecklists()) {
		switch {
		case l.err != nil:
			fmt.Fprintln(stderr, l.err)
			bad++
		case l.plan != nil:
			named = append(named, plans.NamedPlan{Path: l.path, Plan: l.plan})
		}
	}
	o := plans.CollectOutstanding(named, today)
	if err := writeOutput(stdout, opts.out, o.Text(dir)); err != nil {
		return err
	}
	if bad > 0 {
		them := "their actions are"
		if bad == 1 {
			them = "its actions are"
		}
		return &exitError{code: ExitProblems, err: fmt.Errorf("%s did not load (see above), so %s not in this list: run ladder check %s for every problem",
			plural(bad, "file"), them, dir)}
	}
	return nil
}

// sharedChecklists is the default resolver, remembering each custom
// checklist file it reads: the plans in one folder usually share one, and
// reading and validating it again for every plan would cost more than the
// plan itself.
func sharedChecklists() plans.Resolver {
	type result struct {
		c   *checklist.Checklist
		err error
	}
	var mu sync.Mutex
	seen := map[string]*result{}
	return func(ref plans.ChecklistRef, planDir string) (*checklist.Checklist, error) {
		if ref.File == "" {
			return plans.DefaultResolver(ref, planDir)
		}
		path := ref.File
		if !filepath.IsAbs(path) {
			path = filepath.Join(planDir, path)
		}
		key, err := filepath.Abs(path)
		if err != nil {
			key = path
		}
		mu.Lock()
		defer mu.Unlock()
		if r, ok := seen[key]; ok {
			return r.c, r.err
		}
		c, err := plans.DefaultResolver(ref, planDir)
		seen[key] = &result{c, err}
		return c, err
	}
}

// loadFiles loads files with loadFile on a few goroutines, one per core,
// and returns them in the order given. Parsing a plan is CPU work with no
// shared state, so a folder of plans loads about as many times faster as
// there are cores.
func loadFiles(files []string, resolve plans.Resolver) []loaded {
	return loadFilesOn(runtime.GOMAXPROCS(0), files, resolve)
}

func loadFilesOn(workers int, files []string, resolve plans.Resolver) []loaded {
	out := make([]loaded, len(files))
	workers = min(workers, len(files))
	if workers <= 1 {
		for i, f := range files {
			out[i] = loadFile(f, resolve)
		}
		return out
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				out[i] = loadFile(files[i], resolve)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

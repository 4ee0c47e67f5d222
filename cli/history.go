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
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

type historyOptions struct {
	format string
	out    string
	// log says which commits: main's own line, unless allCommits.
	log        gitrev.LogOptions
	allCommits bool
}

func newHistoryCmd() *cobra.Command {
	var opts historyOptions
	cmd := &cobra.Command{
		Use:   "history [PLAN]",
		Short: "Show a plan's rating counts at every commit, oldest first",
		Long: `History reads a plan at every git commit that changed it and prints one
row per commit, oldest first: the date, the short commit hash, how many
items have each rating (such as Red, Amber, Green and Unrated) in each
area and in total, and how many of the plan's actions were done (Done,
such as 3/8: 3 done of 8), so a team can see a quarter's movement at a
glance, in its ratings and in the work done. A merge is one commit: see
below.

The actions are each item's action and each step of the project plan,
counted as ladder status counts them: a step that repeats an item's
action (the same words, owner and due date) is that action, counted
once.

A commit where the plan did not load (a merge conflict, a typo) is shown
with the first problem, not skipped; so is the commit that deleted it.

The plan must be in a git repository and committed at least once.
Changes not committed yet are not counted: history says when there are
some. With no PLAN, history reads the only plan in plans/ (in plans
kept a folder per year, the only one in the newest year's, such as
plans/2027/), or the only one not carried on to a next review (this
year's, beside last year's that it carried on). The history is read
through git; nothing is changed.

History follows only the first parent of each merge, as git log
--first-parent does: on main, one row per pull request merged with a
merge commit, the plan as the merge left it, under the merge's subject;
on a branch, the branch's own commits and main's before it. With
--all-commits it lists every commit that changed the plan, branches'
commits among them by date: where two pull requests were worked on the
same days, the counts step back and forth between their versions of the
plan. Renames are followed either way.

A plan carried on from last year's (ladder new --from) lists the
commits of the reviews it carried on from first, each up to where it
was carried on, each subject naming its plan, so the counts read on
across the years; that plan's own history (ladder history LAST) is as
it was. The workforce data's history does the same: last year's data
file's commits first, each naming its file.

With ACCESSIBLE set (or TERM=dumb), as for ladder review --accessible,
each commit is said in sentences for a screen reader, every count with
its word ("Workforce: 1 red, 2 amber, 1 green, 0 unrated.").

Exit status: 0 when the history was printed; 1 when the plan has no
commit yet or was never a plan; 2 when the command was called wrongly,
the plan is not in a git repository or git is not installed.`,
		Example: `  # How the spring review moved
  ladder history plans/acme-spring.yaml

  # As a Markdown table for the quarterly report
  ladder history plans/acme-spring.yaml --format md -o history.md

  # Every commit, the pull requests' own among them
  ladder history plans/acme-spring.yaml --all-commits`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := formatOfOutput(cmd, &opts.format, opts.out, "text", "md"); err != nil {
				return err
			}
			path, err := onePlanArg("history", args)
			if err != nil {
				return err
			}
			opts.log.FirstParent = !opts.allCommits
			return runHistory(cmd.OutOrStdout(), cmd.ErrOrStderr(), path, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text for the terminal, or md for Markdown")
	outputFlag(f, &opts.out, "write to `FILE` instead of standard output (a .md name chooses --format md)")
	f.BoolVar(&opts.allCommits, "all-commits", false, "list every commit, branches' own among them by date, not one row per merge")
	// What history does without --all-commits; it was a flag of its own
	// when every commit was the default, and scripts may still pass it.
	f.Bool("first-parent", true, "follow only the first parent of merges: one row per merged pull request (the default)")
	f.MarkHidden("first-parent")
	return cmd
}

func runHistory(stdout, stderr io.Writer, file string, opts historyOptions) error {
	if err := formatFlag(opts.format); err != nil {
		return err
	}
	if err := checkOutput(opts.out, file); err != nil {
		return err
	}
	// Each version is garbage once counted: cli/folder_memory.go.
	defer collectLate()()
	cols := 80 // a file, a pipe: what a reader's terminal or editor likely shows
	if opts.out == "" {
		cols = terminalWidth(stdout)
	}
	// The data file's history (cli/data.go) is read beside the plan's:
	// each takes a few git processes, and on a busy machine waiting for
	// them one after another was most of the time.
	// The reviews it carried on from are walked once, for both.
	chain := reviewsCarriedOnFrom(file)
	var data []byte
	var uncommitted, unmerged, shallow bool
	var wg sync.WaitGroup
	wg.Go(func() { data = dataHistory(file, chain, opts.log, opts.format == "md", cols) })
	wg.Go(func() { uncommitted, unmerged, shallow = historyCaveats(file) })
	entries, err := historyAcrossReviews(file, chain, opts.log)
	wg.Wait()
	if err != nil {
		return err
	}
	if uncommitted {
		// Someone who has just re-rated items and asks how the plan moved
		// would otherwise see nothing of it, and no reason why.
		fmt.Fprintf(stderr, "%s has changes not committed yet, which history does not show.\n"+
			"To count them, commit the plan: git add %s && git commit\n",
			safetext.Line(file), safetext.Line(plans.CommandPath(file)))
	}
	if unmerged {
		// "Commit the plan" would commit git's conflict markers.
		fmt.Fprintf(stderr, "%s is in the middle of a merge, with conflicts git left to resolve, which history does not show.\n"+
			"Resolve them first (ladder check %s names the lines), then commit the merge.\n",
			safetext.Line(file), safetext.Line(plans.CommandPath(file)))
	}
	if shallow {
		sayShallowClone(stderr, "history")
	}
	var out []byte
	switch {
	case opts.format == "md":
		out = render.HistoryMarkdown(file, entries, opts.log.FirstParent)
	case wordsWanted():
		out = render.HistoryWords(file, entries, opts.log.FirstParent, cols)
	default:
		out = render.HistoryText(file, entries, opts.log.FirstParent, cols)
	}
	return writeOutputSaying(stdout, stderr, opts.out, outputWhat("the history", opts.format, false), append(out, data...))
}

// sayShallowClone tells whoever ran the command, who can fetch the rest,
// that what (history, or the report's history) shows only the commits a
// shallow clone has: the oldest commit fetched looks like the plan's
// first, and one commit reads as the plan's whole life.
func sayShallowClone(stderr io.Writer, what string) {
	fmt.Fprintf(stderr, "This clone is shallow: %s shows only the commits it has.\n"+
		"For the rest, run git fetch --unshallow (in CI, check out with fetch-depth: 0).\n", what)
}

// historyCaveats says what history cannot show: whether the plan on disk
// differs from the plan at HEAD (line endings aside, for git's autocrlf),
// as changes not committed yet or as a merge's conflicts not resolved yet,
// and whether the clone is shallow. It says false whenever it cannot
// tell: planHistory reports git's problems.
func historyCaveats(file string) (uncommitted, unmerged, shallow bool) {
	repo, rel, err := openRepo(file)
	if err != nil {
		return false, false, false
	}
	defer repo.Close()
	if changedAtHead(repo, rel, file) {
		unmerged = repo.Unmerged(rel)
		uncommitted = !unmerged
	}
	return uncommitted, unmerged, repo.Shallow()
}

// changedAtHead reports whether the plan on disk differs from HEAD's.
func changedAtHead(repo *gitrev.Repo, rel, file string) bool {
	committed, err := repo.ReadFile("HEAD", rel)
	var big *gitrev.TooLargeError
	if errors.As(err, &big) {
		// Too large to compare: a file of another size differs.
		info, err := os.Stat(file)
		return err == nil && info.Size() != big.Size
	}
	if err != nil {
		return false
	}
	onDisk, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	crlf, lf := []byte("\r\n"), []byte("\n")
	return !bytes.Equal(bytes.ReplaceAll(committed, crlf, lf), bytes.ReplaceAll(onDisk, crlf, lf))
}

// historyAcrossReviews is the plan's history as ladder history and the
// HTML report's chart show it: the plan's own commits (planHistory),
// after those of the reviews it carried on from (earlierHistory), whose
// entries name their plan in Review. One walk for both, so the terminal
// and the web page never tell two stories of the same plan. chain is
// reviewsCarriedOnFrom(file).
func historyAcrossReviews(file string, chain []plans.EarlierReview, log gitrev.LogOptions) ([]plans.HistoryEntry, error) {
	entries, rel, err := planHistory(file, log)
	if err != nil {
		return nil, err
	}
	earlier, own := earlierHistory(chain, rel, entries, log)
	return append(earlier, own...), nil
}

// earlierHistory is the history of the reviews in chain, those a plan
// carried on from (ladder new --from), oldest first, each up to where
// the review after it begins: own is that plan's history, and ownRel its
// path in the repository. The reviews are those the
// report reads (plans.EarlierReviews: inside the repository, on the same
// checklist, no ring); last year's plan removed once carried on is read
// from git, as history reads any removed plan. A review whose history
// cannot be read ends the chain there: the plan's own history stands.
// Where last year's plan was moved aside from the plan's own name, own
// is returned from the carry-on on: what came before is last year's.
func earlierHistory(chain []plans.EarlierReview, ownRel string, own []plans.HistoryEntry, log gitrev.LogOptions) (earlier, ownSince []plans.HistoryEntry) {
	if len(own) == 0 {
		return nil, own
	}
	after := own
	for i, r := range chain {
		entries, _, err := planHistory(r.Path, log)
		if err != nil {
			break
		}
		if i == 0 {
			own = sinceMovedAside(own, entries, ownRel)
			after = own
		}
		entries = beforeCarriedOn(entries, after)
		if len(entries) == 0 {
			break
		}
		for i := range entries {
			entries[i].Review = filepath.ToSlash(r.Path)
		}
		earlier = append(entries, earlier...)
		after = entries
	}
	return earlier, own
}

// sinceMovedAside is own, the history of the plan at ownRel, from where
// last year's plan (whose history is last) was moved aside from that
// name: git mv plans/acme.yaml plans/2026/, then ladder new
// plans/acme.yaml --from plans/2026/acme.yaml, in one commit or two.
// The commits before it, under the same name, are last year's review's.
// (Moved in a commit of its own, the name's history as git follows it
// starts again at the carry-on.) Own is returned whole when last year's
// plan never had its name.
func sinceMovedAside(own, last []plans.HistoryEntry, ownRel string) []plans.HistoryEntry {
	for _, e := range slices.Backward(last) {
		if e.RenamedFrom != ownRel {
			continue
		}
		if j := slices.IndexFunc(own, func(o plans.HistoryEntry) bool { return o.Commit == e.Commit }); j >= 0 {
			return own[j:]
		}
	}
	return own
}

// reviewsCarriedOnFrom are the reviews the plan at file carried on from,
// nearest first, as plans.EarlierReviews finds them; last year's plan
// removed once carried on is named all the same, for its history to be
// read from git. None when the plan does not load or carried on from
// nothing.
func reviewsCarriedOnFrom(file string) []plans.EarlierReview {
	p, err := plans.LoadFile(file, nil)
	if err != nil || p.PreviousReview == "" {
		return nil
	}
	chain, _, err := plans.EarlierReviews(file, p)
	if errors.Is(err, plans.ErrNoPlanThere) {
		if target, err := plans.Link(file, p.PreviousReview); err == nil {
			chain = []plans.EarlierReview{{Path: target}}
		}
	}
	return chain
}

// beforeCarriedOn is a review's history up to where the review after it
// (whose history is after) begins: the commits before the first that is
// after's too (the one that carried it on, giving it its next_review
// line) or later than after's first. What was changed in it since, such
// as its removal, is its own history's.
func beforeCarriedOn(entries, after []plans.HistoryEntry) []plans.HistoryEntry {
	theirs := map[string]bool{}
	for _, e := range after {
		theirs[e.Commit] = true
	}
	for i, e := range entries {
		if theirs[e.Commit] || after[0].Date.Before(e.Date) {
			return entries[:i]
		}
	}
	return entries
}

// planHistory loads the plan at every commit that touched it (that opts
// lists: with FirstParent, those on the first-parent line). Three
// things overlap: git log finds the commits (newest first), a cat-file
// process of its own sends each version as soon as its commit is found,
// and every core counts the versions as they come.
func planHistory(file string, opts gitrev.LogOptions) (_ []plans.HistoryEntry, rel string, _ error) {
	repo, rel, err := openRepo(file)
	if err != nil {
		return nil, "", err
	}
	defer repo.Close()

	cache := map[string]*checklist.Checklist{}
	var cacheMu sync.Mutex // the counters share the cache
	// count fills in e from the plan's bytes at commit c, or from why
	// they could not be read (a file over the size limit).
	count := func(e *plans.HistoryEntry, c gitrev.Commit, data []byte, readErr error) {
		name := c.Short + ":" + c.Path
		if readErr != nil {
			e.Problem = didNotLoad + plans.ProblemSummary(tooLargeAsFileError(name, readErr))
			return
		}
		atCommit := cachedRevisionResolver(repo, c.Hash, path.Dir(c.Path), cache)
		resolve := func(ref plans.ChecklistRef, dir string) (*checklist.Checklist, error) {
			cacheMu.Lock()
			defer cacheMu.Unlock()
			return atCommit(ref, dir)
		}
		// Only the counts are wanted: read just the ratings and actions
		// when the file is in ladder's layout, and parse it whole only
		// when it is not (or has a problem in what is counted), to say
		// what is wrong.
		if e.Count(name, data, resolve) {
			return
		}
		if p, err := plans.Parse(name, data, resolve); err != nil {
			e.Problem = didNotLoad + plans.ProblemSummary(err)
		} else {
			e.SetPlan(p)
		}
	}
	type version struct {
		entry  *plans.HistoryEntry
		commit gitrev.Commit
		data   []byte
		err    error // gitrev.ErrTooLarge: this version alone is not read
	}
	versions := make(chan version, 16)
	var counting sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		counting.Go(func() {
			for v := range versions {
				count(v.entry, v.commit, v.data, v.err)
			}
		})
	}
	// asked are the versions asked of cat-file, in order; the stream's
	// goroutine reads them as the log's appends to them.
	var asked []version
	var askedMu sync.Mutex
	stream, err := repo.StreamBlobs(func(k int, data []byte, err error) error {
		askedMu.Lock()
		v := asked[k]
		askedMu.Unlock()
		v.data, v.err = data, err
		versions <- v
		return nil
	})
	if err != nil {
		close(versions)
		return nil, "", gitProblem(err)
	}
	var newestFirst []*plans.HistoryEntry
	var commits []gitrev.Commit // newestFirst's
	logErr := repo.LogEach(rel, opts, func(c gitrev.Commit) error {
		e := &plans.HistoryEntry{Commit: c.Short, Date: plans.DateOf(c.Date), Subject: c.Subject, Merge: c.Merge, RenamedFrom: c.RenamedFrom}
		newestFirst = append(newestFirst, e)
		commits = append(commits, c)
		switch {
		case c.Deleted:
			e.Problem = deletedHere
		case c.Blob != "":
			askedMu.Lock()
			asked = append(asked, version{entry: e, commit: c})
			askedMu.Unlock()
			return stream.Ask(c.Blob)
		default: // the log did not name the blob
			data, err := repo.ReadFile(c.Hash, c.Path)
			switch {
			case errors.Is(err, gitrev.ErrNotInRevision):
				e.Problem = deletedHere
			case err != nil && !errors.Is(err, gitrev.ErrTooLarge):
				return err
			default:
				versions <- version{e, c, data, err}
			}
		}
		return nil
	})
	streamErr := stream.Close()
	close(versions)
	counting.Wait()
	if err := cmp.Or(logErr, streamErr); err != nil {
		return nil, "", gitProblem(err)
	}
	newestFirst = endAtUnrelatedRename(repo, newestFirst, commits)
	if len(newestFirst) == 0 {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, "", usageErrorf("%s does not exist, and git has no history of it: %s", file, checkSpelling(file))
		}
		// The command on a line of its own, whole, so that a long path
		// neither runs the advice past 80 columns nor breaks it mid-command.
		return nil, "", gitProblem(fmt.Errorf("%s has no history yet:\n"+
			"git has no commit of it. Commit it first, then run this again:\n  git add %s && git commit", file, plans.CommandPath(file)))
	}
	// Last year's plan moved aside in the commit that added it goes on
	// under its old name, as git would have it had it seen the rename.
	var before []plans.HistoryEntry
	if from := movedAsideFrom(repo, commits[len(newestFirst)-1]); from != "" {
		older, _, err := planHistory(filepath.Join(repo.Root, filepath.FromSlash(from)), opts)
		if err == nil {
			before = entriesBefore(older, commits[len(newestFirst)-1].Short)
		}
		if len(before) > 0 {
			newestFirst[len(newestFirst)-1].RenamedFrom = from
		}
	}
	entries := make([]plans.HistoryEntry, len(newestFirst))
	loaded := 0
	for i, e := range newestFirst {
		entries[len(entries)-1-i] = *e
		if e.Checklist != nil {
			loaded++
		}
	}
	if loaded == 0 {
		return nil, "", &exitError{code: ExitProblems, err: notAPlanAtAnyCommit(file, entries)}
	}
	return append(before, entries...), rel, nil
}

// notAPlanAtAnyCommit is why a file that loaded as a plan at none of its
// commits (oldest first) has no history to show. A plan file, neither a
// checklist nor beside the plans as data, is a plan with a mistake (typed
// at its first commit, or the one commit a shallow clone has) to mend
// with ladder check, where "not a plan … name a plan file" sent its owner
// looking for another.
func notAPlanAtAnyCommit(file string, entries []plans.HistoryEntry) error {
	at := "any of its " + plural(len(entries), "commit")
	if len(entries) == 1 {
		at = "its one commit"
	}
	if plans.IsReviewPlanFile(file) && !plans.IsChecklistFile(file) {
		return fmt.Errorf("%s did not load at %s (at %s: %s): history shows a plan's counts, so mend it first (ladder check %s lists its mistakes), or name another plan",
			file, at, entries[0].Commit, strings.TrimPrefix(entries[0].Problem, didNotLoad), plans.CommandPath(file))
	}
	return fmt.Errorf("%s is not a plan at %s (at %s: %s): history shows a plan's counts, so name a plan file",
		file, at, entries[0].Commit, entries[0].Problem)
}

// didNotLoad begins a history entry's problem where the plan did not load.
const didNotLoad = "did not load: "

// deletedHere is a history entry's problem where its commit removed the file.
const deletedHere = "deleted in this commit"

// entriesBefore are the entries (oldest first) before the one of commit.
func entriesBefore(entries []plans.HistoryEntry, commit string) []plans.HistoryEntry {
	for i, e := range entries {
		if e.Commit == commit {
			return entries[:i]
		}
	}
	return nil
}

// movedAsideFrom is, where c (a plan's oldest commit) added the plan,
// the name it was moved aside from in that commit, or "": last year's
// plan moved aside and carried on into its place in one commit (git mv
// plans/acme.yaml plans/2026/, then ladder new plans/acme.yaml --from
// plans/2026/acme.yaml), which git sees as the old name changed and last
// year's plan new, the two years' plans being alike line for line. The
// rule is diff's (pairMovedAside): the plan the added one names as its
// next review names it, only now, as its previous review, and was the
// same review as the added one (plans.MovedAsideAs).
func movedAsideFrom(repo *gitrev.Repo, c gitrev.Commit) string {
	if c.Deleted || c.RenamedFrom != "" {
		return ""
	}
	added := planAtCommit(repo, c)
	if added == nil || added.NextReview == "" {
		return ""
	}
	next, ok := linkAtCommit(c.Path, added.NextReview)
	if !ok {
		return ""
	}
	now, was := planAt(repo, c.Hash, c.Short, next), planAt(repo, c.Hash+"^", c.Short+"^", next)
	if now == nil || was == nil {
		return ""
	}
	if back, ok := linkAtCommit(next, now.PreviousReview); !ok || back != c.Path || !plans.MovedAsideAs(was, now, added) {
		return ""
	}
	return next
}

// linkAtCommit is the path in the repository that ref, a plan's
// previous_review or next_review, names for the plan at rel (also in the
// repository), as plans.Link finds it on disk; false when it climbs out.
func linkAtCommit(rel, ref string) (string, bool) {
	if ref == "" || strings.Contains(ref, "\\") {
		return "", false
	}
	target := path.Join(path.Dir(rel), ref)
	if target == ".." || strings.HasPrefix(target, "../") || path.IsAbs(target) {
		return "", false
	}
	return target, true
}

// endAtUnrelatedRename ends a history (newest first, with its commits) at
// a rename that joins plans of different organisations or checklists: git
// pairs a plan removed and another added in one commit as a rename, plans
// being mostly the checklist's template. ladder diff shows such a pair as
// one plan removed and one new; the new plan's history begins where it
// was added.
func endAtUnrelatedRename(repo *gitrev.Repo, newestFirst []*plans.HistoryEntry, commits []gitrev.Commit) []*plans.HistoryEntry {
	for i := 0; i+1 < len(commits); i++ {
		if commits[i].RenamedFrom == "" {
			continue
		}
		newer, older := planAtCommit(repo, commits[i]), planAtCommit(repo, commits[i+1])
		if newer != nil && older != nil && len(plans.Unrelated(older, newer)) > 0 {
			newestFirst[i].RenamedFrom = ""
			return newestFirst[:i+1]
		}
	}
	return newestFirst
}

// planAtCommit is the plan as c left it, or nil when it did not load.
func planAtCommit(repo *gitrev.Repo, c gitrev.Commit) *plans.Plan {
	if c.Deleted {
		return nil
	}
	return planAt(repo, c.Hash, c.Short, c.Path)
}

// planAt is the plan at rel in revision rev (named short in messages), or
// nil when there is none there or it did not load.
func planAt(repo *gitrev.Repo, rev, short, rel string) *plans.Plan {
	data, err := repo.ReadFile(rev, rel)
	if err != nil {
		return nil
	}
	p, err := plans.Parse(short+":"+rel, data, revisionResolver(repo, rev, path.Dir(rel)))
	if err != nil {
		return nil
	}
	return p
}

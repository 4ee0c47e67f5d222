package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/spf13/cobra"
)

func newMergeCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "merge BASE OURS THEIRS [PATH]",
		Short: "Merge two branches' changes to a plan field by field (a git merge driver)",
		Long: `Merge is a merge driver for git: git runs it when two branches changed
the same plan, instead of merging the plan by its lines. Each item's
rating, action, owner, due date, status and notes, each answer and each
project-plan step (followed by its id) is taken from the branch that
changed it, and quick wins, participants and steps added on both
branches are all kept, where git alone stops with a conflict over two
additions at the end of one list. Only a field both branches changed to
different values is a conflict: git's markers go around that field
alone, the fields both branches changed are listed, and the merge stops
for you to choose, as git's does.

A plan that does not load on either side, or that is not in ladder's
layout ('ladder fmt'), or whose comments both branches changed, is left
to git's merge by lines, and ladder says why; so is any file larger than
a plan can be (512 KiB). A binary file is not merged: the current
branch's file is kept and the merge stops for you to choose a side.

Set it up once in each clone (git keeps drivers in its configuration,
not in the repository), and once in the repository:

  git config merge.ladder.name "ladder: plans merged field by field"
  git config merge.ladder.driver 'ladder merge %O %A %B %P ||
    { s=$?; [ $s -lt 126 ] && exit $s;
      git merge-file -L ours -L base -L theirs %A %O %B; }'
  echo 'plans/**/*.yaml merge=ladder' >> .gitattributes

The part after || runs git's own merge by lines where git cannot run
ladder (an editor's git whose PATH lacks it): without it, git reports a
conflict but leaves the plan as the current branch had it, with no
markers, and the next git add keeps that side alone.

BASE, OURS and THEIRS are the files git passes (%O, %A, %B); the merge
is written to OURS. PATH (%P) is the plan's path, for messages and for
a checklist file named from the plan's folder. Exit status 0 for a
clean merge, 1 for a conflict.`,
		Example: `  # What git runs (set up as above)
  ladder merge .merge_file_base .merge_file_ours .merge_file_theirs plans/acme.yaml`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 3 || len(args) > 4 {
				return usageErrorf("merge needs the three files git passes, and the plan's path: ladder merge %%O %%A %%B %%P (see ladder merge --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[1]
			if len(args) == 4 {
				path = args[3]
			}
			return runMerge(cmd.ErrOrStderr(), args[0], args[1], args[2], path)
		},
	}
}

// mergeLabels label git's conflict markers.
var mergeLabels = [3]string{"ours", "base", "theirs"}

func runMerge(stderr io.Writer, basePath, oursPath, theirsPath, path string) error {
	name := safetext.Line(path)
	large := false
	for _, f := range []string{basePath, oursPath, theirsPath} {
		info, err := regularSide(f)
		if err != nil {
			return usageErrorf("%s", safetext.Line(err.Error()))
		}
		large = large || info.Size() > strictyaml.MaxFileSize
	}
	if large {
		return mergeLargeByLines(stderr, basePath, oursPath, theirsPath, path)
	}
	var sides [3][]byte // base, ours, theirs
	for i, f := range []string{basePath, oursPath, theirsPath} {
		data, err := readSide(f)
		if err != nil {
			return usageErrorf("%s", safetext.Line(err.Error()))
		}
		sides[i] = data
	}
	byLines, conflicts, err := gitrev.MergeFile(sides[1], sides[0], sides[2], mergeLabels)
	if err != nil {
		return notMerged(stderr, path, err)
	}
	if conflicts == 0 {
		return writeMerged(oursPath, byLines)
	}
	merged, why := mergeFields(path, sides)
	if why != "" {
		if err := writeMerged(oursPath, byLines); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "ladder merge: %s: merged by its lines, as git does, since %s.\n", name, why)
		return problemsFound()
	}
	if len(merged.Conflicts) == 0 {
		if err := writeMerged(oursPath, merged.Ours); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "ladder merge: %s: merged field by field: both branches' changes kept.\n", name)
		return nil
	}
	out, _, err := gitrev.MergeFile(merged.Ours, merged.Base, merged.Theirs, mergeLabels)
	if err != nil {
		return usageErrorf("%s", safetext.Line(err.Error()))
	}
	if err := writeMerged(oursPath, out); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "ladder merge: %s: merged field by field, but both branches changed %s:\n", name, plural(len(merged.Conflicts), "field"))
	for _, c := range merged.Conflicts {
		fmt.Fprintf(stderr, "  %s\n", safetext.Line(c))
	}
	which := "ours is this branch, theirs the branch merged in"
	if gitrev.Rebasing(".") { // git runs a merge driver at the top of the work tree
		which = "in a rebase, ours is the branch rebased onto, theirs your own commit being replayed"
	}
	fmt.Fprintf(stderr, "Keep one side of each between git's <<<<<<< and >>>>>>> lines (%s), then run ladder check %s and git add it.\n", which, safetext.Line(plans.CommandPath(path)))
	return problemsFound()
}

// mergeLargeByLines merges a file past the size ladder reads plans up to
// (strictyaml.MaxFileSize: a large workforce data file, or anything a
// branch put under plans/) by its lines, as git would, where refusing it
// would leave git to take ours, without theirs' changes or a marker, for
// the merge. Git reads the three files and writes the merge straight into
// the file that replaces ours: ladder holds none of them in memory.
func mergeLargeByLines(stderr io.Writer, basePath, oursPath, theirsPath, path string) error {
	var conflicts int
	_, err := plans.WriteFileAtomicFrom(oursPath, 0o644, func(w io.Writer) (err error) {
		conflicts, err = gitrev.MergeFilesTo(w, oursPath, basePath, theirsPath, mergeLabels)
		return err
	})
	if err != nil {
		return notMerged(stderr, path, err)
	}
	if conflicts == 0 {
		return nil
	}
	why := fmt.Sprintf("it is larger than a plan can be (%d KiB)", strictyaml.MaxFileSize>>10)
	if plans.IsDataFile(path) || plans.IsBenchmarkFile(path) {
		why = notAPlan
	}
	fmt.Fprintf(stderr, "ladder merge: %s: merged by its lines, as git does, since %s.\n", safetext.Line(path), why)
	return problemsFound()
}

// notMerged says why a merge failed: for a file git does not merge by its
// lines (binary), in words and as a conflict, as git's own merge does,
// ours left as it was for the user to choose a side. In a rebase ours is
// the branch rebased onto, not the user's branch: it says so.
func notMerged(stderr io.Writer, path string, err error) error {
	if !errors.Is(err, gitrev.ErrNotText) {
		return usageErrorf("%s", safetext.Line(err.Error()))
	}
	kept, choose := "the current branch's file is kept as it was", "git checkout --ours or --theirs"
	if gitrev.Rebasing(".") { // the sides are the other way round, as in runMerge
		kept, choose = "the file of the branch rebased onto is kept as it was", "git checkout --ours takes that one, --theirs your own commit being replayed"
	}
	fmt.Fprintf(stderr, "ladder merge: %s: not merged, since %s: %s; choose a side (%s) and git add it.\n",
		safetext.Line(path), err, kept, choose)
	return problemsFound()
}

const notAPlan = "it is workforce data, not a plan (ladder merges plans only)"

// readSide reads one of the files git passes, whole, once regularSide has
// found it no larger than a plan can be. Only a regular file is read (not
// a pipe named by hand), and its kind is known before it is opened:
// opening a named pipe waits for a writer, which may never come.
func readSide(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, cmp.Or(err, notRegular(path))
	}
	data, err := io.ReadAll(io.LimitReader(f, strictyaml.MaxFileSize+1))
	if err == nil && len(data) > strictyaml.MaxFileSize {
		err = fmt.Errorf("%s grew while ladder merge read it", path)
	}
	return data, err
}

// regularSide is what is at path (followed, if a link), a regular file,
// found without opening it.
func regularSide(path string) (os.FileInfo, error) {
	info, err := os.Stat(path)
	if err == nil && !info.Mode().IsRegular() {
		err = notRegular(path)
	}
	return info, err
}

func notRegular(path string) error {
	return fmt.Errorf("%s is not a regular file: ladder merge reads the files git passes it", path)
}

// writeMerged puts the merge in the file git passed as ours (%A), which
// git reads as the merge once the driver ends, however it ends. Replaced
// whole, a driver stopped part way (killed, the disk full) leaves ours as
// it was, which git holds as a conflict, never half a plan. (Not
// WriteFileAtomic, which refuses an old file past a plan's size.)
func writeMerged(oursPath string, data []byte) error {
	_, err := plans.WriteFileAtomicFrom(oursPath, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err
}

// whereItFails is where a side that does not load goes wrong, as check
// would say it: " (plans/acme.yaml:12:3 on theirs: …)", its first problem
// only, the message cut to a line. Once merged by lines, markers and
// all, the file no longer shows where.
func whereItFails(path, side string, err error) string {
	var fe *plans.FileError
	if !errors.As(err, &fe) || len(fe.Problems) == 0 {
		return ""
	}
	first := fe.Problems[0]
	return fmt.Sprintf(" (%s:%d:%d on %s: %s)", safetext.Line(path), first.Line, first.Column, side,
		ansi.Truncate(safetext.Line(first.Message), 160, "…"))
}

// inLadderLayout reports whether side, a branch's plan, is in ladder's
// layout: encoded (the plan as ladder writes it, from side) but for lines
// a hand edit leaves out without changing what the plan says (skippable).
// The project plan's first step, typed by hand over "steps: []", has no
// "# In the order of the plan" above the list, and often no "owner:" or
// "status: todo"; two people adding theirs on two branches is what the
// merge driver is for, and git's merge by lines stops there. Merged, the
// plan gets those lines back, as ladder fmt would write them. A comment
// written by hand is kept in the plan and written back where it was, so
// it is never one encoded has and side lacks.
func inLadderLayout(encoded, side []byte) bool {
	if bytes.Equal(encoded, side) {
		return true
	}
	for len(encoded) > 0 {
		line := encoded[:lineEnd(encoded)]
		if n := lineEnd(side); n == len(line) && bytes.Equal(side[:n], line) {
			side = side[n:]
		} else if !skippable().Match(line) {
			return false
		}
		encoded = encoded[len(line):]
	}
	return len(side) == 0
}

// skippable matches a line ladder writes that says nothing a plan
// without it does not: a comment of ladder's, a field left empty, an
// empty list, a status of to do, a rating of unrated.
var skippable = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^ *(#.*|[a-z_]+:( \[\])?|status: todo|rating: unrated)\n?$`)
})

// lineEnd is the length of b's first line, its line feed included.
func lineEnd(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	return len(b)
}

// mergeFields merges the three sides of a plan field by field, or says why
// it cannot (then git's merge by lines stands).
func mergeFields(path string, sides [3][]byte) (plans.Merged, string) {
	switch {
	case plans.IsDataFile(path) || plans.IsBenchmarkFile(path):
		return plans.Merged{}, notAPlan
	case len(bytes.TrimSpace(sides[0])) == 0:
		return plans.Merged{}, "both branches added it"
	}
	var loaded [3]*plans.Plan
	for i, side := range []string{"the common ancestor", "ours", "theirs"} {
		p, err := plans.Parse(path, sides[i], nil)
		if err != nil {
			return plans.Merged{}, side + " does not load as a plan" + whereItFails(path, side, err)
		}
		if i > 0 && !inLadderLayout(plans.Encode(p), sides[i]) {
			return plans.Merged{}, side + " is not in ladder's layout (ladder fmt tidies it)"
		}
		loaded[i] = p
	}
	merged, err := plans.Merge(loaded[0], loaded[1], loaded[2])
	switch {
	case errors.Is(err, plans.ErrCommentsChangedOnBothSides):
		return merged, "both branches changed the comments written in it"
	case err != nil:
		return merged, "the branches follow different checklists"
	}
	return merged, ""
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// typedPath is a path typed on the command line, a backslash in it read as
// a separator where the system's is "/", as it is on Windows: a path copied
// from a colleague on Windows (plans\2026\acme.yaml) names the same file
// on a Mac, where ladder new made a file of that name at the top of the
// repository, which git on Windows refuses to check out. A file of that
// very name, if one is there, is still the one named.
func typedPath(p string) string {
	if filepath.Separator == '\\' || !strings.Contains(p, `\`) {
		return p
	}
	if _, err := os.Lstat(p); err == nil {
		return p
	}
	return strings.ReplaceAll(p, `\`, "/")
}

// typedPaths is typedPath of each path, in a new slice.
func typedPaths(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = typedPath(p)
	}
	return out
}

// planFiles expands the PATH arguments of check and fmt into files. With no
// paths it uses the plans folder, and says what to do if there is none.
func planFiles(command string, args []string) ([]string, error) {
	if len(args) == 0 {
		if _, err := os.Stat(plans.DefaultDir); errors.Is(err, fs.ErrNotExist) {
			if inPlansFolder() {
				return nil, usageErrorf("there is no %s/ folder here: this folder is the plans folder. Run ladder %s . (or run ladder from the folder above)", plans.DefaultDir, command)
			}
			if dir, ok := repositoryPlans(); ok {
				return nil, usageErrorf("%s", plansAreIn(dir, "ladder "+command))
			}
			// The folder ladder begins, from a folder inside a git
			// repository the plans/ at its top: ladder new plans/NAME.yaml
			// beside it would begin a second one.
			return nil, usageErrorf("there is no %s/ folder here, so there is nothing to look at.\n"+
				"Name the plan files or folders (ladder %s PATH...), or start a review:\n"+
				"  ladder    on screen, asking what it needs\n"+
				"  ladder new %s/NAME.yaml --org \"Your organisation\" --title \"Spring review\"",
				plans.DefaultDir, command, reviewDir())
		}
		args = []string{plans.DefaultDir}
	}
	files, err := plans.Find(typedPaths(args)...)
	if errors.Is(err, fs.ErrNotExist) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, usageErrorf("%s does not exist: %s", pe.Path, checkSpelling(pe.Path))
		}
	}
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	return files, nil
}

// checkSpelling is what to do about a path typed that is not there: open
// the plan beside it whose name is one or two letters away (plans/cafe.yml
// for plans/cafe.yaml), as the review's set-up says (plans.NearPlanFile),
// quoted to be typed as shown; otherwise check the spelling. The plan's
// name comes from the disk, perhaps from a pull request: made one safe line.
func checkSpelling(path string) string {
	if hint := didYouMean(path); hint != "" {
		return hint
	}
	return "check the spelling of the path"
}

// didYouMean is checkSpelling's question about the plan a path typed was
// probably meant to be, or "" when no plan's name is near it.
func didYouMean(path string) string {
	if near := plans.NearPlanFile(path); near != "" {
		return "did you mean " + safetext.Line(plans.CommandPath(near)) + "?"
	}
	return ""
}

// repositoryPlans is the plans/ folder at the top of the git repository
// ladder runs in, as a path from here (defaultDir), when it is run in
// another of its folders: a year's folder inside it (plans/2026/, where
// ".."), or docs/.
func repositoryPlans() (string, bool) {
	dir := defaultDir()
	return dir, dir != plans.DefaultDir && dir != "."
}

// plansAreIn says where the repository's plans are and the command to run
// on them, for a command run in another folder of the repository with no
// plans named: inside the plans folder, the command on this folder's
// alone too.
func plansAreIn(dir, command string) string {
	msg := fmt.Sprintf("there is no %s/ folder here: the repository's plans are in %s. Run %s %s", plans.DefaultDir, foldersUp(dir), command, plans.CommandPath(dir))
	if strings.Trim(strings.ReplaceAll(filepath.ToSlash(dir), "..", ""), "/") == "" {
		msg += fmt.Sprintf(" (or %s . for this folder's alone)", command)
	}
	return msg
}

// inPlansFolder reports whether the working folder is itself a plans
// folder: someone who cd'd into plans/ and ran ladder check there.
func inPlansFolder() bool {
	wd, err := os.Getwd()
	return err == nil && filepath.Base(wd) == plans.DefaultDir
}

// foldersUp names dir, a folder from here, to end a sentence: ".." and
// "../.." said as they are read "in ...", as if words were left out, so
// a folder above this one is said so: ".. (the folder above)".
func foldersUp(dir string) string {
	up := strings.Split(filepath.ToSlash(dir), "/")
	for _, p := range up {
		if p != ".." {
			return safetext.Line(dir)
		}
	}
	if len(up) == 1 {
		return dir + " (the folder above)"
	}
	return fmt.Sprintf("%s (%d folders up)", dir, len(up))
}

// resolveChecklist loads the checklist named by a --checklist flag: a
// built-in id or a file. A checklist file with mistakes is a problem: each
// mistake is printed on w as FILE:LINE:COLUMN (exit 1). An unknown id or a
// missing file is a usage error.
func resolveChecklist(w io.Writer, nameOrPath string) (c *checklist.Checklist, isFile bool, err error) {
	_, builtin := checklist.Builtin(nameOrPath)
	c, err = checklist.Resolve(nameOrPath)
	if err == nil {
		return c, !builtin && nameOrPath != "", nil
	}
	var fe *strictyaml.FileError
	if errors.As(err, &fe) {
		// The name is as typed, but a file's name comes from whoever
		// added it (a pull request), by tab completion.
		printError(w, err)
		fmt.Fprintf(w, "The checklist %s has %s: fix the lines above first.\n", safetext.Line(nameOrPath), plural(len(fe.Problems), "mistake"))
		return nil, false, problemsFound()
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, usageErrorf("%s: no such checklist file (give a built-in id such as %s, or the path to a checklist file)", nameOrPath, checklist.DefaultID)
	}
	if near := plans.NearBuiltinChecklists(nameOrPath); len(near) > 0 {
		// As for a mistyped command: the one meant, not a list of all.
		return nil, false, usageErrorf("no built-in checklist %q: did you mean %s? (ladder checklists lists them all)", nameOrPath, strings.Join(near, " or "))
	}
	return nil, false, usageErrorf("%v", err)
}

// dateFlag reads a YYYY-MM-DD flag value.
func dateFlag(flag, value string) (plans.Date, error) {
	d, err := plans.ParseDate(value)
	if err != nil {
		return plans.Date{}, usageErrorf("--%s: %v (for example 2027-03-31)", flag, err)
	}
	return d, nil
}

// printError prints an error on its own line(s), made safe for a terminal:
// a file name, a revision or a value quoted in it may hold an ESC.
func printError(w io.Writer, err error) {
	fmt.Fprintln(w, safetext.Terminal(err.Error()))
}

// plural gives "1 file" or "2 files".
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// firstLine shortens multi-line text to its first line for one-line reports.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// onePlanArg is the plan a command that reads one plan (report, history)
// was given or, with no argument, the only plan in the plans folder: a
// person with one plan need not type its name. The plans' data files and
// benchmarks beside it are not plans.
func onePlanArg(command string, args []string) (string, error) {
	switch {
	case len(args) == 1:
		return typedPath(args[0]), nil
	case len(args) > 1:
		return "", usageErrorf("%s reads one plan; for several, see ladder status", command)
	}
	need := fmt.Sprintf("%s needs a plan file: ladder %s PLAN", command, command)
	if _, err := planNamesIn(plans.DefaultDir); err != nil {
		return "", usageErrorf("%s (%s)", need, noPlansHere(command, need))
	}
	return planIn(command, need, plans.DefaultDir)
}

// noPlansHere says, for report or history run with no plan named where
// there is no plans/ folder, where the repository's plans are and the
// plan in use there, named from here to be pasted, as check and status
// say where the plans are: it said only that there was no plans/ folder
// here to choose one from, in plans/ itself too.
func noPlansHere(command, need string) string {
	dir := defaultDir()
	if dir == plans.DefaultDir {
		return "there is no " + plans.DefaultDir + "/ folder here to choose one from"
	}
	where := "the repository's plans are in " + foldersUp(dir)
	if dir == "." {
		where = "this folder is the plans folder"
	}
	if plan, err := planIn(command, need, dir); err == nil {
		return fmt.Sprintf("there is no %s/ folder here: %s, e.g. ladder %s %s", plans.DefaultDir, where, command, safetext.Line(plans.CommandPath(plan)))
	}
	return fmt.Sprintf("there is no %s/ folder here: %s", plans.DefaultDir, where)
}

// planIn is the plan in use in the plans folder dir: its only plan, this
// year's in a folder a year, or this year's beside last year's; or a
// usage error saying why there is none, after need.
func planIn(command, need, dir string) (string, error) {
	folder := safetext.Line(filepath.ToSlash(dir))
	names, _ := planNamesIn(dir)
	var below []string // folders inside that hold plans too, beside names
	if len(names) > 0 {
		below = plans.FoldersWithPlans(dir)
	}
	if len(names) == 0 {
		if year := plans.NewestYearFolder(dir); year != "" {
			// Plans kept a folder per year: this year's is the newest.
			dir = year
			names, _ = planNamesIn(dir)
		}
	}
	if len(names) == 0 {
		return "", usageErrorf("%s (%s/ has no plan in it)", need, folder)
	}
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	if len(paths) == 1 && len(below) == 0 {
		return paths[0], nil
	}
	// A year on, a flat plans folder holds last year's review beside
	// this year's, which carried it on: this year's is the one in use.
	inUse := plans.InUse(paths)
	if len(inUse) == 1 && len(below) == 0 {
		return inUse[0], nil
	}
	example := paths[0]
	if len(inUse) > 0 {
		example = inUse[0]
	}
	// Named ten at most: a folder of thousands made a message of as
	// many names. The example is a command to paste, quoted for a shell:
	// a plan's name comes from whoever made the repository.
	shown := make([]string, 0, namedPlans+1)
	for _, n := range names[:min(len(names), namedPlans)] {
		shown = append(shown, safetext.Line(n))
	}
	list := strings.Join(shown, ", ")
	if more := len(names) - len(shown); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	// Plans in folders inside it too (one moved to plans/2026/ on a
	// branch, another begun beside): the one here is not the only plan.
	more := ""
	if len(below) > 0 {
		folders := make([]string, len(below))
		for i, b := range below {
			folders[i] = safetext.Line(filepath.ToSlash(b))
		}
		more = " and more in " + review.ListWords(folders, 3)
	}
	return "", usageErrorf("%s/ has %s (%s)%s: name one, e.g. ladder %s %s",
		safetext.Line(filepath.ToSlash(dir)), plural(len(names), "plan"), list, more, command, safetext.Line(plans.CommandPath(example)))
}

// namedPlans is how many of a folder's plans onePlanArg names.
const namedPlans = 10

// planNamesIn are the names of the plan files directly in dir.
func planNamesIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && plans.IsReviewPlanFile(n) {
			names = append(names, n)
		}
	}
	return names, err
}

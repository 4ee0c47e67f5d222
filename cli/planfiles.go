package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
)

// planFiles expands the PATH arguments of check and fmt into files. With no
// paths it uses the plans folder, and says what to do if there is none.
func planFiles(command string, args []string) ([]string, error) {
	if len(args) == 0 {
		if _, err := os.Stat(plans.DefaultDir); errors.Is(err, fs.ErrNotExist) {
			return nil, usageErrorf("there is no %s/ folder here, so there is nothing to look at.\n"+
				"Name the plan files or folders (ladder %s PATH...), or start a plan with:\n"+
				"  ladder new %s/NAME.yaml --org \"Your organisation\" --title \"Spring review\"",
				plans.DefaultDir, command, plans.DefaultDir)
		}
		args = []string{plans.DefaultDir}
	}
	files, err := plans.Find(args...)
	if errors.Is(err, fs.ErrNotExist) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, usageErrorf("%s does not exist: check the spelling of the path", pe.Path)
		}
	}
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	return files, nil
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
		fmt.Fprintln(w, err)
		fmt.Fprintf(w, "The checklist %s has %s: fix the lines above first.\n", nameOrPath, plural(len(fe.Problems), "mistake"))
		return nil, false, problemsFound()
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, usageErrorf("%s: no such checklist file (give a built-in id such as %s, or the path to a checklist file)", nameOrPath, checklist.DefaultID)
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

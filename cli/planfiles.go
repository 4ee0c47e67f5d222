package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"go.yaml.in/yaml/v3"
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

// fileKind is what a YAML file in a plans folder turned out to be.
type fileKind int

const (
	kindPlan      fileKind = iota
	kindChecklist          // a custom checklist kept beside the plans
	kindOther              // some other YAML file
)

// loaded is one file read by check or fmt.
type loaded struct {
	path string
	data []byte
	kind fileKind
	plan *plans.Plan // set when the file is a valid plan
	err  error       // what is wrong with it, if anything
}

// problemCount is how many file:line:col lines err prints.
func problemCount(err error) int {
	var fe *strictyaml.FileError
	if errors.As(err, &fe) {
		return len(fe.Problems)
	}
	return 1
}

// loadFile reads a file from a plans folder. A custom checklist kept there is
// validated as a checklist rather than reported as a broken plan, and a YAML
// file that is plainly not a plan gets one clear message instead of a
// complaint about each of its keys.
func loadFile(path string, resolve plans.Resolver) loaded {
	l := loaded{path: path}
	l.data, l.err = strictyaml.ReadFile(path)
	if l.err != nil {
		return l
	}
	l.plan, l.err = plans.Parse(path, l.data, resolve)
	if l.err == nil {
		return l
	}
	switch root := topKeys(l.data); {
	case root == nil:
		// Not YAML, empty, or not a mapping: the plan loader said why.
	case root["areas"] != nil:
		l.kind = kindChecklist
		_, l.err = checklist.Parse(path, l.data)
	case root["schema"] == nil && root["checklist"] == nil && root["items"] == nil:
		l.kind = kindOther
		first := root[""]
		l.err = &strictyaml.FileError{Path: path, Problems: strictyaml.Problems{{
			Line: first.Line, Column: first.Column,
			Message: "this is not a ladder plan (it has no schema, checklist or items): move it out of the plans folder, or name only plan files",
		}}}
	}
	return l
}

// topKeys returns the key nodes of a YAML mapping document by name, with the
// first key also under "". It returns nil for anything else.
func topKeys(data []byte) map[string]*yaml.Node {
	root, ps := strictyaml.Parse(data)
	if ps != nil || root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return nil
	}
	keys := map[string]*yaml.Node{"": root.Content[0]}
	for i := 0; i+1 < len(root.Content); i += 2 {
		keys[root.Content[i].Value] = root.Content[i]
	}
	return keys
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

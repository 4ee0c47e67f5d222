package plans

import (
	"bytes"
	"errors"
	pathpkg "path"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// FileKind is what a YAML file in a plans folder turned out to be.
type FileKind int

const (
	KindPlan      FileKind = iota
	KindChecklist          // a custom checklist kept beside the plans
	KindOther              // some other YAML file
	// KindData and KindBenchmark are workforce data and benchmark files
	// (see IsDataFile): read but not checked here, since package
	// workforce, not plans, knows what they hold.
	KindData
	KindBenchmark
)

// FolderFile is one file read from a plans folder: what it is, and the
// plan in it or what is wrong with it.
type FolderFile struct {
	Path string
	Data []byte
	Kind FileKind
	Plan *Plan // set when the file is a valid plan
	Err  error // what is wrong with it, if anything
	// Warnings are the hand-edit slips in a valid plan, in file order
	// (see ParseForCheck); only CheckFolderFile looks for them.
	Warnings strictyaml.Problems
}

// ReadFolderFile reads a file found among plans. A custom checklist kept
// there is validated as a checklist rather than reported as a broken plan,
// and a YAML file that is plainly not a plan gets one clear message
// instead of a complaint about each of its keys.
func ReadFolderFile(path string, resolve Resolver) FolderFile {
	return readFolderFile(path, resolve, false)
}

// CheckFolderFile is ReadFolderFile for ladder check: a valid plan also
// has its Warnings.
func CheckFolderFile(path string, resolve Resolver) FolderFile {
	return readFolderFile(path, resolve, true)
}

func readFolderFile(path string, resolve Resolver, slips bool) FolderFile {
	f := FolderFile{Path: path}
	f.Data, f.Err = strictyaml.ReadFile(path)
	switch {
	case f.Err != nil:
		return f
	case IsDataFile(path):
		f.Kind = KindData
		return f
	case IsBenchmarkFile(path):
		f.Kind = KindBenchmark
		return f
	}
	f.Plan, f.Warnings, f.Err = parse(path, f.Data, resolve, slips)
	if f.Err == nil {
		return f
	}
	switch root := topKeys(f.Data); {
	case root == nil:
		// Not YAML, empty, or not a mapping: the plan loader said why.
	case root["areas"] != nil:
		f.Kind = KindChecklist
		_, f.Err = checklist.Parse(path, f.Data)
	case root["schema"] == nil && root["checklist"] == nil && root["items"] == nil:
		f.Kind = KindOther
		first := root[""]
		f.Err = &FileError{Path: path, Problems: strictyaml.Problems{{
			Line: first.Line, Column: first.Column,
			Message: "this is not a ladder plan (it has no schema, checklist or items): move it out of the plans folder, or name only plan files",
		}}}
	}
	return f
}

// ChecklistFileOf is the custom checklist file the plan file at rel
// (named from the top of the repository, with forward slashes, as git
// names it) follows: its checklist.file joined to the plan's folder, by
// name alone, from the top too. It is "" for a plan on a built-in
// checklist, for one that cannot be read, and for a file named outside
// the repository's names (an absolute path, or one climbing above its
// top). A change to that file changes what the plan means, or whether it
// loads at all, without a byte of the plan changing: ladder check
// --changed-since checks such a plan too, by the names git gives the
// change. The name is not looked up on disk: a checklist file, or the
// folder holding it, made a link out of the repository is still the file
// git says changed, where ChecklistPath refuses it (loading the plan says
// why).
func ChecklistFileOf(path, rel string) string {
	data, err := strictyaml.ReadFile(path)
	if err != nil || !mayHoldKey(data, "file") {
		// Most plans follow a built-in checklist: a folder of them is
		// read without parsing one (check --changed-since over 1,500
		// such plans, a change outside them: 0.2-0.3 s, where parsing
		// each took 0.6-1.5 s, at a load of 16 on two cores).
		return ""
	}
	root, ps := strictyaml.Parse(data)
	if ps != nil || root.Kind != yaml.MappingNode {
		return ""
	}
	file := ""
	for i := 0; i+1 < len(root.Content); i += 2 {
		if c := root.Content[i+1]; root.Content[i].Value == "checklist" && c.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(c.Content); j += 2 {
				if v := c.Content[j+1]; c.Content[j].Value == "file" && v.Kind == yaml.ScalarNode {
					file = v.Value
				}
			}
		}
	}
	ref := strings.ReplaceAll(file, `\`, "/") // as refPath reads it
	if ref == "" || strings.HasPrefix(ref, "/") || onADrive(ref) {
		return ""
	}
	named := pathpkg.Join(pathpkg.Dir(rel), ref)
	if named == ".." || strings.HasPrefix(named, "../") {
		return ""
	}
	return named
}

// IsChecklistFile reports whether the YAML file at path is a checklist
// (its top has areas, as a plan's never does), as ReadFolderFile finds a
// checklist kept among plans, without parsing it as either.
func IsChecklistFile(path string) bool {
	data, err := strictyaml.ReadFile(path)
	// Most files asked about are plans, a pull request's many: read
	// without parsing one.
	return err == nil && mayHoldKey(data, "areas") && topKeys(data)["areas"] != nil
}

// mayHoldKey reports whether the YAML in data may hold key, at a look at
// its bytes: a file without it is no use to parse. It may be there when
// spelt out, or when data holds a backslash: a double-quoted key can
// spell it in an escape ("fil\x65", "are\x61s"), which the loaders read
// as the key itself.
func mayHoldKey(data []byte, key string) bool {
	return bytes.Contains(data, []byte(key)) || bytes.IndexByte(data, '\\') >= 0
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

// ProblemCount is how many file:line:col lines err prints.
func ProblemCount(err error) int {
	var fe *FileError
	if errors.As(err, &fe) {
		return len(fe.Problems)
	}
	return 1
}

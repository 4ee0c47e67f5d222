package strictyaml

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Issue 15.5: `action: "either\/or"` passed check through the fast path,
// and failed with "unknown escape character" once a comment elsewhere or
// CRLF line ends sent the same file through yaml.v3. Parse must give the
// same verdict, and the same values, whichever path reads a file, and
// never accept what yaml.v3 refuses.

// differentialSeeds are files that exercise what the two paths could read
// differently: every escape yaml.v3 knows and some it does not, comments
// on lines of their own and after values, tabs, quotes, block scalars.
var differentialSeeds = []string{
	"action: \"either\\/or\"\n",
	"a: \"\\e\\N\\_\\L\\P\\a\\b\\v\\f\\0\\ \\t\\\t\"\n",
	"a: \"\\x41\\x85\\u00e9\\U0001F600\"\n",
	"a: \"\\ud800\"\n",
	"a: \"\\'\"\n",
	"a: \"\\q\"\n",
	"a: \"\\x4\"\n",
	"a: \"\\u12G4\"\n",
	"a: \"tab\\there\"\nb: 'it''s'\n",
	"a: x # comment\nb: y\n",
	"# only\na: 1\n  # indented\nb: |\n  # not a comment\n",
	"a:\tb\n",
	"a: b\t\n",
	"a:\n\t- x\n",
	"a: 'x\ty'\n",
	"a: \"multi\n  line\"\n",
	"a: 'multi\n\n  para'\n",
	"a: plain\n  continued\n",
	"a: |\n  x\n\n  y\n",
	"a: >-\n  x\n  y\n",
	"k: v\nitems:\n  x:\n    rating: red\n    action: \"either\\/or\"\n",
}

// parseVerdict is what Parse says about data: its tree, or its problems.
func parseVerdict(data []byte) (*yaml.Node, Problems) { return Parse(data) }

// sameValues compares two trees by kind, tag and value (and position,
// when positions are expected to agree).
func sameValues(a, b *yaml.Node, positions bool, path string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || len(a.Content) != len(b.Content) ||
		positions && (a.Line != b.Line || a.Column != b.Column) {
		return fmt.Errorf("%s: %d %s %q %d:%d against %d %s %q %d:%d", path, a.Kind, a.Tag, a.Value, a.Line, a.Column, b.Kind, b.Tag, b.Value, b.Line, b.Column)
	}
	for i := range a.Content {
		if err := sameValues(a.Content[i], b.Content[i], positions, fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkDifferential holds Parse to yaml.v3 and to itself:
//   - what Parse accepts, yaml.v3 accepts, reading the same tree;
//   - the same file with a byte-order mark in front, or with CRLF line
//     ends, both of which send it through yaml.v3 and mean the same, gets
//     the same verdict and the same values at the same lines;
//   - a Parser that has read another file first, and reuses its memory,
//     reads it as a new one does, and the other file again as before.
func checkDifferential(t *testing.T, data []byte) {
	t.Helper()
	root, ps := parseVerdict(data)
	checkReused(t, data, root, ps)
	if ps == nil {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("Parse accepted what yaml.v3 refuses (%v):\n%q", err, data)
		}
		if err := sameValues(root, doc.Content[0], true, ""); err != nil {
			t.Fatalf("Parse and yaml.v3 read different trees: %v\n%q", err, data)
		}
	}
	variants := map[string][]byte{"with a byte-order mark": append([]byte("\ufeff"), data...)}
	if !bytes.ContainsRune(data, '\r') && !bytes.HasPrefix(data, []byte("\ufeff")) {
		variants["with CRLF line ends"] = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	}
	for name, v := range variants {
		vroot, vps := parseVerdict(v)
		switch {
		case (ps == nil) != (vps == nil):
			t.Fatalf("accepted %v, but %s accepted %v (%v / %v):\n%q", ps == nil, name, vps == nil, ps, vps, data)
		case ps == nil:
			if err := sameValues(root, vroot, true, ""); err != nil {
				t.Fatalf("%s reads differently: %v\n%q", name, err, data)
			}
		case ps[0].Line != vps[0].Line:
			t.Fatalf("refused at line %d, but %s at line %d (%v / %v):\n%q", ps[0].Line, name, vps[0].Line, ps, vps, data)
		}
	}
}

// checkReused parses the golden plan, then data, then the golden plan
// again with one Parser, and compares each tree with a new Parser's.
func checkReused(t *testing.T, data []byte, root *yaml.Node, ps Problems) {
	t.Helper()
	golden, err := os.ReadFile("../../plans/testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Parse(golden)
	var pr Parser
	for _, step := range []struct {
		name string
		data []byte
		root *yaml.Node
		ps   Problems
	}{{"the golden plan", golden, want, nil}, {"the file", data, root, ps}, {"the golden plan again", golden, want, nil}} {
		got, gotPs := pr.Parse(step.data)
		switch {
		case fmt.Sprint(gotPs) != fmt.Sprint(step.ps):
			t.Fatalf("%s, read by a reused Parser: %v, want %v:\n%q", step.name, gotPs, step.ps, data)
		case step.ps == nil:
			if err := sameValues(got, step.root, true, ""); err != nil {
				t.Fatalf("%s, read by a reused Parser, differs: %v\n%q", step.name, err, data)
			}
		}
	}
}

func TestParseAgreesWhicheverPathReadsIt(t *testing.T) {
	for _, s := range differentialSeeds {
		checkDifferential(t, []byte(s))
	}
	golden, err := os.ReadFile("../../plans/testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checkDifferential(t, golden)
	// The file: refused by every path, at the same place.
	bad := strings.Replace(string(golden), "action: Run a manager workshop on talking about background 🚀", `action: "either\/or"`, 1)
	if bad == string(golden) {
		t.Fatal("the golden plan changed: pick another line")
	}
	for _, v := range []string{bad, strings.ReplaceAll(bad, "\n", "\r\n"), strings.Replace(bad, "schema: 1", "schema: 1 # a comment", 1)} {
		_, ps := Parse([]byte(v))
		if len(ps) != 1 || !strings.Contains(ps[0].Message, "a backslash starts an escape") {
			t.Errorf("either\\/or: got %v, want an unknown escape refused", ps)
		}
	}
}

func FuzzParseAgreesWhicheverPathReadsIt(f *testing.F) {
	for _, s := range differentialSeeds {
		f.Add([]byte(s))
	}
	if golden, err := os.ReadFile("../../plans/testdata/golden.yaml"); err == nil {
		f.Add(golden)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDifferential(t, data)
	})
}

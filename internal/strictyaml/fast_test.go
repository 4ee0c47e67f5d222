package strictyaml

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// slowParse is what Parse does without the fast path.
func slowParse(data []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, false
	}
	return doc.Content[0], true
}

// fastPath is what Parse does before trying the fast parser.
func fastPath(data []byte) (*yaml.Node, bool) {
	if plain, p := checkText(data); p != nil || !plain {
		return nil, false
	}
	return fastParse(data)
}

// sameTree compares what the decoders read: kind, tag, value, position.
func sameTree(a, b *yaml.Node, path string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast %d %s %q %d:%d (%d children), yaml.v3 %d %s %q %d:%d (%d children)", path,
			a.Kind, a.Tag, a.Value, a.Line, a.Column, len(a.Content), b.Kind, b.Tag, b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast holds the fast path to its promise: when it reads a file, it
// reads it exactly as yaml.v3 does.
func checkFast(t *testing.T, name string, data []byte) (used bool) {
	t.Helper()
	fast, ok := fastPath(data)
	if !ok {
		return false
	}
	slow, ok := slowParse(data)
	if !ok {
		t.Fatalf("%s: the fast parser read a file yaml.v3 refuses:\n%s", name, data)
	}
	if err := sameTree(fast, slow, ""); err != nil {
		t.Fatalf("%s: the fast parser differs from yaml.v3: %v\n%s", name, err, data)
	}
	return true
}

// Every plan in the repository's test data that the fast path takes must
// come out exactly as yaml.v3 reads it, and plans written by ladder must
// take the fast path (else it buys nothing).
func TestFastParseMatchesYAMLv3OnTestData(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../plans/testdata/*.yaml", "../../plans/testdata/fuzz/FuzzParse/*", "../../cli/testdata/*.yaml", "../../tui/accessible/testdata/*.yaml", "../../checklist/builtin/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d files to compare", len(files))
	}
	used := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f, "/fuzz/") {
			// go test fuzz corpus files hold Go-quoted values.
			if v, ok := corpusValue(data); ok {
				data = v
			}
		}
		if checkFast(t, f, data) {
			used++
		}
	}
	// Files that ladder writes or reads at every start must take the fast
	// path, or it buys nothing.
	for _, f := range []string{"../../plans/testdata/golden.yaml", "../../checklist/builtin/smc-progression.yaml", "../../checklist/builtin/smc-progression.guidance.yaml"} {
		data, _ := os.ReadFile(f)
		if _, ok := fastPath(data); !ok {
			t.Errorf("%s does not take the fast path", f)
		}
	}
	t.Logf("fast path taken for %d of %d files", used, len(files))
}

func corpusValue(data []byte) ([]byte, bool) {
	lines := bytes.SplitN(data, []byte("\n"), 3)
	if len(lines) < 2 || !bytes.HasPrefix(lines[1], []byte("[]byte(")) {
		return nil, false
	}
	var s string
	if _, err := fmt.Sscanf(string(bytes.TrimSuffix(bytes.TrimPrefix(lines[1], []byte("[]byte(")), []byte(")"))), "%q", &s); err != nil {
		return nil, false
	}
	return []byte(s), true
}

func TestFastParseCases(t *testing.T) {
	for _, src := range []string{
		"a: 1\nb:\nc: []\nd:\n  - x\n  - id: 2\n    y: 'q''s'\ne: |-\n  one\n\n  two\nf:\n  g: \"tab\\there\"\n",
		"k:\n- a\n- b\nnext: v\n",
		"notes: |2-\n     leading\n    second\n",
		"n: |\n  x\n\n\nm: y\n",
		"d: 2027-02-30\ne: 2027-02-28\nf: 2028-02-29\ng: 2027-13-01\n",
		"t: true\nu: yes\nv: ~\nw: No\nx: 0\ny: 42\n",
		"key: text with: no space\nk2: a#b\nk3: [x]\n",
		"# only comments\n\n  # indented comment\na: b # trailing\n",
		"a: 'unterminated\n  more'\n",
		"a:\n  b: 1\n c: 2\n",
		"a: b\n  c\n",
		"- top\n- level\n",
		"a: 007\nb: 0x1F\nc: 1.5\nd: -3\ne: +4\nf: .5\n",
		"é: 1\n",
		"a: \"\\u00e9\\U0001F600\\x41\"\n",
		"a: |\n  x\n  # not a comment\nb: 1\n",
		"a: |+\n  keep\n\n",
		"list:\n  - |\n    block\n",
		"a: 1\n---\nb: 2\n",
		"f: >-\n  one\n  two\n\n  three\n\n\n  four\ng: >\n  x\n  y\n",
		"f: >-\n  one\n    more indented\n  back\n",
		"f: >-\n  trailing space \n  next\n",
		"v: {red: 1, amber: 5, green: 2, unsure: 0}\n",
		"items:\n  x:\n    rating: red\n    votes: {red: 10, amber: 0}\n    action:\n",
		"v: {red: 01}\nw: {red: x}\n", "v: { red: 1 }\n", "v: {red: 1,amber: 2}\n", "v: {}\n", "v: {red: 1, }\n",
		"v: {red: 1} # c\n", "v: {red: 1}}\n", "v: {red: -1}\n", "v: {a: 1, a: 2}\n", "v: {'red': 1}\n", "v: {red:1}\n",
	} {
		checkFast(t, fmt.Sprintf("%q", src), []byte(src))
	}
	if _, ok := fastPath([]byte("a: 1\nb: 'x'\nc:\n  - id: 1\n    step: s\n")); !ok {
		t.Error("a plain ladder-shaped file should take the fast path")
	}
	if _, ok := fastPath([]byte("items:\n  x:\n    rating: red\n    votes: {red: 1, amber: 5, green: 2, unsure: 0}\n")); !ok {
		t.Error("a room's votes, as ladder writes them, should take the fast path")
	}
}

func FuzzFastParse(f *testing.F) {
	for _, s := range []string{"a: 1\n", "a:\n  - b\n", "a: |\n  x\n", "x: 'y'\n", "k:\n- a\n", "f: >-\n  a\n  b\n\n  c\n", "v: {red: 1, amber: 5}\n"} {
		f.Add([]byte(s))
	}
	if golden, err := os.ReadFile("../../plans/testdata/golden.yaml"); err == nil {
		f.Add(golden)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, "fuzz input", data)
	})
}

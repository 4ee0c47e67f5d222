package strictyaml

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// parseProblem parses src and returns its one problem as "line:col:
// message", or "" if it parsed.
func parseProblem(t *testing.T, src string) string {
	t.Helper()
	_, ps := Parse([]byte(src))
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return ps[0].String()
	}
	t.Fatalf("%q: %d problems: %v", src, len(ps), ps)
	return ""
}

func checkProblems(t *testing.T, cases map[string]string) {
	t.Helper()
	for src, want := range cases {
		got := parseProblem(t, src)
		if want == "" && got != "" || want != "" && !strings.HasPrefix(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", src, got, want)
		}
	}
}

// Issue 15.4: a second document, broken or not, or anything after "...",
// is an error at its line; yaml.v3 alone reads the first document and
// stops, so a broken second one passed check and was dropped by fmt.
func TestOneDocumentOnly(t *testing.T) {
	checkProblems(t, map[string]string{
		"a: 1\n---\n{broken\n":                "2:1: a second YAML document starts here",
		"a: 1\nb: 2\n---\nc: 3\n":             "3:1: a second YAML document starts here",
		"a: 1\n--- \nc: 3\n":                  "2:1: a second YAML document starts here",
		"a: 1\n...\nfoo\n":                    "3:1: text after the end of the document (the ... on line 2)",
		"a: 1\n...\n# fine\n\n  {broken: [\n": "5:3: text after the end of the document",
		"a: 1\n...\n---\nb: 2\n":              "3:1: text after the end of the document",
		"---\na: 1\n":                         "",
		"# head\n---\na: 1\n...\n# tail\n":    "",
		"a: |\n  ---\n  text\n":               "",
		"a: 1\n---\n":                         "2:1: a second YAML document starts here",
	})
}

// Issue 15.6: tags are refused where they are, whether yaml.v3 keeps them
// (!!binary, !shell) or drops them (the lone "!", which other readers take
// to mean text).
func TestTagsRefused(t *testing.T) {
	checkProblems(t, map[string]string{
		"notes: !!binary aGVsbG8=\n":                  `1:8: tags ("!!binary") are not allowed here`,
		"a: 1\naction: !shell rm -rf /\n":             `2:9: tags ("!shell") are not allowed here`,
		"a: ! 123\n":                                  `1:4: tags ("!") are not allowed here`,
		"!!str k: v\n":                                `1:1: tags ("!!str") are not allowed here`,
		"a: !!map\n  b: 1\n":                          `1:4: tags ("!!map") are not allowed here`,
		"a:\n  - !!str x\n":                           `2:5: tags ("!!str") are not allowed here`,
		"a: \"!not a tag\"\nb: 'x!y'\n":               "",
		"a: x ! y\n":                                  "",
		"%TAG !e! tag:example.com:\n---\na: !e!x y\n": `3:4: tags ("!e!x") are not allowed here`,
	})
}

// Issue 15.8: characters yaml.v3 reports at 1:1 (NUL, a Latin-1 byte) or
// on the next line (U+0085, which it takes for a line break) are reported
// where they are.
func TestCharactersReportedWhereTheyAre(t *testing.T) {
	head := strings.Repeat("k: v\n", 20) // line 21 is next
	checkProblems(t, map[string]string{
		head + "a: x\x00y\n":  "21:5: control character U+0000 (NUL) is not allowed",
		head + "a: caf\xe9\n": "21:7: byte 0xe9 is not UTF-8: save the file as UTF-8 (in Windows-1252, Notepad's \"ANSI\", or Latin-1, it would be \"é\")",
		// Word's apostrophe, in a file saved as Notepad's "ANSI": the
		// character it is there, not Latin-1's control character.
		head + "a: we\x92ll\n":        "21:6: byte 0x92 is not UTF-8: save the file as UTF-8 (in Windows-1252, Notepad's \"ANSI\", it would be \"’\")",
		head + "a: x\x81\n":           "21:5: byte 0x81 is not UTF-8: save the file as UTF-8",
		head + "a: \"x\u0085y\"\n":    "21:6: character U+0085 (next line) is not allowed raw",
		head + "a: x\u2028y\n":        "21:5: character U+2028 (line separator) is not allowed raw",
		head + "a: x\u2029y\n":        "21:5: character U+2029 (paragraph separator) is not allowed raw",
		head + "\ufeffb: 1\n":         "21:1: a byte-order mark (U+FEFF) in the middle of the file",
		head + "a: \x1b]0;x\x07\n":    "21:4: control character U+001B (ESC) is not allowed",
		head + "a: x\x7f\n":           "21:5: control character U+007F (DEL) is not allowed",
		head + "a: 日本\x01\n":          "21:6: control character U+0001 is not allowed",
		"\xff\xfea\x00:\x00":          `1:1: the file is UTF-16 (Notepad's "Unicode", or a file written by Windows PowerShell's >): save it as UTF-8`,
		"\ufeffa: 1\nb: \x00\n":       "2:4: control character U+0000 (NUL)",
		"a: 1\r\nb: 2\r\nc: \x00\r\n": "3:4: control character U+0000 (NUL)",
		"a: 1\rb: \x00\r":             "2:4: control character U+0000 (NUL)",
		"\ufeffa: 1\n":                "",
		"a: \"\\x85 \\u2028 \\0\"\n":  "",
		"a:\tb\n":                     "",
	})
}

// The location of a syntax error in the general parser's path keeps the
// lines of the file as it is, whatever the line feed put in front of it
// and the byte-order mark taken off.
func TestGeneralParseKeepsLines(t *testing.T) {
	for _, src := range []string{"a: 1\nb:\n  - x # a comment\n", "\ufeffa: 1\nb:\n  - x # a comment\n", "a: 1\r\nb:\r\n  - x\r\n"} {
		root, ps := Parse([]byte(src))
		if ps != nil {
			t.Fatalf("%q: %v", src, ps)
		}
		var want yaml.Node
		if err := yaml.Unmarshal([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := sameTree(root, want.Content[0], ""); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestALongLineOfValuesIsReadOnce: the general parser looks at each
// value's place in the source (for a tag). A flow list of a quarter of a
// million entries on one line ("participants: [a,a,…]", a 500 KB plan
// from a pull request) counted each entry's column from the start of the
// line: tens of billions of steps, and ladder check took a minute. The
// line is walked once, as it is read.
func TestALongLineOfValuesIsReadOnce(t *testing.T) {
	const n = 20_000
	src := "participants: [" + strings.Repeat("é,", n) + "z]\nother: [\"b\", 'c', d]\n"
	runesCounted.Store(0)
	if _, ps := Parse([]byte(src)); len(ps) > 0 {
		t.Fatal(ps)
	}
	if got := runesCounted.Load(); got > int64(2*len(src)) {
		t.Errorf("%d characters stepped over to read %d bytes", got, len(src))
	}
}

package plans

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzFastPathMissesNoComment: whatever a file holds, where the comment
// reader would keep a comment of a person's, the fast path that decides
// whether to run it (hasForeignComment) says there may be one. A miss is
// a comment lost on the next save. Only files the YAML parser reads are
// held to it: the reader runs on plans that loaded. The seeds are the
// shapes the fast path reasons about: blocks of text after a key and after
// a list entry, their chomping and indentation indicators, values in
// quotes and plain values over lines, CRLF, tabs and a list in brackets.
func FuzzFastPathMissesNoComment(f *testing.F) {
	if golden, err := os.ReadFile("testdata/golden.yaml"); err == nil {
		f.Add(golden)
	}
	f.Add(Encode(commentsBase()))
	for _, s := range []string{
		"a:\n  notes: |\n    text # not a comment\n  b: c # a comment\n",
		"a:\n  - |\n    text # x\n  - |-\n    more # y\n",
		"a:\n  - notes: |+\n      text # x\n\n  - b # c\n",
		"a: |2\n   text # x\n",
		"a: >\n  text # x\n",
		"a: \"text\n  notes: |\n    more\" # c\n",
		"a: text\n  - |\n    more # c\n",
		"a:\n    b: \"x\n  notes: |\n    y\"\n    c: d # c\n",
		"a:\r\n  notes: |\r\n    text # x\r\n  b: c # d\r\n",
		"a:\n  notes: |\n    text\n\tb # x\n",
		"a: [x,\n  y] # c\n",
		"a:\n  notes: |\n    Zoë → # ünïcode\n  b: ✓ # c\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil {
			return
		}
		if got := readComments(data, nil); got != nil && !hasForeignComment(data, nil) {
			t.Fatalf("the fast path misses %q, which the comment reader keeps, in:\n%q", got.list[0].text, data)
		}
	})
}

package strictyaml

import (
	"strings"
	"testing"
)

// The YAML library reports some syntax errors at the line where the
// enclosing block began; Parse must point at the line that is wrong.
func TestSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       string // "line:col: message fragment"
	}{
		{"bad indent deep in a block", "items:\n  a:\n    x: 1\n    y: 2\n  b:\n    x: 1\n   y: 2\n    z: 3\n", "7:4: this line is indented 3 spaces, but the lines beside it (lines 6 and 8) use 4: line them up"},
		{"colon in text", "a:\n  b: 1\n  c: Note: this\n", "3:6: text with \": \" in it needs quotes: put the text after \"c:\" in single quotes"},
		{"tab", "a:\n\tb: 1\n", "2:1: a tab indents this line: indent with spaces"},
		{"tab after a value", "a:\n  b: 1\n  c: x\n\td: y\n", "4:1: a tab indents this line: indent with spaces"},
		{"unclosed flow", "items: [unclosed\n  - x: y\n", "1:8: this [ is never closed: add the closing ]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := Parse([]byte(tc.yaml))
			if len(ps) != 1 {
				t.Fatalf("got %d problems %v, want 1", len(ps), ps)
			}
			if got := ps[0].String(); !strings.Contains(got, tc.want) {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

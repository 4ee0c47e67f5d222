package strictyaml

import (
	"fmt"
	"strings"
	"testing"
)

// brokenPlan is a plan-shaped file of about size bytes whose one mistake,
// a key indented by one space too few, is on its last line but one, deep
// inside the top-level items mapping: the case where yaml.v3 names the
// line where the enclosing block began, thousands of lines above.
func brokenPlan(size int) (data []byte, badLine int) {
	var sb strings.Builder
	sb.WriteString("# ladder review plan\nschema: 1\nitems:\n")
	lines := 3
	for i := 0; sb.Len() < size-200; i++ {
		fmt.Fprintf(&sb, "\n  # Item %d\n  item-%d:\n    rating: red\n    action: Do the thing\n    owner: Ana\n    due: 2027-03-31\n    status: todo\n    notes:\n", i, i)
		lines += 9
	}
	sb.WriteString(" misplaced: key\n  last:\n    status: todo\n")
	return []byte(sb.String()), lines + 1
}

func BenchmarkSyntaxErrorLocation(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, MaxFileSize} {
		data, line := brokenPlan(size)
		b.Run(fmt.Sprintf("%dkB", len(data)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, ps := Parse(data)
				if len(ps) != 1 || ps[0].Line != line {
					b.Fatalf("problems = %v, want line %d", ps, line)
				}
			}
		})
	}
}

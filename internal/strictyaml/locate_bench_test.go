package strictyaml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// brokenPlan is a plan-shaped file of about size bytes whose one mistake,
// a key indented by one space too few, is on its last line but one, deep
// inside the top-level items mapping: the case where yaml.v3 names the
// line where the enclosing block began, thousands of lines above.
//
// With general set, the plan's second line has a comment after its value,
// which the fast path leaves to yaml.v3: the worst case, two yaml.v3
// parses of the whole file.
func brokenPlan(size int, general bool) (data []byte, badLine int) {
	var sb strings.Builder
	sb.WriteString("# ladder review plan\nschema: 1\nitems:\n")
	if general {
		sb.Reset()
		sb.WriteString("# ladder review plan\nschema: 1 # a comment\nitems:\n")
	}
	lines := 3
	for i := 0; sb.Len() < size-200; i++ {
		fmt.Fprintf(&sb, "\n  # Item %d\n  item-%d:\n    rating: red\n    action: Do the thing\n    owner: Ana\n    due: 2027-03-31\n    status: todo\n    notes:\n", i, i)
		lines += 9
	}
	sb.WriteString(" misplaced: key\n  last:\n    status: todo\n")
	return []byte(sb.String()), lines + 1
}

// BenchmarkSyntaxErrorLocation is issue 15.7's target: reading a broken
// file of the largest size ladder accepts, and saying where it is broken,
// in at most 100 ms. cpu-ms/op is the process's CPU time per parse, which
// a machine busy with other work inflates less than the wall-clock time.
//
//	go test ./internal/strictyaml -run '^$' -bench SyntaxErrorLocation -count 5
func BenchmarkSyntaxErrorLocation(b *testing.B) {
	for _, tc := range []struct {
		size    int
		general bool
	}{{100 << 10, false}, {MaxFileSize, false}, {MaxFileSize, true}} {
		data, line := brokenPlan(tc.size, tc.general)
		name := fmt.Sprintf("%dkB", (len(data)+512)>>10)
		if tc.general {
			name += "/general"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			testtool.LoopCPU(b, func() {
				_, ps := Parse(data)
				if len(ps) != 1 || ps[0].Line != line {
					b.Fatalf("problems = %v, want line %d", ps, line)
				}
			})
		})
	}
}

package cli

import (
	"strings"
	"testing"
)

// --grades pasted from a spreadsheet's column comes a grade a line (Excel
// copies cells with CRLF between them): each line is read, not the first
// alone, which left the others "not one of the grades from --grades".
// Commas still separate grades on a line, and quotes still keep a comma.
func TestGradesFromLines(t *testing.T) {
	for in, want := range map[string]string{
		"Band 1\r\nBand 2\r\n":                          "Band 1|Band 2",
		"Band 1\nGrade \"M\"\n\"Director, Operations\"": `Band 1|Grade "M"|Director, Operations`,
		"Band 1, Band 2":                                "Band 1|Band 2",
	} {
		var g gradesValue
		if err := g.Set(in); err != nil {
			t.Errorf("%q: %v", in, err)
		}
		if got := strings.Join(g, "|"); got != want {
			t.Errorf("--grades %q read as %q, want %q", in, got, want)
		}
	}
}

package render

import (
	"slices"
	"strings"
	"testing"
)

// A command's own line that names a flag to give with a quoted value
// ("give --headcount 'Team lead=16'") was broken at any space, between
// the flag and its value or inside the value, at the width where it fell:
// copied, half of it ran. The flag and its value stay on one line, an
// apostrophe in the words around them ("Team lead's") left alone.
func TestWrapAtSpacesKeepsAFlagWithItsValue(t *testing.T) {
	text := "Its headcount of 2 is not added to Team lead's 14: if those 2 are not among Team lead's 14, give --headcount 'Team lead=16' or --same-grade 'O'\\''Neil=Team lead'."
	for limit := 36; limit <= 100; limit++ {
		lines := WrapAtSpaces(text, limit)
		if got := strings.Join(lines, " "); got != text {
			t.Fatalf("at %d: the lines do not join back to the text: %q", limit, got)
		}
		for _, want := range []string{"--headcount 'Team lead=16'", "--same-grade 'O'\\''Neil=Team lead'."} {
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, want) }) {
				t.Errorf("at %d, %q is broken:\n%s", limit, want, strings.Join(lines, "\n"))
			}
		}
		for _, l := range lines {
			if width(l) > limit {
				t.Errorf("at %d, a line of %d columns: %q", limit, width(l), l)
			}
		}
	}
	// The words around are wrapped as before: an apostrophe is not a
	// quote outside a flag's value.
	if got := WrapAtSpaces("Team lead's 14 and Team lead's 12", 12); !slices.Equal(got, []string{"Team lead's", "14 and Team", "lead's 12"}) {
		t.Errorf("plain words: %q", got)
	}
	// Wider than the line, the flag and its value run over it, whole.
	if got := WrapAtSpaces("give --headcount 'A very long grade name=16' now", 20); !slices.Contains(got, "--headcount 'A very long grade name=16'") {
		t.Errorf("a flag wider than the line: %q", got)
	}
}

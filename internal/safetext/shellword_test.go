package safetext

import "testing"

// A word for a command to paste is in single quotes, a quote inside it
// closed, escaped and reopened, and what could act on a terminal shown.
func TestShellWord(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                  `''`,
		"Admin=16":          `'Admin=16'`,
		"O'Brien=N":         `'O'\''Brien=N'`,
		"a b $HOME `x` \\":  "'a b $HOME `x` \\'",
		"Team\nleader\x1b]": "'Team␊leader␛]'",
	} {
		if got := ShellWord(in); got != want {
			t.Errorf("ShellWord(%q) = %q, want %q", in, got, want)
		}
	}
}

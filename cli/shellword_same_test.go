package cli

import (
	"testing"

	"github.com/socialmobility/ladder/internal/safetext"
)

func TestShellWordIsSafetextShellWord(t *testing.T) {
	for _, s := range []string{"", "Admin=16", "O'Brien=N", "a b $HOME `x` \\", "Team\nleader\x1b]", "'", "\u202eX"} {
		if a, b := shellWord(s), safetext.ShellWord(s); a != b {
			t.Errorf("%q: %q != %q", s, a, b)
		}
	}
}

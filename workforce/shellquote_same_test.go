package workforce

import (
	"testing"

	"github.com/socialmobility/ladder/internal/safetext"
)

func TestShellQuoteIsSafetextShellWord(t *testing.T) {
	for _, s := range []string{"", "Admin=16", "O'Brien=N", "a b $HOME `x` \\", "Team\nleader\x1b]", "'", "\u202eX"} {
		if a, b := shellQuote(s), safetext.ShellWord(s); a != b {
			t.Errorf("%q: %q != %q", s, a, b)
		}
	}
}

package safetext

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Plain is for untrusted text that is kept, not only shown: an idea typed
// on a phone that may end up in a plan file. Where Terminal shows odd
// characters as pictures (a reader should see them), Plain removes them:
// escape sequences whole (ESC [ 2 J, OSC titles and hyperlinks, with their
// arguments), every other control character, the bidirectional overrides
// and line separators, and broken UTF-8. Line breaks and tabs become
// spaces, runs of spaces one, and the ends are trimmed, so the result is
// one line of plain text.
func Plain(s string) string {
	if !needsCleaning(s, true) && !strings.ContainsAny(s, "\t") && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	s = ansi.Strip(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = b.Len() > 0
			continue
		case r < 0x20 || UnsafeRune(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

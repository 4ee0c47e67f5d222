package safetext

import (
	"strings"
	"unicode/utf8"
)

// Styled is for a screen ladder has drawn, with its own escape sequences
// (colours, bold) around text that came from a plan: it keeps the escape
// sequences, and drops the runes no screen of ladder draws that a terminal
// acts on, or reorders what it shows by: DEL, the C1 controls (U+0080–
// U+009F), the bidirectional overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) and the line and paragraph separators. The screens'
// renderer already keeps the C0 controls of such text off the terminal;
// these it passes on. A screen without them is returned as it is, and
// finding that out looks at the bytes that can begin one only.
func Styled(s string) string {
	if !hasUnsafeRune(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if UnsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

// hasUnsafeRune reports whether s holds a rune UnsafeRune reports: DEL,
// or a rune whose UTF-8 begins 0xC2 (U+0080–U+00BF) or 0xE2 0x80/0x81
// (U+2000–U+207F).
func hasUnsafeRune(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0x7f:
			return true
		case 0xc2, 0xe2:
			r, _ := utf8.DecodeRuneInString(s[i:])
			if UnsafeRune(r) {
				return true
			}
		}
	}
	return false
}

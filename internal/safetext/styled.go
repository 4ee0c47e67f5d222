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
//
// It drops the escape strings a plan's text may hold whole too (a
// hyperlink, a window title, a device control string: ESC ] P _ ^ or X up
// to its BEL or string terminator), which no screen of ladder draws: the
// renderer passes a hyperlink on, so that "\e]8;;http://…\e\\" in an
// action would make its words a link to another site. One never ended
// loses its ESC alone, shown as text, rather than the rest of the screen.
//
// It drops the invisible format characters too (soft hyphens, zero-width
// spaces, byte order marks, direction marks), wherever the text came from
// (a plan from a pull request, an action pasted from a web page): the
// screens measure them as nothing, and some terminals give them a column,
// which pushed a row of the projector out of line. The joiners and tag
// characters stay, for the emoji and flags they make: terminals give
// them no column of their own.
func Styled(s string) string {
	if !hasUnsafeRune(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	unended := false // no escape string from here on has an end
	for i := 0; i < len(s); {
		if s[i] == esc && i+1 < len(s) && escapeString(s[i+1]) {
			end := -1
			if !unended {
				end = escapeStringEnd(s, i+2)
				unended = end < 0
			}
			if end > 0 {
				i = end
			} else {
				i++ // never ended: the rest shows as text
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !offScreen(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

const esc = 0x1b

// escapeString reports whether ESC followed by c begins an escape string:
// an operating system command (ESC ]), a device control string (ESC P),
// an application program command (ESC _), a privacy message (ESC ^) or a
// start of string (ESC X).
func escapeString(c byte) bool {
	return c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X'
}

// escapeStringEnd is the index just after the end of the escape string
// whose body begins at from: its BEL, ESC \ or U+009C. -1 when it has none.
func escapeStringEnd(s string, from int) int {
	for i := from; i < len(s); i++ {
		switch {
		case s[i] == '\a':
			return i + 1
		case s[i] == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return -1
}

// offScreen reports the runes Styled drops.
func offScreen(r rune) bool {
	return UnsafeRune(r) || isFormat(r) && r != zwj && r != zwnj && (r < 0xe0020 || r > cancelTag)
}

// hasUnsafeRune reports whether s holds an escape string, or a rune
// offScreen reports: DEL, or
// a rune whose UTF-8 begins with a byte that can begin one (0xC2 for
// U+0080–U+00BF, 0xE2 0x80 and 0xE2 0x81 for U+2000–U+207F, and the
// rarer format characters' lead bytes).
func hasUnsafeRune(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0x7f:
			return true
		case esc:
			if i+1 < len(s) && escapeString(s[i+1]) {
				return true
			}
		case 0xe2:
			// Of U+2000–U+2FFF, only U+2000–U+207F (0xE2 0x80, 0xE2
			// 0x81) hold such runes; the box drawing and shapes that
			// fill a screen are passed over without decoding.
			if i+1 < len(s) && s[i+1] > 0x81 {
				continue
			}
			fallthrough
		case 0xc2, 0xd8, 0xdb, 0xdc, 0xe0, 0xe1, 0xef, 0xf0, 0xf3:
			r, _ := utf8.DecodeRuneInString(s[i:])
			if offScreen(r) {
				return true
			}
		}
	}
	return false
}

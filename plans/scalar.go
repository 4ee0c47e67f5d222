package plans

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The plan encoder writes YAML by hand rather than through yaml.Marshal so
// that it controls every byte: comments with item titles, blank lines
// between items (which keep git's merge hunks apart), literal blocks for
// notes, and no line wrapping. This file decides how one text value is
// written so that any YAML parser (1.1 or 1.2) reads back exactly the same
// string.

// scalarStyle is how a string is written.
type scalarStyle int

const (
	stylePlain scalarStyle = iota
	styleSingle
	styleDouble
	styleLiteral
)

func chooseStyle(s string) scalarStyle {
	if s == "" {
		return styleSingle
	}
	if !utf8.ValidString(s) || !allPrintable(s) {
		return styleDouble
	}
	if strings.Contains(s, "\n") {
		if literalSafe(s) {
			return styleLiteral
		}
		return styleDouble
	}
	if strings.ContainsAny(s, "\t\r") {
		return styleDouble
	}
	if plainSafe(s) {
		return stylePlain
	}
	return styleSingle
}

// allPrintable reports whether every rune is in YAML's printable set,
// leaving out the byte-order mark and line/paragraph separators that some
// parsers treat as breaks.
func allPrintable(s string) bool {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r == '\r':
			return false
		case r < 0x20 || r == 0x7f:
			return false
		case r >= 0x80 && r < 0xa0:
			return false
		case r == 0xfeff || r == 0x2028 || r == 0x2029:
			return false
		case bidiControl(r):
			return false
		case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
			return false
		}
	}
	return true
}

// bidiControl reports the bidirectional overrides and isolates
// (U+202A–U+202E, U+2066–U+2069): written raw, they reorder the line
// around them for whoever reads the file or its diff ("Trojan Source"), so
// they are written as escapes.
func bidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// literalSafe reports whether s can be a literal block (`|` or `|-`): no
// carriage returns, no whitespace-only lines (their meaning in a block
// depends on indentation), and at most one trailing newline (a `|+` block
// would swallow the blank line that follows it).
func literalSafe(s string) bool {
	if strings.HasSuffix(s, "\n\n") || strings.HasPrefix(s, "\n") {
		return false
	}
	body := strings.TrimSuffix(s, "\n")
	for _, line := range strings.Split(body, "\n") {
		if line != "" && strings.TrimLeft(line, " \t") == "" {
			return false
		}
		if strings.HasPrefix(line, "\t") {
			return false
		}
	}
	return true
}

var reservedWords = map[string]bool{
	"null": true, "~": true, "true": true, "false": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true, "<<": true, "=": true,
	".inf": true, "-.inf": true, "+.inf": true, ".nan": true,
}

// plainSafe is deliberately conservative: when in doubt, quote.
func plainSafe(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", first) {
		return false
	}
	if last == ':' || strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	if reservedWords[strings.ToLower(s)] {
		return false
	}
	// Numbers, dates and times in any YAML version start with a digit, a
	// sign or a dot and use few characters; quote anything of that shape.
	// Timestamps (2027-01-01T09:00:00Z) need the T and Z: YAML 1.1 parsers
	// such as PyYAML read them as datetimes, not text.
	if (first >= '0' && first <= '9') || first == '+' || first == '.' {
		if strings.Trim(s, "0123456789abcdefABCDEFxXoOtTzZ_.:+-eE ") == "" {
			return false
		}
	}
	return true
}

// appendScalar writes s as the value after "key: " (or "- "). indent is the
// column of the key, used to indent a literal block's lines.
func appendScalar(b []byte, s string, indent int) []byte {
	switch chooseStyle(s) {
	case stylePlain:
		return append(b, s...)
	case styleSingle:
		b = append(b, '\'')
		b = append(b, strings.ReplaceAll(s, "'", "''")...)
		return append(b, '\'')
	case styleLiteral:
		b = append(b, '|')
		first := s[:strings.IndexByte(s+"\n", '\n')]
		if strings.HasPrefix(first, " ") {
			b = append(b, '2')
		}
		if !strings.HasSuffix(s, "\n") {
			b = append(b, '-')
		}
		body := strings.TrimSuffix(s, "\n")
		for _, line := range strings.Split(body, "\n") {
			b = append(b, '\n')
			if line != "" {
				b = appendIndent(b, indent+2)
				b = append(b, line...)
			}
		}
		return b
	default:
		return appendDoubleQuoted(b, s)
	}
}

// appendKey writes an id from the checklist as a mapping key: bare when
// every YAML reader takes it for text, in single quotes when one would
// not (a custom checklist's item "no" is a boolean to YAML 1.1 readers,
// "123" a number to all of them).
func appendKey(b []byte, key string) []byte {
	if plainSafe(key) {
		return append(b, key...)
	}
	b = append(b, '\'')
	b = append(b, strings.ReplaceAll(key, "'", "''")...)
	return append(b, '\'')
}

func appendIndent(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

func appendDoubleQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Invalid UTF-8 cannot be kept as text; keep the byte's value.
			b = append(b, `\x`...)
			b = append(b, hex2(s[i])...)
			i++
			continue
		}
		i += size
		switch r {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\t':
			b = append(b, `\t`...)
		case '\r':
			b = append(b, `\r`...)
		default:
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				b = append(b, `\x`...)
				b = append(b, hex2(byte(r))...)
			} else if r == 0xfeff || r == 0x2028 || r == 0x2029 || bidiControl(r) || (r >= 0xd800 && r <= 0xdfff) || r == 0xfffe || r == 0xffff {
				b = append(b, `\u`...)
				h := strconv.FormatInt(int64(r), 16)
				b = append(b, strings.Repeat("0", 4-len(h))+h...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return append(b, '"')
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

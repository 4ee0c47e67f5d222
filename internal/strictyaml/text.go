package strictyaml

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// checkText refuses, at its own line and column, any character that YAML
// readers do not all read the same way, or that would reach a terminal as
// an instruction: bytes that are not UTF-8 (a Latin-1 é, a file saved as
// UTF-16), control characters other than tab and line breaks, the C1
// controls including U+0085 (which YAML 1.1 readers, yaml.v3 and PyYAML
// among them, take as a line break and YAML 1.2 readers as text), the line
// and paragraph separators U+2028 and U+2029 (the same), a byte-order mark
// anywhere but at the start, and the non-characters U+FFFE and U+FFFF.
// ladder never writes any of these raw: it escapes them in double quotes.
// yaml.v3 itself would report most of them at 1:1, or at the next line.
//
// plain reports whether the text is also free of carriage returns, tabs
// and a byte-order mark, which the fast path leaves to yaml.v3.
func checkText(data []byte) (plain bool, p *Problem) {
	plain = true
	line, col := 1, 1
	for i := 0; i < len(data); {
		// Printable ASCII, most of a file, in a tight loop: one comparison
		// a byte (0x20 to 0x7e become 0 to 0x5e; the rest wrap past it).
		j := i
		for j < len(data) && data[j]-0x20 < 0x5f {
			j++
		}
		col += j - i
		if i = j; i == len(data) {
			break
		}
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line, col = line+1, 1
				i++
				continue
			case c == '\r':
				plain = false
				if i+1 < len(data) && data[i+1] == '\n' {
					i++
				}
				line, col = line+1, 1
				i++
				continue
			case c == '\t':
				plain = false
			case c < 0x20 || c == 0x7f:
				return false, &Problem{line, col, fmt.Sprintf("control character %s is not allowed in the file (inside double quotes, write it as \\x%02x)", charName(rune(c)), c)}
			}
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false, &Problem{line, col, notUTF8(data, i)}
		case r == 0xfeff && i == 0:
			plain = false
			col-- // not counted as a character, as yaml.v3 does not count it
		case r == 0xfeff:
			return false, &Problem{line, col, "a byte-order mark (U+FEFF) in the middle of the file: remove it (it is invisible in most editors)"}
		case r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfffe, r == 0xffff:
			return false, &Problem{line, col, fmt.Sprintf("character %s is not allowed raw in the file: YAML readers disagree about it (inside double quotes, write it as \\u%04x)", charName(r), r)}
		}
		i += size
		col++
	}
	return plain, nil
}

func notUTF8(data []byte, i int) string {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return `the file is UTF-16 (Notepad's "Unicode", or a file written by Windows PowerShell's >): save it as UTF-8 (in Notepad, Save as, Encoding UTF-8), so that git can show its changes`
	}
	// Most often a file saved as Notepad's "ANSI" (Windows-1252), which
	// agrees with Latin-1 from 0xa0 up; below, only Windows-1252 has
	// characters (Word's ’ and –), where Latin-1 has control characters.
	b := data[i]
	r := charmap.Windows1252.DecodeByte(b)
	switch {
	case b >= 0xa0:
		return fmt.Sprintf(`byte 0x%02x is not UTF-8: save the file as UTF-8 (in Windows-1252, Notepad's "ANSI", or Latin-1, it would be %q)`, b, string(r))
	case unicode.IsPrint(r):
		return fmt.Sprintf(`byte 0x%02x is not UTF-8: save the file as UTF-8 (in Windows-1252, Notepad's "ANSI", it would be %q)`, b, string(r))
	}
	return fmt.Sprintf("byte 0x%02x is not UTF-8: save the file as UTF-8", b)
}

func charName(r rune) string {
	names := map[rune]string{0: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed", 0x1b: "ESC", 0x7f: "DEL",
		0x85: "next line", 0x2028: "line separator", 0x2029: "paragraph separator"}
	if name, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}

// Package safetext makes untrusted text safe to print. Plan files, CSVs,
// commit subjects and phone requests come from other people; printed as
// they are, an ESC or BEL byte in them could retitle the terminal, clear
// it, or hide what is around it. Every piece of such text that reaches a
// terminal or a log goes through here first.
//
// Control characters are not dropped but shown, as Unicode's control
// pictures (␛ for ESC, ␇ for BEL): a reader sees that something odd is in
// the file, and where, instead of having it act on their terminal.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Terminal returns s with every control character that could act on a
// terminal replaced by a visible picture: C0 controls (keeping newline
// and tab), DEL, the C1 range (U+0080–U+009F, which some terminals take
// as escape sequences), the bidirectional overrides and isolates that
// reorder what is shown (U+202A–U+202E, U+2066–U+2069), and the line and
// paragraph separators. The direction marks (U+200E, U+200F, U+061C),
// which draw nothing but reorder digits and punctuation around them in a
// terminal that lays out right-to-left text, are dropped: a path or a
// count must read there as it is. Broken UTF-8 becomes U+FFFD. A letter piled with
// combining marks keeps maxMarks of them: many terminals draw a pile of
// hundreds over the lines around it.
func Terminal(s string) string { return clean(s, false) }

// Line is Terminal for text shown on one line: newlines and carriage
// returns become pictures too, so one value cannot pose as several lines
// of output (a forged "ok" line in a CI log, say).
func Line(s string) string { return clean(s, true) }

// LeadingPath is Line for a file's path that begins a line of output, as
// the "file:line:col: message" lines do. GitHub Actions reads every line
// of a job's log, leading white space trimmed, and obeys one that begins
// "::" (an annotation, a mask, stopping commands: see CommandGuard); file
// names come from pull requests too, so a path that would begin such a
// line gets "./" before it, which names the same file (where the guard's
// backslash would make it another's).
func LeadingPath(path string) string {
	if beginsCommand(path) {
		path = "./" + path
	}
	return Line(path)
}

// Excerpt is a short, quoted, one-line view of an untrusted value for an
// error message: at most max characters of it (an ellipsis marks the
// cut), made safe as Line makes it. Messages quote values through it so
// that a value read from somewhere unexpected (a file a plan points at,
// say) is never printed whole. The invisible characters Terminal drops
// are spelt out as their code points ("red<U+200B>"): a message quotes a
// value to show what is wrong with it.
func Excerpt(s string, max int) string {
	if max < 1 {
		max = 1
	}
	cut := false
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s, cut = s[:i], true
				break
			}
			n++
		}
	}
	out := `"` + strings.ReplaceAll(Line(spellInvisible(s)), `"`, `\"`)
	if cut {
		out += "…"
	}
	return out + `"`
}

// ExcerptLength is the usual length of an Excerpt in a message.
const ExcerptLength = 40

// Quote is Excerpt at its usual length: how a message quotes a value read
// from a file.
func Quote(s string) string { return Excerpt(s, ExcerptLength) }

// Name is how a message names something by an id read from a file (an
// item, a key): as it is when it looks like an id (short, letters, digits
// and - _ . only), so that "item lc-vision rating" reads naturally, and
// as a Quote otherwise.
func Name(s string) string {
	if s == "" || utf8.RuneCountInString(s) > ExcerptLength {
		return Quote(s)
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return Quote(s)
		}
	}
	return s
}

// Safe reports whether s would be printed unchanged by Terminal.
func Safe(s string) bool { return !needsCleaning(s, false) }

func needsCleaning(s string, oneLine bool) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b-0x20 >= 0x7f-0x20 {
			// Past printable ASCII, most of any text, the rest is checked
			// rune by rune: a tab or a newline, a control, anything
			// outside ASCII, and the controls after it ("→ ESC" must not
			// slip through).
			return runesNeedCleaning(s[i:], oneLine)
		}
	}
	return false
}

// runesNeedCleaning is needsCleaning from the first byte that is not
// printable ASCII: broken UTF-8, the controls, and a pile of combining
// marks that clean would cut (markRow).
func runesNeedCleaning(s string, oneLine bool) bool {
	var row markRow
	for i := 0; i < len(s); {
		if b := s[i]; b < 0x80 {
			if b < 0x20 && b != '\t' && (b != '\n' || oneLine) || b == 0x7f {
				return true
			}
			row = 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || UnsafeRune(r) || InvisibleFormat(r) || !row.keep(r) {
			return true
		}
		i += size
	}
	return false
}

func clean(s string, oneLine bool) string {
	if !needsCleaning(s, oneLine) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var row markRow
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !row.keep(r) {
			continue
		}
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t':
			b.WriteByte('\t')
		case r == '\n' && !oneLine:
			b.WriteByte('\n')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟, ␊ for a newline on one line
		case r == 0x7f:
			b.WriteRune('␡')
		case directionMark(r):
			// Nothing to show: it draws nothing, and the text reads
			// the same without it.
		case UnsafeRune(r):
			b.WriteRune('�')
		case InvisibleFormat(r):
			// Nothing to show either (see Terminal).
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// UnsafeRune reports the runes other than the C0 controls that act on a
// terminal or on the order of what it shows: DEL, the C1 controls, the
// bidirectional overrides, isolates and marks, the line and paragraph
// separators. Writers that filter their own output a rune at a time (the
// accessible prompts) use it too.
func UnsafeRune(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028, r == 0x2029, directionMark(r):
		return true
	}
	return false
}

// directionMark reports the left-to-right, right-to-left and Arabic letter
// marks: invisible letters of a direction. Between digits and punctuation
// they reorder what a terminal laying out right-to-left text shows
// ("plans/RLM2027/RLM01.yaml" drawn as "plans/01/2027.yaml"), as the
// overrides do with letters too.
func directionMark(r rune) bool {
	return r == 0x200e || r == 0x200f || r == 0x061c
}

// InvisibleFormat reports the format characters Terminal drops (a soft
// hyphen, a zero-width space, a word joiner, a byte order mark): those the
// screens leave off (offScreen) but the bidirectional controls, which
// UnsafeRune reports. Writers that filter their own output a rune at a
// time (the accessible prompts) drop them too.
func InvisibleFormat(r rune) bool { return offScreen(r) && !UnsafeRune(r) }

// spellInvisible is s with each character Terminal would drop as
// invisible (a format character, a direction mark) spelt out as its code
// point, <U+200B>.
func spellInvisible(s string) string {
	if !strings.ContainsFunc(s, spelt) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if spelt(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func spelt(r rune) bool { return InvisibleFormat(r) || directionMark(r) }

// ShellWord is Line in single quotes, as a POSIX shell reads a word of
// any characters at all (a single quote inside is closed, escaped and
// reopened): how a message puts untrusted text (a grade, an answer) in a
// command a person can paste.
func ShellWord(s string) string {
	return "'" + strings.ReplaceAll(Line(s), "'", `'\''`) + "'"
}

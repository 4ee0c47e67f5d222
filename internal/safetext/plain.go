package safetext

import (
	"strings"
	"unicode"

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
//
// It also removes the invisible format characters that come with pasted
// text rather than from a keyboard: zero-width spaces, soft hyphens, byte
// order marks, word joiners, direction marks, stray tag characters. They
// draw nothing, yet terminals disagree on their width, so one of them could
// push an idea's row out of line on the projector. The joiners keep the
// places where they do a job someone meant (see formatKept). And it cuts
// piles of combining marks on one letter to a few, as Terminal does
// (markRow).
func Plain(s string) string {
	if !needsCleaning(s, true) && !strings.ContainsAny(s, "\t") && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s && !strings.ContainsFunc(s, isFormat) {
		return s
	}
	rs := cutMarkPiles([]rune(ansi.Strip(strings.ToValidUTF8(s, ""))))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	word := 0 // where the last word written begins in b
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = b.Len() > 0
			continue
		case r < 0x20 || UnsafeRune(r):
			continue
		case r == blackFlag:
			if n := tagSequence(rs[i+1:]); n > 0 {
				if space {
					b.WriteByte(' ')
					space = false
					word = b.Len()
				}
				b.WriteString(string(rs[i : i+1+n]))
				i += n
				continue
			}
		case isFormat(r):
			var next rune
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if space || !formatKept(r, b.String()[word:], next) {
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
			word = b.Len()
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isFormat reports Unicode's format characters (category Cf). All but a
// few draw nothing; those few (the Arabic number signs) are drawn over
// the digits after them, which a terminal cannot do either.
//
// Screens are full of U+2000–U+2FFF (bullets, quotes, box drawing,
// shapes), so those are answered without the table.
func isFormat(r rune) bool {
	switch {
	case r < 0xad:
		return false
	case r < 0x2000:
		// Every rune of a Thai, Hindi or Hebrew name is asked on its way
		// to the terminal (Terminal drops these): below U+2000 the few
		// there are lie at U+00AD, U+0600–U+08E2 and U+180E.
		return r == 0xad || r == 0x180e || r >= 0x600 && r <= 0x8e2 && unicode.Is(unicode.Cf, r)
	case r <= 0x206f:
		return r >= 0x200b && r <= 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2060 && r != 0x2065
	case r > 0x206f && r < 0xfeff:
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

const (
	zwnj      = '\u200c'     // zero-width non-joiner
	zwj       = '\u200d'     // zero-width joiner
	blackFlag = '\U0001F3F4' // 🏴, the base of the flags of England, Scotland and Wales
	cancelTag = '\U000E007F'
)

// formatKept reports whether the format character r, after the word
// written so far and before next, does something a person meant, and so
// stays:
//   - a zero-width joiner that makes two emoji one (👩‍💻, 🏳️‍🌈): the
//     word with it measures narrower than the word and next apart, so
//     the joiner does the joining a terminal will draw;
//   - a joiner or non-joiner between two letters of a script whose
//     keyboards type them to shape the letters around them (Persian's
//     non-joiner, the Indic scripts' conjuncts).
//
// Everything else of its kind is dropped.
func formatKept(r rune, word string, next rune) bool {
	if r != zwj && r != zwnj || word == "" || next == 0 {
		return false
	}
	if r == zwj && unicode.Is(unicode.So, next) &&
		ansi.StringWidth(word+string(zwj)+string(next)) < ansi.StringWidth(word)+ansi.StringWidth(string(next)) {
		return true
	}
	last := []rune(word)
	return joiningLetter(last[len(last)-1]) && joiningLetter(next)
}

// joiningLetter reports a letter or mark of a script written with joiners
// on purpose.
func joiningLetter(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && unicode.In(r, joiningScripts...)
}

var joiningScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian,
	unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya,
	unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala,
	unicode.Khmer, unicode.Myanmar, unicode.Tibetan,
	unicode.Inherited, // the combining marks (Arabic vowel signs) between such letters
}

// tagSequence returns how many runes at the start of rs finish an emoji
// tag sequence after 🏴 (the flag of England is 🏴 and the tags g b e n g
// and cancel), or 0 if they do not. Tag characters anywhere else are
// invisible text, dropped as format characters.
func tagSequence(rs []rune) int {
	for i, r := range rs {
		switch {
		case r == cancelTag && i > 0:
			return i + 1
		case r < 0xe0020 || r > 0xe007e:
			return 0
		}
	}
	return 0
}

package safetext

import "unicode"

// maxMarks is how many combining marks in a row on one letter Terminal,
// Line and Plain keep: as many as any language puts on one letter
// (Vietnamese two, Thai and Hindi three, Hebrew with its points and
// Tibetan's stacks four), few enough that a letter piled with hundreds of
// them ("Zalgo" text, in an owner from a stranger's pull request or an
// idea typed on a phone) cannot draw over the lines around it, as many
// terminals would let it: the check-in issue's owner column, the screens,
// the projector.
const maxMarks = 4

// markRow counts the combining marks in a row on one letter, for text
// read a rune at a time: the one rule that cuts piles, for Terminal and
// Line (and Safe, which says whether they would) and for Plain.
type markRow int

// keep reports whether r, the next rune of the text, stays: all do but a
// combining mark past maxMarks in a row. The runes that draw nothing
// (format characters) do not end a row, nor do the controls, which Plain
// drops and Terminal shows as pictures no one's name puts marks on: what
// is left of a pile must be no longer than the limit.
//
// Only a rune that may end a row is looked up further, so that text
// without marks, the most there is, pays for isMark alone.
func (n *markRow) keep(r rune) bool {
	switch {
	case isMark(r):
		if *n >= maxMarks {
			return false
		}
		*n++
	case *n == 0:
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r', UnsafeRune(r), isFormat(r):
	default:
		*n = 0
	}
	return true
}

// cutMarkPiles drops the combining marks past maxMarks in a row.
func cutMarkPiles(rs []rune) []rune {
	out, row := rs[:0], markRow(0)
	for _, r := range rs {
		if row.keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// isMark reports the combining marks that draw on the letter before
// them, taking no column of their own.
func isMark(r rune) bool {
	switch {
	case r < 0x300:
		return false
	case r <= 0xffff:
		return bmpMarks[r/64]&(1<<(r%64)) != 0
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}

// bmpMarks has a bit for each combining mark below U+10000, where every
// living script's are. Every rune of a name outside ASCII is looked up
// on its way to the terminal, and unicode.In's search of two tables made
// Thai or Hindi text twice as slow through Line (BENCHMARKS.md); this is
// a shift. 8 kB, set at start-up from the same tables.
var bmpMarks = func() (bits [0x10000 / 64]uint64) {
	for _, t := range []*unicode.RangeTable{unicode.Mn, unicode.Me} {
		for _, rr := range t.R16 {
			for r := rune(rr.Lo); r <= rune(rr.Hi); r += rune(rr.Stride) {
				bits[r/64] |= 1 << (r % 64)
			}
		}
	}
	return bits
}()

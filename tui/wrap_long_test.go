package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// cutUnits are units wider than a narrow line, each meeting one of the
// cutting rules: a path cut after a separator, a place in a file whose
// rest begins with closing punctuation, letters with combining marks,
// wide characters, an emoji sequence, a character wider than the line.
var cutUnits = []string{
	"plans/2026/acme-spring-review.yaml:2:15:",
	"plans/2026-12-01-hill-s-bakery-spring-review.copy-1.yaml",
	"e\u0301le\u0300ve-e\u0301le\u0300ve-e\u0301le\u0300ve-e\u0301le\u0300ve",
	"李雷李雷李雷李雷李雷:李雷李雷",
	"👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧.yaml",
	"abcdefghij...klmnopqrst)uvwxyz",
	"x李",
}

// A unit wider than the line is cut in the same places whether it is plain
// text (a plan's, walked only as far as each cut) or styled (measured
// whole): the two ways of cutting in cutUnit must not drift apart.
func TestAUnitIsCutInTheSamePlacesPlainOrStyled(t *testing.T) {
	for _, unit := range cutUnits {
		for w := 1; w <= ansi.StringWidth(unit)+1; w++ {
			text := "Open " + unit + " now"
			plain := wrapText(text, w)
			styled := wrapText("\x1b[1m"+text+"\x1b[m", w)
			for i := range styled {
				styled[i] = ansi.Strip(styled[i])
			}
			if fmt.Sprint(plain) != fmt.Sprint(styled) {
				t.Errorf("%q at width %d:\nplain  %q\nstyled %q", unit, w, plain, styled)
			}
			if got := strings.Join(plain, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Errorf("%q at width %d: text lost or doubled: %q", unit, w, plain)
			}
		}
	}
}

// The cuts are where they were before plain text was walked once: after a
// separator in the line's second half (not "j..." at 10), one character
// sooner than the edge when the rest would begin with closing punctuation
// (".", ")").
func TestALongUnitKeepsItsCuts(t *testing.T) {
	for _, c := range []struct {
		unit string
		w    int
		want []string
	}{
		{"plans/2026/acme-spring-review.yaml:2:15:", 16, []string{"plans/2026/acme-", "spring-review.", "yaml:2:15:"}},
		{"abcdefghij...klmnopqrst)uvwxyz", 10, []string{"abcdefghi", "j...klmnop", "qrst)uvwxy", "z"}},
		{"李雷李雷李雷", 5, []string{"李雷", "李雷", "李雷"}},
	} {
		if got := wrapText(c.unit, c.w); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q at width %d: %q, want %q", c.unit, c.w, got, c.want)
		}
	}
}

// BenchmarkWrapALongAction wraps a stranger's action of 90,000 characters
// for a field of three lines at 80x24: one word of letters with combining
// marks, and words of them. Cutting the one word measured all its rest at
// each cut: about 2 s a key on the item screen (closing40's "1 s a key");
// now it is walked once, and only as far as the field's lines.
//
//	go test ./tui -run '^$' -bench WrapALongAction -count 5
func BenchmarkWrapALongAction(b *testing.B) {
	for name, word := range map[string]string{"one-word": "e\u0301le\u0300ve", "words": "e\u0301le\u0300ve "} {
		text := strings.Repeat(word, 90000/len(word))
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				_ = wrapIndented(text, 70, 2, 3)
			}
		})
	}
}

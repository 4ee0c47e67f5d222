package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The frame pads every line to the window's width, so it must measure text
// as a terminal draws it. Emoji sequences are one wide cell pair each (a
// family joined with zero-width joiners, a flag of two regional
// indicators, a skin tone, a heart with its emoji presentation selector);
// a combining accent takes no cell. A measure that counts code points, or
// takes each emoji of a sequence as wide, pads these lines wrongly and
// shifts or wraps the screen.
func TestFrameMeasuresEmojiSequencesAsTheTerminalDraws(t *testing.T) {
	for text, cells := range map[string]int{
		"👩\u200d👩\u200d👧 family":   2 + 7,
		"🇬🇧 flag":                  2 + 5,
		"👍🏽 thumbs":                2 + 7,
		"❤\ufe0f heart":            2 + 6,
		"Zoe\u0301 and 李雷":         3 + 5 + 4,
		"🧑\u200d🤝\u200d🧑 together": 2 + 9,
	} {
		a := newApp(&common{styles: newStyles(true, false), keys: newGlobalKeys()})
		a.Update(tea.WindowSizeMsg{Width: 40, Height: 20})
		line := strings.Split(a.frame(text, ""), "\n")[0]
		if got := len(line) - len(strings.TrimRight(line, " ")); got != a.c.width-cells+1 {
			t.Errorf("%q is padded with %d spaces, want %d for %d cells", text, got, a.c.width-cells+1, cells)
		}
	}
}

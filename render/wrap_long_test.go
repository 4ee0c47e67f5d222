package render

import (
	"strings"
	"testing"
	"time"
)

// A word wider than the line is cut into lines of the line's width, each
// cut found by walking the word once: ansi.Truncate measured the whole
// rest of the word at every cut, so a commit whose subject was one word of
// 2 MB (a stranger's commit on the branch) kept ladder history busy for
// minutes, and the same for any other text wrapped at its spaces.
func TestAWordOfAMegabyteIsCutInAMoment(t *testing.T) {
	word := strings.Repeat("A", 1<<20) + strings.Repeat("李", 1000) + "Zoë"
	done := make(chan []string, 1)
	go func() { done <- wrapAtSpaces("Merge "+word+" done", 57) }()
	var lines []string
	select {
	case lines = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("wrapping a word of a megabyte took more than 5 s")
	}
	if lines[0] != "Merge" || !strings.HasSuffix(lines[len(lines)-1], "Zoë done") {
		t.Errorf("first line %q, last line %q", lines[0], lines[len(lines)-1])
	}
	if got := strings.Join(lines[1:], ""); got != word+" done" {
		t.Errorf("the cut word's lines do not join back to it (%d bytes, want %d)", len(got), len(word+" done"))
	}
	for i, l := range lines {
		if w := width(l); w > 57 || w < 56 && i < len(lines)-1 && i > 0 {
			t.Fatalf("line %d is %d columns wide: %q", i, w, l)
		}
	}
}

// The cut is the longest start of the word that fits, a character never
// cut inside, and a character wider than the whole line is left to run
// over it: where ansi.Truncate cut, but for a keycap (below).
func TestACutWordKeepsItsCuts(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  []string
	}{
		{"abcdefgh", 3, []string{"abc", "def", "gh"}},
		{"李雷李雷李", 4, []string{"李雷", "李雷", "李"}},
		{"李雷李", 3, []string{"李", "雷", "李"}},
		{"a李b", 1, []string{"a", "李b"}},
		{"e\u0301e\u0301e\u0301", 2, []string{"e\u0301e\u0301", "e\u0301"}},
		{"ab 李雷李 c", 2, []string{"ab", "李", "雷", "李", "c"}},
		// An emoji sequence is one character, never cut inside.
		{"👩‍💻👩‍💻a👩‍💻", 3, []string{"👩‍💻", "👩‍💻a", "👩‍💻"}},
		{"🇬🇧🇫🇷x🇩🇪", 3, []string{"🇬🇧", "🇫🇷x", "🇩🇪"}},
		{"👍🏽👍🏽👍🏽", 4, []string{"👍🏽👍🏽", "👍🏽"}},
		// A keycap is two columns wide, as width measures it: cutting
		// at ASCII a byte at a time, ansi.Truncate took it for one and
		// left lines a column too wide ("a1️⃣b" at 3).
		{"a1\ufe0f\u20e3b#\ufe0f\u20e3c", 3, []string{"a1\ufe0f\u20e3", "b#\ufe0f\u20e3", "c"}},
	} {
		if got := wrapAtSpaces(tc.in, tc.limit); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapAtSpaces(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}

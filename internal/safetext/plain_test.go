package safetext

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Appoint a sponsor", "Appoint a sponsor"},
		{"  two\nlines\tand  spaces  ", "two lines and spaces"},
		{"\x1b[2J\x1b[31mred\x1b[0m alert", "red alert"},
		{"\x1b]0;pwned\x07title", "title"},
		{"\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"bell\x07 and \x00nul and \x7fdel", "bell and nul and del"},
		{"c1 \u009b31m here", "c1 31m here"},
		{"abc\u202edcba", "abcdcba"},
		{"line\u2028sep", "linesep"},
		{"bad \xff\xfe utf8", "bad utf8"},
		{"<script>alert(1)</script> & \"quotes\"", "<script>alert(1)</script> & \"quotes\""},
		{"\x1b[", ""},
		{"tab\tonly", "tab only"},
		{"Zoë 李雷 🚀", "Zoë 李雷 🚀"},
	}
	for _, tc := range tests {
		if got := Plain(tc.in); got != tc.want {
			t.Errorf("Plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Plain(tc.want); got != tc.want {
			t.Errorf("Plain is not stable on %q: %q", tc.want, got)
		}
		if !Safe(Plain(tc.in)) {
			t.Errorf("Plain(%q) is not safe to print", tc.in)
		}
	}
}

// TestPlainDropsInvisibleFormatCharacters: a zero-width space, soft hyphen
// or byte order mark pasted into an idea draws nothing, but a terminal
// may give it a column and push the idea's row out of line on the
// projector. They go; the joiners that make emoji sequences and flags
// one picture, or shape the letters of the scripts typed with them, stay.
func TestPlainDropsInvisibleFormatCharacters(t *testing.T) {
	england := "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
	for _, tc := range []struct{ in, want string }{
		{"zero\u200bwidth space", "zerowidth space"},
		{"co\u00adoperate", "cooperate"},
		{"\ufeffAppoint a sponsor", "Appoint a sponsor"},
		{"word\u2060joiner \u200eleft\u200f mark \u2062 math", "wordjoiner left mark math"},
		{"\u200b \u200b", ""},
		{"hidden\U000E0069\U000E0067\U000E006E tags", "hidden tags"},
		{"stray a\u200db and a\u200cb", "stray ab and ab"},
		{"👩\u200d", "👩"},
		{"\u200d💻 first", "💻 first"},
		{"👩 \u200d💻", "👩 💻"},
		{"👩\u200d\u200d💻", "👩\u200d💻"},
		{"🏴\U000E0067\U000E0062 unfinished", "🏴 unfinished"},
		// Kept whole.
		{"👩\u200d💻 coders", "👩\u200d💻 coders"},
		{"👩🏽\u200d💻", "👩🏽\u200d💻"},
		{"🏳️\u200d🌈 network", "🏳️\u200d🌈 network"},
		{"👨\u200d👩\u200d👧\u200d👦", "👨\u200d👩\u200d👧\u200d👦"},
		{"❤️\u200d🔥", "❤️\u200d🔥"},
		{"🇬🇧 and " + england, "🇬🇧 and " + england},
		{"می\u200cخواهم", "می\u200cخواهم"},
		{"ශ්\u200dරී ලංකා", "ශ්\u200dරී ලංකා"},
		{"\u0600١ sign", "١ sign"}, // drawn over the digits after it, which a terminal cannot do
	} {
		got := Plain(tc.in)
		if got != tc.want {
			t.Errorf("Plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if Plain(got) != got {
			t.Errorf("Plain is not stable on %q: %q", got, Plain(got))
		}
		// What is left takes the columns it is measured to take: no
		// rune in it draws nothing and yet is not part of a wider one.
		if !strings.ContainsAny(got, "\u200c\u200d\U000E007F") && ansi.StringWidth(got) != ansi.StringWidthWc(got) {
			t.Errorf("Plain(%q) = %q measures %d columns as one picture and %d rune by rune", tc.in, got, ansi.StringWidth(got), ansi.StringWidthWc(got))
		}
	}
}

// TestPlainCutsPilesOfAccents: a letter with hundreds of combining marks
// ("Zalgo" text) is one column wide, yet many terminals draw its marks
// stacked up and down over the lines around it, across the projector.
// A letter keeps a few marks, as many as any language typed on a phone
// puts on one.
func TestPlainCutsPilesOfAccents(t *testing.T) {
	pile := "Z" + strings.Repeat("\u0301\u0316", 100) + "algo"
	for _, tc := range []struct{ in, want string }{
		{pile, "Z\u0301\u0316\u0301\u0316algo"},
		{"a" + strings.Repeat("\u0301\u200b", 9) + "b", "a\u0301\u0301\u0301\u0301b"}, // the invisible runes dropped between do not start a new pile
		{"a\u0301\u0301\u0301\u0301\u0301 \u0301b", "a\u0301\u0301\u0301\u0301 \u0301b"},
		// Kept whole: Vietnamese, Thai, Hindi, Hebrew with points, a keycap.
		{"Vie\u0302\u0323t", "Vie\u0302\u0323t"},
		{"ที่นี่ นี่", "ที่นี่ นี่"},
		{"हिन्दी", "हिन्दी"},
		{"שָׁלוֹם", "שָׁלוֹם"},
		{"1\ufe0f\u20e3 first", "1\ufe0f\u20e3 first"},
	} {
		got := Plain(tc.in)
		if got != tc.want {
			t.Errorf("Plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if Plain(got) != got {
			t.Errorf("Plain is not stable on %q: %q", got, Plain(got))
		}
	}
}

func FuzzPlain(f *testing.F) {
	f.Add("\x1b[31mhi\x1b[0m\n")
	f.Add("👩\u200d\u200b💻 \u200dx\u00ad")
	f.Add("🏴\U000E0067\U000E0062\U000E007F\u200c")
	f.Add("क\u0301\u0301\u0301\u0301\u200d\u0301\u0301 \u0301")
	f.Fuzz(func(t *testing.T, s string) {
		p := Plain(s)
		if !Safe(p) || Line(p) != p {
			t.Errorf("Plain(%q) = %q is not one safe line", s, p)
		}
		if Plain(p) != p {
			t.Errorf("Plain is not stable on %q", p)
		}
		marks := 0
		for _, r := range p {
			if unicode.In(r, unicode.Mn, unicode.Me) {
				if marks++; marks > maxMarks {
					t.Fatalf("Plain(%q) = %q keeps a pile of more than %d marks", s, p, maxMarks)
				}
			} else if !isFormat(r) {
				marks = 0
			}
			if isFormat(r) && r != zwj && r != zwnj && (r < 0xe0020 || r > cancelTag) {
				t.Errorf("Plain(%q) = %q keeps the format character %U", s, p, r)
			}
		}
	})
}

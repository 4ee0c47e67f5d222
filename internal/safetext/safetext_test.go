package safetext

import (
	"strings"
	"testing"
	"unicode"
)

func TestTerminal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"Café – naïve 日本 🎉", "Café – naïve 日本 🎉"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"\x1b]0;pwned\x07", "␛]0;pwned␇"},
		{"\x1b[2Jclear", "␛[2Jclear"},
		{"cr\rover", "cr␍over"},
		{"del\x7f", "del␡"},
		{"c1\u009b31m", "c1�31m"},
		{"bidi\u202eevil\u2066", "bidi�evil�"},
		{"sep\u2028x", "sep�x"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"nul\x00", "nul␀"},
		{"Z" + strings.Repeat("\u0301", 200) + "algo", "Z\u0301\u0301\u0301\u0301algo"},
		{"Vie\u0302\u0323t ที่นี่ हिन्दी שָׁלוֹם", "Vie\u0302\u0323t ที่นี่ हिन्दी שָׁלוֹם"},
	} {
		if got := Terminal(tc.in); got != tc.want {
			t.Errorf("Terminal(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if Safe(tc.in) != (tc.in == tc.want) {
			t.Errorf("Safe(%q) = %v, but Terminal changes it: %v", tc.in, Safe(tc.in), tc.in != tc.want)
		}
	}
}

func TestLine(t *testing.T) {
	if got, want := Line("ok\nFAIL\r\n"), "ok␊FAIL␍␊"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
}

func TestExcerpt(t *testing.T) {
	secret := "ghp_" + strings.Repeat("A", 100)
	got := Excerpt(secret, 10)
	if got != `"ghp_AAAAAA…"` {
		t.Errorf("Excerpt cut = %s", got)
	}
	if strings.Contains(got, strings.Repeat("A", 11)) {
		t.Errorf("Excerpt leaks more than 10 characters: %s", got)
	}
	if got := Excerpt("say \"hi\"\x1b[2J", 40); got != `"say \"hi\"␛[2J"` {
		t.Errorf("Excerpt = %s", got)
	}
	if got := Excerpt("日本語テキスト", 3); got != `"日本語…"` {
		t.Errorf("Excerpt counts characters, not bytes: %s", got)
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"lc-vision":             "lc-vision",
		"item_2.a":              "item_2.a",
		"":                      `""`,
		"has space":             `"has space"`,
		"\x1b]0;x\x07":          `"␛]0;x␇"`,
		strings.Repeat("a", 41): `"` + strings.Repeat("a", 40) + `…"`,
		"café":                  `"café"`,
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %s, want %s", in, got, want)
		}
	}
}

func FuzzTerminal(f *testing.F) {
	f.Add("\x1b]0;x\x07")
	f.Add("a\u202eb")
	f.Add("a\u0301\u0301\u200b\u0301\u0301\x07\u0301\u0301")
	f.Add("Vie\u0302\u0323t \xff\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Terminal(s), Line(s), Excerpt(s, 20)} {
			for _, r := range out {
				if r != '\n' && r != '\t' && (r < 0x20 || UnsafeRune(r)) {
					t.Fatalf("%q leaves control %U in %q", s, r, out)
				}
			}
		}
		if strings.ContainsRune(Line(s), '\n') {
			t.Fatalf("Line(%q) keeps a newline", s)
		}
		if Safe(s) != (Terminal(s) == s) {
			t.Fatalf("Safe(%q) = %v, but Terminal gives %q", s, Safe(s), Terminal(s))
		}
		for _, out := range []string{Terminal(s), Line(s)} {
			if pile := longestPile(out); pile > maxMarks {
				t.Fatalf("%q leaves %d marks on one letter in %q", s, pile, out)
			}
		}
	})
}

// A control character after non-ASCII text is still made visible: a
// title such as "Spring → Autumn ESC]0;owned BEL" must not reach the
// terminal as it is.
func TestControlsAfterNonASCII(t *testing.T) {
	for in, want := range map[string]string{
		"Spring → Autumn \x1b]0;owned\x07": "Spring → Autumn ␛]0;owned␇",
		"Zoë\x1b[2J":                       "Zoë␛[2J",
		"李雷\nforged line":                  "李雷␊forged line",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Terminal("Zoë\nnext\x1b[2J"); got != "Zoë\nnext␛[2J" {
		t.Errorf("Terminal = %q", got)
	}
	if Safe("Zoë\x07") {
		t.Error("Safe says a BEL after non-ASCII text is safe")
	}
}

func TestLeadingPath(t *testing.T) {
	for in, want := range map[string]string{
		"plans/acme.yaml":          "plans/acme.yaml",
		"::error::x.yaml":          "./::error::x.yaml",
		"  ::add-mask::x.yaml":     "./  ::add-mask::x.yaml",
		"a::b.yaml":                "a::b.yaml",
		"::warning::\x1b[2Jx.yaml": "./::warning::␛[2Jx.yaml",
		// The runner trims any white space and passes over what its
		// comparison ignores: the name still reads as a file's, "./" first.
		"\u00a0::error::nbsp.yaml":   "./\u00a0::error::nbsp.yaml",
		"\u00ad::error::shy.yaml":    "./::error::shy.yaml", // the soft hyphen dropped, as Line drops it
		":\u200d:error::joined.yaml": "./:\u200d:error::joined.yaml",
		": :not.yaml":                ": :not.yaml",
	} {
		if got := LeadingPath(in); got != want {
			t.Errorf("LeadingPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTerminalCutsPilesOfMarks: an owner or an action of a plan from a
// stranger's pull request, one letter piled with hundreds of combining
// marks ("Zalgo" text), is one column wide, yet many terminals draw the
// pile up and down over the lines around it: the check-in issue's owner
// column, the screens, check's messages. Terminal and Line keep a few
// marks on a letter, as Plain does; the names of real scripts keep all.
func TestTerminalCutsPilesOfMarks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Z" + strings.Repeat("\u0301\u0316", 100) + "algo", "Z\u0301\u0316\u0301\u0316algo"},
		{"A\u0300\u0300\u0300\u0300\u0300na", "A\u0300\u0300\u0300\u0300na"},
		// Characters that draw nothing do not end the pile: they are
		// drawn as one pile on one letter (and dropped themselves).
		{"a" + strings.Repeat("\u0301\u200b", 9) + "b", "a\u0301\u0301\u0301\u0301b"},
		{"a\u0301\u0301\u0301\u0301\u0301 \u0301b", "a\u0301\u0301\u0301\u0301 \u0301b"},
		// A control shown as a picture after a pile does not start a
		// new one: its picture is no letter of anyone's name.
		{"a\u0301\u0301\u0301\x07\u0301\u0301", "a\u0301\u0301\u0301␇\u0301"},
		// Kept whole: Vietnamese, Thai, Hindi, Hebrew with points, Tibetan,
		// a keycap, accented Latin.
		{"Nguye\u0302\u0303n Thi\u0323 Minh", "Nguye\u0302\u0303n Thi\u0323 Minh"},
		{"ที่นี่ นี่", "ที่นี่ นี่"},
		{"हिन्दी", "हिन्दी"},
		{"שָׁלוֹם", "שָׁלוֹם"},
		{"བསྒྲུབས", "བསྒྲུབས"},
		{"1\ufe0f\u20e3 first", "1\ufe0f\u20e3 first"},
		{"Zoë Ångström, Łukasz", "Zoë Ångström, Łukasz"},
	} {
		for name, clean := range map[string]func(string) string{"Terminal": Terminal, "Line": Line} {
			got := clean(tc.in)
			if got != tc.want {
				t.Errorf("%s(%q) = %q, want %q", name, tc.in, got, tc.want)
			}
			if clean(got) != got {
				t.Errorf("%s is not stable on %q: %q", name, got, clean(got))
			}
		}
		if Safe(tc.in) != (tc.in == tc.want) {
			t.Errorf("Safe(%q) = %v, but Terminal changes it: %v", tc.in, Safe(tc.in), tc.in != tc.want)
		}
		// One rule with Plain's: the same marks are kept, whatever
		// else each does with the runes around them.
		if plain, terminal := marksIn(Plain(tc.in)), marksIn(Terminal(tc.in)); plain != terminal {
			t.Errorf("Plain(%q) keeps the marks %q, Terminal %q", tc.in, plain, terminal)
		}
	}
}

// longestPile is the most combining marks on one letter in s, counted as
// a terminal draws them: runes that draw nothing do not end a pile.
func longestPile(s string) int {
	longest, marks := 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me):
			marks++
			longest = max(longest, marks)
		case !unicode.Is(unicode.Cf, r):
			marks = 0
		}
	}
	return longest
}

func marksIn(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			return r
		}
		return -1
	}, s)
}

// TestIsMarkAgreesWithUnicode: the bit table answers as Unicode's tables
// do, for every rune.
func TestIsMarkAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isMark(r) != (r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me)) {
			t.Fatalf("isMark(%U) = %v, Unicode says otherwise", r, isMark(r))
		}
	}
}

// The direction marks (U+200E, U+200F and the Arabic letter mark U+061C)
// draw nothing, yet a terminal that lays out right-to-left text (GNOME
// Terminal, Konsole) takes each as a right-to-left or left-to-right
// letter: "plans/RLM2027/RLM01.yaml" is shown there as
// "plans/01/2027.yaml", another file, and "Red RLM3 RLM10" as "10 3". Text
// from a file loses them on its way to a terminal, as on the screens:
// real Hebrew and Arabic words, with their points, read the same without.
func TestDirectionMarksDoNotReorderWhatIsShown(t *testing.T) {
	for in, want := range map[string]string{
		"plans/\u200f2027/\u200f01.yaml": "plans/2027/01.yaml",
		"Red \u061c3 \u061c10":           "Red 3 10",
		"due\u200e 2027-03-31\u200e":     "due 2027-03-31",
		"שָׁלוֹם \u200f(2)":              "שָׁלוֹם (2)",
		"عربي\u200f":                     "عربي",
	} {
		for name, f := range map[string]func(string) string{"Terminal": Terminal, "Line": Line} {
			if got := f(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
			}
		}
		if Safe(in) {
			t.Errorf("Safe(%q) says a direction mark is printed as it is", in)
		}
		if got := Excerpt(in, 40); strings.ContainsAny(got, "\u200e\u200f\u061c") {
			t.Errorf("Excerpt(%q) = %q keeps a direction mark", in, got)
		}
	}
}

// TestTerminalDropsInvisibleFormatCharacters: a soft hyphen, zero-width
// space, word joiner or byte order mark in a plan draws nothing, and
// ladder measures it as nothing, but a terminal may give it a column
// (tmux and xterm draw a soft hyphen as one): an owner of "Ana" and
// seventy soft hyphens from a stranger's pull request threw ladder
// status's table out of line across three rows. Terminal and Line drop
// them, as the screens (Styled) and Plain do; the joiners that make emoji
// sequences and flags one picture, or shape letters, stay.
func TestTerminalDropsInvisibleFormatCharacters(t *testing.T) {
	england := "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
	for _, tc := range []struct{ in, want string }{
		{"Ana" + strings.Repeat("\u00ad", 70), "Ana"},
		{"zero\u200bwidth \u200cspace", "zerowidth \u200cspace"},
		{"\ufeffAppoint a sponsor", "Appoint a sponsor"},
		{"word\u2060joiner \u2062 math \u180e", "wordjoiner  math "},
		{"\u0600١ sign", "١ sign"},
		{"red\u200b", "red"},
		// Kept.
		{"👩\u200d💻 coders", "👩\u200d💻 coders"},
		{"🇬🇧 and " + england, "🇬🇧 and " + england},
		{"می\u200cخواهم", "می\u200cخواهم"},
		{"❤️ done", "❤️ done"},
	} {
		for name, f := range map[string]func(string) string{"Terminal": Terminal, "Line": Line} {
			if got := f(tc.in); got != tc.want {
				t.Errorf("%s(%q) = %q, want %q", name, tc.in, got, tc.want)
			}
		}
		if Safe(tc.in) != (tc.in == tc.want) {
			t.Errorf("Safe(%q) = %v, but Terminal changes it: %v", tc.in, Safe(tc.in), tc.in != tc.want)
		}
	}
}

// TestExcerptSpellsOutInvisibleCharacters: a message quotes a value to
// say what is wrong with it, and "rating "red" is not one of red, amber,
// green" told the reader nothing when the value held a zero-width space.
// The characters Terminal drops are spelt out in a quote, as the diff
// spells them (<U+200B>).
func TestExcerptSpellsOutInvisibleCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"red\u200b":                      `"red<U+200B>"`,
		"to\u00addo":                     `"to<U+00AD>do"`,
		"plans/\u200f2027/\u200f01.yaml": `"plans/<U+200F>2027/<U+200F>01.yaml"`,
		"👩\u200d💻":                       "\"👩\u200d💻\"",
		"\x1b[2J\u200b":                  `"␛[2J<U+200B>"`,
	} {
		if got := Excerpt(in, 40); got != want {
			t.Errorf("Excerpt(%q) = %s, want %s", in, got, want)
		}
	}
	if got := Name("lc-cul\u200bture"); got != `"lc-cul<U+200B>ture"` {
		t.Errorf("Name = %s", got)
	}
	if got := Excerpt(strings.Repeat("\u200b", 100), 3); got != `"<U+200B><U+200B><U+200B>…"` {
		t.Errorf("Excerpt cut = %s", got)
	}
}

func TestIsFormatAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isFormat(r) != unicode.Is(unicode.Cf, r) {
			t.Errorf("isFormat(%U) = %v", r, isFormat(r))
		}
	}
}

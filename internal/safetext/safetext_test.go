package safetext

import (
	"strings"
	"testing"
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
		"\u00ad::error::shy.yaml":    "./\u00ad::error::shy.yaml",
		":\u200d:error::joined.yaml": "./:\u200d:error::joined.yaml",
		": :not.yaml":                ": :not.yaml",
	} {
		if got := LeadingPath(in); got != want {
			t.Errorf("LeadingPath(%q) = %q, want %q", in, got, want)
		}
	}
}

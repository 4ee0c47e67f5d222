package safetext

import (
	"testing"
	"unicode"
)

func TestStyled(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1b[1m■ Red\x1b[m • Zoë › 李雷 “quoted” … ─│", "\x1b[1m■ Red\x1b[m • Zoë › 李雷 “quoted” … ─│"},
		{"Evil\u202eCorp", "EvilCorp"},
		{"\x1b[7mC1\u009b31m here\x1b[m", "\x1b[7mC131m here\x1b[m"},
		{"a\u2066isolate\u2069 b\u202a\u202b\u202c\u202d", "aisolate b"},
		{"line\u2028sep\u2029para", "linesep" + "para"},
		{"del\x7f", "del"},
		{"¢ £ é \u00a0 ‐ ‑ ‒ – — ‘ ’ ‚ ‛ • ‣ ‥ …\u202f‰ ′ ″ ⁄ ⁰", "¢ £ é \u00a0 ‐ ‑ ‒ – — ‘ ’ ‚ ‛ • ‣ ‥ …\u202f‰ ′ ″ ⁄ ⁰"},
		// Invisible format characters, from a plan or a paste, go: a
		// terminal may give a soft hyphen a column the screen did not.
		{"\x1b[1mCo\u00adoperate\x1b[m with\u200b the\u2060 union\ufeff\u200e", "\x1b[1mCooperate\x1b[m with the union"},
		{"\u0600١ \u061c\u180e\ufff9\U0001D173", "١ "},
		// The joiners and tags that make emoji, flags and scripts stay.
		{"👩\u200d💻 🏳️\u200d🌈 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F می\u200cخواهم", "👩\u200d💻 🏳️\u200d🌈 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F می\u200cخواهم"},
		// A plan's own escape strings go whole: ladder's screens draw no
		// hyperlink, title or device string, and the renderer passes a
		// hyperlink on, so "CLICK" from a plan would open another site.
		{"\x1b[1mA\x1b[m \x1b]8;;http://evil.example/\x1b\\CLICK\x1b]8;;\x1b\\ B", "\x1b[1mA\x1b[m CLICK B"},
		{"a\x1b]0;title\ab\x1bPdcs\x1b\\c\x1b_apc\x1b\\d\x1b^pm\x1b\\e\x1bXsos\x1b\\f", "abcdef"},
		{"a\x1b]8;;http://e\u009cb", "ab"},
		// Unended, it would swallow the rest of the screen: the ESC goes.
		{"a\x1b]8;;http://evil.example/ rest", "a]8;;http://evil.example/ rest"},
		// One after it has no end either, and loses its ESC too; the
		// screen's own colours between them stay.
		{"a\x1b]0;x \x1b[1mb\x1b[m\x1bPy", "a]0;x \x1b[1mb\x1b[mPy"},
	}
	for _, tc := range tests {
		if got := Styled(tc.in); got != tc.want {
			t.Errorf("Styled(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkStyledScreen(b *testing.B) {
	line := "\x1b[1m■ Red\x1b[m    Nothing/Not something you currently do • “Zoë” › … ─────────│\n"
	s := ""
	for range 67 {
		s += line
	}
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Styled(s)
	}
}

// Styled's quick look at lead bytes finds every rune it would drop, and
// isFormat's short cuts agree with Unicode's table.
func TestStyledLooksAtEveryLeadByte(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isFormat(r) != (r >= 0xad && unicode.Is(unicode.Cf, r)) {
			t.Errorf("isFormat(%U) = %v, but Unicode says %v", r, isFormat(r), unicode.Is(unicode.Cf, r))
		}
		if offScreen(r) && !hasUnsafeRune("x"+string(r)+"y") {
			t.Errorf("a screen holding only %U would be passed as it is", r)
		}
	}
}

package safetext

import "testing"

func TestStyled(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1b[1m■ Red\x1b[m • Zoë › 李雷 “quoted” … ─│", "\x1b[1m■ Red\x1b[m • Zoë › 李雷 “quoted” … ─│"},
		{"Evil\u202eCorp", "EvilCorp"},
		{"\x1b[7mC1\u009b31m here\x1b[m", "\x1b[7mC131m here\x1b[m"},
		{"a\u2066isolate\u2069 b\u202a\u202b\u202c\u202d", "aisolate b"},
		{"line\u2028sep\u2029para", "linesep" + "para"},
		{"del\x7f", "del"},
		{"¢ £ é \u00a0 ‐ ‑ ‒ – — ‘ ’ ‚ ‛ • ‣ ‥ …\u202f‰ ′ ″ ⁄ ⁰", "¢ £ é \u00a0 ‐ ‑ ‒ – — ‘ ’ ‚ ‛ • ‣ ‥ …\u202f‰ ′ ″ ⁄ ⁰"},
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

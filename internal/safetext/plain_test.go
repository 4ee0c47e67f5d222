package safetext

import "testing"

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

func FuzzPlain(f *testing.F) {
	f.Add("\x1b[31mhi\x1b[0m\n")
	f.Fuzz(func(t *testing.T, s string) {
		p := Plain(s)
		if !Safe(p) || Line(p) != p {
			t.Errorf("Plain(%q) = %q is not one safe line", s, p)
		}
		if Plain(p) != p {
			t.Errorf("Plain is not stable on %q", p)
		}
	})
}

package strictyaml

import "testing"

// TestLayoutIsKept: a file's line endings follow most of its lines (one
// line added on Windows to an LF file does not turn the rest CRLF), and a
// byte-order mark is written again only where there was one.
func TestLayoutIsKept(t *testing.T) {
	const lf = "a: 1\nb: 2\nc: 3\n"
	for _, c := range []struct {
		file, written string
	}{
		{"a: 1\nb: 2\nc: 3\n", lf},
		{"a: 1\r\nb: 2\r\nc: 3\r\n", "a: 1\r\nb: 2\r\nc: 3\r\n"},
		{"# note\r\na: 1\nb: 2\n", lf},
		{"\ufeffa: 1\r\nb: 2\r\nc: 3\n", "\ufeffa: 1\r\nb: 2\r\nc: 3\r\n"},
		{"\ufeffa: 1\n", "\ufeff" + lf},
	} {
		l := LayoutOf([]byte(c.file))
		if got := string(l.Apply([]byte(lf))); got != c.written {
			t.Errorf("laid out as %q (%+v): %q, want %q", c.file, l, got, c.written)
		}
	}
}

package safetext

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"
)

// runnerObeys is GitHub's runner's rule, written from its source
// (actions/runner, ActionCommand.TryParseV2 and TryParse) apart from the
// guard, so that the guard is checked against the rule and not against
// itself: a line is a workflow command when, leading white space trimmed
// (.NET's TrimStart: Unicode white space), it begins "::", or when it holds
// "##[" anywhere (the older form). The runner compares culture-sensitively,
// so characters its collation ignores (controls, format characters such as
// a soft hyphen, combining marks) are taken out first: that finds more
// lines than the runner does, never fewer.
func runnerObeys(line string) bool {
	s := strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, line)
	return strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "::") || strings.Contains(s, "##[")
}

// runnerLines splits output as the runner reads it: at \n, \r and \r\n.
func runnerLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
}

// notCommand is what a CommandGuard makes of s written to it whole: s with
// no line in it that GitHub Actions would take as a workflow command. Text
// with none is returned as it is.
func notCommand(s string) string {
	if !strings.ContainsAny(s, ":[") {
		return s
	}
	var b strings.Builder
	g := NewCommandGuard(&b)
	g.Write([]byte(s))
	g.Flush()
	return b.String()
}

func TestNotCommand(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Ordinary output is left as it is, colons and hashes included.
		{"Acme: Review 2026 (plans/a.yaml): carried on", "Acme: Review 2026 (plans/a.yaml): carried on"},
		{": one colon", ": one colon"},
		{"a::b in the middle", "a::b in the middle"},
		{"## Leadership & Culture", "## Leadership & Culture"},
		{"# [link](x)", "# [link](x)"},
		{"C# [note]", "C# [note]"},
		{"", ""},
		// A command at the start, after white space the runner trims.
		{"::warning::pwned: Review (plans/a.yaml)", `\::warning::pwned: Review (plans/a.yaml)`},
		{"  ::add-mask::x", `  \::add-mask::x`},
		{"\t::stop-commands::tok", "\t\\::stop-commands::tok"},
		{"\u00a0\u3000::error::wide", "\u00a0\u3000\\::error::wide"},
		// Characters the runner's comparison ignores, before or between.
		{"\u00ad::error::shy", "\u00ad\\::error::shy"},
		{":\u200d:error::joined", `\:` + "\u200d" + `:error::joined`},
		// The older form, anywhere in a line.
		{"Owner ##[warning]pwned", `Owner ##\[warning]pwned`},
		{"##[add-mask]x", `##\[add-mask]x`},
		{"#\u00ad#[group]x", "#\u00ad#\\[group]x"},
		{"###[x]", `###\[x]`},
		// Each line on its own, whatever ends it.
		{"ok\n::warning::a\r::error::b\r\n  ::notice::c", "ok\n\\::warning::a\r\\::error::b\r\n  \\::notice::c"},
		// A terminal's escape sequences are not text: no backslash inside one.
		{"##\x1b[1m[warning]x\x1b[0m", "##\x1b[1m\\[warning]x\x1b[0m"},
		{"\x1b[31m::warning::red", "\x1b[31m\\::warning::red"},
	} {
		got := notCommand(tc.in)
		if got != tc.want {
			t.Errorf("notCommand(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for _, l := range runnerLines(got) {
			if runnerObeys(l) && !strings.Contains(l, "\x1b") {
				t.Errorf("notCommand(%q): line %q is still a command to the runner", tc.in, l)
			}
		}
	}
}

// TestCommandGuardWrites checks that the writer decides the same however
// its output is cut into writes: byte by byte, in halves, whole.
func TestCommandGuardWrites(t *testing.T) {
	in := "Plans\n  ::add-mask::x (owner ##[warning]p)\n\u00a0:\u00ad:stop-commands::tok\n::\n:\n" +
		"Caf\u00e9 \u65e5\u672c ## [not] # #[no]\n::"
	want := notCommand(in)
	for _, size := range []int{1, 2, 3, 7, len(in)} {
		var out bytes.Buffer
		g := NewCommandGuard(&out)
		for i := 0; i < len(in); i += size {
			n, err := g.Write([]byte(in[i:min(i+size, len(in))]))
			if err != nil || n != min(size, len(in)-i) {
				t.Fatalf("Write = %d, %v", n, err)
			}
		}
		if err := g.Flush(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("written %d bytes at a time:\n%q\nwant\n%q", size, out.String(), want)
		}
	}
	if !strings.Contains(want, "\\::add-mask::x") || !strings.HasSuffix(want, "\n\\::") {
		t.Errorf("notCommand = %q", want)
	}
}

// A prompt waits for its answer on the line it wrote: the guard holds back
// nothing that could not begin a command.
func TestCommandGuardHoldsOnlyALeadingColon(t *testing.T) {
	var out bytes.Buffer
	g := NewCommandGuard(&out)
	g.Write([]byte("Rating (r/a/g): "))
	if out.String() != "Rating (r/a/g): " {
		t.Errorf("a prompt was held back: %q", out.String())
	}
	g.Write([]byte("\n:"))
	if out.String() != "Rating (r/a/g): \n" {
		t.Errorf("written %q, want the leading colon held until the next character", out.String())
	}
	g.Write([]byte(" a smile"))
	if out.String() != "Rating (r/a/g): \n: a smile" {
		t.Errorf("written %q", out.String())
	}
}

func TestUnguarded(t *testing.T) {
	var out bytes.Buffer
	g := NewCommandGuard(&out)
	if Unguarded(g) != &out || Unguarded(&out) != &out {
		t.Error("Unguarded does not give the writer under the guard")
	}
}

// FuzzNotCommand: no line notCommand gives is a command to the runner,
// and text with no command in it is left as it was.
func FuzzNotCommand(f *testing.F) {
	for _, s := range []string{"::warning::x", "  ::a", "##[x]", "a\n::b", "#\u00ad#[", ":\u200d:", "\x1b[1m::x", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := notCommand(s)
		for _, l := range runnerLines(got) {
			if runnerObeys(l) && !strings.Contains(l, "\x1b") {
				t.Fatalf("notCommand(%q) = %q: line %q is a command", s, got, l)
			}
		}
		// Cut into two writes anywhere, the same.
		cut := len(s) / 3
		var out bytes.Buffer
		g := NewCommandGuard(&out)
		g.Write([]byte(s[:cut]))
		g.Write([]byte(s[cut:]))
		g.Flush()
		if out.String() != got {
			t.Fatalf("%q written in two = %q, in one %q", s, out.String(), got)
		}
		// LeadingPath's test and the guard agree on a line's beginning.
		if !strings.ContainsAny(s, "\n\r#\x1b") && beginsCommand(s) != (got != s) {
			t.Fatalf("beginsCommand(%q) = %v, but notCommand gives %q", s, beginsCommand(s), got)
		}
		clean := true
		for _, l := range runnerLines(s) {
			clean = clean && !runnerObeys(l)
		}
		if clean && !strings.Contains(s, "\x1b") && got != s {
			t.Fatalf("notCommand(%q) = %q, changed a text with no command in it", s, got)
		}
	})
}

// BenchmarkCommandGuard passes on lines like ladder status's, a line at a
// time as its writers write them.
func BenchmarkCommandGuard(b *testing.B) {
	line := []byte("  2026-02-01  301 days late  Ana Lopes         plans/acme-2027.yaml  Write a one-page vision for the café [Develop a clear vision for your D&I strategy]\n")
	g := NewCommandGuard(io.Discard)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		g.Write(line)
	}
}

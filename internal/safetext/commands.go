package safetext

import (
	"bytes"
	"io"
	"unicode"
	"unicode/utf8"
)

// GitHub Actions' runner reads each line a job writes (split at \n, \r and
// \r\n) and obeys it as a workflow command (an annotation, add-mask, stop-
// commands, once set-env) when, its leading white space trimmed (.NET's
// TrimStart: any Unicode white space), it begins "::"; or, in the older
// form it still reads, when "##[" is anywhere in it (actions/runner,
// ActionCommand.TryParseV2 and TryParse). Both comparisons are .NET's
// culture-sensitive ones, which pass over characters the collation ignores
// (controls, soft hyphens, zero-width joiners and other format characters),
// so those may sit between the colons or the hashes too.
//
// Plan text (an organisation, a title, an action, an owner) comes from
// other people's pull requests, and ladder's commands print it at the start
// of lines, so any of them could write such a line into a CI log. The
// guard below makes sure none does: it puts a backslash before the "::"
// that begins a line, and before the "[" of a "##[", which leaves the line
// as it was to read ("\::warning::…" in a log; in Markdown, where a
// backslash escapes punctuation, exactly as it was) and is no command.

// CommandGuard is a writer that passes on what is written to it, but for
// the lines that GitHub Actions would obey as workflow commands, which it
// makes plain text with a backslash before their "::" or their "##[" 's
// "[". ladder's commands write everything through one, so that no text
// from a plan can become a command in a CI log, whatever command prints
// it and wherever it lands on the line; the one writer that prints
// commands on purpose (check --format github) writes past it (Unguarded).
//
// It holds nothing back but a line's leading colon, until the character
// after it says whether it begins "::" (and the first bytes of a character
// cut by the end of a write, which it passes on at once): what a prompt
// writes shows while it waits. Flush passes on a colon held at the end.
type CommandGuard struct {
	w    io.Writer
	out  []byte // what this Write passes on
	held []byte // a leading ':' and what followed it, until decided

	start  bool  // nothing but white space and ignored characters yet on this line
	colon  bool  // held begins with a leading ':'
	hashes uint8 // '#'s just before, ignored characters apart (2 at most)
	esc    escape

	char [utf8.UTFMax]byte // a character of more than one byte, as it comes
	n    int               // its bytes so far
}

// escape is where the guard is in a terminal escape sequence (a colour,
// say): its bytes are not text, and no backslash goes inside one.
type escape uint8

const (
	escNone      escape = iota
	escStart            // ESC
	escCSI              // ESC [ … up to a final byte
	escString           // ESC ] (or P X ^ _) … up to BEL or ESC \
	escStringEsc        // an ESC inside one
)

// NewCommandGuard returns a CommandGuard writing to w.
func NewCommandGuard(w io.Writer) *CommandGuard {
	return &CommandGuard{w: w, start: true}
}

// Unguarded is the writer under a CommandGuard, for output that is meant
// to be workflow commands (GitHub annotations, escaped as the Actions
// toolkit escapes them); any other writer is returned as it is. Writers
// that ask what w is (a terminal?) ask it of Unguarded(w).
func Unguarded(w io.Writer) io.Writer {
	if g, ok := w.(*CommandGuard); ok {
		return g.w
	}
	return w
}

// Write passes p on, with a backslash wherever a line would otherwise be
// a workflow command.
func (g *CommandGuard) Write(p []byte) (int, error) {
	g.out = g.out[:0]
	for i := 0; i < len(p); i++ {
		if g.plain() {
			// Mid-line, away from a '#' or an escape, only a line's end,
			// a '#' or an ESC can change anything: the bytes up to one
			// pass on as they are, as most of a command's output does.
			k := plainRun(p[i:])
			g.out = append(g.out, p[i:i+k]...)
			if i += k; i == len(p) {
				break
			}
		}
		c := p[i]
		if g.n > 0 {
			if c&0xc0 == 0x80 && g.n < len(g.char) {
				g.char[g.n] = c
				g.n++
				g.pass(c)
				if utf8.FullRune(g.char[:g.n]) {
					r, _ := utf8.DecodeRune(g.char[:g.n])
					g.n = 0
					g.other(r)
				}
				continue
			}
			g.n = 0
			g.other(utf8.RuneError) // cut short: broken UTF-8 is a character too
		}
		if c >= utf8.RuneSelf {
			g.pass(c)
			if c >= 0xc2 && c <= 0xf4 {
				g.char[0], g.n = c, 1
			} else {
				g.other(utf8.RuneError)
			}
			continue
		}
		g.ascii(c)
	}
	return len(p), g.send()
}

// plainRun is how many bytes of p come before a line's end, a '#' or an
// ESC. IndexByte, one at a time, is many times faster than looking for
// the four at once.
func plainRun(p []byte) int {
	k := bytes.IndexByte(p, '\n')
	if k < 0 {
		k = len(p)
	}
	for _, c := range []byte{'\r', '#', 0x1b} {
		if j := bytes.IndexByte(p[:k], c); j >= 0 {
			k = j
		}
	}
	return k
}

// plain reports that the guard is in the middle of a line with nothing
// pending: no colon held, no '#' just before, no escape sequence or
// character begun.
func (g *CommandGuard) plain() bool {
	return !g.start && !g.colon && g.hashes == 0 && g.esc == escNone && g.n == 0
}

// Flush passes on a leading colon held back at the end of what was written.
func (g *CommandGuard) Flush() error {
	g.out = g.out[:0]
	g.release()
	return g.send()
}

func (g *CommandGuard) send() error {
	if len(g.out) == 0 {
		return nil
	}
	_, err := g.w.Write(g.out)
	return err
}

// pass passes on one byte, or holds it after a leading colon.
func (g *CommandGuard) pass(c byte) {
	if g.colon {
		g.held = append(g.held, c)
	} else {
		g.out = append(g.out, c)
	}
}

// release passes on a leading colon held and what followed it: the line
// does not begin "::".
func (g *CommandGuard) release() {
	if g.colon {
		g.out = append(g.out, g.held...)
		g.held, g.colon = g.held[:0], false
	}
}

func (g *CommandGuard) ascii(c byte) {
	if c == '\n' || c == '\r' {
		g.release()
		g.out = append(g.out, c)
		g.start, g.hashes, g.esc = true, 0, escNone
		return
	}
	if g.esc != escNone {
		g.pass(c)
		g.escape(c)
		return
	}
	switch {
	case c == 0x1b:
		g.pass(c)
		g.esc = escStart
	case c == ':' && g.colon:
		// The line begins "::": the backslash goes before the first.
		g.out = append(g.out, '\\')
		g.release()
		g.out = append(g.out, c)
		g.start, g.hashes = false, 0
	case c == ':' && g.start:
		g.colon = true
		g.held = append(g.held[:0], c)
	case c == '[' && g.hashes == 2:
		g.out = append(g.out, '\\', c)
		g.start, g.hashes = false, 0
	case c == '#':
		g.release()
		g.out = append(g.out, c)
		g.start, g.hashes = false, min(g.hashes+1, 2)
	default:
		g.pass(c)
		g.other(rune(c))
	}
}

// other updates what the guard knows of the line after a character that
// can neither begin nor end a command's mark itself: white space and
// ignored characters leave it as it was, anything else ends a line's
// beginning and a run of '#'s.
func (g *CommandGuard) other(r rune) {
	switch {
	case ignored(r):
	case g.start && !g.colon && unicode.IsSpace(r):
	default:
		g.release()
		g.start, g.hashes = false, 0
	}
}

// beginsCommand reports whether a line beginning with s begins as a
// workflow command does: "::", after white space and ignored characters,
// with only ignored characters between the colons.
func beginsCommand(s string) bool {
	colons := 0
	for _, r := range s {
		switch {
		case ignored(r):
		case colons == 0 && unicode.IsSpace(r):
		case r == ':':
			if colons++; colons == 2 {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// ignored reports the characters that GitHub's runner's culture-sensitive
// comparison may pass over: controls, format characters, combining marks,
// variation selectors and the other default-ignorable characters (more
// than it does, to be sure; white space is not among them).
func ignored(r rune) bool {
	if r < utf8.RuneSelf {
		return (r < 0x20 || r == 0x7f) && !unicode.IsSpace(r)
	}
	return !unicode.IsSpace(r) && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// escape follows a terminal escape sequence to its end.
func (g *CommandGuard) escape(c byte) {
	switch g.esc {
	case escStart:
		switch c {
		case '[':
			g.esc = escCSI
		case ']', 'P', 'X', '^', '_':
			g.esc = escString
		default:
			g.esc = escNone
		}
	case escCSI:
		if c >= 0x40 && c <= 0x7e {
			g.esc = escNone
		}
	case escString:
		switch c {
		case 0x07:
			g.esc = escNone
		case 0x1b:
			g.esc = escStringEsc
		}
	case escStringEsc:
		if c == '\\' {
			g.esc = escNone
		} else {
			g.esc = escString
		}
	}
}

package strictyaml

import "bytes"

// Layout is what an editor on Windows leaves in a file ladder writes back
// (a plan, a data file) that its text does not say: lines ending CRLF
// (Notepad, git's core.autocrlf) and a UTF-8 byte-order mark first
// (Notepad's "UTF-8 with BOM"). Written back without them, git would
// show every line, or the first, changed though none looks it.
type Layout struct {
	CRLF, BOM bool
}

var byteOrderMark = []byte("\xef\xbb\xbf")

// LayoutOf is the layout of data. Its lines end CRLF if most of them do,
// not the first: a comment added at the top of an LF file on Windows ends
// CRLF, and would have every other line rewritten.
func LayoutOf(data []byte) Layout {
	return Layout{
		CRLF: 2*bytes.Count(data, []byte("\r\n")) > bytes.Count(data, []byte("\n")),
		BOM:  bytes.HasPrefix(data, byteOrderMark),
	}
}

// Apply lays out b, written with LF and no mark, as l says.
func (l Layout) Apply(b []byte) []byte {
	if l.CRLF {
		b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	}
	if l.BOM {
		b = append(byteOrderMark[:len(byteOrderMark):len(byteOrderMark)], b...)
	}
	return b
}

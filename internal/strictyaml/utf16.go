package strictyaml

import (
	"unicode/utf16"
	"unicode/utf8"
)

// FromUTF16 is the UTF-8 text of a file written in UTF-16 with its
// byte-order mark, as Windows PowerShell 5.1's > writes what a command
// prints (ladder checklists show, ladder data benchmark) and Notepad's
// "Unicode" saves; any other data is returned as it is. Lines and
// columns, counted in characters, are where they were in the file. For
// the files ladder reads and never writes (checklists, their guidance,
// benchmarks): a plan or a data file, which ladder writes back and git
// must show as text, is refused in UTF-16 (checkText).
func FromUTF16(data []byte) []byte {
	if len(data) < 2 || len(data)%2 != 0 {
		return data
	}
	var unit func(b []byte) uint16
	switch {
	case data[0] == 0xff && data[1] == 0xfe:
		unit = func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	case data[0] == 0xfe && data[1] == 0xff:
		unit = func(b []byte) uint16 { return uint16(b[1]) | uint16(b[0])<<8 }
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i < len(data); i += 2 {
		units = append(units, unit(data[i:]))
	}
	out := make([]byte, 0, len(data))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

package render

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/safetext"
)

// Plain text is for a terminal: aligned columns, two-space indents, no
// trailing spaces. Columns are measured in terminal cells, so names such as
// 李雷 or Zoë line up with the rest.

// plain makes text from a plan, a checklist, a file name or a commit safe
// to print on one line of a terminal: control characters (an ESC that
// would retitle the terminal, a line break that would forge a line of
// output) are shown as pictures, as safetext.Line shows them. Every such
// value goes through it on its way into text output.
func plain(s string) string { return safetext.Line(s) }

// width is how many terminal columns s takes, as the screens measure it.
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return ansi.StringWidth(s)
		}
	}
	return len(s) // printable ASCII: one column a byte
}

// textWriter is what text is laid out on: a strings.Builder, a
// bytes.Buffer, or a bufio.Writer on standard output for a list written
// as it is made.
type textWriter interface {
	io.StringWriter
	io.ByteWriter
}

// writeTable writes rows as columns two spaces apart, each as wide as its
// widest cell.
func writeTable(b textWriter, indent string, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(c))
		}
	}
	for _, row := range rows {
		writeAligned(b, indent, widths, row)
	}
}

// writeAligned writes cells padded to widths, with no trailing spaces: the
// last cell, and any empty cells at the end, are not padded.
func writeAligned(b textWriter, indent string, widths []int, cells []string) {
	last := len(cells) - 1
	for last > 0 && cells[last] == "" {
		last--
	}
	b.WriteString(indent)
	for i, cell := range cells[:last+1] {
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString(cell)
		if i < last {
			for range widths[i] - width(cell) {
				b.WriteByte(' ')
			}
		}
	}
	b.WriteByte('\n')
}

// writeRunOn writes cells aligned after indent, then text from column at,
// wrapped to cols with its other lines indented to at.
func writeRunOn(b textWriter, indent string, widths []int, cells []string, text string, at, cols int) {
	lines := wrapTo(text, cols-at)
	writeAligned(b, indent, widths, append(cells[:len(cells):len(cells)], lines[0]))
	for _, l := range lines[1:] {
		b.WriteString(strings.Repeat(" ", at) + l + "\n")
	}
}

// wrapAtSpaces breaks plain text into lines of at most limit columns at
// its spaces only: x/ansi also breaks at hyphens, which splits a range
// ("80-89%") or the "--" that stands for a hidden figure. A word longer
// than a line (a path) is cut, rather than left to run over the edge.
func wrapAtSpaces(s string, limit int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
		case width(line)+1+width(word) <= limit:
			line += " " + word
			continue
		default:
			lines = append(lines, line)
		}
		for width(word) > limit {
			head := ansi.Truncate(word, limit, "")
			if head == "" { // a rune wider than the line: let it run over
				break
			}
			lines = append(lines, head)
			word = word[len(head):]
		}
		line = word
	}
	return append(lines, line)
}

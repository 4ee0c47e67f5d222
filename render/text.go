package render

import (
	"bytes"
	"io"
	"strings"
	"unicode"

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

// minRunOn is the fewest columns FitToWidth wraps a table row's last
// column to under itself; with less room the row wraps as prose.
const minRunOn = 24

// FitWriter is FitToWidth for text written as it goes (status's list of
// a folder of ten thousand plans): each whole line is fitted as it
// comes. Flush writes a last line with no newline.
type FitWriter struct {
	w    io.Writer
	cols int
	line []byte
	fit  fitter
}

// NewFitWriter fits the lines written to w to cols (0: as they are).
func NewFitWriter(w io.Writer, cols int) *FitWriter { return &FitWriter{w: w, cols: cols} }

func (f *FitWriter) Write(p []byte) (int, error) {
	f.line = append(f.line, p...)
	if i := bytes.LastIndexByte(f.line, '\n'); i >= 0 {
		if _, err := f.w.Write(f.fit.fit(f.line[:i+1], f.cols)); err != nil {
			return 0, err
		}
		f.line = append(f.line[:0], f.line[i+1:]...)
	}
	return len(p), nil
}

// Flush writes what is left of a line with no newline.
func (f *FitWriter) Flush() error {
	if len(f.line) == 0 {
		return nil
	}
	_, err := f.w.Write(f.fit.fit(f.line, f.cols))
	f.line = f.line[:0]
	return err
}

// FitToWidth wraps each line of plain text wider than cols at its spaces,
// for a terminal of that width (0: as it is). A table row (a line whose
// last column starts after a run of two spaces) wraps its last column
// under itself, or below the others when they leave it too little room;
// any other line runs on indented two spaces past its own. A command
// to paste into a shell is left whole, however wide: a line that begins
// "ladder ", and one continued over lines with a backslash at the end of
// each but the last. A line break put in it would end the command there,
// leaving the shell to run what follows as a command of its own (the
// terminal's own wrapping of a long line puts no break in what is
// copied).
func FitToWidth(text []byte, cols int) []byte {
	var f fitter
	return f.fit(text, cols)
}

// fitter is FitToWidth, and whether the last line it fitted ended in a
// shell's line continuation, for a FitWriter that fits a line at a time.
type fitter struct{ continued bool }

func (f *fitter) fit(text []byte, cols int) []byte {
	if cols <= 0 {
		return text
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(text), "\n") {
		if line == "" {
			break // after the last newline: no line, nor the end of a command
		}
		body := strings.TrimSuffix(line, "\n")
		command := f.continued || strings.HasSuffix(body, " \\") || strings.HasPrefix(strings.TrimLeft(body, " "), "ladder ")
		f.continued = strings.HasSuffix(body, " \\")
		if command || width(body) <= cols {
			b.WriteString(line)
			continue
		}
		content := strings.TrimLeft(body, " ")
		indent := body[:len(body)-len(content)]
		if k := strings.LastIndex(content, "  "); k > 0 {
			lastAt := k + len(content[k:]) - len(strings.TrimLeft(content[k:], " "))
			switch at := width(indent + content[:lastAt]); {
			case at <= cols-minRunOn:
				for i, l := range wrapTo(content[lastAt:], cols-at) {
					if i == 0 {
						b.WriteString(indent + content[:lastAt] + l + "\n")
					} else {
						b.WriteString(strings.Repeat(" ", at) + l + "\n")
					}
				}
				continue
			case at <= cols:
				// Too little room beside the columns: the last one goes
				// below them, indented.
				b.WriteString(strings.TrimRight(indent+content[:lastAt], " ") + "\n")
				under := indent + "    "
				for _, l := range wrapTo(content[lastAt:], max(cols-width(under), 1)) {
					b.WriteString(under + l + "\n")
				}
				continue
			}
		}
		hang := min(width(indent)+2, max(cols-minRunOn, 0))
		wrap := wrapTo
		if strings.Contains(content, "  ") {
			// A table row too wide for its columns keeps two spaces
			// between its cells: wrapped with one, "Ana plans/acme.yaml
			// Write the vision" read as one run of words, the owner's
			// name running into the plan's.
			wrap = wrapCells
		}
		lines := wrap(content, cols-width(indent))
		b.WriteString(indent + lines[0] + "\n")
		if len(lines) > 1 {
			for _, l := range wrap(afterFirstLine(content, lines), cols-hang) {
				b.WriteString(strings.Repeat(" ", hang) + l + "\n")
			}
		}
	}
	return []byte(b.String())
}

// afterFirstLine is what of text follows the first of lines, text wrapped:
// the rest of a word cut at the edge goes on whole, where joining the
// other lines with spaces put one into the word.
func afterFirstLine(text string, lines []string) string {
	rest := text
	for _, w := range strings.Fields(lines[0]) {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if !strings.HasPrefix(rest, w) {
			return strings.Join(lines[1:], " ") // not text as wrapped: as before
		}
		rest = rest[len(w):]
	}
	return rest
}

// wrapCells is wrapTo for a table row's cells, separated by runs of two
// or more spaces: within a line the cells stay two spaces apart, their
// words one.
func wrapCells(text string, n int) []string {
	if n < 1 || width(text) <= n {
		return []string{text}
	}
	var cells [][]string
	for _, c := range splitCells(text) {
		cells = append(cells, strings.Fields(c))
	}
	return wrapWords(cells, n)
}

// splitCells splits a table row at its runs of two or more spaces.
func splitCells(text string) []string {
	var cells []string
	for _, c := range strings.Split(text, "  ") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return cells
}

// WrapAtSpaces is wrapAtSpaces, for a command's own plain lines, which
// name flags to give: a flag and its value in quotes ("--headcount 'Team
// lead=16'", as safetext.ShellWord quotes one) are kept on one line, or
// run over it whole where they are wider, as a command cut in two is
// copied in half.
func WrapAtSpaces(s string, limit int) []string {
	return wrapWords([][]string{flagsWithValues(strings.Fields(s))}, limit)
}

// flagsWithValues is words with each flag ("--headcount") that a value
// in single quotes follows made one word with it, spaces and all. A value
// whose quotes do not close is left as words.
func flagsWithValues(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		if strings.HasPrefix(words[i], "--") && i+1 < len(words) && strings.HasPrefix(words[i+1], "'") {
			inQuote := false
			for j := i + 1; j < len(words); j++ {
				inQuote = quoteOpenAfter(words[j], inQuote)
				if !inQuote {
					out = append(out, strings.Join(words[i:j+1], " "))
					i = j
					break
				}
			}
			if inQuote {
				out = append(out, words[i])
			}
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// quoteOpenAfter says whether a shell word's single quotes are open after
// w, open before it or not: a backslash outside them escapes a quote, as
// safetext.ShellWord writes an apostrophe inside a value.
func quoteOpenAfter(w string, open bool) bool {
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '\'':
			open = !open
		case w[i] == '\\' && !open:
			i++
		}
	}
	return open
}

// wrapAtSpaces breaks plain text into lines of at most limit columns at
// its spaces only: x/ansi also breaks at hyphens, which splits a range
// ("80-89%") or the "--" that stands for a hidden figure. A word longer
// than a line (a path) is cut, rather than left to run over the edge.
func wrapAtSpaces(s string, limit int) []string {
	return wrapWords([][]string{strings.Fields(s)}, limit)
}

// cutWord cuts a word wider than limit columns into lines of limit
// columns: each the longest start of what is left that fits, a
// character (a grapheme cluster: an emoji sequence, a keycap) never cut
// inside and measured as width measures it. It returns those lines and the rest, which
// fits, or which begins with a character wider than the whole line (left
// to run over it). The word is walked once: cutting it with ansi.Truncate,
// which measures all that is left at every cut, took minutes over a commit
// subject of one 2 MB word.
func cutWord(word string, limit int) (lines []string, rest string) {
	start, w := 0, 0
	for i := 0; i < len(word); {
		cluster, cw := ansi.FirstGraphemeCluster(word[i:], ansi.GraphemeWidth)
		if w+cw > limit {
			if i == start {
				break // a rune wider than the line: let it run over
			}
			lines = append(lines, word[start:i])
			start, w = i, 0
			continue
		}
		w += cw
		i += len(cluster)
	}
	return lines, word[start:]
}

// wrapWords wraps cells of words to limit: words one space apart, cells
// two. A word longer than the line is cut.
func wrapWords(cells [][]string, limit int) []string {
	var lines []string
	line := ""
	for ci, words := range cells {
		for wi, word := range words {
			sep := " "
			if ci > 0 && wi == 0 {
				sep = "  "
			}
			switch {
			case line == "":
			case width(line)+len(sep)+width(word) <= limit:
				line += sep + word
				continue
			default:
				lines = append(lines, line)
			}
			if width(word) > limit && !strings.Contains(word, " ") { // a flag with its value (WrapAtSpaces) runs over whole
				var cut []string
				cut, word = cutWord(word, limit)
				lines = append(lines, cut...)
			}
			line = word
		}
	}
	return append(lines, line)
}

package render

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// The Markdown that report and diff write is GitHub-flavoured and keeps to
// markdownlint's default rules, so that it renders the same on GitHub and
// GitLab and passes a docs linter in CI: one H1, blank lines around blocks,
// lines wrapped at 80 characters, no trailing spaces, one final newline.
// Text that comes from a plan is escaped so that it always shows as typed:
// a note that starts with "# " stays a note instead of becoming a heading.

// mdLineLength is markdownlint's default line length (rule MD013).
const mdLineLength = 80

// markdown builds a document one block at a time; blocks are separated by
// exactly one blank line.
type markdown struct {
	b        bytes.Buffer
	headings map[string]bool // every heading so far, to keep them unique
	flushed  bool            // some of the document has been written out already (see flush)
}

func (m *markdown) block() {
	if m.b.Len() > 0 || m.flushed {
		m.b.WriteByte('\n')
	}
}

// flush writes what the document holds so far to w, once it is more than
// a buffer's worth (or at the end, all of it), so that a long document is
// never held whole.
func (m *markdown) flush(w io.Writer, all bool) error {
	if !all && m.b.Len() < 64<<10 {
		return nil
	}
	if m.b.Len() > 0 {
		m.flushed = true
	}
	_, err := w.Write(m.b.Bytes())
	m.b.Reset()
	return err
}

// heading writes an ATX heading, its text whole. A heading cannot wrap, so
// one longer than markdownlint's line length (MD013), such as a Building
// Blocks area's 98-character title, is preceded by the comment that tells
// markdownlint to let that one line be: cutting it would lose the title's
// words, and the comment shows nowhere when the Markdown is rendered.
// markdownlint rejects trailing punctuation in headings (MD026), which is
// dropped, and two headings alike (MD024), so a repeated one is numbered:
// "Data (2)".
func (m *markdown) heading(level int, text string) {
	m.block()
	prefix := strings.Repeat("#", level) + " "
	text = strings.TrimRight(strings.TrimSpace(text), ".,;:!。，；：！ ")
	if text == "" {
		text = "Untitled"
	}
	if m.headings == nil {
		m.headings = map[string]bool{}
	}
	for n, base := 2, text; m.headings[text]; n++ {
		text = fmt.Sprintf("%s (%d)", base, n)
	}
	m.headings[text] = true
	if mdLen(prefix+text) > mdLineLength {
		m.b.WriteString(longHeading + "\n")
	}
	m.b.WriteString(prefix + text + "\n")
}

// longHeading lets the heading on the next line run past markdownlint's
// line length, and only that line.
const longHeading = "<!-- markdownlint-disable-next-line MD013 -->"

// para writes a wrapped paragraph of Markdown (escape plan text first).
func (m *markdown) para(text string) {
	m.block()
	m.lines(wrapMarkdown(text, "", ""))
}

// list writes a bullet list, one entry per element, each wrapped.
func (m *markdown) list(entries []string) {
	if len(entries) == 0 {
		return
	}
	m.block()
	for _, e := range entries {
		m.entry(e)
	}
}

// entry writes one entry of a bullet list (after a block), wrapped.
func (m *markdown) entry(e string) {
	m.lines(wrapMarkdown(e, "- ", "  "))
}

// listItem is an entry of a two-level list.
type listItem struct {
	text string
	sub  []string
}

// nestedList writes a bullet list whose entries have lists of their own.
func (m *markdown) nestedList(items []listItem) {
	if len(items) == 0 {
		return
	}
	m.block()
	for _, it := range items {
		m.lines(wrapMarkdown(it.text, "- ", "  "))
		for _, s := range it.sub {
			m.lines(wrapMarkdown(s, "  - ", "    "))
		}
	}
}

// table writes a table; numeric columns are right-aligned. A table with a
// line longer than markdownlint's line length (a grade's long name, say)
// is written whole, between comments that let its lines run long and then
// put back whatever the reader's linter had set: cutting the cells would
// lose their words, and the comments show nowhere when it is rendered.
func (m *markdown) table(header []string, right []bool, rows [][]string) {
	m.block()
	delim := make([]string, len(header))
	for i := range delim {
		delim[i] = "---"
		if i < len(right) && right[i] {
			delim[i] = "---:"
		}
	}
	lines := make([]string, 0, len(rows)+2)
	long := false
	for _, cells := range append([][]string{header, delim}, rows...) {
		var l strings.Builder
		l.WriteString("|")
		for _, c := range cells {
			l.WriteString(" " + c + " |")
		}
		lines = append(lines, l.String())
		long = long || mdLen(l.String()) > mdLineLength
	}
	if long {
		m.b.WriteString(tableLong + "\n")
	}
	m.lines(lines)
	if long {
		m.b.WriteString(tableLongEnd + "\n")
	}
}

// tableLong and tableLongEnd go around a table whose lines run past
// markdownlint's line length (MD013).
const (
	tableLong    = "<!-- markdownlint-capture --><!-- markdownlint-disable MD013 -->"
	tableLongEnd = "<!-- markdownlint-restore -->"
)

// splitTable writes a table too wide for markdownlint's line length as
// several tables, one after another, each within it: the first keys
// columns (a date and a commit, say) begin every table, and the others are
// shared out in order, as many to a table as fit. A table that fits is
// written as it is.
func (m *markdown) splitTable(keys int, header []string, right []bool, rows [][]string) {
	for _, cols := range tableGroups(keys, header, right, rows) {
		pick := func(cells []string) []string {
			out := make([]string, len(cols))
			for i, c := range cols {
				if c < len(cells) {
					out[i] = cells[c]
				}
			}
			return out
		}
		var r []bool
		for _, c := range cols {
			r = append(r, c < len(right) && right[c])
		}
		var picked [][]string
		for _, row := range rows {
			picked = append(picked, pick(row))
		}
		m.table(pick(header), r, picked)
	}
}

// tableGroups shares the columns after the first keys out into groups
// whose tables fit mdLineLength, each group starting with the key columns.
// A column too wide to fit even beside the keys alone gets a table of its
// own.
func tableGroups(keys int, header []string, right []bool, rows [][]string) [][]int {
	// Every line of the table: the header, the delimiter row, the rows.
	lines := append([][]string{header, nil}, rows...)
	cell := func(line, c int) int {
		// "| cell |": a cell takes its width and three more columns.
		switch {
		case line == 1 && c < len(right) && right[c]:
			return len("---:") + 3
		case line == 1:
			return len("---") + 3
		case c < len(lines[line]):
			return mdLen(lines[line][c]) + 3
		}
		return 3
	}
	keys = min(keys, len(header))
	start := func() ([]int, []int) {
		group, used := []int{}, make([]int, len(lines))
		for l := range used {
			used[l] = 1 // the line's first "|"
		}
		for c := range keys {
			group = append(group, c)
			for l := range used {
				used[l] += cell(l, c)
			}
		}
		return group, used
	}
	var groups [][]int
	group, used := start()
	for c := keys; c < len(header); c++ {
		fits := true
		for l := range used {
			fits = fits && used[l]+cell(l, c) <= mdLineLength
		}
		if !fits && len(group) > keys {
			groups = append(groups, group)
			group, used = start()
		}
		group = append(group, c)
		for l := range used {
			used[l] += cell(l, c)
		}
	}
	return append(groups, group)
}

func (m *markdown) lines(ls []string) {
	for _, l := range ls {
		m.b.WriteString(l)
		m.b.WriteByte('\n')
	}
}

// raw writes lines as they are, as one block.
func (m *markdown) raw(ls []string) {
	m.block()
	m.lines(ls)
}

func (m *markdown) bytes() []byte { return m.b.Bytes() }

// field is "**Name:** value", or "not set" for an empty value. Both are
// Markdown already.
func field(name, value string) string {
	if value == "" {
		value = "not set"
	}
	return "**" + name + ":** " + value
}

// wrapMarkdown breaks Markdown text into lines of at most mdLineLength
// characters at spaces (a word longer than a line gets a line of its own),
// the first line starting with first and the others with rest. A line that
// would otherwise start a block (a list, a heading, a quote) is escaped.
func wrapMarkdown(text, first, rest string) []string {
	var out []string
	line, prefix := "", first
	flush := func() {
		out = append(out, prefix+escapeLineStart(line))
		line, prefix = "", rest
	}
	for _, w := range glueMarks(strings.Fields(text)) {
		switch {
		case line == "":
			line = w
		case mdLen(prefix+line)+1+mdLen(w) > mdLineLength:
			flush()
			line = w
		default:
			line += " " + w
		}
	}
	flush()
	return out
}

// glueMarks joins a rating mark to the word after it, and a dash to the
// rating after it, so that "— ■ Red" never breaks across lines.
func glueMarks(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "—" && i+1 < len(words) && plans.IsMark(words[i+1]) {
			w += " " + words[i+1]
			i++
		}
		if plans.IsMark(words[i]) && i+1 < len(words) {
			w += " " + words[i+1]
			i++
		}
		out = append(out, w)
	}
	return out
}

// mdLen measures a line as markdownlint does (JavaScript string length, in
// UTF-16 code units).
func mdLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

var (
	// Line starts that would begin a block: a heading, a quote, a list item,
	// a setext underline or a thematic break.
	blockStart   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(#{1,6}(\s|$)|>|[-+*](\s|$)|=+\s*$|-+\s*$)`) })
	orderedStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`) })
)

func escapeLineStart(line string) string {
	if blockStart().MatchString(line) {
		return `\` + line
	}
	if m := orderedStart().FindStringSubmatchIndex(line); m != nil {
		return line[:m[4]] + `\` + line[m[4]:]
	}
	return line
}

var (
	mdSpecial  = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`)
	entityLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`&(#?[0-9A-Za-z]+;)`) })
	// Web and email addresses, as GitHub would auto-link them; trailing
	// sentence punctuation is not part of the address.
	addressLike = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`https?://[^\s<>()\[\]|"'\x60]*[^\s<>()\[\]|"'\x60.,;:!?]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+`)
	})
	wwwLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bwww\.`) })
)

// mdCells is a table's rows with every cell escaped by mdText, in new
// slices: the rows given are left as they are.
func mdCells(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = make([]string, len(row))
		for j, c := range row {
			out[i][j] = mdText(c)
		}
	}
	return out
}

// mdText escapes plan text so Markdown shows it as typed, on one line:
// line breaks become spaces, and control characters pictures (␛), so that
// the Markdown is as safe to print on a terminal as to paste. Web and email addresses become links in angle
// brackets, which is how markdownlint wants them (MD034) and how GitHub
// would show them anyway.
func mdText(s string) string {
	fields := strings.Fields(s)
	for i, w := range fields {
		w = safetext.Line(w) // an ESC or a BiDi override shows as a picture
		var b strings.Builder
		at := 0
		for _, m := range addressLike().FindAllStringIndex(w, -1) {
			b.WriteString(mdEscape(w[at:m[0]]))
			b.WriteString("<" + w[m[0]:m[1]] + ">")
			at = m[1]
		}
		b.WriteString(mdEscape(w[at:]))
		fields[i] = b.String()
	}
	return strings.Join(fields, " ")
}

func mdEscape(s string) string {
	s = mdSpecial.Replace(s)
	s = entityLike().ReplaceAllString(s, `\&$1`)
	// A bare www.example.org would be auto-linked by GitHub; escaping the
	// dot keeps it as text.
	return wwwLike().ReplaceAllStringFunc(s, func(s string) string { return s[:3] + `\.` })
}

// mdLines escapes multi-line plan text (notes) into Markdown lines that keep
// the line breaks: each line ends with a backslash hard break, and a blank
// line starts a new paragraph. Indentation is dropped: Markdown would read
// it as code.
func mdLines(s string) []string {
	var paras [][]string
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, mdText(l))
	}
	if cur != nil {
		paras = append(paras, cur)
	}
	var out []string
	for i, p := range paras {
		if i > 0 {
			out = append(out, "")
		}
		for j, l := range p {
			if j < len(p)-1 {
				l += `\`
			}
			out = append(out, l)
		}
	}
	return out
}

// wrapLines wraps each line of mdLines output, keeping the hard breaks at
// the ends of the original lines.
func wrapLines(ls []string, first, rest string) []string {
	var out []string
	prefix := first
	for _, l := range ls {
		if l == "" {
			out = append(out, "")
			continue
		}
		out = append(out, wrapMarkdown(l, prefix, rest)...)
		prefix = rest
	}
	return out
}

// mdCode writes s as a code span, with enough backticks around it that a
// backtick inside cannot end it.
func mdCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

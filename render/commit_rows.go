package render

import (
	"strings"
)

// A history (of a plan's counts, of the workforce data's shares) is a
// table with one row per commit: two key columns (a date and the commit),
// a column per area or grade and one for the total, and the commit's
// subject last. For a terminal it is laid out to fit its width: with the
// subjects beside the figures when there is room for them, else with the
// figures in as many tables as the width takes and the subjects listed
// below, as the Markdown has them.

// commitKeys is how many columns name a row: the date and the commit.
const commitKeys = 2

// minSubject is the least room a subject is given beside the figures;
// with less, the subjects are listed below them.
const minSubject = 20

// commitRows is such a table. header ends with "Subject"; each row is the
// key cells, the figures and the subject, or, where notes has a note (the
// plan did not load at that commit), the key cells only. subjects are
// every row's subject, for the list below the figures.
type commitRows struct {
	header   []string
	rows     [][]string
	notes    []string
	subjects []string
}

// write lays the table out in cols columns.
func (t commitRows) write(b *strings.Builder, cols int) {
	figures := len(t.header) - 1 // every column but the subject
	widths := make([]int, figures)
	for i := range widths {
		widths[i] = width(t.header[i])
		for _, r := range t.rows {
			if i < len(r) && i < figures {
				widths[i] = max(widths[i], width(r[i]))
			}
		}
	}
	if spanned(widths)+2+minSubject <= cols {
		t.beside(b, widths, cols)
	} else {
		t.below(b, widths, cols)
	}
}

// spanned is how many columns cells of these widths take, two spaces apart.
func spanned(widths []int) int {
	n := 0
	for i, w := range widths {
		if i > 0 {
			n += 2
		}
		n += w
	}
	return n
}

// beside writes one table with the subjects in its last column, each
// wrapped to the room left; a note runs on after the keys, wrapped.
func (t commitRows) beside(b *strings.Builder, widths []int, cols int) {
	all := append(widths, 0)
	writeAligned(b, "", all, t.header)
	subjectAt := spanned(widths) + 2
	noteAt := spanned(widths[:commitKeys]) + 2
	for i, r := range t.rows {
		if t.notes[i] != "" {
			writeRunOn(b, "", all, r[:commitKeys], t.notes[i], noteAt, cols)
			continue
		}
		writeRunOn(b, "", all, r[:len(r)-1], r[len(r)-1], subjectAt, cols)
	}
}

// below writes the figures in tables that fit cols, each starting with the
// key columns, then every commit's subject (or note) in a list.
func (t commitRows) below(b *strings.Builder, widths []int, cols int) {
	for gi, group := range columnGroups(widths, cols) {
		if gi > 0 {
			b.WriteByte('\n')
		}
		gw := make([]int, len(group))
		for i, c := range group {
			gw[i] = widths[c]
		}
		pick := func(r []string, note bool) []string {
			out := make([]string, len(group))
			for i, c := range group {
				switch {
				case c < len(r):
					out[i] = r[c]
				case note && i == commitKeys:
					out[i] = "see below"
				}
			}
			return out
		}
		writeAligned(b, "", gw, pick(t.header, false))
		for i, r := range t.rows {
			writeAligned(b, "", gw, pick(r, t.notes[i] != ""))
		}
	}
	b.WriteString("\nCommits:\n")
	var at int
	for _, r := range t.rows {
		at = max(at, width(r[1])+2+width(r[0])+2)
	}
	for i, r := range t.rows {
		about := t.subjects[i]
		if t.notes[i] != "" {
			about += " (" + t.notes[i] + ")"
		}
		key := r[1] + "  " + r[0]
		lines := wrapTo(about, cols-2-at)
		b.WriteString("  " + key + strings.Repeat(" ", at-width(key)) + lines[0] + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", 2+at) + l + "\n")
		}
	}
}

// columnGroups shares the columns after the keys out into groups that fit
// cols, each group starting with the keys; a column too wide to fit beside
// the keys gets a group of its own.
func columnGroups(widths []int, cols int) [][]int {
	keys := []int{}
	for c := range min(commitKeys, len(widths)) {
		keys = append(keys, c)
	}
	base := spanned(widths[:len(keys)])
	var groups [][]int
	group, used := append([]int{}, keys...), base
	for c := len(keys); c < len(widths); c++ {
		if len(group) > len(keys) && used+2+widths[c] > cols {
			groups = append(groups, group)
			group, used = append([]int{}, keys...), base
		}
		group = append(group, c)
		used += 2 + widths[c]
	}
	return append(groups, group)
}

// wrapTo wraps text at spaces to n columns (a word longer than that is
// broken), at least one line, no trailing spaces.
func wrapTo(text string, n int) []string {
	if n < 1 || width(text) <= n {
		return []string{text}
	}
	return wrapAtSpaces(text, n)
}

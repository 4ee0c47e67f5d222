package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// writeDiffMarkdown lays a diff out as a Markdown document: a heading per
// section, its changes as (nested) lists, the counts as a table. Several
// plans each get a heading, and their sections a bold lead-in instead
// (markdownlint wants no two headings alike, and every plan has Ratings).
func writeDiffMarkdown(set diffSet) []byte {
	var m markdown
	m.heading(1, "Plan changes")
	if set.since == "" {
		mdPlan(&m, set.plans[0], false)
		return m.bytes()
	}
	notCompared := set.mdNotComparedLine()
	switch {
	case len(set.plans) == 0 && notCompared == "":
		m.para(fmt.Sprintf("No plan changed since %s.", mdText(set.since)))
		return m.bytes()
	case len(set.plans) == 0:
		m.para(fmt.Sprintf("No plan could be compared since %s.", mdText(set.since)))
	default:
		m.para(fmt.Sprintf("Since %s: %s.", mdText(set.since), set.summary()))
	}
	if notCompared != "" {
		m.para("**Not compared**, " + mdText(notCompared) + ".")
	}
	runes := utf8.RuneCount(m.b.Bytes()) // the comment's characters so far
	for i, p := range set.plans {
		before := m.b.Len()
		m.heading(2, mdText(p.heading))
		mdPlan(&m, p, true)
		if runes += utf8.RuneCount(m.b.Bytes()[before:]); runes > mdCommentBudget {
			m.b.Truncate(before)
			mdPlansLeftOut(&m, set.plans[i:])
			break
		}
	}
	return m.bytes()
}

// GitHub takes at most 65,536 characters in a pull request's comment, and
// refuses the whole comment (the workflow's step fails) when it is longer:
// a pull request that adds thirty rated plans (a year's reviews carried
// on) made 82,000. The plans are shown whole up to mdCommentBudget, which
// leaves room for the plans left out to be named and for the data files'
// changes; the rest are named, a line each, up to mdPlansNamed.
const (
	mdCommentBudget = 60000
	mdPlansNamed    = 40
	mdNamesRoom     = 4000 // for the names, beyond mdCommentBudget
	mdNameRunes     = 200  // a name's, and its fate's, at most
)

// mdPlansLeftOut names the plans that did not fit in one comment, and
// says where every change can be read.
func mdPlansLeftOut(m *markdown, left []planDoc) {
	heading := fmt.Sprintf("%d more plans changed", len(left))
	if len(left) == 1 {
		heading = "1 more plan changed"
	}
	m.heading(2, heading)
	m.para(fmt.Sprintf("Every change would not fit in one pull-request comment (GitHub takes 65,536 characters), so %s named here, not shown. Run the same ladder diff with --format text for every change.",
		map[bool]string{true: "this one is", false: "these are"}[len(left) == 1]))
	// A plan's title is as long as its author likes: each name is cut
	// short, and names stop where the comment would be too long.
	// A plan with actions no one chases is named first, with the warning
	// its whole entry would have carried: a pull request that changes
	// much besides must not hide it.
	left = slices.Clone(left)
	slices.SortStableFunc(left, func(a, b planDoc) int { return cmp.Compare(min(b.unchased, 1), min(a.unchased, 1)) })
	room := mdCommentBudget + mdNamesRoom - utf8.RuneCount(m.b.Bytes())
	var names []string
	for i, p := range left {
		name := mdText(cutMiddle(p.heading, mdNameRunes)) + ": " + mdText(cutMiddle(planFate(p), mdNameRunes))
		if p.unchased > 0 {
			actions, them := fmt.Sprintf("%d actions or steps", p.unchased), "them"
			if p.unchased == 1 {
				actions, them = "1 action or step", "it"
			}
			name += "; **Warning:** " + mdText(fmt.Sprintf("%s opened in this change no one chases: the plan is already carried on to %s, which does not have %s", actions, cutMiddle(p.chasedIn, mdNameRunes), them))
		}
		room -= utf8.RuneCountInString(name)*41/40 + 4 // with its bullet and wrapped lines' indents
		if i == mdPlansNamed || room < 0 {
			more := fmt.Sprintf("and %d more", len(left)-i)
			// Plans not named may hold the warning too: how many, so that
			// a reviewer does not take them for plans without.
			if n := unchasedIn(left[i:]); n > 0 {
				more += fmt.Sprintf(" (%d of them with actions or steps opened in this change no one chases)", n)
			}
			names = append(names, more)
			break
		}
		names = append(names, name)
	}
	m.list(names)
}

// unchasedIn counts the plans with actions or steps no one chases.
func unchasedIn(docs []planDoc) int {
	n := 0
	for _, p := range docs {
		if p.unchased > 0 {
			n++
		}
	}
	return n
}

// mdNotComparedLine is notComparedLine within mdNamesRoom: a pull
// request can add hundreds of plans that do not load, with long names.
func (s diffSet) mdNotComparedLine() string {
	short := s
	short.notCompared = nil
	room := mdNamesRoom
	for i, name := range s.notCompared {
		name = cutMiddle(name, mdNameRunes)
		if room -= utf8.RuneCountInString(name) + 2; room < 0 && i >= 2 {
			return short.notComparedLine() + fmt.Sprintf(", and %d more", len(s.notCompared)-i)
		}
		short.notCompared = append(short.notCompared, name)
	}
	return short.notComparedLine()
}

// cutMiddle cuts s to about n characters in its middle, keeping its end,
// where a plan's heading has its path.
func cutMiddle(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n/2])) + "…" + strings.TrimSpace(string(r[len(r)-n/2:]))
}

func mdPlan(m *markdown, p planDoc, among bool) {
	switch {
	case among:
		m.para(mdText(capitalise(planFate(p)) + "."))
	case p.kind == planChanged && len(p.sections) == 0:
		m.para(fmt.Sprintf("No changes from %s to %s.", mdText(p.oldName), mdText(p.newName)))
	case p.kind == planChanged:
		m.para(fmt.Sprintf("From %s to %s.", mdText(p.oldName), mdText(p.newName)))
	default:
		m.para(mdText(p.heading + ": " + planFate(p) + "."))
	}
	for _, w := range p.warnings {
		m.para("**Warning:** " + mdText(w) + ".")
	}
	for _, s := range p.sections {
		mdSectionTitle(m, s, among)
		switch s.kind {
		case sectionCounts, sectionNewCounts:
			mdCounts(m, s.counts)
		default:
			m.nestedList(mdSectionItems(s))
		}
	}
}

// mdSectionTitle is a heading, or among several plans a bold lead-in.
func mdSectionTitle(m *markdown, s diffSection, among bool) {
	title, summary := s.title(), mdText(s.note()) // a summary may name a file
	switch {
	case among && summary == "":
		m.para("**" + title + ":**")
	case among:
		m.para("**" + title + ":** " + summary)
	default:
		m.heading(2, title)
		if summary != "" {
			m.para(summary)
		}
	}
}

func mdSectionItems(s diffSection) []listItem {
	items := make([]listItem, 0, len(s.lines)+len(s.ratings))
	for _, r := range s.ratings {
		items = append(items, listItem{text: field(capitalise(r.direction),
			mdArrows(mdText(fmt.Sprintf("%s (%s): %s → %s", r.title, r.area, r.oldLabel, r.newLabel))))})
	}
	for _, l := range s.lines {
		li := listItem{text: mdLine(l)}
		if len(l.sub) > 0 && l.name == "" {
			li.text = mdText(l.value)
			for _, sub := range l.sub {
				li.sub = append(li.sub, mdLine(sub))
			}
		}
		items = append(items, li)
	}
	return items
}

// mdLine is one change as a list entry: "**Owner:** Ana → Zoë". A change
// with changes of its own (a step) keeps them on its line, after a colon.
func mdLine(l line) string {
	if l.name == "" {
		return mdText(capitalise(l.value))
	}
	value := l.value
	if len(l.sub) > 0 {
		parts := make([]string, len(l.sub))
		for i, s := range l.sub {
			parts[i] = s.name + " " + s.value
		}
		value += ": " + strings.Join(parts, "; ")
	}
	return field(mdText(capitalise(l.name)), mdArrows(mdText(value)))
}

// mdArrows keeps each "old → new" reading from old to new where GitHub
// draws it (each list item dir="auto", left to right for ladder's
// words). Between two right-to-left words the arrow took their direction
// and the change was drawn "new → old": a left-to-right mark before the
// arrow gives it the line's direction. Only an arrow after right-to-left
// text gets one; other lines are left as they were.
func mdArrows(s string) string {
	const arrow = " → "
	var b strings.Builder
	for at := 0; ; {
		i := strings.Index(s[at:], arrow)
		if i < 0 {
			if at == 0 {
				return s
			}
			b.WriteString(s[at:])
			return b.String()
		}
		i += at
		b.WriteString(s[at:i])
		if rightToLeftBefore(s[:i]) {
			b.WriteString(" ‎→ ")
		} else {
			b.WriteString(arrow)
		}
		at = i + len(arrow)
	}
}

// rightToLeftBefore reports whether the last strongly directional letter
// of s (or Arabic digit) is right to left. European digits take the
// direction of the letter before them, and are passed over.
func rightToLeftBefore(s string) bool {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.AN:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}

// mdCounts writes every area's counts, marking the ones that changed.
func mdCounts(m *markdown, t countsTable) {
	header := []string{"Area"}
	right := []bool{false}
	for _, l := range t.levels {
		header = append(header, mdText(l))
		right = append(right, true)
	}
	var rows [][]string
	for _, r := range t.rows {
		rows = append(rows, append([]string{mdText(r.area)}, r.cells(len(t.levels))...))
	}
	m.table(header, right, rows)
}

// cells are a row's counts, each "3", or "1 → 3 (+2)" when it changed.
func (r countsRow) cells(levels int) []string {
	out := make([]string, levels)
	for i := range out {
		if r.old == nil {
			out[i] = strconv.Itoa(r.new[i])
		} else {
			out[i] = countCell(r.old[i], r.new[i])
		}
	}
	return out
}

func countCell(old, new int) string {
	if old == new {
		return strconv.Itoa(new)
	}
	return fmt.Sprintf("%d → %d (%+d)", old, new, new-old)
}

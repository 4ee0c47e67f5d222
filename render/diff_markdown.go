package render

import (
	"fmt"
	"strconv"
	"strings"
)

// writeDiffMarkdown lays a diff out as a Markdown document: a heading per
// section, its changes as (nested) lists, the counts as a table.
func writeDiffMarkdown(doc diffDoc) []byte {
	var m markdown
	m.heading(1, "Plan changes")
	if len(doc.sections) == 0 {
		m.para(fmt.Sprintf("No changes from %s to %s.", mdText(doc.oldName), mdText(doc.newName)))
		return m.bytes()
	}
	m.para(fmt.Sprintf("From %s to %s.", mdText(doc.oldName), mdText(doc.newName)))
	for _, s := range doc.sections {
		switch s.kind {
		case sectionReview:
			m.heading(2, "Review")
		case sectionRatings:
			m.heading(2, "Ratings")
			m.para(capitalise(s.summary) + ".")
		case sectionActions:
			m.heading(2, "Actions")
		case sectionItems:
			m.heading(2, "Items")
			m.para("The plan now follows another version of its checklist.")
		case sectionFollowUps:
			m.heading(2, "Follow-up answers")
		case sectionCounts:
			m.heading(2, "Counts per area")
			mdCounts(&m, s.counts)
			continue
		}
		items := make([]listItem, 0, len(s.lines)+len(s.ratings))
		for _, r := range s.ratings {
			items = append(items, listItem{text: field(capitalise(r.direction),
				mdText(fmt.Sprintf("%s (%s): %s → %s", r.title, r.area, r.oldLabel, r.newLabel)))})
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
		m.nestedList(items)
	}
	return m.bytes()
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
	return field(mdText(capitalise(l.name)), mdText(value))
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
		row := []string{mdText(r.area)}
		for i := range t.levels {
			row = append(row, countCell(r.old[i], r.new[i]))
		}
		rows = append(rows, row)
	}
	m.table(header, right, rows)
}

func countCell(old, new int) string {
	if old == new {
		return strconv.Itoa(new)
	}
	return fmt.Sprintf("%d → %d (%+d)", old, new, new-old)
}

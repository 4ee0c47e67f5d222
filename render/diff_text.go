package render

import (
	"fmt"
	"strings"
)

// writeDiffText lays a diff out for a terminal: a title line per section,
// then its changes indented two spaces a level.
func writeDiffText(doc diffDoc) []byte {
	var b strings.Builder
	if len(doc.sections) == 0 {
		fmt.Fprintf(&b, "No changes from %s to %s.\n", doc.oldName, doc.newName)
		return []byte(b.String())
	}
	fmt.Fprintf(&b, "Changes from %s to %s\n", doc.oldName, doc.newName)
	for _, s := range doc.sections {
		b.WriteString("\n" + textSectionTitle(s) + "\n")
		switch s.kind {
		case sectionRatings:
			textRatings(&b, s.ratings)
		case sectionCounts:
			textCounts(&b, s.counts)
		default:
			for _, l := range s.lines {
				textLine(&b, 1, l)
			}
		}
	}
	return []byte(b.String())
}

func textSectionTitle(s diffSection) string {
	switch s.kind {
	case sectionReview:
		return "Review"
	case sectionRatings:
		return "Ratings: " + s.summary
	case sectionActions:
		return "Actions"
	case sectionItems:
		return "Items (the checklist changed)"
	case sectionFollowUps:
		return "Follow-up answers"
	default:
		return "Counts per area"
	}
}

// textLine writes "name: value", or a heading ("name value", or the value
// alone) with its changes indented below it.
func textLine(b *strings.Builder, indent int, l line) {
	b.WriteString(strings.Repeat("  ", indent))
	value := l.value
	if l.listEntry {
		value = quoted(value)
	}
	switch {
	case l.name == "":
		b.WriteString(value)
	case len(l.sub) > 0:
		b.WriteString(l.name + " " + value)
	default:
		b.WriteString(l.name + ": " + value)
	}
	b.WriteByte('\n')
	for _, s := range l.sub {
		textLine(b, indent+1, s)
	}
}

// textRatings lines the moves up so the titles start in one column.
func textRatings(b *strings.Builder, rows []ratingRow) {
	w := 0
	for _, r := range rows {
		w = max(w, width(r.oldLabel+" → "+r.newLabel))
	}
	for _, r := range rows {
		move := r.oldLabel + " → " + r.newLabel
		fmt.Fprintf(b, "  %-7s %s%s  %s (%s)\n", r.direction, move, strings.Repeat(" ", w-width(move)), r.title, r.area)
	}
}

// textCounts lists the areas whose counts changed, and in each only the
// levels that changed: "■ Red 2 → 1, ▲ Amber 1 → 2".
func textCounts(b *strings.Builder, t countsTable) {
	for _, r := range t.rows {
		if !r.changed {
			continue
		}
		var parts []string
		for i, label := range t.levels {
			if r.old[i] != r.new[i] {
				parts = append(parts, fmt.Sprintf("%s %d → %d", label, r.old[i], r.new[i]))
			}
		}
		fmt.Fprintf(b, "  %s: %s\n", r.area, strings.Join(parts, ", "))
	}
}

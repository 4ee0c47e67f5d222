package render

import (
	"fmt"
	"strings"
)

// writeDiffText lays a diff out for a terminal: a title line per section,
// then its changes indented two spaces a level. Several plans each start
// with a heading line of their own.
func writeDiffText(set diffSet) []byte {
	var b strings.Builder
	if set.since == "" {
		textPlan(&b, set.plans[0], false)
		return []byte(b.String())
	}
	notCompared := set.notComparedLine()
	switch {
	case len(set.plans) == 0 && notCompared == "":
		fmt.Fprintf(&b, "No plan changed since %s.\n", plain(set.since))
		return []byte(b.String())
	case len(set.plans) == 0:
		fmt.Fprintf(&b, "No plan could be compared since %s.\n", plain(set.since))
	default:
		fmt.Fprintf(&b, "Plan changes since %s: %s.\n", plain(set.since), set.summary())
	}
	if notCompared != "" {
		fmt.Fprintf(&b, "Not compared, %s.\n", plain(notCompared))
	}
	for _, p := range set.plans {
		fmt.Fprintf(&b, "\n== %s ==\n", plain(p.heading))
		textPlan(&b, p, true)
	}
	return []byte(b.String())
}

// textPlan writes what happened to one plan: a line that says what was
// compared (or, among several plans, what happened), warnings, sections.
func textPlan(b *strings.Builder, p planDoc, among bool) {
	switch {
	case among:
		b.WriteString(plain(capitalise(planFate(p))) + ".\n")
	case p.kind == planChanged && len(p.sections) == 0:
		fmt.Fprintf(b, "No changes from %s to %s.\n", plain(p.oldName), plain(p.newName))
	case p.kind == planChanged:
		fmt.Fprintf(b, "Changes from %s to %s\n", plain(p.oldName), plain(p.newName))
	default:
		fmt.Fprintf(b, "%s: %s.\n", plain(p.heading), plain(planFate(p)))
	}
	for _, w := range p.warnings {
		fmt.Fprintf(b, "Warning: %s.\n", plain(w))
	}
	for _, s := range p.sections {
		// A summary may name a file (the previous review's).
		b.WriteString("\n" + plain(textSectionTitle(s)) + "\n")
		switch s.kind {
		case sectionRatings:
			textRatings(b, s.ratings)
		case sectionCounts, sectionNewCounts:
			textCounts(b, s.counts)
		default:
			for _, l := range s.lines {
				textLine(b, 1, l)
			}
		}
	}
}

// planFate says what happened to a plan: "renamed from plans/a.yaml, and
// changed", "a new plan, not in main (1a2b3c4)".
func planFate(p planDoc) string {
	switch {
	case p.kind == planAdded && p.oldDidNotLoad:
		return "did not load at " + p.oldName + ", so it is shown as it is now"
	case p.kind == planAdded:
		return "a new plan, not in " + p.oldName
	case p.kind == planRemoved:
		return "removed since " + p.oldName
	case p.renamedFrom != "" && len(p.sections) == 0:
		return "renamed from " + p.renamedFrom + ", and otherwise the same"
	case p.renamedFrom != "":
		return "renamed from " + p.renamedFrom + ", and changed"
	case len(p.sections) == 0:
		return "the same (only its layout changed)"
	}
	return "changed"
}

func textSectionTitle(s diffSection) string {
	title := s.title()
	if s.kind == sectionItems {
		// Plain text has no note under a title to say why the items changed.
		title += " (the checklist changed)"
	}
	if s.summary != "" {
		return title + ": " + s.summary
	}
	return title
}

// textLine writes "name: value", or a heading ("name value", or the value
// alone) with its changes indented below it.
func textLine(b *strings.Builder, indent int, l line) {
	b.WriteString(strings.Repeat("  ", indent))
	value := l.value
	if l.listEntry {
		value = quoted(value)
	}
	value, name := plain(value), plain(l.name)
	switch {
	case name == "":
		b.WriteString(value)
	case len(l.sub) > 0:
		b.WriteString(name + " " + value)
	default:
		b.WriteString(name + ": " + value)
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
		w = max(w, width(plain(r.oldLabel+" → "+r.newLabel)))
	}
	for _, r := range rows {
		move := plain(r.oldLabel + " → " + r.newLabel)
		fmt.Fprintf(b, "  %-7s %s%s  %s (%s)\n", r.direction, move, strings.Repeat(" ", w-width(move)), plain(r.title), plain(r.area))
	}
}

// textCounts lists the areas whose counts changed, and in each only the
// levels that changed: "■ Red 2 → 1, ▲ Amber 1 → 2". A new plan's counts
// are listed whole: "■ Red 2, ▲ Amber 1".
func textCounts(b *strings.Builder, t countsTable) {
	for _, r := range t.rows {
		var parts []string
		for i, label := range t.levels {
			switch {
			case r.old == nil:
				parts = append(parts, fmt.Sprintf("%s %d", plain(label), r.new[i]))
			case r.old[i] != r.new[i]:
				parts = append(parts, fmt.Sprintf("%s %d → %d", plain(label), r.old[i], r.new[i]))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(b, "  %s: %s\n", plain(r.area), strings.Join(parts, ", "))
		}
	}
}

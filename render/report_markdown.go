package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// writeReportMarkdown lays a report out as Markdown: the details as a
// list, the summary as a table, a heading per area (and group) with the
// items as a numbered list, then the next steps and the credits.
func writeReportMarkdown(doc reportDoc) []byte {
	var m markdown
	m.heading(1, mdText(doc.title))
	details := make([]string, len(doc.details))
	for i, d := range doc.details {
		details[i] = mdDetail(d)
	}
	m.list(details)
	mdSummary(&m, doc)
	mdOverdue(&m, doc)
	mdCarriedOpen(&m, doc)
	mdDisagreed(&m, doc)
	for _, a := range doc.areas {
		m.heading(2, mdText(a.title))
		for _, g := range a.groups {
			if g.title != "" {
				m.heading(3, mdText(g.title))
			}
			m.block()
			for i, it := range g.items {
				m.lines(mdReportItem(i+1, it))
			}
		}
	}
	mdAdvice(&m, doc)
	if len(doc.nextSteps) > 0 {
		m.heading(2, "Next steps")
		for _, n := range doc.nextSteps {
			mdNextStep(&m, n)
		}
	}
	if doc.workforce != nil {
		mdWorkforce(&m, *doc.workforce, 2)
	}
	m.heading(2, "Source")
	m.para(mdText(strings.Join(doc.credits, " ")))
	return m.bytes()
}

// mdNames lists names where GitHub draws a list item with dir="auto":
// the comma between two names written right to left took their
// direction, and the two were drawn swapped. A left-to-right mark after
// such a name gives the comma the line's direction, as mdArrows does the
// arrow's; names in other scripts are listed as they are.
func mdNames(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(mdText(n))
		if i < len(names)-1 && rightToLeftBefore(n) {
			b.WriteString("\u200e") // left-to-right mark
		}
	}
	return b.String()
}

// mdDetail is "**Name:** value", "not set" when there is no value; the
// facts about the value follow it as sentences: "**Action:** Write the
// vision. Owner: Ana. Due: 2027-03-31 (**overdue**)."
func mdDetail(d detail) string {
	v := mdValue(d)
	if len(d.more) > 0 {
		v = sentence(v)
		for _, m := range d.more {
			v += " " + mdText(m.name) + ": " + sentence(mdValue(m))
		}
	}
	return field(mdText(d.name), v)
}

func mdValue(d detail) string {
	v := mdText(d.value)
	if d.names != nil {
		v = mdNames(d.names)
	}
	switch {
	case d.overdue:
		v += " (**overdue**)"
	case d.handedOn:
		v += " (" + handedOnWords + ")"
	}
	return v
}

// sentence ends text with a full stop, unless it ends a sentence already.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func mdSummary(m *markdown, doc reportDoc) {
	m.heading(2, "Summary")
	header := []string{"Area"}
	right := []bool{false}
	for _, l := range doc.levels {
		header = append(header, mdText(l))
		right = append(right, true)
	}
	header = append(header, "Items")
	right = append(right, true)
	var rows [][]string
	for _, r := range doc.summary {
		cells := []string{mdText(r.short)}
		for _, n := range r.counts {
			cells = append(cells, strconv.Itoa(n))
		}
		if r.total {
			for i := range cells {
				cells[i] = "**" + cells[i] + "**"
			}
		}
		rows = append(rows, cells)
	}
	m.table(header, right, rows)
}

// mdCarriedOpen lists, as the web page does above the areas, the actions
// and steps carried on from earlier reviews and still open: what a board
// chases first, without reading every item for a "Carried on" line. Then
// what the previous review had open that this plan let go.
func mdCarriedOpen(m *markdown, doc reportDoc) {
	if open := carriedOpen(doc); len(open) > 0 {
		m.heading(2, "Carried on and still open")
		m.list(mdCarriedEntries(open))
	}
	if len(doc.notCarried) > 0 {
		m.heading(2, "Not carried on")
		m.para(mdText(notCarriedIntro(doc)))
		m.list(mdCarriedEntries(doc.notCarried))
	}
}

// mdCarriedEntries are the entries of mdCarriedOpen's lists: "**Print the
// posters** (project-plan step): Ana, no due date; from the review of
// 2025-03-03 (2 reviews ago)."
func mdCarriedEntries(list []htmlCarried) []string {
	entries := make([]string, len(list))
	for i, c := range list {
		text := mdText(c.Text)
		if text == "" {
			text = "(no description)"
		}
		e := "**" + text + "**"
		switch {
		case c.Step:
			e += " (project-plan step)"
		case c.What != "" && c.Repeats > 0:
			e += " (" + mdText(c.What) + "; " + c.AlsoSteps() + ")"
		case c.What != "":
			e += " (" + mdText(c.What) + ")"
		case c.Repeats > 0:
			e += " (" + c.AlsoSteps() + ")"
		}
		e += ": "
		if c.Owner != "" {
			e += mdText(c.Owner) + ", "
		}
		if c.Due == "" {
			e += "no due date"
		} else {
			e += mdValue(detail{value: "due " + c.Due, overdue: c.Overdue, handedOn: c.HandedOn})
		}
		if c.Carried != "" {
			e += "; " + mdText(c.Carried)
		}
		entries[i] = sentence(e)
	}
	return entries
}

// mdReportItem is one entry of an area's (or group's) numbered list: the
// recommendation and its rating, then what was said about it as a nested
// list. Each list counts from 1, as Markdown linters expect (MD029).
func mdReportItem(n int, it reportItem) []string {
	num := strconv.Itoa(n) + ". "
	indent := strings.Repeat(" ", len(num))
	out := wrapMarkdown(mdText(it.title)+" — "+mdText(it.rating), num, indent)
	for _, d := range it.details {
		if d.multiline {
			if ls := mdLines(d.value); len(ls) > 0 {
				ls[0] = field(mdText(d.name), ls[0])
				out = append(out, wrapLines(ls, indent+"- ", indent+"  ")...)
				continue
			}
		}
		out = append(out, wrapMarkdown(mdDetail(d), indent+"- ", indent+"  ")...)
	}
	return out
}

func mdNextStep(m *markdown, n nextStep) {
	m.heading(3, mdText(n.question))
	switch n.kind {
	case checklist.KindCounts, checklist.KindPerArea, checklist.KindList:
		if len(n.entries) == 0 {
			m.para("Not answered yet.")
			break
		}
		entries := make([]string, len(n.entries))
		for i, e := range n.entries {
			if n.kind == checklist.KindList {
				entries[i] = mdText(e.value) // a list's entries have no names
			} else {
				entries[i] = mdDetail(e)
			}
		}
		m.list(entries)
	case checklist.KindText:
		if n.text == "" {
			m.para("Not answered yet.")
		} else {
			m.raw(wrapLines(mdLines(n.text), "", ""))
		}
	case checklist.KindPlan:
		mdSteps(m, n.steps)
	}
	if !n.due.IsZero() {
		m.para(field("Due", n.due.String()))
	}
}

func mdSteps(m *markdown, steps []reportStep) {
	if len(steps) == 0 {
		m.para("No steps yet.")
		return
	}
	entries := make([]string, len(steps))
	for i, s := range steps {
		text := mdText(s.text)
		if text == "" {
			text = "(no description)"
		}
		e := fmt.Sprintf("**%s:** %s.", s.when(), strings.TrimRight(text, "."))
		if s.owner != "" {
			e += " Owner: " + mdText(s.owner) + "."
		}
		e += " Status: " + s.status + "."
		if s.carried != "" {
			e += " Carried on: " + mdText(s.carried) + "."
		}
		if s.from != "" {
			e += " Recommendation: " + mdText(s.from)
		}
		entries[i] = e
	}
	m.list(entries)
}

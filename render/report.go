package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// A report is a plan for people who will not open the YAML: a board, a
// monthly check-in, a pull request. It has the review's details, a table
// of rating counts per area, every item in checklist order with its
// rating and whatever the review said about it (action, owner, due date,
// status, notes), the answers to the follow-up questions, and the project
// plan in due-date order. Only what was said is printed: an item nobody
// has looked at yet is one line, so a 21-item plan fits on two pages.
//
// Ratings are shown as a mark and a word ("■ Red"), never colour alone.
// Open actions due before today are marked overdue; the report says which
// day it counted from, so the same plan and the same today always give the
// same bytes.
//
// What a report says is decided once, by buildReport, as a reportDoc; each
// format (Markdown today) only lays it out.

// ReportMarkdown returns a plan's report as a Markdown document that keeps
// to markdownlint's default rules.
func ReportMarkdown(p *plans.Plan, today plans.Date) []byte {
	return writeReportMarkdown(buildReport(p, today))
}

// reportDoc is what a plan report says, before it is laid out.
type reportDoc struct {
	title   string
	details []detail // the review's details
	// levels heads the summary's count columns: each level's label, then
	// "○ Unrated"; a last column holds the number of items.
	levels    []string
	summary   []summaryRow // one per area, then the total
	areas     []reportArea
	nextSteps []nextStep // empty when the checklist asks none
	credits   []string   // sentences that credit the checklist's source
}

// detail is one named value: "Owner: Ana". An empty value was not given.
type detail struct {
	name, value string
	// more are facts about the value, shown after it: an action's owner,
	// due date and status.
	more []detail
	// multiline marks free text whose line breaks are kept (notes).
	multiline bool
	// overdue marks a due date that has passed with the action open.
	overdue bool
}

type summaryRow struct {
	area   string
	counts []int // by level, unrated, then the number of items
	total  bool  // the row for the whole plan
}

type reportArea struct {
	title  string
	groups []reportGroup
}

// reportGroup is a run of an area's items under one heading (or none).
type reportGroup struct {
	title string
	items []reportItem
}

type reportItem struct {
	title   string
	rating  string // the mark and word: "■ Red"
	details []detail
}

// nextStep is one follow-up question and its answer, in the shape its
// kind asks for.
type nextStep struct {
	question string
	kind     checklist.FollowUpKind
	// entries holds a list answer (values only), a per-area answer or the
	// counts (named by area).
	entries []detail
	text    string // a text answer
	steps   []reportStep
	due     plans.Date
}

// reportStep is a project-plan step, in due-date order.
type reportStep struct {
	due     plans.Date
	overdue bool
	text    string
	owner   string
	status  string
	from    string // the title of the item it came from
}

func buildReport(p *plans.Plan, today plans.Date) reportDoc {
	c := p.Checklist
	title := p.Title
	if title == "" {
		title = c.Title
	}
	doc := reportDoc{title: title}
	doc.details = said(
		detail{name: "Organisation", value: p.Organisation},
		detail{name: "Date of review", value: p.Date.String()},
		detail{name: "Facilitator", value: p.Facilitator},
		detail{name: "Participants", value: strings.Join(p.Participants, ", ")},
		detail{name: "Checklist", value: c.Title + ", version " + c.Version},
		detail{name: "Overdue actions on " + today.String(), value: strconv.Itoa(len(p.Overdue(today)))},
	)
	doc.levels, doc.summary = reportSummary(p)
	for ai := range c.Areas {
		doc.areas = append(doc.areas, reportAreaOf(p, &c.Areas[ai], today))
	}
	for _, f := range c.FollowUps {
		doc.nextSteps = append(doc.nextSteps, reportNextStep(p, f, today))
	}
	if c.Source != "" {
		doc.credits = append(doc.credits, "Checklist: "+c.Source+".")
	}
	if c.Licence != "" {
		doc.credits = append(doc.credits, c.Licence)
	}
	doc.credits = append(doc.credits, "Made with ladder from the plan file; edit the plan, not this report.")
	return doc
}

func reportSummary(p *plans.Plan) (levels []string, rows []summaryRow) {
	c := p.Checklist
	for i := range c.Scale {
		levels = append(levels, plans.Label(c, c.Scale[i].Key))
	}
	levels = append(levels, plans.MarkUnrated+" Unrated")
	row := func(name string, n plans.Counts, total bool) summaryRow {
		return summaryRow{area: name, counts: append(slices.Clone(n.ByLevel), n.Unrated, n.Total()), total: total}
	}
	perArea, total := p.Counts()
	for _, ac := range perArea {
		rows = append(rows, row(ac.Area.Title, ac.Counts, false))
	}
	return levels, append(rows, row("Total", total, true))
}

func reportAreaOf(p *plans.Plan, a *checklist.Area, today plans.Date) reportArea {
	c := p.Checklist
	ra := reportArea{title: a.Title}
	for i := range a.Items {
		it := &a.Items[i]
		if len(ra.groups) == 0 || ra.groups[len(ra.groups)-1].title != it.Group {
			ra.groups = append(ra.groups, reportGroup{title: it.Group})
		}
		g := &ra.groups[len(ra.groups)-1]
		g.items = append(g.items, reportItem{title: it.Title, rating: plans.Label(c, p.Items[it.ID].Rating), details: itemDetails(p, it, today)})
	}
	return ra
}

// itemDetails is what the review said about an item: its action with
// the action's owner, due date and status, or (with no action) whatever
// owner, date or status was set on its own, then its notes. A due date is
// overdue when the item has an open action (an item with no action has
// nothing to be late with, as in Plan.Overdue).
func itemDetails(p *plans.Plan, it *checklist.Item, today plans.Date) []detail {
	r := p.Items[it.ID]
	due := detail{name: "Due"}
	if !r.Due.IsZero() {
		due.value = r.Due.String()
		due.overdue = r.Action != "" && r.Status.Open() && r.Due.Before(today)
	}
	owner := detail{name: "Owner", value: r.Owner}
	status := detail{name: "Status", value: statusWord(r.Status)}
	notes := detail{name: "Notes", value: r.Notes, multiline: true}
	if r.Action != "" {
		return said(detail{name: "Action", value: r.Action, more: said(owner, due, status)}, notes)
	}
	if r.Status == plans.StatusTodo {
		status.value = "" // to do, with nothing to do, says nothing
	}
	return said(owner, due, status, notes)
}

// said keeps the details that have a value.
func said(details ...detail) []detail {
	out := details[:0]
	for _, d := range details {
		if strings.TrimSpace(d.value) != "" {
			out = append(out, d)
		}
	}
	return out
}

func reportNextStep(p *plans.Plan, f checklist.FollowUp, today plans.Date) nextStep {
	c := p.Checklist
	a := p.FollowUps[f.ID]
	n := nextStep{question: f.Question, kind: f.Kind, due: a.Due}
	switch f.Kind {
	case checklist.KindCounts:
		perArea, _ := p.Counts()
		for _, ac := range perArea {
			n.entries = append(n.entries, detail{name: ac.Area.Title, value: countsInWords(c, ac.Counts)})
		}
	case checklist.KindList:
		for _, s := range a.List {
			n.entries = append(n.entries, detail{value: s})
		}
	case checklist.KindPerArea:
		for _, area := range c.Areas {
			n.entries = append(n.entries, detail{name: area.Title, value: a.ByArea[area.ID]})
		}
		n.entries = said(n.entries...)
	case checklist.KindText:
		n.text = a.Text
	case checklist.KindPlan:
		n.steps = reportSteps(c, a.Steps, today)
	}
	return n
}

// countsInWords is "1 Red, 2 Amber, 0 Green, 1 unrated".
func countsInWords(c *checklist.Checklist, n plans.Counts) string {
	var parts []string
	for i, l := range c.Scale {
		parts = append(parts, fmt.Sprintf("%d %s", n.ByLevel[i], l.Label))
	}
	return strings.Join(append(parts, fmt.Sprintf("%d unrated", n.Unrated)), ", ")
}

// reportSteps orders the steps by due date (undated last, then in the
// order the team wrote them), marking late ones.
func reportSteps(c *checklist.Checklist, steps []plans.Step, today plans.Date) []reportStep {
	sorted := slices.Clone(steps)
	slices.SortStableFunc(sorted, func(a, b plans.Step) int { return a.Due.Compare(b.Due) })
	out := make([]reportStep, 0, len(sorted))
	for _, s := range sorted {
		rs := reportStep{due: s.Due, text: s.Text, owner: s.Owner, status: statusWord(s.Status)}
		rs.overdue = !s.Due.IsZero() && s.Status.Open() && s.Due.Before(today)
		if it, _, ok := c.Item(s.From); ok {
			rs.from = it.Title
		}
		out = append(out, rs)
	}
	return out
}

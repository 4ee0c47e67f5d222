package plans

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// Report returns a plan as a Markdown document for people who will not
// open the YAML: a board, a monthly check-in, a pull request. It has the
// review's details, a table of rating counts per area, every item in
// checklist order with its rating, action, owner, due date, status and
// notes, the answers to the follow-up questions, and the project plan in
// due-date order.
//
// Ratings are shown as a mark and a word ("■ Red"), never colour alone.
// Open actions due before today are marked overdue; the report says which
// day it counted from, so the same plan and the same today always give the
// same bytes.
func Report(p *Plan, today Date) []byte {
	r := reporter{p: p, c: p.Checklist, today: today}
	r.header()
	r.summary()
	for ai := range r.c.Areas {
		r.area(&r.c.Areas[ai])
	}
	r.followUps()
	r.source()
	return r.md.bytes()
}

type reporter struct {
	md    markdown
	p     *Plan
	c     *checklist.Checklist
	today Date
}

func (r *reporter) header() {
	p := r.p
	title := p.Title
	if title == "" {
		title = r.c.Title
	}
	r.md.heading(1, mdText(title))
	participants := make([]string, len(p.Participants))
	for i, s := range p.Participants {
		participants[i] = mdText(s)
	}
	overdue := len(p.Overdue(r.today))
	r.md.list([]string{
		field("Organisation", mdText(p.Organisation)),
		field("Date of review", p.Date.String()),
		field("Facilitator", mdText(p.Facilitator)),
		field("Participants", strings.Join(participants, ", ")),
		field("Checklist", mdText(r.c.Title)+", version "+mdText(r.c.Version)),
		field("Overdue actions on "+r.today.String(), strconv.Itoa(overdue)),
	})
}

// field is "**Name:** value", or "not set" for an empty value.
func field(name, value string) string {
	if value == "" {
		value = "not set"
	}
	return "**" + name + ":** " + value
}

func (r *reporter) summary() {
	r.md.heading(2, "Summary")
	perArea, total := r.p.Counts()
	header := []string{"Area"}
	right := []bool{false}
	for i := range r.c.Scale {
		header = append(header, mdText(Label(r.c, r.c.Scale[i].Key)))
		right = append(right, true)
	}
	header = append(header, MarkUnrated+" Unrated", "Items")
	right = append(right, true, true)
	row := func(name string, c Counts, bold bool) []string {
		cells := []string{name}
		for _, n := range append(slices.Clone(c.ByLevel), c.Unrated, c.Total()) {
			cells = append(cells, strconv.Itoa(n))
		}
		if bold {
			for i := range cells {
				cells[i] = "**" + cells[i] + "**"
			}
		}
		return cells
	}
	var rows [][]string
	for _, ac := range perArea {
		rows = append(rows, row(mdText(ac.Area.Title), ac.Counts, false))
	}
	rows = append(rows, row("Total", total, true))
	r.md.table(header, right, rows)
}

func (r *reporter) area(a *checklist.Area) {
	r.md.heading(2, mdText(a.Title))
	group := ""
	var entries [][]string
	flush := func() {
		if len(entries) > 0 {
			r.md.block()
			for i, e := range entries {
				if i > 0 {
					r.md.b.WriteByte('\n')
				}
				r.md.lines(e)
			}
			entries = nil
		}
	}
	for i := range a.Items {
		it := &a.Items[i]
		if it.Group != group {
			flush()
			group = it.Group
			if group != "" {
				r.md.heading(3, mdText(group))
			}
		}
		entries = append(entries, r.item(len(entries)+1, it))
	}
	flush()
}

// item is one entry of an area's (or group's) numbered list: the
// recommendation, then its details as a nested list. Each list counts from
// 1, as Markdown linters expect (MD029).
func (r *reporter) item(n int, it *checklist.Item) []string {
	resp := r.p.Items[it.ID]
	num := strconv.Itoa(n) + ". "
	indent := strings.Repeat(" ", len(num))
	out := wrapMarkdown(mdText(it.Title), num, indent)
	out = append(out, "")
	details := []string{
		field("Rating", mdText(Label(r.c, resp.Rating))),
		field("Action", mdText(resp.Action)),
		field("Owner", mdText(resp.Owner)),
		field("Due", r.due(resp.Due, resp.Status, resp.Action != "")),
		field("Status", statusWord(resp.Status)),
	}
	for _, d := range details {
		out = append(out, wrapMarkdown(d, indent+"- ", indent+"  ")...)
	}
	notes := mdLines(resp.Notes)
	if len(notes) == 0 {
		out = append(out, wrapMarkdown(field("Notes", ""), indent+"- ", indent+"  ")...)
	} else {
		notes[0] = field("Notes", notes[0])
		out = append(out, wrapLines(notes, indent+"- ", indent+"  ")...)
	}
	return out
}

// due shows a due date, marked when the action is open and late (an item
// with no action has nothing to be late with, as in Plan.Overdue).
func (r *reporter) due(d Date, s Status, hasAction bool) string {
	if d.IsZero() {
		return ""
	}
	if hasAction && s.Open() && d.Before(r.today) {
		return d.String() + " (**overdue**)"
	}
	return d.String()
}

// statusWord is how a status reads in a sentence.
func statusWord(s Status) string {
	if s == StatusTodo {
		return "to do"
	}
	return string(s)
}

func (r *reporter) followUps() {
	if len(r.c.FollowUps) == 0 {
		return
	}
	r.md.heading(2, "Next steps")
	for _, f := range r.c.FollowUps {
		a := r.p.FollowUps[f.ID]
		r.md.heading(3, mdText(f.Question))
		switch f.Kind {
		case checklist.KindCounts:
			r.countsAnswer()
		case checklist.KindList:
			var entries []string
			for _, s := range a.List {
				entries = append(entries, mdText(s))
			}
			r.listOrNone(entries)
		case checklist.KindPerArea:
			var entries []string
			for _, area := range r.c.Areas {
				entries = append(entries, field(mdText(area.Title), mdText(a.ByArea[area.ID])))
			}
			r.md.list(entries)
		case checklist.KindText:
			if a.Text == "" {
				r.md.para("Not answered yet.")
			} else {
				r.md.raw(wrapLines(mdLines(a.Text), "", ""))
			}
		case checklist.KindPlan:
			r.projectPlan(a.Steps)
		}
		if !a.Due.IsZero() {
			r.md.para(field("Due", a.Due.String()))
		}
	}
}

func (r *reporter) listOrNone(entries []string) {
	if len(entries) == 0 {
		r.md.para("Not answered yet.")
		return
	}
	r.md.list(entries)
}

// countsAnswer answers "how many did you get in each area" in words.
func (r *reporter) countsAnswer() {
	perArea, _ := r.p.Counts()
	var entries []string
	for _, ac := range perArea {
		entries = append(entries, field(mdText(ac.Area.Title), mdText(countsInWords(r.c, ac.Counts))))
	}
	r.md.list(entries)
}

// countsInWords is "1 Red, 2 Amber, 0 Green, 1 unrated".
func countsInWords(c *checklist.Checklist, n Counts) string {
	var parts []string
	for i, l := range c.Scale {
		parts = append(parts, fmt.Sprintf("%d %s", n.ByLevel[i], l.Label))
	}
	return strings.Join(append(parts, fmt.Sprintf("%d unrated", n.Unrated)), ", ")
}

// projectPlan lists the steps by due date (undated last, then in the order
// the team wrote them), marking late ones.
func (r *reporter) projectPlan(steps []Step) {
	if len(steps) == 0 {
		r.md.para("No steps yet.")
		return
	}
	sorted := slices.Clone(steps)
	slices.SortStableFunc(sorted, func(a, b Step) int { return a.Due.Compare(b.Due) })
	var entries []string
	for _, s := range sorted {
		when := "No due date"
		if !s.Due.IsZero() {
			when = "Due " + s.Due.String()
			if s.Status.Open() && s.Due.Before(r.today) {
				when += ", overdue"
			}
		}
		text := mdText(s.Text)
		if text == "" {
			text = "(no description)"
		}
		e := fmt.Sprintf("**%s:** %s. Owner: %s. Status: %s.", when, strings.TrimRight(text, "."), orNotSet(mdText(s.Owner)), statusWord(s.Status))
		if it, _, ok := r.c.Item(s.From); ok {
			e += " From: " + mdText(it.Title)
		}
		entries = append(entries, e)
	}
	r.md.list(entries)
}

func orNotSet(s string) string {
	if s == "" {
		return "not set"
	}
	return s
}

// source credits the checklist's wording, as its licence asks.
func (r *reporter) source() {
	var parts []string
	if r.c.Source != "" {
		parts = append(parts, "Checklist: "+mdText(r.c.Source)+".")
	}
	if r.c.Licence != "" {
		parts = append(parts, mdText(r.c.Licence))
	}
	parts = append(parts, "Made with ladder from the plan file; edit the plan, not this report.")
	r.md.heading(2, "Source")
	r.md.para(strings.Join(parts, " "))
}

package render

import (
	"fmt"
	"slices"
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
// has looked at yet is one line, so a 21-item plan fits on two pages,
// before the source's advice on its Red items (report_advice.go).
//
// Ratings are shown as a mark and a word ("■ Red"), never colour alone.
// Open actions due before today are marked overdue; the report says which
// day it counted from, so the same plan and the same today always give the
// same bytes.
//
// What a report says is decided once, by buildReport, as a reportDoc; each
// format (Markdown, HTML, CSV) only lays it out.

// ReportMarkdown returns a plan's report as a Markdown document that keeps
// to markdownlint's default rules.
func ReportMarkdown(p *plans.Plan, today plans.Date, opts ...ReportOption) []byte {
	return writeReportMarkdown(buildReport(p, today, opts...))
}

// reportDoc is what a plan report says, before it is laid out.
type reportDoc struct {
	title        string
	organisation string   // also among the details; the page's tab names it
	details      []detail // the review's details
	// levels heads the summary's count columns: each level's label, then
	// "○ Unrated"; a last column holds the number of items.
	levels    []string
	scale     []reportRating // the same levels, as mark and word
	summary   []summaryRow   // one per area, then the total
	areas     []reportArea
	nextSteps []nextStep // empty when the checklist asks none
	// advice is the guidance on the items at the scale's worst level
	// (report_advice.go).
	advice  adviceDoc
	credits []string // sentences that credit the checklist's source
	// workforce is the plan's workforce data, when it has a data file
	// (workforce.go); nil otherwise.
	workforce *workforceDoc
	// carriedOn: the plan names a previous review, and the report marks
	// what came from it (report_carried.go).
	carriedOn bool
	// today is the day overdue is counted from.
	today plans.Date
	// notCarried is what the previous review had open that this plan did
	// not carry on, and notCarriedFrom names that review (notCarriedOn).
	notCarried     []htmlCarried
	notCarriedFrom string
}

// detail is one named value: "Owner: Ana". An empty value was not given.
type detail struct {
	name, value string
	// more are facts about the value, shown after it: an action's owner,
	// due date and status.
	more []detail
	// multiline marks free text whose line breaks are kept (notes).
	multiline bool
	// names are the value's names, when it lists people: a page draws
	// each apart, so that two written right to left keep their order.
	names []string
	// overdue marks a due date that has passed with the action open;
	// handedOn marks one that has, in a plan whose open actions were
	// handed on to the next review, which chases them (see handsOn).
	overdue, handedOn bool
}

type summaryRow struct {
	area   string
	short  string // the area in a few words, for a table too narrow for its title
	counts []int  // by level, unrated, then the number of items
	total  bool   // the row for the whole plan
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
	// answer is what details says, field by field, for the formats that
	// give each field a column of its own (the HTML table, CSV).
	answer itemAnswer
}

// itemAnswer is an item's response in the words every format uses.
type itemAnswer struct {
	id     string
	area   string // the area's title
	rating reportRating
	action string
	owner  string
	due    detail // its value and whether it is overdue, as in details
	status string // "to do", "doing", "done"
	notes  string
	// votes is the room's spread, one count per level then "not sure";
	// nil when the item was not voted on from phones.
	votes []voteCount
	// revisit marks an item flagged to come back to (plans.Response's
	// Revisit): the HTML report marks its row and lists it; the text and
	// Markdown reports say it among the item's details.
	revisit bool
	// carried says how the action came from the earlier reviews, after
	// "Carried on" (carriedWords); carriedSince is the date of the first
	// of them, for CSV. Both "" for an action not carried on.
	carried, carriedSince string
}

// reportRating is a rating as a level of the scale: its mark and word.
type reportRating struct {
	level  int // index in the scale, worst first; -1 when unrated
	levels int // how many levels the scale has
	mark   string
	word   string
}

// voteCount is how many in the room chose one level (or were not sure).
type voteCount struct {
	level int // as in reportRating; -1 for "not sure"
	mark  string
	word  string
	n     int
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
	// handedOn: past its date, in a plan handed on (see detail).
	handedOn bool
	text     string
	owner    string
	status   string
	from     string // the title of the item it came from
	carried  string // as itemAnswer's
}

// when is a step's date as the Markdown and text reports head it: "Due
// 2026-10-31, overdue", "No due date".
func (s reportStep) when() string {
	if s.due.IsZero() {
		return "No due date"
	}
	when := "Due " + s.due.String()
	switch {
	case s.overdue:
		when += ", overdue"
	case s.handedOn:
		when += ", " + handedOnWords
	}
	return when
}

func buildReport(p *plans.Plan, today plans.Date, opts ...ReportOption) reportDoc {
	c := p.Checklist
	x := extrasOf(opts)
	title := p.Title
	if title == "" {
		title = c.Title
	}
	doc := reportDoc{title: title, organisation: p.Organisation, carriedOn: x.carriedOn(p), today: today}
	doc.levels, doc.summary = reportSummary(p)
	doc.scale = scaleOf(c)
	handedOn := x.handsOn(p)
	for ai := range c.Areas {
		doc.areas = append(doc.areas, reportAreaOf(p, &c.Areas[ai], today, handedOn, x.earlier))
	}
	doc.advice = worstAdvice(p)
	for _, f := range c.FollowUps {
		doc.nextSteps = append(doc.nextSteps, reportNextStep(p, f, today, handedOn, x.earlier))
	}
	var carriedFrom, since, carriedCount, notCarried detail
	if doc.carriedOn {
		carriedFrom = carriedFromDetail(p, x.earlier)
		if len(x.earlier) > 0 {
			since = sinceLastReviewDetail(p, x.earlier[0].Plan)
			carriedCount = carriedCountDetail(doc)
			doc.notCarried, doc.notCarriedFrom = notCarriedOn(p, x.earlier[0].Plan)
			notCarried = notCarriedDetail(doc)
		}
	}
	doc.details = said(
		detail{name: "Organisation", value: p.Organisation},
		detail{name: "Date of review", value: p.Date.String()},
		carriedFrom,
		since,
		carriedCount,
		notCarried,
		carriedToDetail(p, x),
		detail{name: "Facilitator", value: p.Facilitator},
		detail{name: "Participants", value: strings.Join(p.Participants, ", "), names: p.Participants},
		detail{name: "Checklist", value: c.Title + ", version " + c.Version},
		overdueDetail(p, today, handedOn),
	)
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
	row := func(name, short string, n plans.Counts, total bool) summaryRow {
		return summaryRow{area: name, short: short, counts: append(slices.Clone(n.ByLevel), n.Unrated, n.Total()), total: total}
	}
	perArea, total := p.Counts()
	for _, ac := range perArea {
		rows = append(rows, row(ac.Area.Title, ac.Area.ShortTitle(), ac.Counts, false))
	}
	return levels, append(rows, row("Total", "Total", total, true))
}

func reportAreaOf(p *plans.Plan, a *checklist.Area, today plans.Date, handedOn bool, earlier []plans.EarlierReview) reportArea {
	ra := reportArea{title: a.Title}
	for i := range a.Items {
		it := &a.Items[i]
		if len(ra.groups) == 0 || ra.groups[len(ra.groups)-1].title != it.Group {
			ra.groups = append(ra.groups, reportGroup{title: it.Group})
		}
		g := &ra.groups[len(ra.groups)-1]
		ans := itemAnswerOf(p, a, it, today, handedOn)
		if ans.action != "" {
			since := plans.ActionCarried(earlier, it.ID, ans.action)
			ans.carried, ans.carriedSince = carriedWords(since), carriedSinceDate(since)
		}
		g.items = append(g.items, reportItem{title: itemTitle(it), rating: ans.rating.mark + " " + ans.rating.word, details: itemDetails(ans), answer: ans})
	}
	return ra
}

// itemTitle is an item's recommendation as the report gives it: its
// title, and when the title ends in a colon ("Reassure them that the data
// will:"), the prompts it goes on in, joined into its sentence, for without
// them a reader would not know what was rated.
func itemTitle(it *checklist.Item) string {
	if !it.LeadsIn() {
		return it.Title
	}
	parts := make([]string, len(it.Prompts))
	for i, p := range it.Prompts {
		parts[i] = strings.TrimRight(strings.TrimSpace(p), ".;")
	}
	return it.Title + " " + strings.Join(parts, "; ") + "."
}

// itemDetails is what the review said about an item: its action with
// the action's owner, due date and status, or (with no action) whatever
// owner or date was set on its own, then the room's votes and its notes.
func itemDetails(ans itemAnswer) []detail {
	owner := detail{name: "Owner", value: ans.owner}
	status := detail{name: "Status", value: ans.statusSaid()}
	var votes detail
	if ans.votes != nil {
		votes = detail{name: "Room's votes", value: votesInWords(ans.votes)}
	}
	notes := detail{name: "Notes", value: ans.notes, multiline: true}
	var revisit detail
	if ans.revisit {
		revisit = detail{name: "Revisit", value: "flagged to come back to"}
	}
	if ans.action != "" {
		carried := detail{name: "Carried on", value: ans.carried}
		return said(revisit, detail{name: "Action", value: ans.action, more: said(owner, ans.due, status, carried)}, votes, notes)
	}
	return said(revisit, owner, ans.due, status, votes, notes)
}

// statusSaid is the item's status, or "" for an item with no action:
// to do (itemAnswerOf reads it so), with nothing to do, says nothing.
func (ans itemAnswer) statusSaid() string {
	if ans.action == "" {
		return ""
	}
	return ans.status
}

// itemAnswerOf is what the review said about an item. A due date is
// overdue when the item has an open action (an item with no action has
// nothing to be late with, as in Plan.Overdue), handed on instead when
// the plan handed its open actions on (handedOn).
func itemAnswerOf(p *plans.Plan, a *checklist.Area, it *checklist.Item, today plans.Date, handedOn bool) itemAnswer {
	c := p.Checklist
	r := p.Items[it.ID]
	ans := itemAnswer{
		id: it.ID, area: a.Title,
		rating: reportRating{level: -1, levels: len(c.Scale), mark: plans.MarkUnrated, word: "Unrated"},
		action: r.Action, owner: r.Owner, due: detail{name: "Due"}, status: statusWord(r.Status), notes: r.Notes,
		revisit: r.Revisit,
	}
	if r.Action == "" {
		// The status belongs to the action (review.EditAction): one left
		// beside no action by a hand edit means nothing, as in diff and
		// status, and is read as to do.
		ans.status = statusWord(plans.StatusTodo)
	}
	if l, i, ok := c.Level(r.Rating); ok {
		ans.rating = reportRating{level: i, levels: len(c.Scale), mark: plans.MarkAt(i, len(c.Scale)), word: l.Label}
	}
	if !r.Due.IsZero() {
		ans.due.value = r.Due.String()
		late := r.Action != "" && r.Status.Open() && r.Due.Before(today)
		ans.due.overdue, ans.due.handedOn = late && !handedOn, late && handedOn
	}
	if r.Votes != nil {
		for i, l := range c.Scale {
			ans.votes = append(ans.votes, voteCount{level: i, mark: plans.MarkAt(i, len(c.Scale)), word: l.Label, n: r.Votes.Levels[l.Key]})
		}
		ans.votes = append(ans.votes, voteCount{level: -1, mark: plans.MarkUnsure, word: "not sure", n: r.Votes.Unsure})
	}
	return ans
}

// votesInWords is "■ Red 1, ▲ Amber 5, ● Green 2, not sure 0".
func votesInWords(votes []voteCount) string {
	parts := make([]string, len(votes))
	for i, v := range votes {
		if v.level < 0 {
			parts[i] = fmt.Sprintf("%s %d", v.word, v.n)
		} else {
			parts[i] = fmt.Sprintf("%s %s %d", v.mark, v.word, v.n)
		}
	}
	return strings.Join(parts, ", ")
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

func reportNextStep(p *plans.Plan, f checklist.FollowUp, today plans.Date, handedOn bool, earlier []plans.EarlierReview) nextStep {
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
		n.steps = reportSteps(c, a.Steps, today, handedOn, earlier, f.ID)
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
// order the team wrote them), marking late ones, and those that came
// down the same follow-up of the earlier reviews (plans.StepCarried).
func reportSteps(c *checklist.Checklist, steps []plans.Step, today plans.Date, handedOn bool, earlier []plans.EarlierReview, followUpID string) []reportStep {
	sorted := slices.Clone(steps)
	slices.SortStableFunc(sorted, func(a, b plans.Step) int { return a.Due.Compare(b.Due) })
	out := make([]reportStep, 0, len(sorted))
	for _, s := range sorted {
		rs := reportStep{due: s.Due, text: s.Text, owner: s.Owner, status: statusWord(s.Status), carried: carriedWords(plans.StepCarried(earlier, followUpID, s))}
		// A step with no words is nothing to chase (Step.Open), so never
		// late: the count at the top leaves it out, as Plan.Overdue does.
		late := !s.Due.IsZero() && s.Open() && s.Due.Before(today)
		rs.overdue, rs.handedOn = late && !handedOn, late && handedOn
		if it, _, ok := c.Item(s.From); ok {
			rs.from = it.Title
		}
		out = append(out, rs)
	}
	return out
}

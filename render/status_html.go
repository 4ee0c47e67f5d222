package render

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/plans"
)

// The status page (ladder status --format html) is the monthly "what do
// we chase" list for the manager and the board, who open an attachment
// rather than a terminal. It is the text list's model (statusList: the
// same groups, order, intro, totals and next reviews) laid out with the
// HTML report's stylesheet and a few rules of its own, so the two pages
// look alike. Like the text, it is written group by group as the list is
// walked (a folder's list may be in a temporary file): the template is a
// set of pieces, each executed by html/template, which escapes every text
// from a plan. A late action is a shape, a word and a colour
// ("⚠ 12 days late" in red), as on the screens.

//go:embed status_html.tmpl
var statusHTMLSource string

// statusStylesheet is what the status page adds to report_html.css: both
// go in its one <style>, the report's first.
//
//go:embed status_html.css
var statusStylesheet string

// statusHTMLTemplate is parsed on first use: most runs never write HTML.
var statusHTMLTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("status").Funcs(styleFuncs(reportStylesheet + statusStylesheet)).Parse(statusHTMLSource))
})

// StatusHTML renders the list as one self-contained web page.
func StatusHTML(l *StatusList, dir string) ([]byte, error) {
	var b bytes.Buffer
	err := WriteStatusHTML(&b, l, dir)
	return b.Bytes(), err
}

// WriteStatusHTML writes the page StatusHTML returns to w as it goes. The
// same list and day always give the same bytes.
func WriteStatusHTML(w io.Writer, l *StatusList, dir string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	p := &htmlPieces{w: bw, t: statusHTMLTemplate()}
	if err := writeStatusHTML(p, newStatusList(l, dir)); err != nil {
		return err
	}
	return bw.Flush()
}

// htmlPieces writes a page one template piece at a time.
type htmlPieces struct {
	w   *bufio.Writer
	t   *template.Template
	buf bytes.Buffer
}

func (p *htmlPieces) write(name string, data any) error {
	p.buf.Reset()
	if err := p.t.ExecuteTemplate(&p.buf, name, data); err != nil {
		// The template is fixed and its data plain values: an error here
		// is a bug in this package, not in the plan.
		panic(fmt.Sprintf("render: the status page's template %q failed: %v", name, err))
	}
	_, err := p.w.Write(inertHTML(p.buf.Bytes()))
	return err
}

type statusHTMLHead struct {
	Today, TabTitle, Intro string
	// Lone names the one plan holding every open action (see
	// sayLonePlan), in its parts; nil when the rows name their plans.
	Lone []namePart
}

type statusHTMLGroup struct {
	ID, Summary string
	// Title is the group's name: an owner's, a plan's in its parts, or
	// the list's own ("Overdue").
	Title   []namePart
	Overdue bool // the "Overdue" group of a list by due date
	Columns []statusHTMLColumn
}

type statusHTMLColumn struct{ Name, Class string }

// statusHTMLRow is an action's cells. The owner or the plan is "" where
// the grouping leaves its column out (a cell is never empty: an action
// nobody owns says so). The row is one fixed piece of template, not a
// loop over cells: a folder's page has thousands of rows, and every
// comparison and loop in a template is a call by reflection.
type statusHTMLRow struct {
	Late                           bool
	Due, When, Owner, Action, From string
	// Plan is the plan's path, escaped, with a line break allowed after
	// each slash: a narrow column, printed, broke "plans/2026/acme.yaml"
	// as "plans/2026/acme.ya" and "ml".
	Plan template.HTML
}

// pathBreaks is path as HTML that may break after each slash (a <wbr>,
// which copies as nothing) rather than inside a name.
func pathBreaks(path string) template.HTML {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = template.HTMLEscapeString(p)
	}
	return template.HTML(strings.Join(parts, "/<wbr>"))
}

type statusHTMLTotal struct {
	Plan  []namePart
	Open  [4]int
	Names [4]string
}

type statusHTMLNextReview struct{ Path, Line string }

// totalsHeader names the totals' counts, as the text's table does.
var totalsHeader = [4]string{"Overdue", fmt.Sprintf("Next %d days", plans.SoonDays), "Later", "No date"}

func writeStatusHTML(p *htmlPieces, d statusList) error {
	today := d.o.Today.String()
	head := statusHTMLHead{Today: today, TabTitle: shorten("Open actions on "+today+" in "+d.dir, 70), Intro: d.intro()}
	if d.by != ByPlan {
		// As the text says it: once, not in a column of every row.
		lone, ok, err := d.lonePlanInfo()
		if err != nil {
			return err
		}
		if ok {
			head.Lone, d.planSaid = planNameParts(lone), true
		}
	}
	err := p.write("start", head)
	if err != nil {
		return err
	}
	if d.o.Total() > 0 {
		if err := writeStatusHTMLGroups(p, d); err != nil {
			return err
		}
		if d.by != ByPlan && !d.planSaid {
			if err := writeStatusHTMLTotals(p, d); err != nil {
				return err
			}
		}
	}
	var next []statusHTMLNextReview
	err = d.nextReviews(func(path, line string) error {
		next = append(next, statusHTMLNextReview{Path: path, Line: line}) // a line per plan carried on: few
		return nil
	})
	if err != nil {
		return err
	}
	if len(next) > 0 {
		if err := p.write("next-reviews", struct {
			Title string
			Plans []statusHTMLNextReview
		}{d.nextReviewsTitle(), next}); err != nil {
			return err
		}
	}
	if due := d.reviewsToBegin(); len(due) > 0 {
		reviews := make([]statusHTMLReviewToBegin, len(due))
		for i, r := range due {
			reviews[i] = r.html()
		}
		if err := p.write("reviews-to-begin", struct {
			Title   string
			Reviews []statusHTMLReviewToBegin
		}{d.reviewsToBeginTitle(len(due)), reviews}); err != nil {
			return err
		}
	}
	return p.write("end", struct{ Today string }{d.o.Today.String()})
}

// writeStatusHTMLGroups writes a section per group, a table row per
// action. A group's heading is written with its first action, which says
// whether it is the overdue group.
func writeStatusHTMLGroups(p *htmlPieces, d statusList) error {
	header, _ := d.columns()
	columns := make([]statusHTMLColumn, len(header))
	for i, h := range header {
		columns[i] = statusHTMLColumn{Name: h, Class: strings.ToLower(h)}
	}
	var pending *statusHTMLGroup
	groups := 0
	showOwner, showPlan := slices.Contains(header, "Owner"), slices.Contains(header, "Plan")
	err := d.each(func(title, summary string) error {
		if groups > 0 {
			if err := p.write("group-end", nil); err != nil {
				return err
			}
		}
		groups++
		pending = &statusHTMLGroup{ID: "group-" + strconv.Itoa(groups), Title: []namePart{{Text: title, Plan: d.by == ByOwner && title != noOwner}}, Summary: summary, Columns: columns}
		return nil
	}, func(a *plans.Listed) error {
		late := a.Urgency == plans.Overdue
		if pending != nil {
			pending.Overdue = late && d.by == ByDue
			if d.by == ByPlan {
				pending.Title = planNameParts(a.Plan) // the title each gave
			}
			if err := p.write("group", pending); err != nil {
				return err
			}
			pending = nil
		}
		r := d.row(a)
		row := statusHTMLRow{Late: late, Due: r.due, When: r.when}
		if a.Due.IsZero() {
			row.Due = "No due date"
		}
		if showOwner {
			row.Owner = r.owner
		}
		if showPlan {
			row.Plan = pathBreaks(r.plan)
		}
		row.Action, row.From = actionParts(a.PlanAction)
		if whole := strings.TrimSpace(a.Text); whole != "" {
			// The page has room for every line of the action, which the
			// terminal's list cuts to its first (status_html.css keeps the
			// breaks).
			row.Action = whole
		}
		return p.write("row", row)
	})
	if err != nil || groups == 0 {
		return err
	}
	return p.write("group-end", nil)
}

// writeStatusHTMLTotals writes each plan's open actions by when they are
// due, as the text's "Plans" table does: a plan carried on to its next
// review is with the next reviews instead.
func writeStatusHTMLTotals(p *htmlPieces, d statusList) error {
	if err := p.write("totals-start", struct {
		Plans  int
		Header [4]string
	}{d.o.Plans() - d.o.CarriedOn(), totalsHeader}); err != nil {
		return err
	}
	err := d.o.EachPlan(func(info plans.PlanInfo, open [4]int) error {
		if info.CarriedOnTo != "" {
			return nil
		}
		return p.write("total", statusHTMLTotal{Plan: planNameParts(info), Open: open, Names: totalsHeader})
	})
	if err != nil {
		return err
	}
	return p.write("totals-end", nil)
}

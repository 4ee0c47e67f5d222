package render

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/socialmobility/ladder/plans"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// The open actions of a folder (ladder status) are grouped by when they
// are due, by owner or by plan, and followed by each plan's totals. The
// list is a plans.Outstanding made in the grouping's order (a folder's
// actions can be more than memory should hold, so it sorts them as they
// come and writes them out past a budget); the text, Markdown and CSV
// writers walk it group by group and write as they go.

// StatusBy is how a list of open actions is grouped.
type StatusBy string

const (
	ByDue   StatusBy = "due"   // overdue, due soon, later, no due date
	ByOwner StatusBy = "owner" // one group per owner, by name
	ByPlan  StatusBy = "plan"  // one group per plan, in path order
)

// StatusList is the list of open actions status shows, made as plans
// load: a plans.Outstanding sorted as the grouping needs, and the widest
// cell of each column of the text table so far, so that the table is laid
// out in one pass over a list that may be in a temporary file. It is
// written by WriteStatusText, WriteStatusMarkdown or WriteStatusCSV, as
// often as wanted, and closed when done.
type StatusList struct {
	*plans.Outstanding
	// NotLoaded counts the plan files that did not load: their actions
	// are missing, and the list says so, so that a check-in issue read
	// away from the terminal never says "nothing open" of a broken plan.
	NotLoaded int
	by        StatusBy
	measured  struct{ due, when, owner, plan int } // the widest cell of each column
	dues      [256]dueCell                         // recent due dates' cells (see cells)
	// lastReviews are each organisation's newest plan, for the next
	// review to suggest (see reviewsToBegin).
	lastReviews map[string]*lastReview
}

// dueCell is a due date with its cells.
type dueCell struct {
	date      plans.Date
	due, when string
}

// cells is dueCells for the list's day, kept for the dates seen last: an
// action's cells are made twice (measured, then written), and thousands of
// actions share a few hundred dates. The memory is fixed, whatever the
// dates.
func (l *StatusList) cells(due plans.Date) (string, string) {
	c := &l.dues[(due.Year*37+int(due.Month)*31+due.Day)&255]
	if c.date != due || c.due == "" {
		c.date = due
		c.due, c.when = dueCells(l.Today, due)
	}
	return c.due, c.when
}

// NewStatusList starts the list of open actions status shows, grouped as
// by says.
func NewStatusList(today plans.Date, by StatusBy) *StatusList {
	g := plans.Grouping{}
	switch by {
	case ByOwner:
		g.OwnerKey = ownerKey
	case ByPlan:
		g.ByPlan = true
	default:
		by = ByDue
	}
	return &StatusList{Outstanding: plans.NewOutstanding(today, g), by: by}
}

// Add puts a plan and its open actions on the list (see
// plans.Outstanding.Add), measuring their cells.
func (l *StatusList) Add(info plans.PlanInfo, actions []plans.PlanAction) error {
	w := &l.measured
	if len(actions) > 0 {
		w.plan = max(w.plan, min(width(plain(info.Path)), widestPadded))
	}
	for i := range actions {
		due, when := l.cells(actions[i].Due)
		w.due, w.when = max(w.due, width(plain(due))), max(w.when, width(plain(when)))
		w.owner = max(w.owner, min(width(plain(ownerName(actions[i].Owner))), widestPadded))
	}
	l.noteReview(info, len(actions))
	return l.Outstanding.Add(info, actions)
}

// widestPadded is as wide as an owner or plan column grows: a longer cell
// (a name of thousands of characters, from a pull request) runs on in its
// own row rather than pad every row of the list to its width.
const widestPadded = 40

// ownerKey is who owns an action, for grouping: people type a name in
// more than one way, and "ana" and "Ana" are one owner, shown as first
// spelt. So are a name with its accents and without them ("Siân Llŷr"
// and "Sian Llyr", typed on a keyboard without ŷ), and a name with an
// invisible character pasted into it (a zero-width space): the reader
// of their own heading would miss the actions under the other. Only the
// accents of Latin, Greek and Cyrillic letters are left out
// (plans.IsAccent), with invisible characters (plans.IsInvisible), the
// rule by which the group's heading is chosen.
func ownerKey(owner string) string {
	name := ownerName(owner)
	if !isASCII(name) {
		name = strings.Map(func(r rune) rune {
			if plans.IsAccent(r) || plans.IsInvisible(r) {
				return -1
			}
			return r
		}, norm.NFD.String(name))
	}
	return strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(name), " ")))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// StatusText renders the open actions of the plans in dir for a terminal:
// one aligned table per group, each action with its due date, how late or
// near it is, its owner, its plan and what it is; then each plan's totals.
func StatusText(l *StatusList, dir string) ([]byte, error) {
	var b bytes.Buffer
	err := WriteStatusText(&b, l, dir)
	return b.Bytes(), err
}

// StatusMarkdown renders the same list as Markdown, for a monthly
// check-in issue: a heading per group, a list entry per action.
func StatusMarkdown(l *StatusList, dir string) ([]byte, error) {
	var b bytes.Buffer
	err := WriteStatusMarkdown(&b, l, dir)
	return b.Bytes(), err
}

// statusList is a list of open actions as status lays it out: grouped,
// each group with a title and a summary, then each plan's totals.
type statusList struct {
	*StatusList
	o   *plans.Outstanding
	dir string
	// planSaid is set when the list named its one plan below the intro
	// (sayLonePlan), so its actions and totals need not name it again.
	planSaid bool
}

// sayLonePlan is "All in one plan: Acme: Review 2027
// (plans/2027/acme.yaml).", the line under the intro that names the one
// plan holding every open action (see lonePlan), and marks it said, so
// that no row repeats its path in a column and no total of one plan
// repeats the intro's figures. It is "" when the list is grouped by plan
// (whose headings name it) or holds several.
func (d *statusList) sayLonePlan() (string, error) {
	if d.by == ByPlan {
		return "", nil
	}
	lone, err := d.lonePlan()
	if err != nil || lone == "" {
		return "", err
	}
	d.planSaid = true
	return "All in one plan: " + sentence(plain(lone)), nil
}

func newStatusList(l *StatusList, dir string) statusList {
	if l.by == ByOwner {
		compare := ownerOrder()
		l.OrderOwners(func(a, b *plans.OwnerGroup) int { return compare(ownerName(a.Owner), ownerName(b.Owner)) })
	}
	return statusList{StatusList: l, o: l.Outstanding, dir: dir}
}

// statusRow is one open action's cells. The column a grouping makes
// redundant (the owner, by owner; the plan, by plan) is left out when laid
// out.
type statusRow struct {
	due, when, owner, plan, action string
}

// row is the cells of an action.
func (d statusList) row(a *plans.Listed) statusRow {
	due, when := d.cells(a.Due)
	return statusRow{due: due, when: when, owner: ownerName(a.Owner), plan: a.Path, action: actionText(a.PlanAction)}
}

// widths are the widths of the columns under header: each the widest of
// its heading and its cells (as Add measured them); the action, last, is
// not padded.
func (d statusList) widths(header []string) []int {
	w := d.measured
	cells := []int{w.due, w.when, w.owner, w.plan}
	switch {
	case d.by == ByOwner && d.planSaid:
		cells = []int{w.due, w.when}
	case d.by == ByOwner:
		cells = []int{w.due, w.when, w.plan}
	case d.by == ByPlan || d.planSaid:
		cells = []int{w.due, w.when, w.owner}
	}
	out := make([]int, len(header))
	for i, h := range header {
		out[i] = width(h)
		if i < len(cells) {
			out[i] = max(out[i], cells[i])
		}
	}
	return out
}

// urgency indexes the four groups by due date.
const (
	overdue = iota
	soon
	later
	undated
)

// each calls group at the start of each group, with its title ("Overdue",
// "Ana", "Acme Café Ltd: Spring review (plans/acme.yaml)") and summary
// ("3" by due; "1 overdue, 2 later" by owner or plan), and action with each
// action in it, in order.
func (d statusList) each(group func(title, summary string) error, action func(a *plans.Listed) error) error {
	titles := [4]string{"Overdue", fmt.Sprintf("Due in the next %d days", plans.SoonDays), "Later", "No due date"}
	open, owners := d.o.Open(), d.o.Owners()
	current := -1
	return d.o.Each(func(a *plans.Listed) error {
		g := int(a.Urgency)
		switch d.by {
		case ByOwner:
			g = a.OwnerGroup
		case ByPlan:
			g = a.PlanIndex
		}
		if g != current {
			current = g
			var err error
			switch d.by {
			case ByOwner:
				err = group(ownerName(owners[g].Owner), urgencySummary(owners[g].Open))
			case ByPlan:
				err = group(planName(a.Plan), urgencySummary(a.PlanOpen))
			default:
				err = group(titles[g], fmt.Sprint(open[g]))
			}
			if err != nil {
				return err
			}
		}
		return action(a)
	})
}

// urgencySummary is "3 overdue, 2 due in the next 30 days, 1 later", with
// the undated ones only when there are some; "nothing open" for none.
func urgencySummary(n [4]int) string {
	if n == [4]int{} {
		return "nothing open"
	}
	parts := []string{
		fmt.Sprintf("%d overdue", n[overdue]),
		fmt.Sprintf("%d due in the next %d days", n[soon], plans.SoonDays),
		fmt.Sprintf("%d later", n[later]),
	}
	if n[undated] > 0 {
		parts = append(parts, fmt.Sprintf("%d with no due date", n[undated]))
	}
	return strings.Join(parts, ", ")
}

// planName is "Acme Café Ltd: Spring review (plans/acme.yaml)", or the
// path alone for a plan that says neither.
func planName(info plans.PlanInfo) string {
	var b strings.Builder
	for _, p := range planNameParts(info) {
		b.WriteString(p.Text)
	}
	return b.String()
}

// namePart is a piece of a name the list writes: text from the plan
// (Plan set), or the list's own punctuation between such texts.
type namePart struct {
	Text string
	Plan bool
}

// planNameParts is planName in its pieces, so that a page can keep each
// text from the plan apart from the others: an organisation written
// right to left must not swap places with the title or the path beside
// it.
func planNameParts(info plans.PlanInfo) []namePart {
	var parts []namePart
	for _, s := range []string{info.Organisation, info.Title} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			if len(parts) > 0 {
				parts = append(parts, namePart{Text: ": "})
			}
			parts = append(parts, namePart{Text: s, Plan: true})
		}
	}
	if len(parts) == 0 {
		return []namePart{{Text: info.Path, Plan: true}}
	}
	return append(parts, namePart{Text: " ("}, namePart{Text: info.Path, Plan: true}, namePart{Text: ")"})
}

const noOwner = "(no owner)"

// ownerName is an owner as status shows it, noOwner for an owner field
// holding nothing visible (plans.NamesNoOne): a pasted zero-width space
// names no one, and headed a group no one could read.
func ownerName(owner string) string {
	if o := oneLine(owner); !plans.NamesNoOne(o) {
		return o
	}
	return noOwner
}

// ownerOrder orders owners by name as people look names up: by the
// Unicode collation's letters, so that Đặng comes among the Ds and Émile
// beside Eve (by bytes, every letter with a mark came after Z), then by
// case and marks, with actions nobody owns last. It holds a collator,
// which is not safe for use by more than one goroutine.
func ownerOrder() func(a, b string) int {
	c := collate.New(language.Und)
	return func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == noOwner:
			return 1
		case b == noOwner:
			return -1
		}
		return cmp.Or(c.CompareString(a, b), strings.Compare(a, b))
	}
}

// dueCells gives an action's due date and how late or soon that is.
func dueCells(today, due plans.Date) (string, string) {
	if due.IsZero() {
		return "-", ""
	}
	switch n := today.DaysUntil(due); {
	case n < 0:
		return due.String(), countNoun(-n, "day") + " late"
	case n == 0:
		return due.String(), "today"
	default:
		return due.String(), "in " + countNoun(n, "day")
	}
}

// actionText is what an action is, with where it comes from. Made whole,
// it copies the words once more per row; written in parts through every
// writer, it would save status 4% of its allocations and no time this
// machine could tell (BENCHMARKS.md, "The action's text copied").
func actionText(a plans.PlanAction) string {
	text, what := actionParts(a)
	if what != "" {
		text += " [" + what + "]"
	}
	return text
}

// actionParts is what an action is and where it comes from, apart: the
// web page shows the one under the other.
func actionParts(a plans.PlanAction) (text, what string) {
	text = oneLine(a.Text)
	if text == "" {
		text = "(no description)"
	}
	return text, oneLine(a.What)
}

// columns are the row cells shown for a grouping, with their headings:
// the grouping's own column is left out, and the plan's when the list
// named its one plan (planSaid).
func (d statusList) columns() (header []string, cells func(statusRow) []string) {
	switch {
	case d.by == ByOwner && d.planSaid:
		return []string{"Due", "When", "Action"}, func(r statusRow) []string { return []string{r.due, r.when, r.action} }
	case d.by == ByOwner:
		return []string{"Due", "When", "Plan", "Action"}, func(r statusRow) []string { return []string{r.due, r.when, r.plan, r.action} }
	case d.by == ByPlan || d.planSaid:
		return []string{"Due", "When", "Owner", "Action"}, func(r statusRow) []string { return []string{r.due, r.when, r.owner, r.action} }
	}
	return []string{"Due", "When", "Owner", "Plan", "Action"}, func(r statusRow) []string {
		return []string{r.due, r.when, r.owner, r.plan, r.action}
	}
}

func (d statusList) intro() string { return d.introOn(d.o.Today.String()) }

// introOn is intro with today's date written as on says it.
func (d statusList) introOn(on string) string {
	by := ""
	if d.by == ByOwner || d.by == ByPlan {
		by = ", by " + string(d.by)
	}
	plansRead := countNoun(d.o.Plans(), "plan")
	switch n := d.o.CarriedOn(); {
	case n == 1:
		plansRead += ", 1 carried on to its next review"
	case n > 1:
		plansRead += fmt.Sprintf(", %d carried on to their next reviews", n)
	}
	intro := fmt.Sprintf("Open actions on %s in %s (%s)%s: %s.", on, plain(d.dir), plansRead, by, urgencySummary(d.o.Open()))
	if n := d.NotLoaded; n > 0 {
		them := "their actions are"
		if n == 1 {
			them = "its actions are"
		}
		intro += fmt.Sprintf(" %s did not load, so %s not in this list: ladder check %s says why.", countNoun(n, "file"), them, plain(plans.CommandPath(d.dir)))
	}
	return intro
}

// nextReviews calls fn with each plan that names a next review, in the
// order the plans were added, and one line on it: "carried on to
// plans/acme-2027.yaml" (its actions are listed under that plan), or why
// its actions are still listed here. A team reading a check-in issue
// sees where last year's actions went, and a link that leads nowhere is
// never silent.
func (d statusList) nextReviews(fn func(path, line string) error) error {
	if d.o.CarriedOn()+d.o.NextReviewProblems() == 0 {
		return nil
	}
	return d.o.EachPlan(func(info plans.PlanInfo, _ [4]int) error {
		switch {
		case info.CarriedOnTo != "":
			return fn(info.Path, "carried on to "+info.CarriedOnTo)
		case info.NextReviewProblem != "":
			return fn(info.Path, info.NextReviewProblem+", so its open actions are still listed here")
		}
		return nil
	})
}

// nextReviewsTitle heads the plans nextReviews lists.
func (d statusList) nextReviewsTitle() string {
	return fmt.Sprintf("Next reviews (%d)", d.o.CarriedOn()+d.o.NextReviewProblems())
}

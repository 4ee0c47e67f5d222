package render

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// The open actions of a folder (ladder status) are grouped by when they
// are due, by owner or by plan, and followed by each plan's totals. What
// the list says is built once as a statusDoc; the text and Markdown
// writers lay it out.

// StatusBy is how a list of open actions is grouped.
type StatusBy string

const (
	ByDue   StatusBy = "due"   // overdue, due soon, later, no due date
	ByOwner StatusBy = "owner" // one group per owner, by name
	ByPlan  StatusBy = "plan"  // one group per plan, in path order
)

// StatusText renders the open actions of the plans in dir for a terminal:
// one aligned table per group, each action with its due date, how late or
// near it is, its owner, its plan and what it is; then each plan's totals.
func StatusText(o *plans.Outstanding, dir string, by StatusBy) []byte {
	var b bytes.Buffer
	writeStatusText(&b, buildStatus(o, dir, by))
	return b.Bytes()
}

// StatusMarkdown renders the same list as Markdown, for a monthly
// check-in issue: a heading per group, a list entry per action.
func StatusMarkdown(o *plans.Outstanding, dir string, by StatusBy) []byte {
	return writeStatusMarkdown(buildStatus(o, dir, by))
}

// statusDoc is what a list of open actions says, before it is laid out.
type statusDoc struct {
	o       *plans.Outstanding
	today   plans.Date
	dir     string
	by      StatusBy
	plans   int
	summary string // "3 overdue, 2 due in the next 30 days, ..."
	groups  []statusGroup
	totals  []planTotals
}

type statusGroup struct {
	title   string // "Overdue", "Ana", "Acme Café Ltd: Spring review (plans/acme.yaml)"
	summary string // "3" by due; "1 overdue, 2 later" by owner or plan
	// actions are indexes into the Outstanding the list is made from (see
	// Outstanding.At): a folder's actions are not copied, and their cells
	// are made as they are written (see row).
	actions []int32
}

// statusRow is one open action's cells. The column a grouping makes
// redundant (the owner, by owner; the plan, by plan) is left out when laid
// out.
type statusRow struct {
	due, when, owner, plan, action string
}

// row is the cells of the action at index i.
func (d statusDoc) row(i int32) statusRow {
	a := d.o.At(i)
	due, when := dueCells(d.today, a.Due)
	return statusRow{due: due, when: when, owner: ownerName(a.Owner), plan: a.Path, action: actionText(a)}
}

// padded is the cells of the action at index i that are padded to a
// column's width: all but the action, which is not built.
func (d statusDoc) padded(i int32) statusRow {
	due, when := dueCells(d.today, d.o.DueOf(i))
	return statusRow{due: due, when: when, owner: ownerName(d.o.OwnerOf(i)), plan: d.o.PathOf(i)}
}

// planTotals is how many open actions a plan has, by when they are due.
type planTotals struct {
	info plans.PlanInfo
	n    [4]int // overdue, soon, later, undated
}

// urgency indexes the four groups by due date.
const (
	overdue = iota
	soon
	later
	undated
)

func buildStatus(o *plans.Outstanding, dir string, by StatusBy) statusDoc {
	doc := statusDoc{o: o, today: o.Today, dir: dir, by: by, plans: len(o.Plans)}
	buckets := [4][]int32{o.In(plans.Overdue), o.In(plans.DueSoon), o.In(plans.DueLater), o.In(plans.Undated)}
	totals := map[string]*planTotals{}
	for _, info := range o.Plans {
		doc.totals = append(doc.totals, planTotals{info: info})
	}
	for i := range doc.totals {
		totals[doc.totals[i].info.Path] = &doc.totals[i]
	}
	var all [4]int
	for u, actions := range buckets {
		all[u] = len(actions)
		for _, i := range actions {
			if t := totals[o.PathOf(i)]; t != nil {
				t.n[u]++
			}
		}
	}
	doc.summary = urgencySummary(all)
	if o.Total() == 0 {
		return doc
	}
	switch by {
	case ByOwner, ByPlan:
		// People type a name in more than one way: "ana" and "Ana" are one
		// owner, shown as first spelt.
		key := func(i int32) string {
			return strings.ToLower(strings.Join(strings.Fields(ownerName(o.OwnerOf(i))), " "))
		}
		if by == ByPlan {
			key = o.PathOf
		}
		index := map[string]int{}
		var counts [][4]int
		for u, actions := range buckets {
			for _, ai := range actions {
				k := key(ai)
				i, ok := index[k]
				if !ok {
					i = len(doc.groups)
					index[k] = i
					doc.groups = append(doc.groups, statusGroup{title: ownerName(o.OwnerOf(ai))})
					counts = append(counts, [4]int{})
				}
				doc.groups[i].actions = append(doc.groups[i].actions, ai)
				counts[i][u]++
			}
		}
		for i := range doc.groups {
			doc.groups[i].summary = urgencySummary(counts[i])
		}
		if by == ByPlan {
			order := map[string]int{}
			for i, info := range o.Plans {
				order[info.Path] = i
			}
			for i := range doc.groups {
				path := o.PathOf(doc.groups[i].actions[0])
				doc.groups[i].title = planName(plans.PlanInfo{Path: path})
				if t := totals[path]; t != nil {
					doc.groups[i].title = planName(t.info)
				}
			}
			slices.SortStableFunc(doc.groups, func(a, b statusGroup) int {
				return cmp.Compare(order[o.PathOf(a.actions[0])], order[o.PathOf(b.actions[0])])
			})
		} else {
			slices.SortStableFunc(doc.groups, func(a, b statusGroup) int { return compareOwners(a.title, b.title) })
		}
	default:
		titles := [4]string{"Overdue", fmt.Sprintf("Due in the next %d days", plans.SoonDays), "Later", "No due date"}
		for u, actions := range buckets {
			if len(actions) == 0 {
				continue
			}
			g := statusGroup{title: titles[u], summary: fmt.Sprint(len(actions)), actions: actions}
			doc.groups = append(doc.groups, g)
		}
	}
	return doc
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
	var parts []string
	for _, s := range []string{info.Organisation, info.Title} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return info.Path
	}
	return strings.Join(parts, ": ") + " (" + info.Path + ")"
}

const noOwner = "(no owner)"

func ownerName(owner string) string {
	if o := oneLine(owner); o != "" {
		return o
	}
	return noOwner
}

// compareOwners orders owners by name, ignoring case, with actions nobody
// owns last.
func compareOwners(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == noOwner:
		return 1
	case b == noOwner:
		return -1
	}
	return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
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

// actionText is what an action is, with where it comes from.
func actionText(a plans.PlanAction) string {
	text := oneLine(a.Text)
	if text == "" {
		text = "(no description)"
	}
	if a.What != "" {
		text += " [" + oneLine(a.What) + "]"
	}
	return text
}

// columns are the row cells shown for a grouping, with their headings:
// the grouping's own column is left out.
func (d statusDoc) columns() (header []string, cells func(statusRow) []string) {
	switch d.by {
	case ByOwner:
		return []string{"Due", "When", "Plan", "Action"}, func(r statusRow) []string { return []string{r.due, r.when, r.plan, r.action} }
	case ByPlan:
		return []string{"Due", "When", "Owner", "Action"}, func(r statusRow) []string { return []string{r.due, r.when, r.owner, r.action} }
	}
	return []string{"Due", "When", "Owner", "Plan", "Action"}, func(r statusRow) []string {
		return []string{r.due, r.when, r.owner, r.plan, r.action}
	}
}

func (d statusDoc) intro() string {
	by := ""
	if d.by == ByOwner || d.by == ByPlan {
		by = ", by " + string(d.by)
	}
	return fmt.Sprintf("Open actions on %s in %s (%s)%s: %s.", d.today, plain(d.dir), countNoun(d.plans, "plan"), by, d.summary)
}

package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// SoonDays is how far ahead "due soon" looks: the month a team plans
// its chasing for.
const SoonDays = 30

// NamedPlan is a plan with the path it was loaded from.
type NamedPlan struct {
	Path string
	Plan *Plan
}

// PlanAction is an open action together with the plan it belongs to.
type PlanAction struct {
	Path string
	Action
	// What says where the action comes from when its text does not: the
	// item's title, or "project plan step 3".
	What string
}

// Outstanding is every open action across some plans, grouped by when it
// is due relative to Today: the "what do we chase this month" list.
type Outstanding struct {
	Today   Date
	Plans   int // how many plans were looked at
	Overdue []PlanAction
	Soon    []PlanAction // due today or within SoonDays
	Later   []PlanAction
	Undated []PlanAction
}

// CollectOutstanding groups the open actions of plans (item actions and
// project-plan steps not done). Each group is ordered by due date, then
// plan path, then checklist order.
func CollectOutstanding(named []NamedPlan, today Date) *Outstanding {
	lists := make([][]PlanAction, len(named))
	for i, np := range named {
		lists[i] = PlanActions(np.Path, np.Plan)
	}
	return GroupOutstanding(lists, today)
}

// PlanActions lists a plan's open actions with where they come from. It is
// CollectOutstanding's work for one plan, for callers that load plans in
// parallel and keep only their actions.
func PlanActions(path string, p *Plan) []PlanAction {
	open := p.ActionsToChase()
	out := make([]PlanAction, len(open))
	for i, a := range open {
		out[i] = PlanAction{Path: path, Action: a, What: actionSource(p, a)}
	}
	return out
}

// GroupOutstanding groups the actions of several plans (one list per plan)
// as CollectOutstanding does.
func GroupOutstanding(lists [][]PlanAction, today Date) *Outstanding {
	o := &Outstanding{Today: today, Plans: len(lists)}
	soon := today.AddDays(SoonDays)
	for _, list := range lists {
		for _, pa := range list {
			switch {
			case pa.Due.IsZero():
				o.Undated = append(o.Undated, pa)
			case compareDates(pa.Due, today) < 0:
				o.Overdue = append(o.Overdue, pa)
			case compareDates(pa.Due, soon) <= 0:
				o.Soon = append(o.Soon, pa)
			default:
				o.Later = append(o.Later, pa)
			}
		}
	}
	for _, g := range []*[]PlanAction{&o.Overdue, &o.Soon, &o.Later, &o.Undated} {
		slices.SortStableFunc(*g, func(a, b PlanAction) int {
			if c := compareDates(a.Due, b.Due); c != 0 {
				return c
			}
			return strings.Compare(a.Path, b.Path)
		})
	}
	return o
}

// compareDates orders like Date.Compare (unset dates last) without making
// time.Times: sorting thousands of actions calls it often.
func compareDates(a, b Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Month, b.Month); c != 0 {
		return c
	}
	return cmp.Compare(a.Day, b.Day)
}

func actionSource(p *Plan, a Action) string {
	if a.ItemID != "" {
		if it, _, ok := p.Checklist.Item(a.ItemID); ok {
			return itemTitle(it)
		}
		return a.ItemID
	}
	return fmt.Sprintf("project plan step %d", a.StepID)
}

// Total is the number of open actions.
func (o *Outstanding) Total() int {
	return len(o.Overdue) + len(o.Soon) + len(o.Later) + len(o.Undated)
}

// Text renders the list for a terminal: one aligned table per group, each
// action with its due date, how late or near it is, its owner, its plan and
// what it is.
func (o *Outstanding) Text(dir string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "Open actions on %s in %s (%s): %s.\n", o.Today, dir, countNoun(o.Plans, "plan"), o.summary())
	if o.Total() == 0 {
		return []byte(b.String())
	}
	groups := []struct {
		title   string
		actions []PlanAction
	}{
		{"Overdue", o.Overdue},
		{fmt.Sprintf("Due in the next %d days", SoonDays), o.Soon},
		{"Later", o.Later},
		{"No due date", o.Undated},
	}
	// The first four columns are padded, with one set of widths for every
	// group so the groups line up; the action runs on unpadded.
	header := []string{"Due", "When", "Owner", "Plan", "Action"}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = displayWidth(h)
	}
	cells := make([][4]string, 0, o.Total())
	for _, g := range groups {
		for _, a := range g.actions {
			c := o.cells(a)
			for i, cell := range c {
				widths[i] = max(widths[i], displayWidth(cell))
			}
			cells = append(cells, c)
		}
	}
	b.Grow(len(cells) * (widths[0] + widths[1] + widths[2] + widths[3] + 160))
	row := make([]string, len(header))
	n := 0
	for _, g := range groups {
		if len(g.actions) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d)\n", g.title, len(g.actions))
		writeAligned(&b, "  ", widths, header)
		for _, a := range g.actions {
			copy(row, cells[n][:])
			row[4] = actionText(a)
			writeAligned(&b, "  ", widths, row)
			n++
		}
	}
	return []byte(b.String())
}

func (o *Outstanding) summary() string {
	if o.Total() == 0 {
		return "nothing open"
	}
	parts := []string{
		fmt.Sprintf("%d overdue", len(o.Overdue)),
		fmt.Sprintf("%d due in the next %d days", len(o.Soon), SoonDays),
		fmt.Sprintf("%d later", len(o.Later)),
	}
	if len(o.Undated) > 0 {
		parts = append(parts, fmt.Sprintf("%d with no due date", len(o.Undated)))
	}
	return strings.Join(parts, ", ")
}

// cells gives an action's due date, how late or soon that is, its owner
// and its plan.
func (o *Outstanding) cells(a PlanAction) [4]string {
	due, when := "-", ""
	if !a.Due.IsZero() {
		due = a.Due.String()
		switch n := o.Today.DaysUntil(a.Due); {
		case n < 0:
			when = countNoun(-n, "day") + " late"
		case n == 0:
			when = "today"
		default:
			when = "in " + countNoun(n, "day")
		}
	}
	owner := oneLine(a.Owner)
	if owner == "" {
		owner = "(no owner)"
	}
	return [4]string{due, when, owner, a.Path}
}

// actionText is what an action is, with where it comes from.
func actionText(a PlanAction) string {
	text := oneLine(a.Text)
	if text == "" {
		text = "(no description)"
	}
	if a.What != "" {
		text += " [" + oneLine(a.What) + "]"
	}
	return text
}

// oneLine keeps the first line of text, marking that there was more.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i]) + " …"
	}
	return s
}

// writeAligned writes cells padded to widths, with no trailing spaces: the
// last cell, and any empty cells at the end, are not padded.
func writeAligned(b *strings.Builder, indent string, widths []int, cells []string) {
	last := len(cells) - 1
	for last > 0 && cells[last] == "" {
		last--
	}
	b.WriteString(indent)
	for i, cell := range cells[:last+1] {
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString(cell)
		if i < last {
			for range widths[i] - displayWidth(cell) {
				b.WriteByte(' ')
			}
		}
	}
	b.WriteByte('\n')
}

// displayWidth is how many terminal columns s takes: East Asian wide
// characters and emoji take two, combining marks none. It is close enough
// to line up names such as 李雷 or Zoë without a dependency.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x300: // ASCII and Latin: one column, no combining marks
			n++
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200d' || (r >= '\ufe00' && r <= '\ufe0f'):
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, // Hangul Jamo
		r >= 0x2e80 && r <= 0xa4cf && r != 0x303f, // CJK ... Yi
		r >= 0xac00 && r <= 0xd7a3,                // Hangul syllables
		r >= 0xf900 && r <= 0xfaff,                // CJK compatibility ideographs
		r >= 0xfe30 && r <= 0xfe4f,                // CJK compatibility forms
		r >= 0xff00 && r <= 0xff60,                // full-width forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x1f300 && r <= 0x1f64f, // pictographs, emoticons
		r >= 0x1f680 && r <= 0x1f6ff, // transport and map symbols
		r >= 0x1f900 && r <= 0x1f9ff, // supplemental symbols
		r >= 0x1fa70 && r <= 0x1faff,
		r >= 0x20000 && r <= 0x3fffd:
		return true
	}
	return false
}

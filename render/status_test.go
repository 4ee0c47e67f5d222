package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// statusFixture is seven open actions of two plans, one of each kind of
// due date.
func statusFixture() *plans.Outstanding {
	today := day(2027, 3, 1)
	act := func(path, text, owner string, due plans.Date, what string) plans.PlanAction {
		return plans.PlanAction{Path: path, Action: plans.Action{Text: text, Owner: owner, Due: due, Status: plans.StatusTodo}, What: what}
	}
	o := plans.NewOutstanding(today)
	o.Add(plans.PlanInfo{Path: "plans/a.yaml", Organisation: "Acme Café Ltd", Title: "Spring review"}, []plans.PlanAction{
		act("plans/a.yaml", "Yesterday", "Ana", today.AddDays(-1), "Develop a clear vision for your D&I strategy"),
		act("plans/a.yaml", "Today", "李雷", today, "Strong leadership and management driving your D&I strategy"),
		act("plans/a.yaml", "In thirty days", "", today.AddDays(plans.SoonDays), "Educate senior leaders to get buy-in"),
		act("plans/a.yaml", "In thirty-one days", "Björn", today.AddDays(plans.SoonDays+1), "Cultural questions"),
		act("plans/a.yaml", "Undated", "Ana", plans.Date{}, "Business as usual"),
	})
	o.Add(plans.PlanInfo{Path: "plans/b.yaml"}, []plans.PlanAction{
		act("plans/b.yaml", "Long overdue step\nwith a second line", "", today.AddDays(-40), "project plan step 4"),
		act("plans/b.yaml", "Also yesterday", "Zoë", today.AddDays(-1), "Develop a clear vision for your D&I strategy"),
	})
	return o
}

func TestStatusText(t *testing.T) {
	o := statusFixture()
	want := `Open actions on 2027-03-01 in plans (2 plans): 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Overdue (3)
  Due         When          Owner       Plan          Action
  2027-01-20  40 days late  (no owner)  plans/b.yaml  Long overdue step … [project plan step 4]
  2027-02-28  1 day late    Ana         plans/a.yaml  Yesterday [Develop a clear vision for your D&I strategy]
  2027-02-28  1 day late    Zoë         plans/b.yaml  Also yesterday [Develop a clear vision for your D&I strategy]

Due in the next 30 days (2)
  Due         When          Owner       Plan          Action
  2027-03-01  today         李雷        plans/a.yaml  Today [Strong leadership and management driving your D&I strategy]
  2027-03-31  in 30 days    (no owner)  plans/a.yaml  In thirty days [Educate senior leaders to get buy-in]

Later (1)
  Due         When          Owner       Plan          Action
  2027-04-01  in 31 days    Björn       plans/a.yaml  In thirty-one days [Cultural questions]

No due date (1)
  Due         When          Owner       Plan          Action
  -                         Ana         plans/a.yaml  Undated [Business as usual]

Plans (2)
  Overdue  Next 30 days  Later  No date  Plan
  1        2             1      1        Acme Café Ltd: Spring review (plans/a.yaml)
  2        0             0      0        plans/b.yaml
`
	if got := string(StatusText(o, "plans", ByDue)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStatusNothingOpen(t *testing.T) {
	o := plans.NewOutstanding(day(2027, 3, 1))
	o.Add(plans.PlanInfo{Path: "p.yaml"}, nil)
	if got := string(StatusText(o, "plans", ByDue)); got != "Open actions on 2027-03-01 in plans (1 plan): nothing open.\n" {
		t.Errorf("got %q", got)
	}
}

// Columns are measured in terminal cells: wide characters take two,
// combining marks none.
func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"Ana": 3, "李雷": 4, "Zoë": 3, "Zoe\u0308": 3, "🚀": 2, "": 0, "■ Red → ▲ Amber": 15} {
		if got := width(s); got != want {
			t.Errorf("width(%q) = %d, want %d", s, got, want)
		}
	}
}

// Grouped by owner: owners by name, nobody's last; the owner column goes.
// Grouped by plan: plans in the order given, named by organisation and
// title, with their totals; the plan column goes.
func TestStatusByOwnerAndByPlan(t *testing.T) {
	o := statusFixture()
	want := `Open actions on 2027-03-01 in plans (2 plans), by owner: 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Ana (1 overdue, 0 due in the next 30 days, 0 later, 1 with no due date)
  Due         When          Plan          Action
  2027-02-28  1 day late    plans/a.yaml  Yesterday [Develop a clear vision for your D&I strategy]
  -                         plans/a.yaml  Undated [Business as usual]

Björn (0 overdue, 0 due in the next 30 days, 1 later)
  Due         When          Plan          Action
  2027-04-01  in 31 days    plans/a.yaml  In thirty-one days [Cultural questions]

Zoë (1 overdue, 0 due in the next 30 days, 0 later)
  Due         When          Plan          Action
  2027-02-28  1 day late    plans/b.yaml  Also yesterday [Develop a clear vision for your D&I strategy]

李雷 (0 overdue, 1 due in the next 30 days, 0 later)
  Due         When          Plan          Action
  2027-03-01  today         plans/a.yaml  Today [Strong leadership and management driving your D&I strategy]

(no owner) (1 overdue, 1 due in the next 30 days, 0 later)
  Due         When          Plan          Action
  2027-01-20  40 days late  plans/b.yaml  Long overdue step … [project plan step 4]
  2027-03-31  in 30 days    plans/a.yaml  In thirty days [Educate senior leaders to get buy-in]

Plans (2)
  Overdue  Next 30 days  Later  No date  Plan
  1        2             1      1        Acme Café Ltd: Spring review (plans/a.yaml)
  2        0             0      0        plans/b.yaml
`
	if got := string(StatusText(o, "plans", ByOwner)); got != want {
		t.Errorf("by owner, got:\n%s\nwant:\n%s", got, want)
	}
	want = `Open actions on 2027-03-01 in plans (2 plans), by plan: 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Acme Café Ltd: Spring review (plans/a.yaml) (1 overdue, 2 due in the next 30 days, 1 later, 1 with no due date)
  Due         When          Owner       Action
  2027-02-28  1 day late    Ana         Yesterday [Develop a clear vision for your D&I strategy]
  2027-03-01  today         李雷        Today [Strong leadership and management driving your D&I strategy]
  2027-03-31  in 30 days    (no owner)  In thirty days [Educate senior leaders to get buy-in]
  2027-04-01  in 31 days    Björn       In thirty-one days [Cultural questions]
  -                         Ana         Undated [Business as usual]

plans/b.yaml (2 overdue, 0 due in the next 30 days, 0 later)
  Due         When          Owner       Action
  2027-01-20  40 days late  (no owner)  Long overdue step … [project plan step 4]
  2027-02-28  1 day late    Zoë         Also yesterday [Develop a clear vision for your D&I strategy]
`
	if got := string(StatusText(o, "plans", ByPlan)); got != want {
		t.Errorf("by plan, got:\n%s\nwant:\n%s", got, want)
	}
}

// The Markdown form, for a monthly check-in issue, lints clean in every
// grouping.
func TestStatusMarkdown(t *testing.T) {
	o := statusFixture()
	md := string(StatusMarkdown(o, "plans", ByDue))
	for _, want := range []string{
		"# Open actions on 2027-03-01\n\nOpen actions on 2027-03-01 in plans (2 plans): 3 overdue, 2 due in the next 30\ndays, 1 later, 1 with no due date.\n",
		"\n## Overdue (3)\n\n- **2027-01-20, 40 days late:** Long overdue step … \\[project plan step 4\\].\n  Owner: (no owner). Plan: plans/b.yaml.\n",
		"\n## No due date (1)\n\n- **No due date:** Undated \\[Business as usual\\]. Owner: Ana. Plan:\n  plans/a.yaml.\n",
		"\n## Totals per plan\n\n- **Acme Café Ltd: Spring review (plans/a.yaml):** 1 overdue, 2 due in the next\n  30 days, 1 later, 1 with no due date\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	lint(t, map[string][]byte{
		"due.md":   []byte(md),
		"owner.md": StatusMarkdown(o, "plans", ByOwner),
		"plan.md":  StatusMarkdown(o, "plans", ByPlan),
	})
}

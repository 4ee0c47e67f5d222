package render

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func TestStatusText(t *testing.T) {
	today := day(2027, 3, 1)
	act := func(path, text, owner string, due plans.Date, what string) plans.PlanAction {
		return plans.PlanAction{Path: path, Action: plans.Action{Text: text, Owner: owner, Due: due, Status: plans.StatusTodo}, What: what}
	}
	o := &plans.Outstanding{
		Today: today,
		Plans: 2,
		Overdue: []plans.PlanAction{
			act("plans/b.yaml", "Long overdue step\nwith a second line", "", today.AddDays(-40), "project plan step 4"),
			act("plans/a.yaml", "Yesterday", "Ana", today.AddDays(-1), "Develop a clear vision for your D&I strategy"),
			act("plans/b.yaml", "Also yesterday", "Zoë", today.AddDays(-1), "Develop a clear vision for your D&I strategy"),
		},
		Soon: []plans.PlanAction{
			act("plans/a.yaml", "Today", "李雷", today, "Strong leadership and management driving your D&I strategy"),
			act("plans/a.yaml", "In thirty days", "", today.AddDays(plans.SoonDays), "Educate senior leaders to get buy-in"),
		},
		Later:   []plans.PlanAction{act("plans/a.yaml", "In thirty-one days", "Björn", today.AddDays(plans.SoonDays+1), "Cultural questions")},
		Undated: []plans.PlanAction{act("plans/a.yaml", "Undated", "Ana", plans.Date{}, "Business as usual")},
	}
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
`
	if got := string(StatusText(o, "plans")); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStatusNothingOpen(t *testing.T) {
	o := &plans.Outstanding{Today: day(2027, 3, 1), Plans: 1}
	if got := string(StatusText(o, "plans")); got != "Open actions on 2027-03-01 in plans (1 plan): nothing open.\n" {
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

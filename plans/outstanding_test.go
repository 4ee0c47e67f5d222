package plans

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

func TestCollectOutstandingGroupsByDueDate(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	today := Date{2027, 3, 1}
	a := New(c, "A", "A", today)
	set := func(p *Plan, id, action, owner string, due Date, s Status) {
		r := p.Items[id]
		r.Action, r.Owner, r.Due, r.Status = action, owner, due, s
	}
	set(a, "lc-vision", "Yesterday", "Ana", today.AddDays(-1), StatusTodo)
	set(a, "lc-leadership", "Today", "李雷", today, StatusDoing)
	set(a, "lc-educate-leaders", "In thirty days", "", today.AddDays(SoonDays), StatusTodo)
	set(a, "lc-culture", "In thirty-one days", "Björn", today.AddDays(SoonDays+1), StatusTodo)
	set(a, "wf-business-as-usual", "Undated", "Ana", Date{}, StatusTodo)
	set(a, "wf-interventions", "Done long ago", "Ana", today.AddDays(-100), StatusDone)
	set(a, "en-data-collect", "", "Ana", today.AddDays(-5), StatusTodo) // no action: nothing to chase
	b := New(c, "B", "B", today)
	set(b, "lc-vision", "Also yesterday", "Zoë", today.AddDays(-1), StatusTodo)
	b.FollowUps["project-plan"].Steps = []Step{{ID: 4, Text: "Long overdue step\nwith a second line", Due: today.AddDays(-40), Status: StatusTodo}}

	o := CollectOutstanding([]NamedPlan{{"plans/b.yaml", b}, {"plans/a.yaml", a}}, today)
	texts := func(g []PlanAction) string {
		var s []string
		for _, pa := range g {
			s = append(s, pa.Text)
		}
		return strings.Join(s, "|")
	}
	for name, got := range map[string]string{
		"overdue": texts(o.Overdue), "soon": texts(o.Soon), "later": texts(o.Later), "undated": texts(o.Undated),
	} {
		want := map[string]string{
			// Oldest first; same day: by plan path.
			"overdue": "Long overdue step\nwith a second line|Yesterday|Also yesterday",
			"soon":    "Today|In thirty days",
			"later":   "In thirty-one days",
			"undated": "Undated",
		}[name]
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if o.Total() != 7 || o.Plans != 2 {
		t.Errorf("total %d plans %d", o.Total(), o.Plans)
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
	if got := string(o.Text("plans")); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestOutstandingNothingOpen(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	o := CollectOutstanding([]NamedPlan{{"p.yaml", New(c, "A", "A", Date{2027, 1, 1})}}, Date{2027, 3, 1})
	if got := string(o.Text("plans")); got != "Open actions on 2027-03-01 in plans (1 plan): nothing open.\n" {
		t.Errorf("got %q", got)
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"Ana": 3, "李雷": 4, "Zoë": 3, "Zoe\u0308": 3, "🚀": 2, "": 0} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

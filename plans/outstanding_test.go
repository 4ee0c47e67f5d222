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
		"overdue": texts(o.Group(Overdue)), "soon": texts(o.Group(DueSoon)), "later": texts(o.Group(DueLater)), "undated": texts(o.Group(Undated)),
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
	if o.Total() != 7 || len(o.Plans) != 2 {
		t.Errorf("total %d plans %d", o.Total(), len(o.Plans))
	}
}

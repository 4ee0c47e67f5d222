package plans_test

import (
	"os"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// report-all.yaml has twelve item actions (five done) and five steps of
// its own (one done); its items without an action text are not actions.
func TestActionCountsOfAPlan(t *testing.T) {
	p := loadTestdata(t, "report-all.yaml")
	if got, want := p.ActionCounts(), (plans.ActionCounts{Done: 6, Total: 17}); got != want {
		t.Errorf("ActionCounts = %+v, want %+v", got, want)
	}
	// Marking everything to do as done leaves only the doing ones open.
	data, _ := os.ReadFile("testdata/report-all.yaml")
	done, err := plans.Parse("plan.yaml", []byte(strings.ReplaceAll(string(data), "status: todo", "status: done")), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := done.ActionCounts(), (plans.ActionCounts{Done: 13, Total: 17}); got != want {
		t.Errorf("with every todo done: ActionCounts = %+v, want %+v", got, want)
	}
}

func loadTestdata(t *testing.T, name string) *plans.Plan {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plans.Parse(name, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The actions not done are exactly what ladder status and check --overdue
// chase: a step that repeats an item's action is counted once, and one
// ticked off apart from its item is counted apart.
func TestActionCountsOpenIsWhatStatusChases(t *testing.T) {
	for i, p := range actionPlans(t) {
		n := p.ActionCounts()
		if chased := len(p.ActionsToChase()); n.Open() != chased {
			t.Errorf("plan %d: %d of %d done leaves %d open, ActionsToChase lists %d", i, n.Done, n.Total, n.Open(), chased)
		}
		if n.Done < 0 || n.Done > n.Total {
			t.Errorf("plan %d: %+v", i, n)
		}
	}
}

// A step made from an item's action is one action while it follows it,
// done or not; a step that says something else is another.
func TestActionCountsStepFollowingAnItem(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Review", plans.Date{Year: 2027, Month: 1, Day: 1})
	id := c.Items()[0].Item.ID
	p.Response(id).Action, p.Response(id).Owner = "Write the vision", "Ana"
	if p.AddActionSteps() != 1 {
		t.Fatal("no step made from the action")
	}
	check := func(when string, want plans.ActionCounts) {
		t.Helper()
		if got := p.ActionCounts(); got != want {
			t.Errorf("%s: %+v, want %+v", when, got, want)
		}
	}
	check("step follows the item", plans.ActionCounts{Done: 0, Total: 1})
	p.FollowItem(id, func(r *plans.Response) { r.Status = plans.StatusDone })
	check("both done", plans.ActionCounts{Done: 1, Total: 1})
	steps := p.FollowUps[p.ProjectPlanID()].Steps
	steps[0].Status = plans.StatusTodo
	check("step reopened apart from its item", plans.ActionCounts{Done: 1, Total: 2})
	steps[0].Text = ""
	check("step with no words", plans.ActionCounts{Done: 1, Total: 1})
}

// actionPlans are plans whose actions and steps are done, open, repeated
// and not, in ladder's layout.
func actionPlans(t *testing.T) []*plans.Plan {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	out := []*plans.Plan{loadTestdata(t, "report-all.yaml"), loadTestdata(t, "golden.yaml")}
	for seed := range 40 {
		p := checklisttest.FilledPlan(c, uint64(seed))
		steps := p.FollowUps[p.ProjectPlanID()].Steps
		for i := range steps {
			switch (i + seed) % 4 {
			case 1: // ticked off on the project plan alone
				steps[i].Status = plans.StatusDone
			case 2: // the item's action cleared, the step kept
				p.Items[steps[i].From].Action = ""
			case 3: // the step reworded
				steps[i].Text += " first"
			}
		}
		for i, e := range c.Items() {
			if (i+seed)%5 == 0 {
				p.Response(e.Item.ID).Action = ""
			}
		}
		out = append(out, p)
	}
	return out
}

// History reads a plan's actions from its bytes (HistoryEntry.Count) and
// counts them as a whole parse does; on a value it cannot read on its own
// line it leaves the plan to Parse.
func TestHistoryCountAgreesWithParse(t *testing.T) {
	var files [][]byte
	for _, p := range actionPlans(t) {
		files = append(files, plans.Encode(p))
	}
	for _, name := range []string{"golden.yaml", "report-all.yaml"} {
		data, _ := os.ReadFile("testdata/" + name)
		files = append(files, data)
	}
	for i, data := range files {
		p, err := plans.Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		var fast, whole plans.HistoryEntry
		whole.SetPlan(p)
		if !fast.Count("plan.yaml", data, nil) {
			t.Fatalf("file %d: Count gave up on a plan ladder wrote", i)
		}
		if fast.Actions != whole.Actions {
			t.Errorf("file %d: Count says %+v, Parse %+v", i, fast.Actions, whole.Actions)
		}
	}

	base := string(plans.Encode(actionPlans(t)[3]))
	for name, edit := range map[string]struct {
		from, to string
		read     bool // read by Count, not left to Parse
	}{
		"single quotes":        {"step: Agree a survey of socio-economic background\n", "step: 'Agree a survey of socio-economic background'\n", true},
		"quote in quotes":      {"owner: Björn", "owner: 'Björn''s deputy'", true},
		"double quotes":        {"owner: Björn", `owner: "Björn"`, true},
		"escape":               {"owner: Björn", `owner: "Bj\xf6rn"`, true},
		"status empty":         {"status: done", "status:", true},
		"lone quote":           {"owner: Björn", `owner: 'Bj'rn'`, false},
		"action on two lines":  {"action: Publish", "action: Publish\n      it all", false},
		"step on two lines":    {"step: Agree", "step: Agree\n          it all", false},
		"literal block":        {"action: Publish", "action: |-\n      Publish", false},
		"status misspelt":      {"status: done", "status: Done", false},
		"date not a date":      {"due: 2027-", "due: 2027-02-30\n#", false},
		"comment after action": {"action: Publish", "action: Publish # now", false},
		"steps elsewhere":      {"  decision-makers:\n    answer:", "  decision-makers:\n    steps:\n      - id: 90\n        step: Ask\n    answer:", false},
	} {
		edited := strings.Replace(base, edit.from, edit.to, 1)
		if edited == base {
			t.Fatalf("%s: the edit did not apply", name)
		}
		var fast, whole plans.HistoryEntry
		p, err := plans.Parse("plan.yaml", []byte(edited), nil)
		if err == nil {
			whole.SetPlan(p)
		}
		read := fast.Count("plan.yaml", []byte(edited), nil)
		switch {
		case read != edit.read:
			t.Errorf("%s: Count read it: %v, want %v", name, read, edit.read)
		case read && err != nil:
			t.Errorf("%s: Count read a plan Parse refuses (%v)", name, err)
		case read && fast.Actions != whole.Actions:
			t.Errorf("%s: Count says %+v, Parse %+v", name, fast.Actions, whole.Actions)
		}
	}
}

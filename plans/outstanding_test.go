package plans

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// listed is what Each lists, one string per action.
func listed(t *testing.T, o *Outstanding) []string {
	t.Helper()
	var out []string
	err := o.Each(func(l *Listed) error {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%v|%d|%d|%v|%d|%s", l.Text, l.Owner, l.Due, l.Path, l.What, l.Urgency,
			l.PlanIndex, l.OwnerGroup, l.PlanOpen, int(l.Status[0]), l.Plan.Title))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

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

	o, err := CollectOutstanding([]NamedPlan{{"plans/b.yaml", b}, {"plans/a.yaml", a}}, today, Grouping{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	var got []string
	var urgencies []Urgency
	o.Each(func(l *Listed) error {
		got, urgencies = append(got, l.Text), append(urgencies, l.Urgency)
		return nil
	})
	// Oldest first; same day: by plan path.
	want := []string{"Long overdue step\nwith a second line", "Yesterday", "Also yesterday", "Today", "In thirty days", "In thirty-one days", "Undated"}
	if !slices.Equal(got, want) {
		t.Errorf("listed %q, want %q", got, want)
	}
	if wantU := []Urgency{Overdue, Overdue, Overdue, DueSoon, DueSoon, DueLater, Undated}; !slices.Equal(urgencies, wantU) {
		t.Errorf("urgencies %v, want %v", urgencies, wantU)
	}
	if o.Total() != 7 || o.Plans() != 2 || o.Open() != [4]int{3, 2, 1, 1} {
		t.Errorf("total %d plans %d open %v", o.Total(), o.Plans(), o.Open())
	}
	var plans []string
	o.EachPlan(func(info PlanInfo, open [4]int) error {
		plans = append(plans, fmt.Sprintf("%s %v", info.Path, open))
		return nil
	})
	if want := []string{"plans/b.yaml [2 0 0 0]", "plans/a.yaml [1 2 1 1]"}; !slices.Equal(plans, want) {
		t.Errorf("plans %q, want %q", plans, want)
	}
}

// A list past its memory budget is sorted and written out in runs, and
// merged back when it is read: whatever the budget, and in every grouping,
// it must list the same actions in the same order, with the same plans,
// as a list kept whole in memory. The actions are random, with many on
// the same day and in plans whose paths sort otherwise than they were
// added, and owners spelt several ways, some of which sort otherwise
// grouped than spelt ("ana  smith" before "Ana Bob").
func TestOutstandingSpilledListsTheSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	today := Date{2027, 3, 1}
	owners := []string{"Ana", "ana", " ANA ", "ana  smith", "Ana Smith", "Ana Bob", "", "Zoë", "李雷", "Björn\nsecond line"}
	ownerKey := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	type plan struct {
		info    PlanInfo
		actions []PlanAction
	}
	var all []plan
	for i := range 300 {
		info := PlanInfo{Path: fmt.Sprintf("plans/%c/p%d.yaml", 'z'-rune(i%26), i), Organisation: fmt.Sprint("Org ", i%7), Title: fmt.Sprint("Title ", i)}
		p := plan{info: info}
		switch {
		case i%11 == 0: // carried on: nothing left to chase here
			p.info.CarriedOnTo = fmt.Sprintf("plans/next/p%d.yaml", i)
			all = append(all, p)
			continue
		case i%13 == 0:
			p.info.NextReviewProblem = fmt.Sprintf("\"p%d.yaml\" leads to no plan", i)
		}
		for j := range rng.IntN(20) {
			due := Date{}
			if rng.IntN(8) > 0 {
				due = today.AddDays(rng.IntN(120) - 60)
			}
			p.actions = append(p.actions, PlanAction{Path: info.Path, What: fmt.Sprint("item ", j%5),
				Action: Action{Text: fmt.Sprintf("action %d of plan %d", j, i), Owner: owners[rng.IntN(len(owners))], Due: due, Status: Statuses[rng.IntN(2)]}})
		}
		all = append(all, p)
	}
	byName := func(a, b *OwnerGroup) int { return strings.Compare(strings.ToLower(a.Owner), strings.ToLower(b.Owner)) }
	for name, g := range map[string]Grouping{"due": {}, "plan": {ByPlan: true}, "owner": {OwnerKey: ownerKey}} {
		var want []string
		var wantPlans []string
		for _, budget := range []int{DefaultMemoryBudget, 1, 2000, 50000} {
			o := NewOutstanding(today, g)
			o.SetMemoryBudget(budget)
			for _, p := range all {
				if err := o.Add(p.info, p.actions); err != nil {
					t.Fatal(err)
				}
			}
			if budget < DefaultMemoryBudget && o.spill == nil {
				t.Fatalf("%s, budget %d: nothing was written out", name, budget)
			}
			if g.OwnerKey != nil {
				o.OrderOwners(byName)
			}
			got := listed(t, o)
			if again := listed(t, o); !slices.Equal(got, again) {
				t.Errorf("%s, budget %d: a second walk listed otherwise", name, budget)
			}
			var gotPlans []string
			o.EachPlan(func(info PlanInfo, open [4]int) error {
				gotPlans = append(gotPlans, fmt.Sprint(info, open))
				return nil
			})
			o.Close()
			if want == nil {
				want, wantPlans = got, gotPlans
				if len(want) < 2000 || len(wantPlans) != 300 || o.CarriedOn() != 28 || o.NextReviewProblems() != 21 {
					t.Fatalf("%d actions, %d plans: the test lists too little", len(want), len(wantPlans))
				}
				continue
			}
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("%s, budget %d: action %d is %q, want %q", name, budget, i, got[i], want[i])
					}
				}
				t.Fatalf("%s, budget %d: %d actions, want %d", name, budget, len(got), len(want))
			}
			if !slices.Equal(gotPlans, wantPlans) {
				t.Errorf("%s, budget %d: plans listed otherwise", name, budget)
			}
		}
	}
}

// A plan carried on to a next review that is there has nothing left to
// chase; one whose next_review leads nowhere keeps its actions, and the
// list is told why.
func TestToChaseLeavesCarriedActionsToTheNextReview(t *testing.T) {
	dir := gitRepo(t)
	path := filepath.Join(dir, "plans", "acme-2026.yaml")
	p := blankPlan()
	r := p.Response("lc-vision")
	r.Action, r.Status = "Write the vision", StatusTodo
	p.NextReview = "acme-2027.yaml"

	info, actions := ToChase(path, p)
	if len(actions) != 1 || info.CarriedOnTo != "" || !strings.Contains(info.NextReviewProblem, `next_review "acme-2027.yaml" leads to no plan`) {
		t.Fatalf("next review not there: %+v, %d actions", info, len(actions))
	}
	next := filepath.Join(dir, "plans", "acme-2027.yaml")
	writePlan(t, next, blankPlan())
	if info, actions = ToChase(path, p); len(actions) != 1 || !strings.Contains(info.NextReviewProblem, "does not name this plan as its previous review") {
		t.Fatalf("next review that does not name it back: %+v, %d actions", info, len(actions))
	}
	linked := blankPlan()
	linked.PreviousReview = "acme-2026.yaml"
	writePlan(t, next, linked)
	writePlan(t, path, p)
	info, actions = ToChase(path, p)
	if len(actions) != 0 || info.CarriedOnTo != next || info.NextReviewProblem != "" {
		t.Fatalf("next review there: %+v, %d actions", info, len(actions))
	}
	p.NextReview = ""
	if info, actions = ToChase(path, p); len(actions) != 1 || info != InfoOf(path, p) {
		t.Fatalf("no next review: %+v, %d actions", info, len(actions))
	}
}

package plans_test

import (
	"testing"

	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/plans"
)

// Two people add a project-plan step on two branches at once. With the
// merge setting the README documents (merge=union for plan files), git
// keeps both steps; with ids that count up they would both be step 4 and
// the merged plan would not load. Each new id is drawn from 90,000, so
// this passes but for a one-in-90,000 clash (which check then reports).
func TestStepsAddedOnTwoBranchesMerge(t *testing.T) {
	r := gittest.New(t)
	r.Write(".gitattributes", []byte("*.yaml merge=union\n"))
	r.Git("add", ".gitattributes")
	base := mergeBase(t)
	r.Commit("plan.yaml", base, "base")
	addStep := func(text string) []byte {
		return applyEdits(t, base, func(p *plans.Plan) {
			a := p.Answer("project-plan")
			a.Steps = append(a.Steps, plans.Step{ID: a.NextStepID(), Text: text, Owner: "Bo", Status: plans.StatusTodo})
		})
	}
	r.Git("checkout", "-q", "-b", "ours")
	r.Commit("plan.yaml", addStep("Book the room"), "ours")
	r.Git("checkout", "-q", "main")
	r.Git("checkout", "-q", "-b", "theirs")
	r.Commit("plan.yaml", addStep("Write to the board"), "theirs")
	r.Git("checkout", "-q", "ours")
	r.Git("merge", "-q", "--no-edit", "theirs")

	merged := r.Read("plan.yaml")
	p, err := plans.Parse("plan.yaml", merged, nil)
	if err != nil {
		t.Fatalf("the merged plan does not load: %v\n%s", err, merged)
	}
	seen := map[int]bool{}
	var texts []string
	for _, s := range p.Answer("project-plan").Steps {
		if seen[s.ID] {
			t.Errorf("two steps have id %d", s.ID)
		}
		seen[s.ID] = true
		texts = append(texts, s.Text)
	}
	if len(texts) != 5 || texts[3] != "Book the room" || texts[4] != "Write to the board" {
		t.Errorf("merged steps = %q", texts)
	}
}

// New ids are never one in use, nor one undo may bring back; plans whose
// steps count up (1, 2, 3) stay valid, and counted ids are still there for
// those who ask.
func TestNextStepID(t *testing.T) {
	a := &plans.Answer{Steps: []plans.Step{{ID: 1}, {ID: 2}, {ID: 3}}}
	for range 1000 {
		id := a.NextStepID(4, 5)
		if id < 10000 || id > 99999 || id <= 5 {
			t.Fatalf("NextStepID = %d, want five digits", id)
		}
		a.Steps = append(a.Steps, plans.Step{ID: id})
	}
	seen := map[int]bool{}
	for _, s := range a.Steps {
		if seen[s.ID] {
			t.Fatalf("id %d given twice", s.ID)
		}
		seen[s.ID] = true
	}
	t.Setenv(plans.StepIDsEnv, "counted")
	b := &plans.Answer{Steps: []plans.Step{{ID: 1}, {ID: 7}}}
	if id := b.NextStepID(9); id != 10 {
		t.Errorf("counted NextStepID = %d, want 10", id)
	}
}

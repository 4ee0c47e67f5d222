package checklisttest

import (
	"bytes"
	"slices"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

func TestGenerate(t *testing.T) {
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	for _, n := range []int{1, 2, 3, 4, 21, 1000} {
		c := Generate(n)
		if c.Len() != n || len(c.Items()) != n {
			t.Errorf("Generate(%d) has %d items", n, c.Len())
		}
		if want := min(n, 3); len(c.Areas) != want {
			t.Errorf("Generate(%d) has %d areas, want %d", n, len(c.Areas), want)
		}
		if c.ID != ID(n) {
			t.Errorf("Generate(%d).ID = %q, want %q", n, c.ID, ID(n))
		}
		if !slices.Equal(c.Scale, builtin.Scale) {
			t.Errorf("Generate(%d) scale = %v, want the built-in's", n, c.Scale)
		}
		if !slices.Equal(c.FollowUps, builtin.FollowUps) {
			t.Errorf("Generate(%d) follow-ups = %v, want the built-in's", n, c.FollowUps)
		}
	}
	if a, b := YAML(1000), YAML(1000); !bytes.Equal(a, b) {
		t.Error("YAML(1000) differs between calls")
	}
}

func TestFilledPlan(t *testing.T) {
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	for _, c := range []*checklist.Checklist{builtin, Generate(1000)} {
		p := FilledPlan(c, 7)
		for _, e := range c.Items() {
			r := p.Response(e.Item.ID)
			if !r.Rated() || r.Action == "" || r.Owner == "" || r.Due.IsZero() {
				t.Fatalf("%s: item %s not filled in: %+v", c.ID, e.Item.ID, r)
			}
		}
		for _, f := range c.FollowUps {
			a := p.Answer(f.ID)
			if a.Due.IsZero() {
				t.Errorf("%s: follow-up %s has no due date", c.ID, f.ID)
			}
			if f.Kind == checklist.KindPlan && len(a.Steps) != (c.Len()+9)/10 {
				t.Errorf("%s: %d project-plan steps, want one per ten items", c.ID, len(a.Steps))
			}
		}

		data := plans.Encode(p)
		if !bytes.Equal(data, plans.Encode(FilledPlan(c, 7))) {
			t.Errorf("%s: FilledPlan is not deterministic", c.ID)
		}
		if bytes.Equal(data, plans.Encode(FilledPlan(c, 8))) {
			t.Errorf("%s: FilledPlan ignores its seed", c.ID)
		}
		q, err := plans.Parse("filled.yaml", data, plans.WithChecklist(c))
		if err != nil {
			t.Fatalf("%s: filled plan does not load: %v", c.ID, err)
		}
		if !bytes.Equal(plans.Encode(q), data) {
			t.Errorf("%s: filled plan does not round-trip", c.ID)
		}
	}
}

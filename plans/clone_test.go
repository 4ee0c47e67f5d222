package plans_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// A clone is encoded on another goroutine while the screens carry on
// changing the plan: changing the plan after cloning must not change what
// is written.
func TestCloneIsIndependentOfLaterChanges(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Org", "T", plans.Date{Year: 2027, Month: 1, Day: 1})
	p.Participants = []string{"Ana"}
	p.Answer("quick-wins").List = []string{"One"}
	p.Answer("speak-with").ByArea = map[string]string{"workforce": "HR"}
	p.Answer("project-plan").Steps = []plans.Step{{ID: 1, Text: "Step", Status: plans.StatusTodo}}
	want := plans.Encode(p)

	snap := p.Clone()
	p.Participants[0] = "changed"
	p.Response("lc-vision").Action = "changed"
	p.Answer("quick-wins").List[0] = "changed"
	p.Answer("speak-with").ByArea["workforce"] = "changed"
	p.Answer("project-plan").Steps[0].Text = "changed"
	p.Answer("decision-makers").Text = "changed"

	if got := plans.Encode(snap); !bytes.Equal(got, want) {
		t.Fatalf("the clone changed with the plan:\n%s", got)
	}
}

// Clone copies the reference fields it knows about. If the plan
// grows a new map, slice or pointer field, this test says so, so the copy
// is taught about it.
func TestCloneKnowsEveryReferenceField(t *testing.T) {
	known := map[string]bool{
		"Plan.Participants": true, "Plan.Items": true, "Plan.FollowUps": true,
		"Plan.Checklist": true, // shared on purpose: never changed
		"Plan.positions": true, // set by the loader, read-only after
		"Plan.comments":  true, // set by the loader, read-only after
		"Answer.List":    true, "Answer.ByArea": true, "Answer.Steps": true,
		"Response.Votes": true,
	}
	for _, v := range []any{plans.Plan{}, plans.Answer{}, plans.Response{}, plans.Step{}} {
		typ := reflect.TypeOf(v)
		for f := range typ.Fields() {
			switch f.Type.Kind() {
			case reflect.Map, reflect.Slice, reflect.Pointer, reflect.Interface, reflect.Chan, reflect.Func:
				if name := typ.Name() + "." + f.Name; !known[name] {
					t.Errorf("%s is a %s that Clone does not copy", name, f.Type.Kind())
				}
			}
		}
	}
}

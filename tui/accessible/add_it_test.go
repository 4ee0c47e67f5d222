package accessible

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestOneActionNotInThePlanIsOfferedAsIt: with one action written since
// the project plan was started, a listener heard "1 action ... is not in
// it", then "Yes, add them to the plan" and "Add them:", as if there
// were several. One is offered as it.
func TestOneActionNotInThePlanIsOfferedAsIt(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		allGreen(p)
		p.Response("lc-vision").Action = "Write the vision"
		p.Answer("project-plan").Steps = []plans.Step{{ID: 1, Text: "Brief the board", Status: plans.StatusTodo}}
	})
	answers := append(append([]string{}, toTheProjectPlan...), "1", "quit")
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "1 action written since the project plan was started is not in it.\n1) Yes, add it to the plan\n2) No, leave the plan as it is\nType 1 or 2, or press Enter to leave the plan as it is.\nAdd it: 1\n")
	if n := len(onDiskPlan(t, path).Answer("project-plan").Steps); n != 2 {
		t.Errorf("%d steps on disk, want 2 (the action added)", n)
	}
}

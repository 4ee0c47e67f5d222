package accessible

import (
	"slices"
	"testing"
)

// TestBackOutOfANewStepSaysItStays: back at a new project-plan step's
// owner goes to its words, and back there to the question before the
// project plan. The step typed stayed in the plan with no owner and no
// word said of it ("Added step 1" is said only at its due date), so a
// listener who went back to be rid of a step typed by mistake believed
// it gone. It still stays (nothing typed is thrown away unheard), and
// the prompts say so, with its number to change or remove it.
func TestBackOutOfANewStepSaysItStays(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := append(slices.Clone(toTheProjectPlan),
		"Write the policy", // a new step
		"back",             // at its owner: back to its words
		"back",             // at its words: back to question 4
		"", "",             // question 4 and its due date kept
		"",     // no more steps
		"quit", // at the project plan's due date
	)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Step: back\nStep 1 stays in the project plan, with no owner: Write the policy; no due date; todo. To change or remove it, type 1 at New step.\n\nQuestion 4 of 5",
		"type its number (1); press Enter",
	)
	steps := onDiskPlan(t, path).Answer("project-plan").Steps
	if len(steps) != 1 || steps[0].Text != "Write the policy" {
		t.Errorf("the project plan on disk: %+v", steps)
	}
}

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

// TestItemNOutOfANewStepSaysItStays: item N at a new step's owner or due
// date leaves the project plan for the item, as back leaves it for the
// question before; the step stayed without a word, as back's did before
// it said so. It says so now, the same way.
func TestItemNOutOfANewStepSaysItStays(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := append(slices.Clone(toTheProjectPlan),
		"Write the policy", // a new step
		"item 3",           // at its owner
		"quit",             // at item 3's rating
	)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Owner: item 3\nStep 1 stays in the project plan, with no owner: Write the policy; no due date; todo. To change or remove it, type 1 at New step.\n",
	)

	path = newPlanFile(t, allGreen)
	answers = append(slices.Clone(toTheProjectPlan),
		"Brief the board", "Ana", // a new step and its owner
		"item 2 of workforce", // at its due date
		"quit",                // at item 6's rating
	)
	out = runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "Due date: item 2 of workforce\nStep 1 stays in the project plan: Brief the board")
	steps := onDiskPlan(t, path).Answer("project-plan").Steps
	if len(steps) != 1 || steps[0].Text != "Brief the board" || steps[0].Owner != "Ana" {
		t.Errorf("the project plan on disk: %+v", steps)
	}
}

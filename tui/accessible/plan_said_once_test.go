package accessible

import (
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestTheProjectPlanSaysItsLongLinesOnce: at the project plan, every
// step typed, moved or only looked at was followed by the same 150
// characters of "To add a step, type what is to be done; to change, move
// or remove a step, type its number ...", and every look at a step
// ("Leave it as it is" too) read the whole plan out again with "A step
// that follows an item's action changes with it ..." before it. A
// listener heard the same long lines over and over between short
// answers. The full instruction and what "follows" means are said once;
// after them one short line says what to type, and the plan is read
// again only when a step was changed, moved or removed. A step's five
// choices, said in full once, are asked in one line after it, as a
// rating is.
func TestTheProjectPlanSaysItsLongLinesOnce(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		allGreen(p)
		p.Response("lc-vision").Action = "Write the vision"
		p.Response("lc-leadership").Action = "Brief the board"
	})
	answers := append(slices.Clone(toTheProjectPlan),
		"2", "up", // step 2 moved up: the plan read again
		"1", "", // step 1 looked at and left: nothing read again
		"Book the bank", "", "", // a new step, no owner, no due date
		"",     // the plan complete
		"quit", // at its due date
	)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	for said, want := range map[string]int{
		"To add a step, type what is to be done; to change, move or remove a step": 1,
		"A step that follows an item's action changes with it":                     1,
		"The project plan so far:":                                                 2,
	} {
		if got := strings.Count(out, said); got != want {
			t.Errorf("%q said %d times, want %d\n%s", said, got, want, out)
		}
	}
	checkOutput(t, out,
		"Do: up\nThe project plan so far:\n1. Brief the board;",
		// The step's choices, heard in full at step 2, in one line.
		"New step: 1\nStep: Brief the board; no due date; todo\nChange, move or remove it? Type 1 for change, 2 for up, 3 for down, 4 for remove or 5 for leave, or press Enter to leave it as it is. Type a question mark (?) to hear the choices in full again.\nDo: \n",
		"Do: \nType a new step, or a step's number (1 to 2) to change, move or remove it, or press Enter when the plan is complete.\nNew step: Book the bank\n",
		"Added step 3.\nType a new step, or a step's number (1 to 3) to change, move or remove it, or press Enter when the plan is complete.\nNew step: \n",
	)
}

package accessible

import (
	"testing"
)

// TestQuickWinNumbersTakeAndAndSayHowToTypeThem: "1 and 3" at the quick
// wins' numbers, as a listener says it, was refused ("and" is not a
// number from 1 to 12. Please try again.), and a refusal said only
// "Please try again", where the way to type the numbers was said once,
// after the whole list. "and" joins numbers now, and a refusal says
// again what to type.
func TestQuickWinNumbersTakeAndAndSayHowToTypeThem(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := []string{"item 21", "", "", "", "", "", // item 21, kept: on to the next steps
		"",         // question 1's due date
		"2 and 99", // refused: there is no 99
		"1 and 3",  // chosen
		"",         // no others
		"quit",     // at question 2's due date
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Numbers: 2 and 99\n\"99\" is not a number from 1 to 12. Type their numbers separated by commas, for example 1,3, or press Enter to choose none.\nNumbers: 1 and 3\n",
		"Chosen: Appoint a senior social mobility sponsor; Build an army of social mobility activists.\n",
	)
	got := onDiskPlan(t, path).Answer("quick-wins").List
	if len(got) != 2 {
		t.Errorf("quick wins on disk: %q", got)
	}
}

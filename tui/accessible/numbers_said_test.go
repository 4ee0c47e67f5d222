package accessible

import (
	"strings"
	"testing"
)

// TestQuickWinNumbersTakeAndAndSayHowToTypeThem: "1 and 3" at the quick
// wins' numbers, as a listener says it, was refused ("and" is not a
// number from 1 to 12. Please try again.), and a refusal said only
// "Please try again", where the way to type the numbers was said once,
// after the whole list. "and" joins numbers now, and a refusal says
// again what to type, with "1 and 3" as the example: "1,3" may be read
// as one number.
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
		"Numbers: 2 and 99\n\"99\" is not a number from 1 to 12. Type their numbers, for example 1 and 3, or press Enter to choose none.\nNumbers: 1 and 3\n",
		"Chosen: Appoint a senior social mobility sponsor; Build an army of social mobility activists.\n",
	)
	// "1,3" may be read as one number ("thirteen", or "one point three"):
	// the example is given as a listener hears and says it.
	if strings.Contains(out, "1,3") {
		t.Errorf("the numbers' example is said as 1,3:\n%s", out)
	}
	got := onDiskPlan(t, path).Answer("quick-wins").List
	if len(got) != 2 {
		t.Errorf("quick wins on disk: %q", got)
	}
}

// TestAnAndAloneAtTheNumbersKeepsTheQuickWins: with "and" taken between
// numbers, "and" alone (a listener who said "and" before the number) was
// read as no numbers at all, and the quick wins chosen so far were
// emptied ("None chosen."), as only a dash should do. An answer with no
// number in it is refused, and what is there kept.
func TestAnAndAloneAtTheNumbersKeepsTheQuickWins(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := []string{
		"",     // question 1 (the counts): its due date
		"1",    // question 2: the first suggestion
		"",     // no others
		"back", // at its due date: back to its answer
		"and",  // refused: no number in it
		"",     // the choice kept
		"",     // no others
		"quit", // at its due date
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Numbers: and\n\"and\" has no number in it. Type their numbers, for example 1 and 3, or Enter keeps what you have so far;",
	)
	if got := onDiskPlan(t, path).Answer("quick-wins").List; len(got) != 1 {
		t.Errorf("quick wins on disk: %q, want the one chosen kept", got)
	}
}

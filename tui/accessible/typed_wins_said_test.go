package accessible

import (
	"testing"
)

// TestTypedQuickWinsAreSaidBack: the numbers chosen were said back in
// words, but a quick win typed at "Another:" was taken without a word,
// and one typed again (or a slip) was kept or dropped unheard. Each is
// said back as it was taken, or as chosen already.
func TestTypedQuickWinsAreSaidBack(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := []string{
		"",               // question 1 (the counts): its due date
		"1",              // question 2: the first suggestion
		"Tell all staff", // typed: taken as stored
		"Appoint a senior social mobility sponsor", // chosen by number already
		"",     // done
		"quit", // at its due date
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Another: Tell all staff\nAdded: Tell all staff.\n",
		"Another: Appoint a senior social mobility sponsor\nChosen already: Appoint a senior social mobility sponsor.\n",
	)
	if got := onDiskPlan(t, path).Answer("quick-wins").List; len(got) != 2 {
		t.Errorf("quick wins on disk: %q", got)
	}
}

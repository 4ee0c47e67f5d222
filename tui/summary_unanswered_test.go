package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// Killed at the second next-steps question with every item rated, the
// owner came back the next day: the review resumes at the end, where the
// summary said nothing of the three questions not answered, and the
// start list showed "21/21 rated". The summary now lists the next-steps
// questions with no answer yet, by number, and how to go back to them;
// the counts, which ladder answers, are never listed.
func TestSummaryListsTheNextStepsNotAnswered(t *testing.T) {
	p := fuPlan(t)
	p.Answer("quick-wins").List = []string{"Put a notice up in the van yard"}
	p.Answer("decision-makers").Due = plans.Date{Year: 2027, Month: 5, Day: 1} // a due date alone is no answer
	a, _ := fuApp(t, p, 80, 24)
	fuShow(t, a, screenSummary, 0)
	fuPress(t, a, "end")
	v := fuView(a)
	fuContains(t, v, "Next steps not answered yet",
		"  3. Who do you need to speak with in your organisation about each area?",
		"  4. Who are the decision makers to help you make this change?",
		"p goes back to them")
	for _, answered := range []string{"1. How many", "2. What are your quick wins?"} {
		if strings.Contains(v, answered) {
			t.Errorf("an answered question is listed (%q):\n%s", answered, v)
		}
	}

	p.Answer("speak-with").ByArea = map[string]string{"workforce": "the lads"}
	p.Answer("decision-makers").Text = "Jo and Sam"
	p.Answer("project-plan").Steps = nil
	a, _ = fuApp(t, p, 80, 24)
	fuShow(t, a, screenSummary, 0)
	fuPress(t, a, "end")
	v = fuView(a)
	fuContains(t, v, "Next steps not answered yet (1)", "  5. What will your project plan look like?")
	if strings.Contains(v, "  3. Who do you need") || strings.Contains(v, "  4. Who are") {
		t.Errorf("answered questions listed:\n%s", v)
	}
}

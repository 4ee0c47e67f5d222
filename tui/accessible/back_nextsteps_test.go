package accessible

import (
	"slices"
	"testing"
)

// TestBackInTheNextStepsGoesToTheQuestionBefore: as inside an item
// (TestBackWithinAnItemGoesToTheQuestionBefore), back among a next-steps
// question's own prompts goes to the prompt before: at a question's due
// date, to its answer; at an area's answer, to the area before. Both went
// to the question before, whose answer and due date had to be given
// again first. Numbers chosen from a list are said back by their words,
// which a listener cannot see beside the numbers typed.
func TestBackInTheNextStepsGoesToTheQuestionBefore(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := []string{
		"",     // question 1 (the counts): its due date
		"1",    // question 2: the first suggestion
		"",     // no others
		"back", // at its due date: back to its answer
		"",     // the choice kept
		"",     // no others
		"",     // its due date
		"Zoe",  // question 3: Leadership & Culture
		"back", // at Workforce: back to Leadership & Culture
		"Zoë",
		"Ana", // Workforce
		"back",
		"",     // Workforce kept
		"",     // Enablers
		"back", // at question 3's due date: back to its areas, from the first
		"", "", "",
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Numbers: 1\nChosen: Appoint a senior social mobility sponsor.\n",
		"Due date: back\nBack to the answer of question 2 of 5.\nSo far: Appoint a senior social mobility sponsor.\n",
		"Workforce: back\nBack to Leadership & Culture, area 1 of 3.\n",
		"Enter keeps: Zoe. Type a dash (-) to clear it.\nLeadership & Culture: Zoë\n",
		"Enablers: back\nBack to Workforce, area 2 of 3.\n",
		"Due date: back\nBack to the answer of question 3 of 5.\nArea 1 of 3. Enter keeps: Zoë.",
	)
	a := onDiskPlan(t, path).Answer("speak-with")
	if a.ByArea["leadership-culture"] != "Zoë" || a.ByArea["workforce"] != "Ana" {
		t.Errorf("on disk: %+v", a.ByArea)
	}
}

// TestBackInANewStepGoesToItsQuestionBefore: back at a new project-plan
// step's owner went to the question before the project plan, the step
// left behind half given; it goes to the step's words, and back at its
// due date to its owner, Enter keeping each.
func TestBackInANewStepGoesToItsQuestionBefore(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := append(slices.Clone(toTheProjectPlan),
		"Write the policy",      // a new step
		"back",                  // at its owner: back to its words
		"Write the fair policy", // put right
		"Ana",                   // its owner
		"back",                  // at its due date: back to its owner
		"",                      // Ana kept
		"31/3/2027",             // its due date
		"",                      // no more steps
		"quit",                  // at the project plan's due date
	)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Owner: back\nBack to the words of step 1.\nWhat is to be done? Enter keeps: Write the policy.",
		"Due date: back\nBack to the owner of step 1.\n",
		"Added step 1.\n",
	)
	steps := onDiskPlan(t, path).Answer("project-plan").Steps
	if len(steps) != 1 || steps[0].Text != "Write the fair policy" || steps[0].Owner != "Ana" || steps[0].Due.String() != "2027-03-31" {
		t.Errorf("the project plan on disk: %+v", steps)
	}
}

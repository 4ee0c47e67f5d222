package accessible

import (
	"slices"
	"testing"
)

// TestASlipAtAQuickWinOrStepIsSaid: "qiut" at a text question is said
// to be close to quit and asked again, but a quick win typed at
// "Another:" and a step at "New step:" were read without that check: the
// slip became a quick win, or a step asked its owner, and the listener
// who meant to stop heard the review go on.
func TestASlipAtAQuickWinOrStepIsSaid(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := []string{
		"",     // question 1 (the counts): its due date
		"",     // question 2: no numbers
		"qiut", // said close to quit
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Another: qiut\nqiut is close to the command quit. Type quit for the command, or qiut again to keep it as your answer.\nAnother: quit\n\nStopped.",
	)
	if got := onDiskPlan(t, path).Answer("quick-wins").List; slices.Contains(got, "qiut") {
		t.Errorf("the slip is a quick win: %q", got)
	}

	// On to the project plan, the four questions between left as they are.
	answers = []string{"", "", "", "", "", "", "", "", "", "", "qiut", "quit"}
	out = runReviewOK(t, Options{PlanPath: newPlanFile(t, allGreen)}, linesReader(answers))
	checkOutput(t, out,
		"New step: qiut\nqiut is close to the command quit. Type quit for the command, or qiut again to keep it as your answer.\nNew step: quit\n\nStopped.",
	)
}

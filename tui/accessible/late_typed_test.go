package accessible

import (
	"testing"
)

// TestADueDateTypedThatHasPassedIsSaidLate: a due date typed that has
// already passed was confirmed as any other ("Understood as Wednesday 16
// December 2026."), where the screens show "⚠ 30 days late" beside it: a
// listener who typed the wrong year heard nothing amiss. It is said late
// as Enter keeps it is said.
func TestADueDateTypedThatHasPassedIsSaidLate(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{"g", "Write the vision", "Ana", "2026-12-16", "quit"}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "Due date: 2026-12-16\nUnderstood as Wednesday 16 December 2026, 30 days late.\n")
}

// TestAListsDueDateTypedThatHasPassedIsSaidLate: the whole list's due date
// (the quick wins') typed in the past was said back as any other date,
// where an item's due date is said late: it is said late too.
func TestAListsDueDateTypedThatHasPassedIsSaidLate(t *testing.T) {
	path := newPlanFile(t, allGreen)
	answers := []string{
		"",           // question 1's due date
		"1",          // a quick win chosen
		"",           // no others
		"2027-01-01", // the whole list's due date
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out, "Due date: 2027-01-01\nUnderstood as Friday 1 January 2027, 14 days late.\n")
}

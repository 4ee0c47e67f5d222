package tui

import "testing"

// A free-text answer ("Who are the decision makers …?") takes several
// lines, so enter starts a new one; but help said "enter, while typing:
// the next field", as it is in the one-line answers of the question
// before. The owner typed "Jo and Sam", enter, and "2w" went into the
// answer, not the due date. Now enter on an empty line goes on to the
// due date (as the new-review form's participants do), and help and the
// footer say what enter does here, the footer in a few cells, so that
// at 60 columns it stays.
func TestEnterOnAnEmptyLineOfAnAnswerGoesOnToTheDueDate(t *testing.T) {
	a, path := fuQuestion(t, 3)
	fuPress(t, a, "enter")
	fuContains(t, fuView(a), "enter ×2 due date • esc stop typing")
	fuType(t, a, "Jo and Sam")
	fuPress(t, a, "enter")
	fuType(t, a, "the bank")
	fuPress(t, a, "enter", "enter")
	fuType(t, a, "2w")
	fuPress(t, a, "enter")
	got := loadPlan(t, path).Answer("decision-makers")
	if got.Text != "Jo and Sam\nthe bank" {
		t.Fatalf("answer on disk = %q, want the two lines typed", got.Text)
	}
	if got.Due.IsZero() {
		t.Fatalf("due date not saved: 2w went elsewhere\n%s", fuView(a))
	}

	// At 60 columns the footer keeps it beside help and quit.
	a, _ = fuApp(t, fuPlan(t), 60, 16)
	fuShow(t, a, screenFollowUp, 3)
	fuPress(t, a, "enter")
	fuContains(t, fuView(a), "enter ×2 due date • f1 help")

	a, _ = fuQuestion(t, 3)
	fuPress(t, a, "?")
	fuContains(t, fuView(a), "while typing the answer: a new line; on an empty line, the due")
}

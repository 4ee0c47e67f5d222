package review_test

import (
	"slices"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// TestAReviewKilledInTheNextStepsIsStillUnderWay: the laptop died at the
// second next-steps question with every item rated. Back the next day,
// the start list said "21/21 rated" with the cursor on "Begin a new
// review", and enter began a second plan for the year. A review with
// next-steps questions left unanswered is under way, as one with items
// left to rate is; once each question has an answer (the counts, which
// ladder answers, aside) it is finished.
func TestAReviewKilledInTheNextStepsIsStillUnderWay(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring review", today)
	for _, e := range c.Items() {
		p.Response(e.Item.ID).Rating = "green"
	}
	found := []plans.Found{{Path: "plans/acme.yaml", Plan: p}}
	var want []int
	for i, f := range c.FollowUps {
		if f.Kind != checklist.KindCounts {
			want = append(want, i)
		}
	}
	if got := review.NextStepsLeft(p); !slices.Equal(got, want) {
		t.Fatalf("NextStepsLeft of a plan with no answers = %v, want %v", got, want)
	}
	if got := review.ReviewUnderWay(found, today); got != 0 {
		t.Fatalf("a review rated in full with its next steps unanswered is not under way (%d)", got)
	}
	for _, i := range want[:1] {
		answerSomething(p, c.FollowUps[i])
	}
	if got := review.NextStepsLeft(p); !slices.Equal(got, want[1:]) {
		t.Fatalf("NextStepsLeft after the first answered = %v, want %v", got, want[1:])
	}
	if got := review.ReviewUnderWay(found, today); got != 0 {
		t.Fatalf("a review killed at its second next-steps question is not under way (%d)", got)
	}
	for _, i := range want[1:] {
		answerSomething(p, c.FollowUps[i])
	}
	if got := review.NextStepsLeft(p); len(got) != 0 {
		t.Fatalf("NextStepsLeft with every question answered = %v", got)
	}
	if got := review.ReviewUnderWay(found, today); got != -1 {
		t.Fatalf("a review finished is under way (%d)", got)
	}
}

// answerSomething gives question f an answer of its kind; a due date
// alone is no answer, nor blank text.
func answerSomething(p *plans.Plan, f checklist.FollowUp) {
	a := p.Answer(f.ID)
	a.Due = today
	switch f.Kind {
	case checklist.KindList:
		a.List = []string{"Mentoring"}
	case checklist.KindPlan:
		a.Steps = []plans.Step{{ID: 1, Text: "Draft the policy"}}
	case checklist.KindPerArea:
		a.ByArea = map[string]string{p.Checklist.Areas[0].ID: "  "}
		a.ByArea[p.Checklist.Areas[1].ID] = "Ana"
	default:
		a.Text = "The board"
	}
}

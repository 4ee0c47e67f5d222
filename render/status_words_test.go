package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func statusWords(t testing.TB, o *StatusList) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteStatusWords(&b, o, "plans"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A screen reader reads a table's columns as one run of figures and
// dates: the words form says each action as a sentence that names them.
func TestStatusWords(t *testing.T) {
	want := `Open actions on 1 March 2027 in plans (2 plans): 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Overdue, 3 actions:
Overdue by 40 days, due 20 January 2027: Long overdue step …. From: step 4 of the project plan. No owner. Plan plans/b.yaml.
Overdue by 1 day, due 28 February 2027: Yesterday. From: Develop a clear vision for your D&I strategy. Owner Ana. Plan Acme Café Ltd: Spring review (plans/a.yaml).
Overdue by 1 day, due 28 February 2027: Also yesterday. From: Develop a clear vision for your D&I strategy. Owner Zoë. Plan plans/b.yaml.

Due in the next 30 days, 2 actions:
Due today, 1 March 2027: Today. From: Strong leadership and management driving your D&I strategy. Owner 李雷. Plan Acme Café Ltd: Spring review (plans/a.yaml).
Due in 30 days, on 31 March 2027: In thirty days. From: Educate senior leaders to get buy-in. No owner. Plan Acme Café Ltd: Spring review (plans/a.yaml).

Later, 1 action:
Due in 31 days, on 1 April 2027: In thirty-one days. From: Cultural questions. Owner Björn. Plan Acme Café Ltd: Spring review (plans/a.yaml).

No due date, 1 action:
No due date: Undated. From: Business as usual. Owner Ana. Plan Acme Café Ltd: Spring review (plans/a.yaml).

Open actions by plan, 2 plans:
Acme Café Ltd: Spring review (plans/a.yaml): 1 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.
plans/b.yaml: 2 overdue, 0 due in the next 30 days, 0 later.
`
	if got := statusWords(t, statusFixture(t, ByDue)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Grouped by owner or by plan, the group names the owner or the plan,
// and each sentence leaves it out, as the table leaves out its column.
func TestStatusWordsByOwnerAndByPlan(t *testing.T) {
	got := statusWords(t, statusFixture(t, ByOwner))
	checkContains(t, "by owner", got,
		"\nAna: 1 overdue, 0 due in the next 30 days, 0 later, 1 with no due date.\n"+
			"Overdue by 1 day, due 28 February 2027: Yesterday. From: Develop a clear vision for your D&I strategy. Plan Acme Café Ltd: Spring review (plans/a.yaml).\n",
		"\nOpen actions by plan, 2 plans:\n")
	if strings.Contains(got, "Owner Ana") {
		t.Errorf("by owner, a sentence names its owner again:\n%s", got)
	}
	got = statusWords(t, statusFixture(t, ByPlan))
	checkContains(t, "by plan", got,
		"\nplans/b.yaml: 2 overdue, 0 due in the next 30 days, 0 later.\n"+
			"Overdue by 40 days, due 20 January 2027: Long overdue step …. From: step 4 of the project plan. No owner.\n")
	if strings.Contains(got, "Plan plans/") || strings.Contains(got, "by plan, 2 plans") {
		t.Errorf("by plan, a sentence names its plan again, or the totals are repeated:\n%s", got)
	}
}

// Text from a plan reaches the screen reader's terminal as the table's
// cells do: control characters shown, never run.
func TestStatusWordsAreTerminalSafe(t *testing.T) {
	o := NewStatusList(day(2027, 3, 1), ByDue)
	t.Cleanup(func() { o.Close() })
	path := "plans/\x1b[2Ja.yaml"
	err := o.Add(plans.PlanInfo{Path: path, Organisation: "Acme\x1b]0;x\x07", Title: "Spring\x1b[8m"}, []plans.PlanAction{
		{Path: path, Action: plans.Action{Text: "Hide\x1b[8m this", Owner: "Ana\x1b[31m", Status: plans.StatusTodo}, What: "step\x1b[1m 1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := statusWords(t, o)
	if strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("a control character reached the terminal: %q", got)
	}
	checkContains(t, "words", got, "No due date: Hide␛[8m this.")
}

// A plan carried on to its next review is left out of the totals and
// said in a line of its own, as the table has it, and so is a next review
// that leads nowhere.
func TestStatusWordsNextReviews(t *testing.T) {
	got := statusWords(t, statusFixtureCarried(t, ByDue))
	checkContains(t, "words", got,
		"\nOpen actions by plan, 3 plans:\n",
		"\nNext reviews (2):\nplans/a-2026.yaml: carried on to plans/a.yaml.\n"+
			`plans/z.yaml: next_review "z-2027.yaml" leads to no plan: plans/z-2027.yaml is not there, so its open actions are still listed here.`+"\n")
	if strings.Contains(got, "Review 2026") {
		t.Errorf("the carried-on plan is in the totals:\n%s", got)
	}
}

// A small business has one plan a year, and last year's carried on: every
// action is in this year's plan, and a screen reader read its name and
// path ("plans/2027/2027-03-01-acme...") after each action, then once more
// in a by-plan total that said the intro again. With one plan listed, the
// words name it once, below the intro, and the date is spelt out there as
// it is in each sentence.
func TestStatusWordsNameALonePlanOnce(t *testing.T) {
	today := day(2027, 3, 1)
	o := NewStatusList(today, ByDue)
	t.Cleanup(func() { o.Close() })
	this := "plans/2027/acme-2027.yaml"
	for _, err := range []error{
		o.Add(plans.PlanInfo{Path: "plans/2026/acme-2026.yaml", Organisation: "Acme Café Ltd", Title: "Review 2026", CarriedOnTo: this}, nil),
		o.Add(plans.PlanInfo{Path: this, Organisation: "Acme Café Ltd", Title: "Review 2027"}, []plans.PlanAction{
			{Path: this, Action: plans.Action{Text: "Write a vision", Owner: "Ana", Due: today.AddDays(-2), Status: plans.StatusTodo}, What: "Develop a clear vision for your D&I strategy"},
			{Path: this, Action: plans.Action{Text: "Ask the key question", Due: today.AddDays(40), Status: plans.StatusTodo}, What: "step 2 of the project plan"},
		}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := `Open actions on 1 March 2027 in plans (2 plans, 1 carried on to its next review): 1 overdue, 0 due in the next 30 days, 1 later.
All in one plan: Acme Café Ltd: Review 2027 (plans/2027/acme-2027.yaml).

Overdue, 1 action:
Overdue by 2 days, due 27 February 2027: Write a vision. From: Develop a clear vision for your D&I strategy. Owner Ana.

Later, 1 action:
Due in 40 days, on 10 April 2027: Ask the key question. From: step 2 of the project plan. No owner.

Next reviews (1):
plans/2026/acme-2026.yaml: carried on to plans/2027/acme-2027.yaml.
`
	if got := statusWords(t, o); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

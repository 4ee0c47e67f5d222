package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// buildingBlocksPlans are two versions of a Building Blocks plan, whose
// area titles run to 98 characters: a plan just begun, and the same plan
// with every area's first item rated and given an action (one area's
// first item is newly rated, so the diff names its area), a step of the
// project plan, and long answers.
func buildingBlocksPlans(t *testing.T) (old, new *plans.Plan) {
	t.Helper()
	c, ok := checklist.Builtin("smc-building-blocks")
	if !ok {
		t.Fatal("no Building Blocks checklist")
	}
	old = plans.New(c, "Acme Café Ltd", "Where we start", day(2027, 1, 15))
	new = plans.New(c, "Acme Café Ltd", "Where we start", day(2027, 1, 15))
	for i, a := range c.Areas {
		r := new.Items[a.Items[0].ID]
		r.Rating = c.Scale[i%len(c.Scale)].Key
		r.Action = "Agree with the board who leads this, and report back at the next meeting"
		r.Owner = "Ana"
		r.Due = day(2027, 3, 1+i)
		r.Status = plans.StatusTodo
	}
	new.FollowUps["project-plan"].Steps = []plans.Step{{ID: 1, Text: "Present the business case to the board", Owner: "Ben", Due: day(2027, 2, 1), Status: plans.StatusTodo}}
	return old, new
}

// TestBuildingBlocksMarkdownPassesMarkdownlint: the report, the diff and
// the history of a Building Blocks plan keep to markdownlint's line length
// (MD013) in their tables, which name the areas by their short titles,
// while the report's headings keep each area's full title.
func TestBuildingBlocksMarkdownPassesMarkdownlint(t *testing.T) {
	t.Parallel()
	old, new := buildingBlocksPlans(t)
	entries := []plans.HistoryEntry{
		{Commit: "1111111", Date: day(2027, 1, 15), Subject: "Start the Building Blocks review"},
		{Commit: "2222222", Date: day(2027, 2, 1), Subject: "Rate the first item of every building block after the workshop"},
	}
	entries[0].SetPlan(old)
	entries[1].SetPlan(new)
	report := ReportMarkdown(new, day(2027, 4, 1))
	diff := DiffMarkdown(plans.FileChange{Path: "plans/bb.yaml", OldName: "plans/bb.yaml at HEAD~1", NewName: "plans/bb.yaml", Old: old, New: new})
	history := HistoryMarkdown("plans/bb.yaml", entries, false)
	// A plan's own title, longer than a line, is its H1 whole too.
	long := new.Clone()
	long.Title = strings.TrimSpace(strings.Repeat("A review title that will not fit ", 3))
	longReport := ReportMarkdown(long, day(2027, 4, 1))
	if !strings.HasPrefix(string(longReport), longHeading+"\n# "+long.Title+"\n") {
		t.Errorf("the long title is not the H1, whole:\n%s", longReport)
	}
	lint(t, map[string][]byte{"report.md": report, "diff.md": diff, "history.md": history, "long-title.md": longReport})

	vision := new.Checklist.Areas[0]
	if len(vision.Title) < 90 || vision.ShortTitle() != "Vision" {
		t.Fatalf("the first area is not the long one: %q / %q", vision.Title, vision.ShortTitle())
	}
	if !strings.Contains(string(report), "\n## "+vision.Title+"\n") || strings.Contains(string(report), "…") {
		t.Errorf("the report's heading is not the area's full title:\n%s", report)
	}
	if !strings.Contains(string(report), "\n| Vision | ") {
		t.Errorf("the report's summary does not name the area by its short title:\n%s", report)
	}
	if !strings.Contains(string(diff), "\n| Vision | ") || !strings.Contains(string(diff), "(Vision)") {
		t.Errorf("the diff does not name the area by its short title:\n%s", diff)
	}
	if !strings.Contains(string(history), "| Date | Commit | Vision |") {
		t.Errorf("the history's columns are not the short titles:\n%s", history)
	}
	// The comment that lets a long heading be shows nothing, and the
	// heading after it is still a heading.
	page := renderGFM(t, report)
	if !strings.Contains(page, "\n<h2>"+vision.Title+"</h2>\n") {
		t.Errorf("the long area title does not render as a heading:\n%s", page)
	}
}

// TestHistoryFits80Columns: a Building Blocks plan's history (seven areas)
// fits an 80-column terminal, every count and subject still in it; so
// does the progression checklist's, and with room, its subjects stay
// beside the counts.
func TestHistoryFits80Columns(t *testing.T) {
	old, new := buildingBlocksPlans(t)
	broken, err := plans.Parse("3333333:plans/bb.yaml", []byte("schema: 1\nchecklist: {id: smc-building-blocks, version: '1'}\nitems:\n  bb-vision-accountability: {rating: purple}\n"), nil)
	if err == nil || broken != nil {
		t.Fatal("the broken plan loaded")
	}
	entries := []plans.HistoryEntry{
		{Commit: "1111111", Date: day(2027, 1, 15), Subject: "Start the Building Blocks review"},
		{Commit: "2222222", Date: day(2027, 2, 1), Subject: "Rate the first item of every building block after the workshop in the town hall"},
		{Commit: "3333333", Date: day(2027, 2, 2), Subject: "Typo", Problem: "did not load: " + plans.ProblemSummary(err)},
	}
	entries[0].SetPlan(old)
	entries[1].SetPlan(new)
	text := string(HistoryText("plans/2027-01-15-acme-cafe-ltd-where-we-start.yaml", entries, false, 80))
	for _, l := range strings.Split(text, "\n") {
		if width(l) > 80 {
			t.Errorf("line of %d columns: %q", width(l), l)
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	checkContains(t, "the history", flat,
		"Date Commit Vision Talent pool Culture",
		"Make a plan", "Total Done", "3/2/2/35 0/8",
		"2222222 2027-02-01 Rate the first item of every building block after the workshop in the town hall",
		"3333333 2027-02-02 Typo (did not load:",
		`rating "purple" is not one of`,
	)
	if strings.Contains(text, "Create a compelling") {
		t.Errorf("a column is headed by the area's full title:\n%s", text)
	}

	p := loadFixture(t, "../plans/testdata/golden.yaml")
	short := []plans.HistoryEntry{{Commit: "1111111", Date: day(2027, 1, 15), Subject: "Start the review"}}
	short[0].SetPlan(p)
	for cols, want := range map[int]string{
		80:  "Total     Done\n2027-01-15  1111111  1/1/0/2               0/0/1/1    0/0/1/14  1/1/2/17  1/4\n\nCommits:\n  1111111  2027-01-15  Start the review\n",
		100: "Total     Done  Subject\n2027-01-15  1111111  1/1/0/2               0/0/1/1    0/0/1/14  1/1/2/17  1/4   Start the review\n",
	} {
		text := string(HistoryText("plans/acme.yaml", short, false, cols))
		if !strings.Contains(text, want) {
			t.Errorf("at %d columns, the history lacks %q:\n%s", cols, want, text)
		}
		for _, l := range strings.Split(text, "\n") {
			if width(l) > cols {
				t.Errorf("at %d columns, a line of %d: %q", cols, width(l), l)
			}
		}
	}
}

// TestReportTitlesEndingInAColonCarryTheirPrompts: a recommendation whose
// words end in a colon ("Reassure them that the data will:") goes on in
// its prompts, so the report gives them after it, in every format: a
// board reading "Reassure them that the data will: — ■ Red" would not know
// what was rated.
func TestReportTitlesEndingInAColonCarryTheirPrompts(t *testing.T) {
	c, _ := checklist.Builtin("smc-building-blocks")
	p := plans.New(c, "Acme", "Spring", day(2027, 1, 15))
	p.Items["bb-data-reassure"].Rating = "red"
	want := "Reassure them that the data will: be stored and handled in line with GDPR best practice; " +
		"be used in aggregate i.e. not associated with individuals; not be used for appointment and promotion decisions; " +
		"not be accessible beyond the core team in HR. — ■ Red"
	flat := func(b []byte) string { return strings.Join(strings.Fields(string(b)), " ") }
	checkContains(t, "the Markdown", flat(ReportMarkdown(p, day(2027, 4, 1))), want)
	checkContains(t, "the page", flat(ReportHTML(p, day(2027, 4, 1), nil)), strings.TrimSuffix(want, " — ■ Red")+"</")
	checkContains(t, "the CSV", string(ReportCSV(p, day(2027, 4, 1), false)), ",bb-data-reassure,Reassure them that the data will: be stored")
	// A title that ends otherwise is as it is.
	checkContains(t, "the Markdown", flat(ReportMarkdown(p, day(2027, 4, 1))), "Ensure a senior leader has visible accountability for the delivery of this agenda. — ○ Unrated")
}

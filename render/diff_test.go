package render

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The fixtures diff-old.yaml and diff-new.yaml are the golden plan and the
// same plan a quarter later: ratings moved both ways, an action re-owned
// and re-dated, answers rewritten, steps edited, reordered, added and
// removed.
func TestDiffGolden(t *testing.T) {
	t.Parallel()
	old, new := loadFixture(t, "testdata/diff-old.yaml"), loadFixture(t, "testdata/diff-new.yaml")
	c := plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	checkGolden(t, "diff.txt", DiffText(c))
	md := DiffMarkdown(c)
	checkGolden(t, "diff.md", md)
	lint(t, map[string][]byte{"diff.md": md, "empty.md": DiffMarkdown(plans.FileChange{OldName: "a", NewName: "b", Old: old, New: old})})
}

func TestDiffOfSamePlan(t *testing.T) {
	p := loadFixture(t, "testdata/diff-old.yaml")
	c := plans.FileChange{Path: "b.yaml", OldName: "a.yaml", NewName: "b.yaml", Old: p, New: p}
	if got := string(DiffText(c)); got != "No changes from a.yaml to b.yaml.\n" {
		t.Errorf("text = %q", got)
	}
	if got := string(DiffMarkdown(c)); got != "# Plan changes\n\nNo changes from a.yaml to b.yaml.\n" {
		t.Errorf("markdown = %q", got)
	}
}

// A plan moved to a new version of its checklist has items only in one
// version: listed as added or removed, in a section of their own.
func TestDiffAcrossChecklistVersions(t *testing.T) {
	p := loadFixture(t, "testdata/diff-old.yaml")
	d := &plans.Diff{Old: p, New: p, Items: []plans.ItemChange{
		{ID: "added", Title: "Added item", AreaTitle: "Area A", Added: true,
			Rating: &plans.RatingChange{Old: checklist.Unrated, New: "green", OldLabel: "○ Unrated", NewLabel: "● Green", Direction: plans.NewlyRated}},
		{ID: "dropped", Title: "Dropped item", AreaTitle: "Area A", Removed: true},
		{ID: "kept", Title: "Kept item", AreaTitle: "Area A",
			Rating: &plans.RatingChange{Old: "green", New: "amber", OldLabel: "● Green", NewLabel: "▲ Amber", Direction: plans.Worse}},
	}}
	doc := diffSet{plans: []planDoc{{kind: planChanged, oldName: "v1", newName: "v2", sections: changeSections(d, false)}}}
	text := string(writeDiffText(doc))
	for _, s := range []string{"\nItems (the checklist changed)\n  added: Added item (Area A), rated ● Green\n  removed: Dropped item (Area A)\n", "\nRatings: 1 worse\n  worse   ● Green → ▲ Amber  Kept item (Area A)\n"} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	md := string(writeDiffMarkdown(doc))
	for _, s := range []string{"## Items\n\nThe plan now follows another version of its checklist.\n\n- **Added:** Added item (Area A), rated ● Green\n- **Removed:** Dropped item (Area A)\n"} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
}

// TestDiffTextFitsTheTerminal: in a terminal, diff's text is wrapped at
// spaces to the window rather than cut mid-word at its edge, a rating's
// title under itself, and says every word in the same order. Narrow
// enough, a long line is simply wrapped.
func TestDiffTextFitsTheTerminal(t *testing.T) {
	golden, err := os.ReadFile("testdata/diff.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(FitToWidth(golden, 0), golden) {
		t.Error("with no width, the text changed")
	}
	for cols := 30; cols <= 120; cols++ {
		got := FitToWidth(golden, cols)
		for i, line := range strings.Split(string(got), "\n") {
			if w := width(line); w > cols {
				t.Errorf("at %d columns line %d is %d wide: %q", cols, i+1, w, line)
			}
		}
		if !slices.Equal(strings.Fields(string(got)), strings.Fields(string(golden))) {
			t.Errorf("at %d columns the text says other words:\n%s", cols, got)
		}
	}
	got := string(FitToWidth(golden, 80))
	if !strings.Contains(got, "\n  better  ■ Red → ▲ Amber      Develop a clear vision for your D&I strategy\n                               (Leadership & Culture)\n") {
		t.Errorf("at 80 columns a rating's title does not wrap under itself:\n%s", got)
	}
}

// carriedOn is next year's plan carried on from diff-old.yaml, then edited
// by hand: the manager workshop dropped, the vision step reworded.
func carriedOn(t *testing.T) (prev, next *plans.Plan) {
	t.Helper()
	prev = loadFixture(t, "testdata/diff-old.yaml")
	next = plans.New(prev.Checklist, prev.Organisation, "Review 2028", plans.Date{Year: 2028, Month: 1, Day: 15})
	if got := plans.CarryOn(prev, next); got != (plans.Carried{Actions: 2, Steps: 2}) {
		t.Fatalf("carried %+v", got)
	}
	next.PreviousReview = "acme-2027.yaml"
	next.Response("lc-leadership").Action = ""
	steps := next.Answer(next.ProjectPlanID()).Steps
	steps[0].Text = "Write the vision, one page"
	return prev, next
}

// A plan carried on from last year's says, on top, how many of that
// plan's open actions and steps it has, and names those it dropped and
// those it reworded: the text and Markdown forms alike, for a new plan in
// a pull request and for the two years compared.
func TestDiffSaysWhatWasCarriedOn(t *testing.T) {
	t.Parallel()
	prev, next := carriedOn(t)
	added := plans.FileChange{Path: "plans/acme-2028.yaml", OldName: "main (1a2b3c4)", NewName: "plans/acme-2028.yaml", New: next,
		Previous: prev, PreviousName: "plans/acme-2027.yaml"}
	years := plans.FileChange{Path: "plans/acme-2028.yaml", OldName: "plans/acme-2027.yaml", NewName: "plans/acme-2028.yaml", Old: prev, New: next,
		Previous: prev, PreviousName: "plans/acme-2027.yaml"}
	const (
		summary = "Carried on: 1 of 2 open actions and 2 of 2 open project-plan steps from plans/acme-2027.yaml\n" +
			"  not carried on: Strong leadership and management driving your D&I strategy (Leadership & Culture): \"Run a manager workshop on talking about background 🚀\"\n" +
			"  carried on, edited: project-plan step \"Write vision\" → \"Write the vision, one page\"\n"
		mdSummary = "**Carried on:** 1 of 2 open actions and 2 of 2 open project-plan steps from\nplans/acme-2027.yaml.\n\n" +
			"- **Not carried on:** "
	)
	one := string(DiffText(added))
	if !strings.Contains(one, ": a new plan, not in main (1a2b3c4).\n\n"+summary+"\nRatings: ") {
		t.Errorf("a new plan's text:\n%s", one)
	}
	text := string(DiffText(years))
	if !strings.HasPrefix(text, "Changes from plans/acme-2027.yaml to plans/acme-2028.yaml\n\n"+summary+"\nReview\n") {
		t.Errorf("two years' text does not start with what was carried on:\n%s", text)
	}
	set := string(DiffsText("main (1a2b3c4)", []plans.FileChange{added}, nil))
	if !strings.Contains(set, "\nA new plan, not in main (1a2b3c4).\n\n"+summary) {
		t.Errorf("a pull request's text:\n%s", set)
	}
	md := DiffsMarkdown("main (1a2b3c4)", []plans.FileChange{added}, nil)
	if !strings.Contains(string(md), "\nA new plan, not in main (1a2b3c4).\n\n"+mdSummary) {
		t.Errorf("a pull request's Markdown:\n%s", md)
	}
	yearsMD := DiffMarkdown(years)
	if !strings.Contains(string(yearsMD), "## Carried on\n\n1 of 2 open actions and 2 of 2 open project-plan steps from\nplans/acme-2027.yaml.\n\n- **Not carried on:** ") {
		t.Errorf("two years' Markdown:\n%s", yearsMD)
	}
	lint(t, map[string][]byte{"pr.md": md, "years.md": yearsMD})

	// Without a previous plan read, nothing is said about carrying on.
	added.Previous = nil
	if got := string(DiffText(added)); strings.Contains(got, "arried on") {
		t.Errorf("no previous plan, and still:\n%s", got)
	}
}

// Everything carried on, or nothing open to carry: the count says so, and
// nothing is listed. A plan whose file changed only in its layout keeps
// its one line.
func TestDiffCarriedOnWhole(t *testing.T) {
	prev, next := carriedOn(t)
	next.Response("lc-leadership").Action = prev.Items["lc-leadership"].Action
	next.Answer(next.ProjectPlanID()).Steps[0].Text = "Write vision"
	c := plans.FileChange{Path: "b.yaml", OldName: "main", NewName: "b.yaml", New: next, Previous: prev, PreviousName: "a.yaml"}
	if got := string(DiffText(c)); !strings.Contains(got, "\n\nCarried on: 2 of 2 open actions and 2 of 2 open project-plan steps from a.yaml\n\nRatings") {
		t.Errorf("all carried:\n%s", got)
	}
	empty := plans.New(prev.Checklist, "", "", plans.Date{})
	c.Previous = empty
	if got := string(DiffText(c)); !strings.Contains(got, "\n\nCarried on: nothing from a.yaml, which has no open actions or project-plan steps\n\nRatings") {
		t.Errorf("nothing to carry:\n%s", got)
	}
	c.Old = next
	if got := string(DiffText(c)); got != "No changes from main to b.yaml.\n" {
		t.Errorf("unchanged: %q", got)
	}
}

// The previous plan's words come from a pull request too: a control
// character in a dropped action shows as a picture in both forms.
func TestDiffCarriedOnIsSafeText(t *testing.T) {
	prev, next := carriedOn(t)
	prev.Response("lc-leadership").Action = "Run\x1b]0;owned\x07 a workshop"
	c := plans.FileChange{Path: "b.yaml", OldName: "main", NewName: "b.yaml", New: next, Previous: prev, PreviousName: "a\x1b[2J.yaml"}
	for _, out := range [][]byte{DiffText(c), DiffMarkdown(c)} {
		if bytes.ContainsAny(out, "\x1b\x07") {
			t.Errorf("a control character reached the output:\n%q", out)
		}
		if !bytes.Contains(out, []byte("a workshop")) {
			t.Errorf("the dropped action is not named:\n%s", out)
		}
	}
}

// The pull request that carries a plan on also closes last year's
// finished work: an action or step done in that change is out of the open
// count and named as done, not as left behind, in the text and the
// Markdown alike; one carried on before it was closed is flagged, as the
// new plan still asks for it.
func TestDiffCarriedOnDoneInThisChange(t *testing.T) {
	t.Parallel()
	before := loadFixture(t, "testdata/diff-old.yaml")
	after := before.Clone()
	after.Response("lc-leadership").Status = plans.StatusDone
	after.Answer(after.ProjectPlanID()).Steps[1].Status = plans.StatusDone
	next := plans.New(before.Checklist, before.Organisation, "Review 2028", plans.Date{Year: 2028, Month: 1, Day: 15})
	if got := plans.CarryOn(after, next); got != (plans.Carried{Actions: 1, Steps: 1}) {
		t.Fatalf("carried %+v", got)
	}
	c := plans.FileChange{Path: "plans/acme-2028.yaml", OldName: "main (1a2b3c4)", NewName: "plans/acme-2028.yaml", New: next,
		Previous: before, PreviousNow: after, PreviousName: "plans/acme-2027.yaml"}
	const (
		workshop = "Strong leadership and management driving your D&I strategy (Leadership & Culture): \"Run a manager workshop on talking about background 🚀\""
		summary  = "Carried on: 1 of 1 open action and 1 of 1 open project-plan step from plans/acme-2027.yaml; 1 action and 1 project-plan step done in this change\n" +
			"  done in this change: " + workshop + "\n" +
			"  done in this change: project-plan step \"Old step\"\n\nRatings: "
		mdSummary = "**Carried on:** 1 of 1 open action and 1 of 1 open project-plan step from\nplans/acme-2027.yaml; 1 action and 1 project-plan step done in this change.\n\n" +
			"- **Done in this change:** Strong leadership and management driving your D&I\n  strategy (Leadership & Culture): \"Run a manager workshop on talking about\n  background 🚀\"\n" +
			"- **Done in this change:** project-plan step \"Old step\"\n\n**Ratings:** "
	)
	if got := string(DiffText(c)); !strings.Contains(got, "\n\n"+summary) {
		t.Errorf("text:\n%s", got)
	}
	md := DiffsMarkdown("main (1a2b3c4)", []plans.FileChange{c}, nil)
	if !strings.Contains(string(md), "\n\n"+mdSummary) {
		t.Errorf("Markdown:\n%s", md)
	}

	// Carried on first, closed after: the new plan still has it open.
	next = plans.New(before.Checklist, before.Organisation, "Review 2028", plans.Date{Year: 2028, Month: 1, Day: 15})
	plans.CarryOn(before, next)
	c.New = next
	if got := string(DiffText(c)); !strings.Contains(got, "\n\nCarried on: 1 of 1 open action and 1 of 1 open project-plan step from plans/acme-2027.yaml; 1 action and 1 project-plan step done in this change, still open in this plan\n"+
		"  done in this change, still open in this plan: "+workshop+"\n"+
		"  done in this change, still open in this plan: project-plan step \"Old step\"\n\n") {
		t.Errorf("carried on, then closed:\n%s", got)
	}
	md2 := DiffsMarkdown("main (1a2b3c4)", []plans.FileChange{c}, nil)
	if !strings.Contains(string(md2), "\n- **Done in this change, still open in this plan:** project-plan step \"Old step\"\n") {
		t.Errorf("carried on, then closed, in Markdown:\n%s", md2)
	}

	// Some of what was done is still open in the new plan, some not: the
	// summary says how many are.
	for i := range c.New.Answer(c.New.ProjectPlanID()).Steps {
		if step := &c.New.Answer(c.New.ProjectPlanID()).Steps[i]; step.Text == "Old step" {
			step.Status = plans.StatusDone
		}
	}
	if got := string(DiffText(c)); !strings.Contains(got, "\n\nCarried on: 1 of 1 open action and 1 of 1 open project-plan step from plans/acme-2027.yaml; 1 action and 1 project-plan step done in this change (1 still open in this plan)\n") {
		t.Errorf("one still open, one not:\n%s", got)
	}

	// Everything open was done in the change: nothing to carry, and the
	// count does not say there was nothing open.
	after.Response("lc-vision").Status = plans.StatusDone
	after.Answer(after.ProjectPlanID()).Steps[0].Status = plans.StatusDone
	c.New = plans.New(before.Checklist, before.Organisation, "Review 2028", plans.Date{Year: 2028, Month: 1, Day: 15})
	if got := string(DiffText(c)); !strings.Contains(got, "\n\nCarried on: nothing from plans/acme-2027.yaml: what it had open (2 actions and 2 project-plan steps) was done in this change\n  done in this change: ") {
		t.Errorf("all done:\n%s", got)
	}
	lint(t, map[string][]byte{"done.md": md, "carried-then-done.md": md2})
}

// Between two years, each action done last year goes (only open ones are
// carried on): the diff gave each four lines, its action "(done) → (none)",
// its owner "→ (none)", its due date "→ (none), cleared" (read as a date
// dropped), so a board's page of last year's work done was mostly
// "(none)". One line now says the action, that it was done, and its owner
// and due date; this year's own notes on the item still show.
func TestDiffOfAnActionDoneLastYearIsOneLine(t *testing.T) {
	t.Parallel()
	prev, next := carriedOn(t)
	r := prev.Response("en-data-collect")
	r.Action, r.Owner, r.Status = "Ask the key question", "Priya", plans.StatusDone
	r.Due = plans.Date{Year: 2027, Month: 4, Day: 30}
	next.Response("en-data-collect").Notes = "Asked in the spring survey"
	years := plans.FileChange{Path: "plans/acme-2028.yaml", OldName: "plans/acme-2027.yaml", NewName: "plans/acme-2028.yaml", Old: prev, New: next,
		Previous: prev, PreviousName: "plans/acme-2027.yaml"}
	text := string(DiffText(years))
	want := "  Data: Do you collect socio-economic data from applicants and your workforce? (Enablers)\n" +
		"    action: \"Ask the key question\" (done, owner Priya, due 2027-04-30) → (none)\n" +
		"    notes: (none) → \"Asked in the spring survey\"\n"
	if !strings.Contains(text, want) {
		t.Errorf("the action done last year is not one line:\n%s", text)
	}
	md := string(DiffMarkdown(years))
	if !strings.Contains(md, "\"Ask the key question\" (done, owner Priya, due 2027-04-30) →") || strings.Contains(md, "Priya → (none)") {
		t.Errorf("Markdown:\n%s", md)
	}
	// An open action cleared, as someone dropping it: each field as before.
	r.Status = plans.StatusTodo
	if text := string(DiffText(years)); !strings.Contains(text, "owner: Priya → (none)") {
		t.Errorf("an open action cleared lost its owner's line:\n%s", text)
	}
}

// Between two years, last year's quick wins, which a review answers
// afresh (carrying on takes actions and steps, not answers), are said to
// be last year's, not "removed", which read in a pull-request comment as
// dropped. The same plan compared with itself a commit apart still says
// removed.
func TestDiffOfLastYearsQuickWinsSaysTheyWereLastYears(t *testing.T) {
	t.Parallel()
	prev, next := carriedOn(t)
	prev.Answer("quick-wins").List = []string{"Put pay bands in job ads", "Mentor two apprentices"}
	next.Answer("quick-wins").List = []string{"Mentor two apprentices", "Open the board to staff"}
	years := plans.FileChange{Path: "plans/acme-2028.yaml", OldName: "plans/acme-2027.yaml", NewName: "plans/acme-2028.yaml", Old: prev, New: next,
		Previous: prev, PreviousName: "plans/acme-2027.yaml"}
	text := string(DiffText(years))
	if !strings.Contains(text, "    added: \"Open the board to staff\"\n") || !strings.Contains(text, "    last year's: \"Put pay bands in job ads\"\n") || strings.Contains(text, "removed: \"Put pay bands") {
		t.Errorf("last year's quick win reads as dropped:\n%s", text)
	}
	if !strings.Contains(text, "    answer: \"The board\" (last year's) → (none)\n") {
		t.Errorf("last year's answer reads as dropped:\n%s", text)
	}
	if md := string(DiffMarkdown(years)); !strings.Contains(md, "**Last year's:** Put pay bands in job ads") || strings.Contains(md, "Removed:") {
		t.Errorf("Markdown:\n%s", md)
	}
	sameFile := plans.FileChange{Path: "plans/acme-2028.yaml", OldName: "plans/acme-2028.yaml at HEAD~1", NewName: "plans/acme-2028.yaml", Old: prev.Clone(), New: next,
		Previous: prev, PreviousName: "plans/acme-2027.yaml"}
	if text := string(DiffText(sameFile)); !strings.Contains(text, "    removed: \"Put pay bands in job ads\"\n") {
		t.Errorf("an entry removed from the same plan is not said to be removed:\n%s", text)
	}
}

// TestDiffSaysNoOwnerForAnInvisibleOne: an owner field holding only
// characters drawn as nothing (a zero-width space pasted from a
// spreadsheet cell) names no one (plans.NamesNoOne), as status, check
// --overdue and the report say: a step added, and an action of a new
// plan, read "(owner , …" with nothing to see.
func TestDiffSaysNoOwnerForAnInvisibleOne(t *testing.T) {
	old, new := loadFixture(t, "testdata/diff-old.yaml"), loadFixture(t, "testdata/diff-old.yaml")
	pp := new.FollowUps[new.ProjectPlanID()]
	pp.Steps = append(pp.Steps, plans.Step{ID: 900, Text: "Book the room", Owner: "\u200b\u2060", Status: plans.StatusTodo})
	changed := string(DiffText(plans.FileChange{Path: "a.yaml", OldName: "a.yaml at HEAD~1", NewName: "a.yaml", Old: old, New: new}))
	if want := `"Book the room" (owner (none), no due date, to do)`; !strings.Contains(changed, want) {
		t.Errorf("a step added: the diff lacks %q:\n%s", want, changed)
	}
	added := string(DiffText(plans.FileChange{Path: "a.yaml", OldName: "HEAD~1", NewName: "a.yaml", New: new}))
	if want := `"Book the room" (owner (none), no due date, to do)`; !strings.Contains(added, want) {
		t.Errorf("a new plan: the diff lacks %q:\n%s", want, added)
	}
}

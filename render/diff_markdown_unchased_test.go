package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// A pull request that adds an action to last year's plan, already carried
// on, is warned of in the pull request's comment (no one chases it). A
// stranger's pull request that also changes enough else (long notes on
// every item) no longer fits one comment: the plan is named, not shown,
// and the warning went with it, where a reviewer reading only the
// comment needs it most. The plan's line keeps it, and plans with such
// warnings are named first, before "and N more" can take them.
func TestDiffMarkdownKeepsTheUnchasedWarningOfAPlanLeftOut(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	long := func(p *plans.Plan) *plans.Plan {
		for _, e := range c.Items() {
			p.Response(e.Item.ID).Notes = strings.Repeat("A long note on this item. ", 150)
		}
		return p
	}
	item := c.Items()[0].Item
	var changes []plans.FileChange
	for _, name := range []string{"alpha", "beta"} {
		path := "plans/2025/" + name + ".yaml"
		changes = append(changes, plans.FileChange{Path: path, NewName: path, OldName: path + " at main (1a2b3c4)",
			Old: checklisttest.FilledPlan(c, 1), New: long(checklisttest.FilledPlan(c, 2))})
	}
	changes[1].Unchased = []plans.CarriedAction{{Item: item, Text: "Set KPIs for managers"}, {StepID: 7, Text: "Book the board"}}
	changes[1].NextName = "plans/2026/beta.yaml"
	md := string(DiffsMarkdown("main (1a2b3c4)", changes, nil))
	if !strings.Contains(md, "\n## 2 more plans changed\n") {
		t.Fatalf("the plans fit the comment; the test needs them left out:\n%s", md)
	}
	words := strings.Join(strings.Fields(md), " ")
	want := "(plans/2025/beta.yaml): changed; **Warning:** 2 actions or steps opened in this change no one chases: the plan is already carried on to plans/2026/beta.yaml, which does not have them"
	if !strings.Contains(words, want) {
		t.Errorf("the comment does not say, of the plan left out,\n%s\n%s", want, md)
	}
	if a, b := strings.Index(words, "alpha.yaml"), strings.Index(words, "beta.yaml"); a < b {
		t.Errorf("the plan with the warning is not named first:\n%s", md)
	}
}

// When more plans with such warnings are left out than the comment can
// name, "and N more" says how many of those hold one, where it said only
// how many plans it stood for, and a reviewer who read every named
// plan's warning could take the rest for plans without.
func TestDiffMarkdownCountsTheUnchasedWarningsOfPlansNotNamed(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	item := c.Items()[0].Item
	var changes []plans.FileChange
	for i := range 100 {
		path := fmt.Sprintf("plans/2025/plan-%02d.yaml", i)
		p := checklisttest.FilledPlan(c, 2)
		for _, e := range c.Items() {
			p.Response(e.Item.ID).Notes = strings.Repeat("A long note on this item. ", 150)
		}
		change := plans.FileChange{Path: path, NewName: path, OldName: path + " at main (1a2b3c4)",
			Old: checklisttest.FilledPlan(c, 1), New: p}
		if i%5 < 3 {
			change.Unchased = []plans.CarriedAction{{Item: item, Text: "Set KPIs for managers"}}
			change.NextName = fmt.Sprintf("plans/2026/plan-%02d.yaml", i)
		}
		changes = append(changes, change)
	}
	md := string(DiffsMarkdown("main (1a2b3c4)", changes, nil))
	words := strings.Join(strings.Fields(md), " ")
	named := strings.Count(words, "**Warning:** 1 action or step opened in this change no one chases")
	if named == 0 || named >= 60 {
		t.Fatalf("%d plans named with the warning; the test needs some, not all 60:\n%s", named, md)
	}
	want := fmt.Sprintf("and %d more (%d of them with actions or steps opened in this change no one chases)", 100-named, 60-named)
	if !strings.Contains(words, want) {
		t.Errorf("the comment does not say %q:\n%s", want, md[strings.LastIndex(md, "\n- "):])
	}
}

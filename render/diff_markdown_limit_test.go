package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// A pull request that adds thirty rated plans (a year's reviews carried
// on) made a Markdown diff of 82,000 characters, and GitHub refuses a
// comment over 65,536: the workflow's comment step failed and the
// reviewers saw nothing. The plans are shown whole while they fit, the
// rest named a line each, and the comment says where to read them all.
func TestDiffMarkdownFitsOneGitHubComment(t *testing.T) {
	changes := newRatedPlans(30)
	text := string(DiffsText("main (1a2b3c4)", changes, nil))
	md := string(DiffsMarkdown("main (1a2b3c4)", changes, nil))
	if n := utf8.RuneCountInString(md); n > mdCommentBudget+5000 {
		t.Fatalf("the Markdown diff of 30 new plans is %d characters: over GitHub's 65,536 for a comment, less room for the data's changes", n)
	}
	if strings.Count(text, "A new plan") != 30 {
		t.Fatalf("the text diff has %d new plans, want all 30", strings.Count(text, "A new plan"))
	}
	shown := strings.Count(md, "\n## ") - 1 // less the heading of those left out
	if shown < 15 || !strings.Contains(md, fmt.Sprintf("\n## %d more plans changed\n", 30-shown)) {
		t.Fatalf("%d plans shown whole, and no heading for the %d left out:\n%s", shown, 30-shown, md[len(md)-2000:])
	}
	words := strings.Join(strings.Fields(md), " ") // as wrapped, a name may run over lines
	for i := shown; i < 30; i++ {
		if !strings.Contains(words, fmt.Sprintf("(plans/plan-%02d.yaml): a new plan, not in main", i+1)) {
			t.Errorf("plan %d, left out, is not named", i+1)
		}
	}
	if !strings.Contains(words, "Run the same ladder diff with --format text for every change.") {
		t.Errorf("the comment does not say where to read every change:\n%s", md[len(md)-2000:])
	}
	// A few plans fit whole, and nothing is said of a limit.
	if md := string(DiffsMarkdown("main (1a2b3c4)", changes[:3], nil)); strings.Contains(md, "more plans changed") || strings.Count(md, "\n## ") != 3 {
		t.Errorf("three plans were cut:\n%s", md)
	}
}

// newRatedPlans is n rated plans new since main (1a2b3c4), at
// plans/plan-01.yaml on, as a pull request adding them is compared.
func newRatedPlans(n int) []plans.FileChange {
	c, _ := checklist.Builtin(checklist.DefaultID)
	var changes []plans.FileChange
	for i := range n {
		path := fmt.Sprintf("plans/plan-%02d.yaml", i+1)
		changes = append(changes, plans.FileChange{Path: path, NewName: path, OldName: "main (1a2b3c4)", New: checklisttest.FilledPlan(c, uint64(i))})
	}
	return changes
}

// A plan whose file changed but not what it says (line endings turned to
// CRLF by an editor on Windows, comments, order) was counted "1 changed"
// in the summary above "The same (only its layout changed)": a reviewer
// went looking for a change.
func TestDiffSummaryCountsALayoutOnlyChangeAsSuch(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	same := plans.FileChange{Path: "plans/a.yaml", NewName: "plans/a.yaml", OldName: "plans/a.yaml at main (1a2b3c4)", Old: checklisttest.FilledPlan(c, 1), New: checklisttest.FilledPlan(c, 1)}
	other := plans.FileChange{Path: "plans/b.yaml", NewName: "plans/b.yaml", OldName: "plans/b.yaml at main (1a2b3c4)", Old: checklisttest.FilledPlan(c, 1), New: checklisttest.FilledPlan(c, 2)}
	for _, tc := range []struct {
		changes []plans.FileChange
		want    string
	}{
		{[]plans.FileChange{same}, "Plan changes since main (1a2b3c4): 1 plan: 1 with only its layout changed.\n"},
		{[]plans.FileChange{same, same, other}, "Plan changes since main (1a2b3c4): 3 plans: 1 changed, 2 with only their layout changed.\n"},
	} {
		text := string(DiffsText("main (1a2b3c4)", tc.changes, nil))
		if !strings.HasPrefix(text, tc.want) {
			t.Errorf("the diff begins\n%s\nwant\n%s", text[:strings.Index(text, "\n")+1], tc.want)
		}
		if md := string(DiffsMarkdown("main (1a2b3c4)", tc.changes, nil)); !strings.Contains(md, strings.TrimPrefix(strings.TrimSuffix(tc.want, ".\n"), "Plan changes since")[1:]) {
			t.Errorf("the Markdown does not say %q:\n%s", tc.want, md)
		}
	}
}

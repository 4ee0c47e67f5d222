package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// historyFixture is four commits of a plan: loaded, broken, loaded
// again after a rename, deleted.
func historyFixture(t *testing.T) []plans.HistoryEntry {
	t.Helper()
	first := loadFixture(t, "../plans/testdata/golden.yaml")
	second := loadFixture(t, "../plans/testdata/golden.yaml")
	second.Items["lc-culture"].Rating = "green"
	second.Items["lc-vision"].Status = plans.StatusDone
	_, err := plans.Parse("abc1234:plans/acme.yaml", []byte("schema: 1\nchecklist: {id: smc-progression, version: '1'}\nitems:\n  lc-vision: {rating: purple}\n  nope: {}\n"), nil)
	if err == nil {
		t.Fatal("the broken plan loaded")
	}
	entries := []plans.HistoryEntry{
		{Commit: "1111111", Date: day(2027, 1, 15), Subject: "Start the review"},
		{Commit: "abc1234", Date: day(2027, 1, 20), Subject: "Typo", Problem: "did not load: " + plans.ProblemSummary(err)},
		{Commit: "2222222", Date: day(2027, 2, 1), Subject: "Rate culture", RenamedFrom: "plans/old.yaml"},
		{Commit: "3333333", Date: day(2027, 3, 1), Subject: "Remove", Problem: "deleted in this commit"},
	}
	entries[0].SetPlan(first)
	entries[2].SetPlan(second)
	return entries
}

func TestHistoryText(t *testing.T) {
	t.Parallel()
	entries := historyFixture(t)
	want := `History of plans/acme.yaml: 4 commits, oldest first.
Counts are ■ Red / ▲ Amber / ● Green / ○ Unrated.
Done is actions done / all actions: each item's action and each project-plan step, a step that repeats an item's action counted once.

Date        Commit   Leadership & Culture  Workforce  Enablers  Total     Done  Subject
2027-01-15  1111111  1/1/0/2               0/0/1/1    0/0/1/14  1/1/2/17  1/4   Start the review
2027-01-20  abc1234  did not load: 4:23: item lc-vision rating "purple" is not one of red, amber, green, unrated (and 1 more problem)
2027-02-01  2222222  1/1/1/1               0/0/1/1    0/0/1/14  1/1/3/16  2/4   Rate culture (renamed from plans/old.yaml)
2027-03-01  3333333  deleted in this commit
`
	if got := string(HistoryText("plans/acme.yaml", entries, false, 200)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	md := HistoryMarkdown("plans/acme.yaml", entries, false)
	if !strings.Contains(string(md), "| 2027-01-20 | abc1234 | - | - | - | - | see below |\n") {
		t.Errorf("markdown:\n%s", md)
	}
	checkContains(t, "markdown", string(md),
		"| Total | Done |\n",
		"| 1/1/3/16 | 2/4 |\n",
		"Done\nis actions done / all actions: each item's action and each project-plan step, a\n")
	// Every commit's subject is kept, in a list below the table.
	checkContains(t, "markdown", string(md),
		"\n## Commits\n\n- **1111111, 2027-01-15:** Start the review\n",
		"\n- **abc1234, 2027-01-20:** Typo (did not load: 4:23: item lc-vision rating\n",
		"\n- **2222222, 2027-02-01:** Rate culture (renamed from plans/old.yaml)\n",
	)
	lint(t, map[string][]byte{"history.md": md})
}

func TestHistoryWithNothingLoaded(t *testing.T) {
	entries := []plans.HistoryEntry{{Commit: "1111111", Date: day(2027, 1, 15), Subject: "Broken", Problem: "did not load: 1:1: not YAML"}}
	want := "History of a.yaml: 1 commit, oldest first.\n\nDate        Commit   Subject\n2027-01-15  1111111  did not load: 1:1: not YAML\n"
	if got := string(HistoryText("a.yaml", entries, false, 80)); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

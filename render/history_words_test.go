package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A screen reader reads "1/1/0/2" as a fraction or a date, and the
// table's columns as one run of them: the words form says each commit in
// sentences that name every figure.
func TestHistoryWords(t *testing.T) {
	entries := historyFixture(t)
	want := `History of plans/acme.yaml: 4 commits, oldest first.
Each commit says how many items of each area are red, amber, green and unrated,
and how many of the plan's actions were done: each item's action and each
project-plan step, a step that repeats an item's action counted once.

Commit 1111111, 15 January 2027: Start the review.
Leadership and Culture: 1 red, 1 amber, 0 green, 2 unrated. Workforce: 0 red,
0 amber, 1 green, 1 unrated. Enablers: 0 red, 0 amber, 1 green, 14 unrated.
Total: 1 red, 1 amber, 2 green, 17 unrated. Actions: 1 done of 4.
Commit abc1234, 20 January 2027: Typo.
The plan did not load: 4:23: item lc-vision rating "purple" is not one of red,
amber, green, unrated (and 1 more problem).
Commit 2222222, 1 February 2027: Rate culture (renamed from plans/old.yaml).
Leadership and Culture: 1 red, 1 amber, 1 green, 1 unrated. Workforce: 0 red,
0 amber, 1 green, 1 unrated. Enablers: 0 red, 0 amber, 1 green, 14 unrated.
Total: 1 red, 1 amber, 3 green, 16 unrated. Actions: 2 done of 4.
Commit 3333333, 1 March 2027: Remove.
The plan was deleted in this commit.
`
	got := string(HistoryWords("plans/acme.yaml", entries, false, 80))
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	for _, shape := range []string{"/0", "■", "▲", "●", "○", "&"} {
		if strings.Contains(got, shape) {
			t.Errorf("the words form has %q, which a speech engine reads as a symbol or a fraction", shape)
		}
	}
}

// An older version whose checklist lacked an area says so in words, not
// with the table's "-"; text from a commit is made terminal-safe, and
// its sentence ends with one full stop.
func TestHistoryWordsAreaMissingAndHostileSubject(t *testing.T) {
	p := loadFixture(t, "../plans/testdata/golden.yaml")
	e := []plans.HistoryEntry{{Commit: "1111111", Date: day(2027, 1, 15), Subject: "Hide\x1b[8m this."}, {Commit: "2222222", Date: day(2027, 1, 16), Subject: "Later"}}
	e[0].SetPlan(p)
	e[1].SetPlan(p)
	e[0].Counts = e[0].Counts[:1]
	got := string(HistoryWords("a.yaml", e, false, 200))
	checkContains(t, "words", got, ": Hide␛[8m this.\n", // one full stop
		"Workforce: not in the checklist at this commit.")
	if strings.Contains(got, "\x1b") {
		t.Errorf("a control character reached the terminal: %q", got)
	}
}

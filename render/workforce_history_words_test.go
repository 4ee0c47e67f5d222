package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

// The data's history for a screen reader: a grade shown with its
// neighbour is named with it, hidden shares are said in words, and a
// version that did not load says why, all dates spelt out.
func TestWorkforceHistoryWords(t *testing.T) {
	first := workforceFixture().Data
	second := workforceFixture().Data
	second.Grades = append([]workforce.Grade{}, second.Grades...)
	second.Grades[2].Counts = workforce.Counts{12, 12, 25, 2, 0}
	second.Collected = "2028-02-20"
	versions := []WorkforceVersion{
		{Commit: "1a2b3c4", Date: "2027-03-10", Subject: "Spring survey", Data: first},
		{Commit: "5d6e7f8", Date: "2027-06-01", Subject: "Broke it", Problem: "did not load: 18:20: the working_class count cannot be negative"},
		{Commit: "9a8b7c6", Date: "2028-03-12", Subject: "A year on\x1b[2J", Data: second},
		{Commit: "0f0f0f0", Date: "2028-04-01", Subject: "Remove", Problem: "deleted in this commit"},
	}
	got := string(WorkforceHistoryWords("plans/acme.data.yaml", versions, 200))
	checkContains(t, "words", got,
		"\nCommit 1a2b3c4, collected 10 March 2027: Spring survey. Working-class share: Team member 46%, Team leader 40%, Manager and Director fewer than 10, all grades not shown.\n",
		"\nCommit 5d6e7f8, committed 1 June 2027: Broke it. The data file did not load: 18:20: the working_class count cannot be negative.\n",
		"\nCommit 9a8b7c6, collected 20 February 2028, committed 12 March 2028: A year on␛[2J. Working-class share: Team member 46%, Team leader 40%, Manager and Director 22%, all grades 39%.\n",
		"\nCommit 0f0f0f0, committed 1 April 2028: Remove. The data file was deleted in this commit.\n",
	)
	if strings.ContainsAny(got, "\x1b+<") || strings.Contains(got, "--") {
		t.Errorf("the words form has a symbol for a screen reader to read out, or a control character:\n%s", got)
	}
	// Wrapped, a hidden share's words stay on one line.
	narrow := string(WorkforceHistoryWords("plans/acme.data.yaml", versions[:1], 72))
	checkContains(t, "narrow", narrow, "Manager and Director\nfewer than 10, all grades not shown.\n")
}

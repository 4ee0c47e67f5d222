package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func votes(red, amber, green, unsure int) *plans.Votes {
	return &plans.Votes{Levels: map[string]int{"red": red, "amber": amber, "green": green}, Unsure: unsure}
}

// A plan voted on again: one item re-voted (and now split), one voted on
// for the first time, one unchanged.
func votedPlans(t *testing.T) (old, new *plans.Plan) {
	old = loadFixture(t, "testdata/diff-old.yaml")
	new = old.Clone()
	old.Response("lc-vision").Votes = votes(0, 4, 2, 0)
	new.Response("lc-vision").Votes = votes(2, 1, 3, 0)
	new.Response("wf-interventions").Votes = votes(0, 1, 5, 1)
	old.Response("lc-culture").Votes = votes(1, 1, 1, 1)
	new.Response("lc-culture").Votes = votes(1, 1, 1, 1)
	return old, new
}

func TestDiffShowsVoteChanges(t *testing.T) {
	t.Parallel()
	old, new := votedPlans(t)
	c := plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	text := string(DiffText(c))
	checkContains(t, "the text diff", text,
		"Room's votes: 2 items voted on, 1 of them again\n",
		"  Develop a clear vision for your D&I strategy (Leadership & Culture)\n    votes: ■ 0  ▲ 4  ● 2  ? 0 → ■ 2  ▲ 1  ● 3  ? 0\n    the room disagreed: votes from ■ Red to ● Green\n",
		"    votes: (no votes) → ■ 0  ▲ 1  ● 5  ? 1\n",
	)
	if strings.Contains(text, "Cultural questions") {
		t.Errorf("an item whose votes did not change is listed:\n%s", text)
	}
	md := DiffMarkdown(c)
	if !strings.Contains(string(md), "## Room's votes\n") || !strings.Contains(words(string(md)), "- **Votes:** ■ 0 ▲ 4 ● 2 ? 0 → ■ 2 ▲ 1 ● 3 ? 0 - The room disagreed: votes from ■ Red to ● Green") {
		t.Errorf("the Markdown diff lacks the votes:\n%s", md)
	}
	lint(t, map[string][]byte{"votes.md": md})
}

// The first review with the room, against the plan before it: every item
// voted on is voted on for the first time, and the diff said "voted on
// again" of each. A second round on items voted before says "again".
func TestDiffSaysWhetherTheRoomVotedBefore(t *testing.T) {
	t.Parallel()
	old, new := votedPlans(t)
	old.Response("lc-vision").Votes = nil
	old.Response("lc-culture").Votes = nil
	new.Response("lc-culture").Votes = nil
	c := plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	text := string(DiffText(c))
	checkContains(t, "the text diff", text, "Room's votes: 2 items voted on\n")
	if strings.Contains(text, "again") {
		t.Errorf("a first vote is said to be again:\n%s", text)
	}

	old, new = votedPlans(t)
	new.Response("wf-interventions").Votes = nil
	c = plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	checkContains(t, "the text diff", string(DiffText(c)), "Room's votes: 1 item voted on again\n")
}

// Votes taken out of the plan (by hand, or a plan put back to one from
// before the room) are not votes cast: the summary said "1 item voted on
// again" of an item that now has none.
func TestDiffDoesNotCallVotesRemovedAVote(t *testing.T) {
	t.Parallel()
	old, new := votedPlans(t)
	new.Response("lc-vision").Votes = nil
	c := plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	text := string(DiffText(c))
	checkContains(t, "the text diff", text,
		"Room's votes: 1 item voted on; votes removed from 1 item\n",
		"    votes: ■ 0  ▲ 4  ● 2  ? 0 → (no votes)\n",
	)

	new.Response("wf-interventions").Votes = nil
	c = plans.FileChange{Path: "plans/acme.yaml", OldName: "plans/acme.yaml at HEAD~1", NewName: "plans/acme.yaml", Old: old, New: new}
	checkContains(t, "the text diff", string(DiffText(c)), "Room's votes: votes removed from 1 item\n")
}

func TestReportListsWhereTheRoomDisagreed(t *testing.T) {
	t.Parallel()
	_, p := votedPlans(t)
	md := ReportMarkdown(p, plans.Date{Year: 2027, Month: 4, Day: 1})
	want := "## Where the room disagreed\n\nThe room's votes went from one end of the scale to the other on these items.\n\n- Develop a clear vision for your D&I strategy (Leadership & Culture): ■ Red 2, ▲ Amber 1, ● Green 3, not sure 0\n- Cultural questions (Leadership & Culture): ■ Red 1, ▲ Amber 1, ● Green 1, not sure 1\n"
	if !strings.Contains(words(string(md)), words(want)) {
		t.Errorf("the report lacks\n%s\nin:\n%s", want, md)
	}
	if !strings.Contains(string(md), "Room's votes") {
		t.Error("the report does not give each item's spread")
	}
	lint(t, map[string][]byte{"report.md": md})
	html := string(ReportHTML(p, plans.Date{Year: 2027, Month: 4, Day: 1}, nil))
	if !strings.Contains(html, "<strong>Where the room disagreed</strong>") || !strings.Contains(html, "; Cultural questions (Leadership &amp; Culture).</p>") {
		t.Error("the HTML report does not list where the room disagreed")
	}
	// A plan nobody voted on has no such section.
	old, _ := votedPlans(t)
	old.Response("lc-culture").Votes = nil
	if strings.Contains(string(ReportMarkdown(old, plans.Date{Year: 2027, Month: 4, Day: 1})), "disagreed") {
		t.Error("a plan with no split votes says the room disagreed")
	}
}

// words is text with its line breaks and runs of spaces as one space:
// Markdown wraps long lines.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

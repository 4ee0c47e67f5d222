package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

// Presenter mode shows the room the review's summary of the data without
// what is the facilitator's: the data file's name and the command that
// shows the rest. The figures and the reading are the summary's own, from
// the same protected table.
func TestWorkforceForTheRoomIsTheSummaryWithoutTheFile(t *testing.T) {
	t.Parallel()
	l := workforceFixture()
	review, room := WorkforceSummary(l), WorkforceForRoom(l)
	all := strings.Join(room, "\n")
	checkContains(t, "room", all, "Workforce data collected 2027-03-10: ", "Cliff edge between Team leader and Manager + Director")
	for _, not := range []string{"acme.data.yaml", "ladder data show", "plans/"} {
		if strings.Contains(all, not) {
			t.Errorf("the room's lines name %q:\n%s", not, all)
		}
	}
	// Every line but the first (the file's name) and the last (the
	// command) is the review's, word for word.
	if len(room) != len(review)-1 {
		t.Fatalf("%d lines for the room, %d in the review:\n%s\n--\n%s", len(room), len(review), all, strings.Join(review, "\n"))
	}
	if _, rest, _ := strings.Cut(review[0], "): "); !strings.HasSuffix(room[0], ": "+rest) {
		t.Errorf("first line %q does not say the review's %q", room[0], rest)
	}
	for i := 1; i < len(room); i++ {
		if room[i] != review[i] {
			t.Errorf("line %d: %q, the review says %q", i, room[i], review[i])
		}
	}
}

// Where nothing can be shown, the room is told why, and the guide's
// advice, as the review says it, without the file's name.
func TestWorkforceForTheRoomSaysWhyNothingIsShown(t *testing.T) {
	t.Parallel()
	l := &workforce.Loaded{Path: "plans/small.data.yaml", Data: &workforce.Data{Threshold: 10, Grades: []workforce.Grade{
		{Name: "Staff", Headcount: 7, Counts: workforce.Counts{2, 1, 1, 0, 1}},
	}}}
	room := WorkforceForRoom(l)
	if !strings.HasPrefix(room[0], "Workforce data: ") || strings.Contains(strings.Join(room, "\n"), "small.data.yaml") {
		t.Errorf("the first line should say why without the file's name: %q", room)
	}
	if review := WorkforceSummary(l); len(room) != len(review) || room[1] != review[1] {
		t.Errorf("the room's advice is not the review's:\n%q\n%q", room, review)
	}
}

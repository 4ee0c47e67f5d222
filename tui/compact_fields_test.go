package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// TestTheOneLineSummaryKeepsTheDueDateAtEveryWidth: at every width from
// 40 to 240, the one-line summary of an item's fields is never wider than
// the window, and it keeps the due date (with how late it is) whole
// wherever a shorter action would have let it.
func TestTheOneLineSummaryKeepsTheDueDateAtEveryWidth(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 30)
	s := h.item()
	st := &s.c.styles
	r := s.response()
	long := "Write a one-page vision for why progression matters here and share it with every team"
	for _, c := range []struct{ action, owner, status, notes string }{
		{long, "Ana Smith", "in progress", "a note"},
		{long, "Sam Okonkwo-Fairweather of the Bristol bakery", "in progress", "a note"},
		{long, "", "", ""},
		{"Hire a coach for the leads", "Sam Okonkwo-Fairweather of the Bristol bakery", "in progress", ""},
		{"Short", "Sam Okonkwo-Fairweather of the Bristol bakery and the Leeds one", "", ""},
		{"Write the vision", "Ana", "", ""},
		{"", "Sam Okonkwo-Fairweather of the Bristol bakery", "in progress", "a note"},
	} {
		r.Action, r.Owner, r.Status, r.Notes = c.action, c.owner, plans.Status(c.status), c.notes
		r.Due = plans.Date{Year: 2027, Month: 2, Day: 1}
		due := r.Due.Friendly() + "  " + st.Warning.Render("⚠ "+lateWords(r.Due, r.Status, rvToday))
		if c.action == "" {
			due = r.Due.Friendly() // no action: nothing is late (TestAClearedActionIsNotCalledLate)
		}
		// The least line that keeps the due date: an action of one cell.
		least := "  " + st.Label.Render("Action") + " …" + st.Subtle.Render(" · ") + st.Label.Render("Due") + " " + due
		if c.action == "" {
			least = "  " + st.Label.Render("Due") + " " + due
		}
		for w := 40; w <= 240; w++ {
			got := s.compactFields(st, w, 1)
			name := fmt.Sprintf("%q/%q at %d", ansi.Truncate(c.action, 12, "…"), ansi.Truncate(c.owner, 12, "…"), w)
			if gw := ansi.StringWidth(got); gw > w {
				t.Errorf("%s: the line is %d cells wide:\n%s", name, gw, ansi.Strip(got))
			}
			if ansi.StringWidth(least) <= w && !strings.Contains(got, due) {
				t.Errorf("%s: the due date is not whole, though %q fits:\n%s", name, ansi.Strip(least), ansi.Strip(got))
			}
		}
	}
}

// lateWords is how late an action is on day today, as the screens say it
// (review.LateWords), for the tests to expect.
func lateWords(due plans.Date, status plans.Status, today plans.Date) string {
	return review.LateWords(due, status, today)
}

// TestTheEmptyFieldsLineIsNeverCut: an item with no action yet says, in
// its one line, that tab fills the fields in; at a 60-column window the
// full sentence was cut to "tab to fill the…", the one word a first-time
// user needed. From 50 cells (a 60-column window with its margins and
// more) the line is whole, shorter where the long one does not fit.
func TestTheEmptyFieldsLineIsNeverCut(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 30)
	s := h.item()
	st := &s.c.styles
	for w := 50; w <= 240; w++ {
		got := ansi.Strip(s.compactFields(st, w, 2))
		if ansi.StringWidth(got) > w || strings.Contains(got, "…") || !strings.HasSuffix(got, "tab to fill them in") {
			t.Errorf("at %d cells: %q", w, got)
		}
	}
}

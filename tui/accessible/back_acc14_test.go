package accessible

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestBackAtTheOrganisationGoesBackToTheList: someone who chose to begin
// a new review from the folder's list, by mistake, goes back to the list
// with back at its first question, and opens their plan from there
// without quitting. With no list before it (a plan path given), back
// there says there is nothing before it.
func TestBackAtTheOrganisationGoesBackToTheList(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	newPlan(t, filepath.Join(dir, "2027-01-10-acme-spring.yaml"), nil)
	out := runReviewOK(t, Options{Dir: dir}, linesReader([]string{"new", "back", "1", "quit"}))
	checkOutput(t, out,
		"Organisation: back\n\nPlans in the folder "+dir+", newest first:\n1) Acme: Spring",
		"Review of Acme: Spring.",
	)
	if strings.Contains(out, "This is the first question.") {
		t.Errorf("back at the organisation, after the list, said there is nothing before it:\n%s", out)
	}

	// Begun as the next review of a plan in the list, back at its first
	// question goes back to the list too.
	last := filepath.Join(t.TempDir(), "plans")
	newPlan(t, filepath.Join(last, "2026-01-15-acme-spring.yaml"), func(p *plans.Plan) {
		p.Date = plans.Date{Year: 2026, Month: 1, Day: 15}
		p.Response("lc-vision").Rating, p.Response("lc-vision").Action = "red", "Write it"
	})
	out = runReviewOK(t, Options{Dir: last}, linesReader([]string{"next", "back", "quit"}))
	checkOutput(t, out, "Title: back\n\nPlans in the folder "+last+", newest first:\n1) Acme: Spring")

	// No list before: a plan path given on the command line.
	path := filepath.Join(t.TempDir(), "new.yaml")
	out = runReviewOK(t, Options{Dir: dir, PlanPath: path}, linesReader([]string{"back", "quit"}))
	checkOutput(t, out, "Organisation: back\nThis is the first question.\nOrganisation: quit")
}

// TestBackToTheChecklistAsksItInOneLine: back from the checklist and on
// to it again asks it in one line, with the checklist chosen before as
// what Enter keeps, as the rating does at every item after the first:
// its choices in full once in a run, ? says them again. The one line
// says a name, or its start, is the answer: it says no number, and the
// names are long.
func TestBackToTheChecklistAsksItInOneLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	// Participants, then back at the checklist, Enter at the participants,
	// and the checklist again.
	out := runReviewOK(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "", "", "back", "", "?", "", "quit"}))
	first := strings.Index(out, "Checklist: back")
	if first < 0 {
		t.Fatalf("no back at the checklist:\n%s", out)
	}
	again := out[first:]
	help := strings.Index(again, "Checklist: ?")
	if help < 0 {
		t.Fatalf("no ? at the checklist asked again:\n%s", out)
	}
	if strings.Contains(again[:help], "1) ") {
		t.Errorf("the checklist asked again lists its choices in full:\n%s", again[:help])
	}
	checkOutput(t, again, "Participants: \nWhich checklist will you follow? 1 for Progression review and refine checklist, ", "(or the checklist's name or id, or the start of one)", "Type a question mark (?) to hear the choices in full again.\nChecklist: ?")
	if !strings.Contains(again[help:], "1) ") {
		t.Errorf("? at the checklist asked again does not say the choices in full:\n%s", again[help:])
	}
}

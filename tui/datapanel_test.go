package tui

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/workforce"
)

// rvAtFirstDataItem opens a plan whose items before the Enablers' Data
// group are rated, so the review resumes on the first item about the
// workforce data; data, when not nil, is written beside it first.
func rvAtFirstDataItem(t *testing.T, data *workforce.Data) *rvHarness {
	t.Helper()
	p := rvNewPlan(t)
	for _, e := range p.Checklist.Items() {
		if e.Item.Topic == checklist.TopicWorkforceData {
			break
		}
		p.Items[e.Item.ID].Rating = "amber"
	}
	dir, path := rvWritePlan(t, p)
	if data != nil {
		if err := os.WriteFile(workforce.PathFor(path), workforce.Encode(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rvStart(t, Options{PlanPath: path, Dir: dir}, 80, 24)
}

func TestDataItemsShowTheWorkforceData(t *testing.T) {
	h := rvAtFirstDataItem(t, &workforce.Data{Schema: 1, Collected: "2027-03-10", Threshold: 10, Target: 75, Grades: []workforce.Grade{
		{Name: "Team member", Headcount: 90, Counts: workforce.Counts{30, 20, 15, 0, 10}},
		{Name: "Team leader", Headcount: 50, Counts: workforce.Counts{14, 10, 11, 10, 1}},
		{Name: "Manager", Headcount: 60, Counts: workforce.Counts{3, 12, 25, 10, 2}},
	}})
	h.requireView("Do you collect socio-economic data from applicants and your workforce?",
		"Your workforce data", "173 responses, a response rate of 87% against a",
		"Cliff edge between Team leader and Manager", "40% to 23% or less")
	// The same lines on the next item about the data, none on an item
	// that is not.
	h.press("n")
	h.requireView("Do you record and evaluate the take up of training", "Cliff edge between Team leader and Manager")
	h.press("p", "p")
	h.requireView("Interventions")
	h.refuseView("workforce data", "Cliff edge")
}

func TestDataItemsSayHowToStart(t *testing.T) {
	h := rvAtFirstDataItem(t, nil)
	h.requireView("No workforce data yet", "ladder data import responses.csv --plan")
}

// The command to import data is never broken inside the plan's path (at
// a hyphen, as the terminal would not join it back when copied): the
// path moves to a line of its own instead (issue 12.4's rule for
// commands).
func TestDataItemsKeepTheCommandsPathWhole(t *testing.T) {
	t.Chdir(t.TempDir())
	p := rvNewPlan(t)
	for _, e := range p.Checklist.Items() {
		if e.Item.Topic == checklist.TopicWorkforceData {
			break
		}
		p.Items[e.Item.ID].Rating = "amber"
	}
	if err := os.MkdirAll("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	path := "plans/2026-11-28-bean-there-cafe-spring-review.yaml"
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{PlanPath: path, Dir: "plans"}, 80, 24)
	h.requireView("No workforce data yet", "ladder data import responses.csv --plan", path+" (ladder data --help")
}

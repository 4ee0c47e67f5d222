package tui

import (
	"os"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// rvAtFirstDataItem opens plans/acme.yaml, in a temp folder made the
// working one (so that paths are as short as a user's), with the items
// before the Enablers' Data group rated, so the review resumes on the
// first item about the workforce data; data, when not nil, is written
// beside it first.
func rvAtFirstDataItem(t *testing.T, data *workforce.Data) *rvHarness {
	t.Helper()
	return rvAtFirstDataItemOf(t, "plans/acme.yaml", data)
}

// rvAtFirstDataItemOf is rvAtFirstDataItem for the plan at path (under
// plans/), its name as long as a test needs.
func rvAtFirstDataItemOf(t *testing.T, path string, data *workforce.Data) *rvHarness {
	t.Helper()
	p := rvNewPlan(t)
	for _, e := range p.Checklist.Items() {
		if e.Item.Topic == checklist.TopicWorkforceData {
			break
		}
		p.Items[e.Item.ID].Rating = "amber"
	}
	return rvResumeWithDataAt(t, path, p, data)
}

// rvResumeWithData opens p as rvAtFirstDataItem does.
func rvResumeWithData(t *testing.T, p *plans.Plan, data *workforce.Data) *rvHarness {
	t.Helper()
	return rvResumeWithDataAt(t, "plans/acme.yaml", p, data)
}

// rvResumeWithDataAt is rvResumeWithData for the plan at path.
func rvResumeWithDataAt(t *testing.T, path string, p *plans.Plan, data *workforce.Data) *rvHarness {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	if data != nil {
		if err := os.WriteFile(workforce.PathFor(path), workforce.Encode(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rvStart(t, Options{PlanPath: path, Dir: "plans"}, 80, 24)
}

// cliffEdgeData is three grades with a cliff edge between the second and
// the third, and a response rate over its target.
func cliffEdgeData() *workforce.Data {
	return &workforce.Data{Schema: 1, Collected: "2027-03-10", Threshold: 10, Target: 75, Grades: []workforce.Grade{
		{Name: "Team member", Headcount: 90, Counts: workforce.Counts{30, 20, 15, 0, 10}},
		{Name: "Team leader", Headcount: 50, Counts: workforce.Counts{14, 10, 11, 10, 1}},
		{Name: "Manager", Headcount: 60, Counts: workforce.Counts{3, 12, 25, 10, 2}},
	}}
}

func TestDataItemsShowTheWorkforceData(t *testing.T) {
	h := rvAtFirstDataItem(t, cliffEdgeData())
	h.requireView("Do you collect socio-economic data from applicants and your workforce?",
		"Your workforce data", "a response rate of 87% against a target of 75%",
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
	path := "plans/2026-11-28-bean-there-cafe-spring-review.yaml"
	h := rvAtFirstDataItemOf(t, path, nil)
	h.requireView("No workforce data yet", "ladder data import responses.csv --plan", path+" (ladder data --help")
}

// A window too small for the data says, in one line, that it is there
// and how to see it, instead of leaving it out unsaid; a window that fits
// it shows it whole, without the line. The line names the command that
// shows it (a laptop's 60x16 window may be as tall as it goes), where it
// said only "make the window taller".
func TestDataItemsSayWhenTheWindowIsTooSmallForTheData(t *testing.T) {
	h := rvAtFirstDataItem(t, cliffEdgeData())
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.requireView("Do you collect socio-economic data", "… your data: ladder data show plans/acme.data.yaml")
	h.refuseView("Cliff edge")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.requireView("Your workforce data", "Cliff edge between Team leader and Manager", "ladder data show plans/acme.data.yaml")
	h.refuseView("make the window taller")
}

// On an item with questions, the data keeps a line from them to say it
// is there: the questions left out say so too, and space shows them.
func TestDataItemsKeepALineFromTheQuestions(t *testing.T) {
	_, p := rvPlanOf(t, "smc-building-blocks")
	for _, e := range p.Checklist.Items() {
		if e.Item.ID == "bb-data-reassure" {
			break
		}
		p.Items[e.Item.ID].Rating = "amber"
	}
	h := rvResumeWithData(t, p, nil)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.requireView("Reassure them that the data will:", "… 3 more questions · space shows them",
		"… how to add workforce data: ladder data --help")
}

// A window with room for some of the data shows whole lines of it, and
// says on the last that there is more.
func TestDataItemsSayWhenSomeOfTheDataIsLeftOut(t *testing.T) {
	h := rvAtFirstDataItem(t, cliffEdgeData())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 17})
	h.requireView("a response rate of 87% against a target of 75%", "… and more: ladder data show plans/acme.data.yaml, or a taller")
	h.refuseView("The chart, the rule and the numbers")
}

func TestDataItemsSayHowToStartWhenTheWindowIsTooSmall(t *testing.T) {
	h := rvAtFirstDataItem(t, nil)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.requireView("… how to add workforce data: ladder data --help")
	h.refuseView("ladder data import")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.requireView("No workforce data yet", "ladder data import responses.csv --plan")
	h.refuseView("make the window taller")
}

// The review open, ladder data import run in another window as the item
// says: the data shows when the item is come back to, where it went on
// saying "No workforce data yet" until ladder was quit and started again;
// and figures imported again show as they are now.
func TestDataItemsShowDataImportedDuringTheReview(t *testing.T) {
	h := rvAtFirstDataItem(t, nil)
	h.requireView("No workforce data yet")
	data := cliffEdgeData()
	if err := os.WriteFile(workforce.PathFor("plans/acme.yaml"), workforce.Encode(data), 0o644); err != nil {
		t.Fatal(err)
	}
	h.press("n")
	h.requireView("Do you record and evaluate the take up of training", "a response rate of 87% against a target of 75%")
	data.Target = 90
	if err := os.WriteFile(workforce.PathFor("plans/acme.yaml"), workforce.Encode(data), 0o644); err != nil {
		t.Fatal(err)
	}
	h.press("p")
	h.requireView("Do you collect socio-economic data from applicants and your workforce?", "a response rate of 87% against a target of 90%")
}

//go:build unix

package tui_test

import (
	"os"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// TestPresenterModeWorkforceDataEndToEnd runs `ladder review --present`
// in a pseudo-terminal on a plan with a data file, resuming on the first
// item about the data: the figures are hidden until D, shown, hidden
// again by D; a window too short for them says so in a line.
func TestPresenterModeWorkforceDataEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2ePlan(t, dir, "x.yaml", func(p *plans.Plan) {
		for _, e := range p.Checklist.Items() {
			if e.Item.Topic == checklist.TopicWorkforceData {
				break
			}
			p.Items[e.Item.ID].Rating = "amber"
		}
	})
	data := &workforce.Data{Schema: 1, Collected: "2027-03-10", Threshold: 10, Target: 75, Grades: []workforce.Grade{
		{Name: "Team member", Headcount: 90, Counts: workforce.Counts{30, 20, 15, 0, 10}},
		{Name: "Team leader", Headcount: 50, Counts: workforce.Counts{14, 10, 11, 10, 1}},
		{Name: "Manager", Headcount: 60, Counts: workforce.Counts{3, 12, 25, 10, 2}},
	}}
	if err := os.WriteFile(workforce.PathFor(path), workforce.Encode(data), 0o644); err != nil {
		t.Fatal(err)
	}
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24, env: []string{"NO_COLOR=1"}}, "review", "--present", "plans/x.yaml")
	hidden := "The plan has workforce data for this item: D shows it to the room"
	figures := []string{"a response rate of 87%", "Cliff edge between Team leader and Manager", "23% or less"}
	screen := e.waitFor("E N A B L E R S", hidden)
	for _, f := range append(figures, "87%") {
		if strings.Contains(screen, f) {
			t.Fatalf("the figures show before D:\n%s", screen)
		}
	}
	e.keys("D")
	screen = e.waitFor(append(figures, "D hides it again")...)
	if strings.Contains(screen, "x.data.yaml") || strings.Contains(screen, "ladder data show") {
		t.Fatalf("the room is shown the data file's name or the command:\n%s", screen)
	}
	e.keys("D")
	e.waitUntil("the figures hidden again", func(screen string) bool {
		return strings.Contains(screen, hidden) && !strings.Contains(screen, "87%")
	})
	e.keys("D")
	e.waitFor("Cliff edge")
	e.resize(60, 16)
	e.waitUntil("the line saying the window is too short", func(screen string) bool {
		return strings.Contains(screen, "make the text smaller") && strings.Contains(screen, "D hides it") && !strings.Contains(screen, "87%")
	})
	e.keys("q")
	e.exits(0)
}

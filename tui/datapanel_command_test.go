package tui

import (
	"os"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/workforce"
)

// The data's last line names the command that shows it all. At 80x24,
// for plans/hartley.yaml, it was wrapped between "ladder data show" and
// the path, and the office manager who copied the first line ran the
// command with no file. The command goes to a line of its own, whole.
func TestDataItemsKeepTheShowCommandWhole(t *testing.T) {
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
	path := "plans/hartley.yaml"
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(workforce.PathFor(path), workforce.Encode(cliffEdgeData()), 0o644); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{PlanPath: path, Dir: "plans"}, 80, 24)
	h.requireView("Cliff edge between Team leader and Manager", "The chart, the rule and the numbers:")
	lines := strings.Split(h.view(), "\n")
	whole := false
	for i, l := range lines {
		if strings.Contains(l, "ladder data show plans/hartley.data.yaml") {
			whole = true
		}
		if strings.HasSuffix(strings.TrimSpace(l), "ladder data show") && i+1 < len(lines) {
			t.Errorf("the command is broken before its path:\n%s\n%s", l, lines[i+1])
		}
	}
	if !whole {
		t.Errorf("the command is not on one line:\n%s", h.view())
	}
}

package tui

import (
	"strings"
	"testing"
)

// The data's last line names the command that shows it all. At 80x24,
// for plans/hartley.yaml, it was wrapped between "ladder data show" and
// the path, and the office manager who copied the first line ran the
// command with no file. The command goes to a line of its own, whole.
func TestDataItemsKeepTheShowCommandWhole(t *testing.T) {
	h := rvAtFirstDataItemOf(t, "plans/hartley.yaml", cliffEdgeData())
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

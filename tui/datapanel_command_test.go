package tui

import (
	"strings"
	"testing"
)

// The data's last line names the command that shows it all. At 80x24,
// for plans/hartley.yaml, it was wrapped between "ladder data show" and
// the path, and the office manager who copied the first line ran the
// command with no file. The command goes to a line of its own, whole;
// so does one whose path has a space in it, quoted as the shell reads it,
// and one whose path holds the words "ladder data show ": found by the
// last of them, it was broken in its path.
func TestDataItemsKeepTheShowCommandWhole(t *testing.T) {
	for plan, cmd := range map[string]string{
		"plans/hartley.yaml":             "ladder data show plans/hartley.data.yaml",
		"plans/Hartley & Sons.yaml":      "ladder data show 'plans/Hartley & Sons.data.yaml'",
		"plans/ladder data show me.yaml": "ladder data show 'plans/ladder data show me.data.yaml'",
	} {
		h := rvAtFirstDataItemOf(t, plan, cliffEdgeData())
		h.requireView("Cliff edge between Team leader and Manager", "The chart, the rule and the numbers:")
		lines := strings.Split(h.view(), "\n")
		whole := false
		for i, l := range lines {
			if strings.Contains(l, cmd) {
				whole = true
			}
			if strings.Contains(l, "the numbers: ") && !strings.Contains(l, cmd) && i+1 < len(lines) && !strings.Contains(lines[i+1], cmd) {
				t.Errorf("%s: the command is broken in its path:\n%s\n%s", plan, l, lines[i+1])
			}
		}
		if !whole {
			t.Errorf("%s: the command is not on one line:\n%s", plan, h.view())
		}
	}
}

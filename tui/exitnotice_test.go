package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// What ladder says as it ends is laid out to the terminal at its spaces:
// the terminal broke a long line wherever it reached the edge, inside a
// path ("hill-s-baker" then "y-spring-review.yaml"). A command (indented)
// and a word wider than the terminal are left whole, for the terminal to
// wrap softly and a copy to paste as one line.
func TestTheExitNoticeIsLaidOutAtItsSpaces(t *testing.T) {
	path := "plans/2026-12-01-hill-s-bakery-spring-review.yaml"
	long := "plans/" + strings.Repeat("a-very-long-name-", 5) + "review.yaml"
	command := "  ladder review --present " + path
	notice := "Every answer given is saved in " + path + " (1 of 21 items rated).\n" +
		"To carry on where you left off, run:\n" + command + "\n" +
		"Your plan is saved in " + long + ". To keep it in git:"
	got := layOutNotice(notice, 60)
	lines := strings.Split(got, "\n")
	for _, l := range lines {
		if l == command || strings.Contains(l, long) {
			continue
		}
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("a line is %d cells, past the terminal's 60: %q", w, l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("a line ends in a space: %q", l)
		}
	}
	for _, whole := range []string{path, command, long} {
		if !strings.Contains(got, whole) {
			t.Errorf("%q is not whole on one line:\n%s", whole, got)
		}
	}
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(notice), " ") {
		t.Errorf("the words changed:\n%s", got)
	}
	if len(lines) < 6 {
		t.Errorf("the long lines were not broken:\n%s", got)
	}
	if layOutNotice(notice, 0) != notice {
		t.Error("a terminal of unknown width got the notice laid out")
	}
}

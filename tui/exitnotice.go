package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// layOutNotice lays out what ladder says as it ends (app.exitNotice) to
// the terminal's width: outside the full-screen view the terminal wraps a
// long line wherever it reaches the edge, which broke words and paths
// ("hill-s-baker" then "y-spring-review.yaml"). Each line of words is
// broken at its spaces, never inside a word (nor at a hyphen, which paths
// and dates are full of); a word wider than the terminal stays whole on a
// line of its own, for the terminal to wrap softly. A line indented by two
// spaces is a command to copy and paste, and is left whole. width <= 0 (not
// known) leaves the notice as it is.
func layOutNotice(notice string, width int) string {
	if width <= 0 {
		return notice
	}
	lines := strings.Split(notice, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  ") || ansi.StringWidth(l) <= width {
			continue
		}
		lines[i] = notAtHyphens(l, func(s string) string { return ansi.Wordwrap(s, width, "") })
	}
	return strings.Join(lines, "\n")
}

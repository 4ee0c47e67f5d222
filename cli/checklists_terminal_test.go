package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
)

// TestChecklistsFitAnEightyColumnTerminal: the list of built-in checklists
// is about 140 columns wide (the Building Blocks' title), so an 80-column
// terminal broke titles mid-word at its edge ("Progressio" / "n review").
// At a terminal each row fits, the title wrapped whole words at a time;
// into a pipe each checklist stays one row, for grep and scripts.
func TestChecklistsFitAnEightyColumnTerminal(t *testing.T) {
	out, _ := runAtATerminal(t, "checklists")
	text := strings.ReplaceAll(string(out), "\r\n", "\n")
	for _, line := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("a line %d columns wide at an 80-column terminal:\n%s", w, line)
		}
	}
	words := strings.Join(strings.Fields(text), " ")
	for _, c := range checklist.Builtins() {
		if !strings.Contains(words, c.Title) {
			t.Errorf("the title %q is not whole in:\n%s", c.Title, text)
		}
	}

	var piped, stderr bytes.Buffer
	if code := Main([]string{"checklists"}, nil, &piped, &stderr); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(piped.String(), "\n"), "\n")
	if len(lines) != 1+len(checklist.Builtins()) {
		t.Errorf("into a pipe, want a header and one row per checklist, got:\n%s", piped.String())
	}
}

package accessible

import (
	"path/filepath"
	"testing"
)

// A checklist file comes with a pull request: its glossary and its
// introduction are untrusted, as its title is (TestCustomChecklistTitleShownSafe).
// glossary printed them as they were, and the writer dropped their
// control characters, saying a term other than the file's; they are shown
// as pictures, as the "Checklist:" line shows the title.
func TestCustomGlossaryShownSafe(t *testing.T) {
	dir := t.TempDir()
	cl := tinyChecklist(t, dir, "Ours\nintro: \"Ab\\e[2Jout\"\n"+
		"glossary:\n  - {term: \"Gl\\e[31mossary\", definition: \"Def\\a inition\", source: \"Sour\\rce\"}")
	answers := []string{"Acme", "Ours", "", "", "glossary", "quit"}
	out := runReviewOK(t, Options{PlanPath: filepath.Join(dir, "plans", "ours.yaml"), Checklist: cl}, linesReader(answers))
	checkOutput(t, out, "- Gl␛[31mossary: Def␇ inition (Sour␍ce)\n", "- Ab␛[2Jout\n")
	assertPlain(t, out)
}

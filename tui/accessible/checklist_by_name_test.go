package accessible

import (
	"path/filepath"
	"testing"
)

// TestTheChecklistIsChosenByItsIDOrTheStartOfItsName: the checklist
// question said "Type 1, 2 or 3", no word that the name or id is taken
// too, and "building blocks", the name as a listener says it, was none of
// the choices. The hint says so now, and the start of a name or id that
// is one checklist's alone picks it.
func TestTheChecklistIsChosenByItsIDOrTheStartOfItsName(t *testing.T) {
	for _, typed := range []string{"smc-building-blocks", "building blocks", "Building"} {
		dir := filepath.Join(t.TempDir(), "plans")
		out := runReviewOK(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "", "", "smc", typed, "quit"}))
		checkOutput(t, out,
			"Type 1, 2 or 3 (or the checklist's name or id), or press Enter to choose Progression review and refine checklist.\n",
			"Checklist: smc\n\"smc\" is not one of the choices", // the start of every id
			"Checklist: "+typed+"\nCreated the plan ",
			"with 42 items to rate.",
		)
	}
}

package accessible

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTheChecklistChoiceIsSpokenByName: a new review's checklist
// question ended "press Enter to choose smc-progression", and asked again
// after back it offered "smc-progression, smc-building-blocks or
// smc-cross-industry-progression": a screen reader spells those ids out
// letter by letter and hyphen by hyphen. They are said by their titles'
// names now ("The Building Blocks"), which are answers as the ids and
// numbers still are.
func TestTheChecklistChoiceIsSpokenByName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	out := runReviewOK(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "", "", "back", "", "the building blocks", "quit"}))
	checkOutput(t, out,
		"Type 1, 2 or 3 (or the checklist's name or id), or press Enter to choose Progression review and refine checklist.\nChecklist: back",
		"Which checklist will you follow? 1 for Progression review and refine checklist, 2 for The Building Blocks or 3 for Cross-industry toolkit for employers (or the checklist's name or id, or the start of one), or press Enter to choose Progression review and refine checklist.",
		"Checklist: the building blocks\nCreated the plan",
	)
	if strings.Contains(out, "choose smc-") || strings.Contains(out, "follow? smc-") {
		t.Errorf("a checklist is still spoken by its id:\n%s", out)
	}
	p := onDiskPlan(t, planIn(t, dir))
	if p.Checklist.ID != "smc-building-blocks" {
		t.Errorf("the plan follows %s, want smc-building-blocks", p.Checklist.ID)
	}
}

// planIn is the one plan file in dir.
func planIn(t *testing.T, dir string) string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(found) != 1 {
		t.Fatalf("plans in %s: %v, %v", dir, found, err)
	}
	return found[0]
}

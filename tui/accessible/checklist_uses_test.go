package accessible

import (
	"path/filepath"
	"testing"
)

// TestTheChecklistChoiceSaysWhatEachIsFor: an employer choosing a
// checklist at the prompts heard three titles and their ids, not which
// suits them; ladder checklists says it ("For an employer starting out,
// not yet at progression"). Each choice now says what it is for, in the
// same words.
func TestTheChecklistChoiceSaysWhatEachIsFor(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	out := runReviewOK(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "", "", "quit"}))
	checkOutput(t, out,
		"1) Progression review and refine checklist (smc-progression): The default. For an employer already working on progression:",
		"2) The Building Blocks: An employer's guide to improving social mobility in the workplace (smc-building-blocks): For an employer starting out, not yet at progression:",
		"3) Cross-industry toolkit for employers: Progression (smc-cross-industry-progression): For rating progression activities at the level the Cross-industry toolkit puts them",
	)
}

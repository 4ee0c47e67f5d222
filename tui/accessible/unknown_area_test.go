package accessible

import (
	"path/filepath"
	"testing"
)

// TestItemOfAnUnknownAreaSaysTheAreas: "item 2 of people" at a rating
// got "not one of the choices", with no word that there is no area
// people. It says so now, and which areas there are; at a line of text
// the same words stay an ordinary answer.
func TestItemOfAnUnknownAreaSaysTheAreas(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{"item 2 of people", "item 2 of workforce", "quit"}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Rating: item 2 of people\n\"item 2 of people\" is not one of the choices: there is no area people. The areas are Leadership & Culture, Workforce and Enablers, as in item 2 of Leadership & Culture. Type 1, 2 or 3",
		"Rating: item 2 of workforce\n\nArea: Workforce\nItem 2 of 2 in this area",
	)
}

// The areas are said by their short titles, the words item N of takes:
// the Building Blocks' titles are sentences.
func TestUnknownAreaSaysTheShortTitles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	out := runReviewOK(t, Options{Dir: dir, Checklist: "smc-building-blocks"}, linesReader([]string{"Acme", "Spring", "", "", "item 2 of people", "quit"}))
	checkOutput(t, out, "there is no area people. The areas are Vision, Talent pool, Culture, Development, Progression, Data and Make a plan, as in item 2 of Vision.")
}

package tui

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

// The review opened before the data was imported: at the break, the
// facilitator runs ladder data import, as the screens out of presenter
// mode say, with the review still open. D then shows the data, read from the
// file now, where the line went on saying "No workforce data yet" and D
// did nothing until ladder was quit and started again (and the room's
// PIN with it).
func TestPresenterModeDReadsDataImportedDuringTheReview(t *testing.T) {
	h := presentAtFirstDataItem(t, nil, 120, 40)
	h.requireView("No workforce data in this plan yet.")
	if err := os.WriteFile(workforce.PathFor("plans/acme.yaml"), workforce.Encode(cliffEdgeData()), 0o644); err != nil {
		t.Fatal(err)
	}
	h.press("D")
	requireShown(t, h, "Cliff edge", "87%")
	h.requireView("D hides it again")
	h.press("D")
	h.requireView("D shows it to the room")
	refuseShown(t, h, "Cliff edge")
	// The next item about the data has it too, hidden until D.
	h.press("n")
	h.requireView("D shows it to the room")
	refuseShown(t, h, "Cliff edge")
}

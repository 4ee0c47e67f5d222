package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// PastedNote is a note of three lines pasted from a document into a
// terminal, which sends each line break as a carriage return: the second
// line indented, the third begun with a tab (a spreadsheet's cell). The
// accessible prompts' test pastes the same bytes
// (TestAccessiblePastedNoteOfSeveralLinesStaysTheNote).
const PastedNote = "Board agreed in May.\r  See the minutes, item 4.\r\tAna to chase."

// PastedNoteStored is that note as a plan keeps it from either front end:
// its lines and its indent as pasted, the tab four spaces, as the screens'
// notes field has always made one.
const PastedNoteStored = "Board agreed in May.\n  See the minutes, item 4.\n    Ana to chase."

// TestAPastedNoteIsStoredAsTheAccessibleModeStoresIt: the screens and the
// accessible prompts keep the same note, byte for byte, from the same
// pasted bytes.
func TestAPastedNoteIsStoredAsTheAccessibleModeStoresIt(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 100, 30)
	h.press("2", "tab") // Amber; on to the action
	h.typeText("Write the vision")
	h.press("tab")
	h.typeText("Ana")
	h.press("tab", "tab", "tab") // no due date; the status as it is; the notes
	h.send(tea.PasteMsg{Content: PastedNote})
	h.press("ctrl+n")
	if got := loadPlan(t, path).Response("lc-vision").Notes; got != PastedNoteStored {
		t.Errorf("the screens stored the pasted note as %q, want %q", got, PastedNoteStored)
	}
}

package tui

import "testing"

// shift+tab on the form's first field, empty, said "✗ the organisation's
// name is needed" before anything was typed: the field was not left
// (there is none before it), so nothing is flagged and it keeps the
// cursor. Leaving it empty for the next field still says it is needed.
func TestShiftTabOnTheEmptyFirstFieldFlagsNothing(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h := rvStart(t, Options{Dir: "plans"}, size[0], size[1])
		h.press("shift+tab")
		h.refuseView("is needed", "✗")
		h.requireView("› Organisation")
		h.press("tab")
		h.requireView("the organisation's name is needed")
	}
}

// Going back up the form leaves a field, but does not skip it: shift+tab
// from the title, untouched, back to the organisation to mend a typo said
// "✗ a title is needed" before the owner had been asked for one. A field
// is flagged as it is left forward (tab, enter) or at ctrl+s.
func TestGoingBackFromAnUntouchedTitleFlagsNothing(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h := rvStart(t, Options{Dir: "plans"}, size[0], size[1])
		h.typeText("Acme Cafe Ltd")
		h.press("tab", "shift+tab")
		h.refuseView("is needed", "✗")
		h.typeText("é")
		h.press("tab", "tab", "shift+tab")
		h.requireView("a title is needed") // skipped on the way down: said
		h.press("shift+tab", "tab", "tab")
		h.requireView("› Facilitator", "a title is needed")
	}
}

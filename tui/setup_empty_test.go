package tui

import "testing"

// The owner typed the organisation, pressed enter past the title to the
// checklist, and was told of the title only there, at enter, sent back up
// the form. A name or title left empty is said as it is left, the form
// going on as before, so that it can be filled now or later.
func TestSetUpSaysATitleIsNeededAsItIsLeftEmpty(t *testing.T) {
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 80, 24)
	h.typeText("Acme Café Ltd")
	h.press("enter")
	h.refuseView("is needed")
	h.press("enter")
	h.requireView("a title is needed")
	h.refuseView("the organisation's name is needed")
	if fs := h.a.screen(screenSetup).(*setupScreen); fs.focus != setupTitle+1 {
		t.Fatalf("focus on field %d, want the one after the title", fs.focus)
	}
	h.press("shift+tab")
	h.typeText("Spring review")
	h.refuseView("a title is needed")
	h.press("shift+tab", "ctrl+u", "tab")
	h.requireView("the organisation's name is needed")
}

// At 60x16, with "a title is needed" under the title, the form dropped
// where the plan will be saved and what to press to create it: the
// form's title gives way first, and both stay, each in a line.
func TestASmallFormSaysWhereAndHowWithATitleNeeded(t *testing.T) {
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 60, 16)
	h.typeText("Acme Café Ltd")
	h.press("enter", "enter")
	h.requireView("a title is needed", "Will be saved as plans/2027-03-14-acme-cafe-ltd.yaml", "ctrl+s, or enter on the checklist, creates it and begins.")
	requireFits(t, h, 60, 16)
	h.press("ctrl+s")
	h.requireView("a title is needed", "Will be saved as plans/2027-03-14-acme-cafe-ltd.yaml", "ctrl+s, or enter on the checklist, creates it and begins.")
	requireFits(t, h, 60, 16)
}

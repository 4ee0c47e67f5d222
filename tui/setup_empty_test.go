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

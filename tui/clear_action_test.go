package tui

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// An action emptied to be typed afresh keeps its status over a pause in
// typing: the pause stores what is typed (issue 12.1), and an action
// stored empty takes its status with it, so "doing" was lost to a
// rewording that paused a moment. The clearing is stored as the field is
// left, status and all; a new action typed before then keeps the status.
func TestAPauseInAnEmptiedActionKeepsItsStatus(t *testing.T) {
	p := rvNewPlan(t)
	r := p.Response("lc-vision")
	r.Rating, r.Action, r.Status = "amber", "Write the vision", plans.StatusDoing
	h, path := rvOpen(t, p, 80, 24)
	h.press("p", "tab", "ctrl+u")
	h.send(typingPauseMsg{h.a.typingGen})
	if r := loadPlan(t, path).Response("lc-vision"); r.Action != "Write the vision" || r.Status != plans.StatusDoing {
		t.Fatalf("a pause in the emptied action stored %+v", *r)
	}
	h.typeText("Write the vision with the team")
	h.send(typingPauseMsg{h.a.typingGen})
	h.press("tab")
	if r := loadPlan(t, path).Response("lc-vision"); r.Action != "Write the vision with the team" || r.Status != plans.StatusDoing {
		t.Fatalf("the action reworded: %+v", *r)
	}
	h.refuseView("Action cleared")
	h.press("shift+tab", "ctrl+u")
	h.send(typingPauseMsg{h.a.typingGen})
	h.press("tab")
	h.requireView("Action cleared, and its status, doing, with it.", "(•) todo")
	if r := loadPlan(t, path).Response("lc-vision"); r.Action != "" || r.Status != plans.StatusTodo {
		t.Fatalf("the action left empty: %+v", *r)
	}
}

// The status field beside no action: space set "doing" of nothing to do,
// saved so, which the report, status and diff read as nothing (the
// status belongs to the action). The field stays at todo, and the line
// under the fields says why and what to do.
func TestTheStatusWithNoActionSaysToWriteTheActionFirst(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("2", "tab", "tab", "tab", "tab", "space")
	h.requireView("A status goes with an action: write the action first.", "(•) todo")
	if r := loadPlan(t, path).Response("lc-vision"); r.Status != plans.StatusTodo {
		t.Fatalf("a status with no action was saved: %+v", *r)
	}
	h.press("shift+tab", "shift+tab", "shift+tab")
	h.typeText("Write the vision")
	h.press("tab", "tab", "tab", "space")
	h.refuseView("write the action first")
	if r := loadPlan(t, path).Response("lc-vision"); r.Status != plans.StatusDoing {
		t.Fatalf("the status of the action written: %+v", *r)
	}
}

// An action cleared as the item is left (ctrl+n) is said on the next
// item's screen, with the item it was said of: "Action cleared" alone
// there read as the next item's.
func TestAnActionClearedOnLeavingTheItemNamesIt(t *testing.T) {
	p := rvNewPlan(t)
	r := p.Response("lc-vision")
	r.Rating, r.Action, r.Status = "amber", "Write the vision", plans.StatusDoing
	h, path := rvOpen(t, p, 80, 24)
	h.press("p", "tab", "ctrl+u", "ctrl+n")
	h.requireView("item 2 of 4", "Item 1: Action cleared, and its status, doing, with it.")
	if r := loadPlan(t, path).Response("lc-vision"); r.Action != "" || r.Status != plans.StatusTodo {
		t.Fatalf("on disk: %+v", *r)
	}
}

package tui

import "testing"

// A facilitator types the action the room dictates straight after the
// rating, as a sentence begins: with a capital. P (presenter mode) and,
// with a clock, T (the item's time again) are keys there, so "Publish
// the vision" left presenter mode in front of the room at its P, and
// its letters acted: the b opened the board, the s the summary at the
// end. A small letter that can go on a word straight after the capital
// takes its key back and begins the action with both.
func TestAnActionBegunWithACapitalKeyIsWritten(t *testing.T) {
	for _, tc := range []struct {
		name    string
		present bool
		clocks  bool
		action  string
	}{
		{"presenter mode", true, false, "Publish the vision on the intranet"},
		{"outside presenter mode", false, false, "Plan the rota with Sam"},
		{"presenter mode and the clocks", true, true, "Train line managers"},
		{"the clocks", false, true, "Track who applies"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, path := rvWritePlan(t, rvNewPlan(t))
			h := rvStart(t, Options{PlanPath: path, Dir: dir, Present: tc.present}, 240, 67)
			clock := &testClock{}
			if tc.clocks {
				startClocks(h.a, clock, 5, 90)
			}
			h.press("r")
			clock.advance(90) // the item's time, restarted by a T, would be 5:00 again
			timer := h.a.c.timer
			h.typeText(tc.action)
			if h.a.active != screenItem {
				t.Fatalf("typing %q after r left the item screen for screen %d", tc.action, h.a.active)
			}
			if h.a.c.present != tc.present {
				t.Errorf("presenter mode %v after %q typed, want %v as before", h.a.c.present, tc.action, tc.present)
			}
			if h.a.c.timer != timer {
				t.Errorf("the clocks after %q typed: %+v, want them as before: %+v", tc.action, h.a.c.timer, timer)
			}
			h.press("tab")
			p := loadPlan(t, path)
			if r := p.Response("lc-vision"); r.Rating != "red" || r.Action != tc.action {
				t.Errorf("after r, %q typed and tab: rating %q, action %q", tc.action, r.Rating, r.Action)
			}
			if _, total := p.Counts(); total.Rated() != 1 {
				t.Errorf("after r and %q: %d items rated, want the one", tc.action, total.Rated())
			}
		})
	}
}

// An answer at the next steps begins with a name as often as not:
// "Priya and the board" at "Who are the decision makers?" left or began
// presenter mode at its P.
func TestAnAnswerBegunWithACapitalKeyIsWritten(t *testing.T) {
	a, path := fuQuestion(t, 3)
	fuType(t, a, "Priya and the board")
	fuPress(t, a, "tab")
	if a.c.present {
		t.Errorf("presenter mode began at the P of the answer")
	}
	if got := loadPlan(t, path).Answer("decision-makers").Text; got != "Priya and the board" {
		t.Fatalf("the answer after 'Priya and the board' typed at the question and tab: %q", got)
	}
}

// The facilitator's own P and T still act, followed by a key of theirs:
// P then n (presenter mode, and on to the next item), T then g (the
// item's time again, then Green), P alone.
func TestTheFacilitatorsCapitalKeysStillAct(t *testing.T) {
	dir, path := rvWritePlan(t, rvNewPlan(t))
	h := rvStart(t, Options{PlanPath: path, Dir: dir}, 240, 67)
	clock := &testClock{}
	startClocks(h.a, clock, 5, 0)
	h.press("r", "P", "n")
	if !h.a.c.present || h.item().pos != 1 {
		t.Fatalf("after r, P and n: presenter mode %v at item %d, want presenter mode at item 1", h.a.c.present, h.item().pos)
	}
	begun := h.a.c.timer.started
	clock.advance(60)
	h.press("T", "g")
	if !h.a.c.timer.started.After(begun) {
		t.Errorf("T then g: the item's time did not start again")
	}
	if r := loadPlan(t, path).Response("lc-leadership"); r.Rating != "green" || r.Action != "" {
		t.Errorf("T then g: rating %q, action %q, want green and no action", r.Rating, r.Action)
	}
	h.press("P")
	if h.a.c.present {
		t.Errorf("P alone left presenter mode on")
	}
	if h.item().focus != focusRating {
		t.Errorf("P alone began the action")
	}
}

// On an item about the data in presenter mode D shows the room the
// workforce data: "Develop a data plan" typed there after the rating
// showed the figures at its D, and its letters acted. The data stays as
// it was, hidden or shown, and the action is written.
func TestAnActionBegunWithDOnADataItemIsWritten(t *testing.T) {
	for _, shown := range []bool{false, true} {
		h := presentAtFirstDataItem(t, cliffEdgeData(), 240, 67)
		if shown {
			h.press("D")
		}
		h.press("a")
		h.typeText("Develop a data plan")
		if got := h.item().dataShown; got != shown {
			t.Errorf("the data shown %v after 'Develop a data plan' typed, want %v as before", got, shown)
		}
		h.press("tab")
		if got := h.item().action.value(); got != "Develop a data plan" {
			t.Errorf("the action after 'Develop a data plan' typed: %q", got)
		}
	}
}

// An action the room dictates often begins with a number: "2 apprentices
// by June" typed after the rating re-rated the item Amber at its 2, its
// space showed more questions, its a rated Amber again and its p p went
// back two items, where its r rated the first Red and "entices" became
// that item's action. Once an item is rated, a number rating it again
// is taken back when a space or a digit that rates nothing goes on after
// it ("10 managers"), and the action begins with it.
func TestAnActionBegunWithANumberIsWritten(t *testing.T) {
	for _, action := range []string{"2 apprentices by June", "10 managers trained", "12 mentors", "3 % more"} {
		h, path := rvOpen(t, rvNewPlan(t), 80, 24)
		h.press("g")
		h.typeText(action)
		if h.a.active != screenItem || h.item().pos != 0 {
			t.Fatalf("%q typed after g: screen %d, item %d, want the item rated", action, h.a.active, h.item().pos)
		}
		h.press("tab")
		p := loadPlan(t, path)
		if r := p.Response("lc-vision"); r.Rating != "green" || r.Action != action {
			t.Errorf("after g, %q typed and tab: rating %q, action %q, want green and the words", action, r.Rating, r.Action)
		}
		if _, total := p.Counts(); total.Rated() != 1 {
			t.Errorf("after g and %q: %d items rated, want the one", action, total.Rated())
		}
	}
}

// The facilitator's digits still rate: before a rating a digit then a
// space rates (the space shows more questions), and after one 2 then 3
// is the room changing its mind, 2 then n a rating and the next item.
func TestTheFacilitatorsDigitsStillRate(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("2", "space")
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "amber" || r.Action != "" || h.item().focus != focusRating {
		t.Errorf("2 then space on an item not rated: rating %q, action %q, focus %d", r.Rating, r.Action, h.item().focus)
	}
	h.press("3", "2", "n")
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "amber" || r.Action != "" || h.item().pos != 1 {
		t.Errorf("3, 2 then n: rating %q, action %q at item %d, want amber, no action, the next item", r.Rating, r.Action, h.item().pos)
	}
}

// A number taken back puts the rating's cursor back too: "2 apprentices"
// typed after g left the arrows at Amber beside the item's Green, so
// shift+tab and enter back at the rating re-rated the item Amber, where
// enter on the rating the item has goes on to the action.
func TestANumberTakenBackLeavesTheCursorAtTheRating(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("g")
	h.typeText("2 apprentices")
	h.press("shift+tab", "enter")
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "green" || h.item().focus != focusAction {
		t.Errorf("g, '2 apprentices', shift+tab, enter: rating %q, focus %d, want green and the action", r.Rating, h.item().focus)
	}
}

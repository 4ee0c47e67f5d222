package tui

import (
	"fmt"
	"strings"
	"testing"
)

// A rating made on the overview with its letter is taken back when a
// word goes on after it: a small letter that is no key here, or a space
// ("a meeting"), after any ratings and letters that do nothing here
// ("organise": its n and i).
func TestAWordAfterARatingOnTheOverviewTakesItBack(t *testing.T) {
	for _, words := range []string{"agree", "a meeting", "raise", "gap year", "grant", "an idea", "red tape"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		before := ratings(t, path)
		h.press("o")
		h.typeText(words)
		requireRatings(t, path, before, fmt.Sprintf("%q on the overview", words))
		if h.a.active != screenOverview {
			t.Fatalf("%q on the overview, opened from the item screen, left it for screen %d", words, h.a.active)
		}
		h.requireView("› ○ Unrated  Business as usual", "Nothing to type here")
	}
}

// What a facilitator presses after a rating keeps it, and acts: a key
// that types nothing, a key of the overview's (j, k, u, o), a capital
// (held, as a stray letter), and the item screen's keys, which do
// nothing here (n pressed by habit), before one of those.
func TestTheKeysAfterARatingThatKeepIt(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{"down"}, "amber"}, {[]string{"enter"}, "amber"}, {[]string{"esc"}, "amber"},
		{[]string{"tab"}, "amber"}, {[]string{"j"}, "amber"}, {[]string{"k"}, "amber"},
		{[]string{"u"}, "amber"}, {[]string{"o"}, "amber"}, {[]string{"T"}, "amber"},
		{[]string{"n", "down"}, "amber"}, {[]string{"f", "i", "x", "p", "enter"}, "amber"},
		{[]string{"g", "r", "down"}, "red"}, {[]string{"1", "down"}, "red"},
	} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		h.press("o", "a")
		h.press(tc.keys...)
		requireRatings(t, path, map[string]string{"wf-business-as-usual": tc.want}, fmt.Sprintf("o, a, %s", strings.Join(tc.keys, ", ")))
	}
}

// A word begun with the o that opens the overview, typed on a screen with
// nowhere to type, leaves the user on that screen, with its note: the
// overview closes again at the letter that goes on the word. Opened from
// the item screen, whose action the letters would begin, it stays open
// and holds them. The board is as the area's summary.
func TestAWordBegunWithOStaysWhereItWasTyped(t *testing.T) {
	for _, words := range []string{"order", "often", "organise", "or not"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		before := ratings(t, path)
		h.press("p", "n")
		h.requireView("Leadership & Culture: done")
		h.typeText(words)
		requireRatings(t, path, before, fmt.Sprintf("%q on the area summary", words))
		if h.a.active != screenAreaSummary {
			t.Fatalf("%q on the area summary left it for screen %d", words, h.a.active)
		}
		h.requireView("Leadership & Culture: done", "Nothing to type here. enter goes on, esc goes back.")
		h.press("esc") // types nothing: acts as always, on the summary
		if h.a.active != screenItem {
			t.Fatalf("esc after %q: screen %d, not the area's last item", words, h.a.active)
		}
	}
	h, path := rvOpen(t, strayPlan(t), 80, 24)
	before := ratings(t, path)
	h.press("b")
	h.typeText("order")
	requireRatings(t, path, before, "'order' on the board")
	if h.a.active != screenBoard {
		t.Fatalf("'order' on the board: screen %d, not the board", h.a.active)
	}
	h.requireView("Nothing to type here. enter opens the item; esc closes.")

	h, path = rvOpen(t, strayPlan(t), 80, 24)
	h.typeText("order")
	requireRatings(t, path, before, "'order' on the item screen")
	if h.a.active != screenOverview {
		t.Fatalf("'order' on the item screen: screen %d, not the overview", h.a.active)
	}
	h.requireView("Nothing to type here. enter opens the item; esc closes.")
}

// Help on the overview says what a word does to a rating.
func TestOverviewHelpSaysAWordTakesARatingBack(t *testing.T) {
	h, _ := rvOpen(t, strayPlan(t), 80, 40)
	h.press("o", "?")
	h.requireView("Nothing is typed on this screen", "A rating made with its letter or digit is taken back")
}

// A word typed on an area's summary whose first letters are rating keys
// leaves no warning that they rated nothing: "agree a budget" and enter
// read "r rated nothing: it was pressed on the summary of …" on the next
// item. A facilitator's a n across the area's end is still told.
func TestAWordOnTheAreaSummaryLeavesNoRatingWarning(t *testing.T) {
	const said = "rated nothing: it was pressed on the summary"
	for _, words := range []string{"agree a budget", "a meeting", "raise the profile"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		before := ratings(t, path)
		h.press("p", "n")
		h.typeText(words)
		h.requireView("Nothing to type here. enter goes on, esc goes back.")
		h.press("enter")
		h.requireView("item 1 of 2")
		h.refuseView(said)
		requireRatings(t, path, before, fmt.Sprintf("%q on the area summary", words))
	}
	h, _ := rvOpen(t, strayPlan(t), 80, 24)
	h.press("p", "n", "a", "n")
	h.requireView("item 1 of 2", "a "+said)
}

// With a room open a rating on the overview is agreed for the phones: a
// word after it takes nothing back (the letters are held, as any stray
// letter's).
func TestARatingOnTheOverviewWithARoomOpenStays(t *testing.T) {
	h, path := rvOpen(t, strayPlan(t), 80, 24)
	withRoom(t, h.a)
	h.press("o", "a")
	requireRatings(t, path, map[string]string{"wf-business-as-usual": "amber"}, "o, a with a room open")
	h.typeText("nd so on")
	requireRatings(t, path, map[string]string{"wf-business-as-usual": "amber"}, "o, a, then 'nd so on' with a room open")
	h.requireView("Nothing to type here")
}

// A word typed on an area's summary that begins with a key opening
// another screen left the summary: "our team" opened the overview at
// its o and the next item not rated at its u, rated it Red at the r and
// wrote "team" as its action; "about the budget" rated nothing at its a,
// then opened the board at the b, the overview at the o and the next
// item not rated at the u, and wrote "t the budget" there. Now each stays
// on the summary with its note, and the plan is as it was.
func TestAWordOpeningAScreenOnAnAreaSummaryStaysThere(t *testing.T) {
	for _, words := range []string{"our team", "out of time", "about the budget", "above all", "road map", "go on"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		before := loadPlan(t, path)
		h.press("p", "n")
		h.requireView("Leadership & Culture: done")
		h.typeText(words)
		if h.a.active != screenAreaSummary {
			t.Fatalf("%q on the area summary left it for screen %d:\n%s", words, h.a.active, h.view())
		}
		h.requireView("Nothing to type here. enter goes on, esc goes back.")
		h.refuseView("rated nothing")
		after := loadPlan(t, path)
		for id, r := range after.Items {
			if was := before.Items[id]; r.Rating != was.Rating || r.Action != was.Action {
				t.Errorf("%q on the area summary: %s is %q with action %q, was %q with %q", words, id, r.Rating, r.Action, was.Rating, was.Action)
			}
		}
	}
}

// The facilitator's keys on an area's summary still act: o then u opens
// the next item not rated, a rating key then n (a hurried "a n" across
// the area's end) says it rated nothing and goes on.
func TestTheFacilitatorsKeysOnAnAreaSummaryStillAct(t *testing.T) {
	h, _ := rvOpen(t, strayPlan(t), 80, 24)
	h.press("p", "n", "o", "down", "u")
	if h.a.active != screenItem {
		t.Fatalf("o, down and u on the area summary: screen %d, not the next item not rated", h.a.active)
	}
	h, _ = rvOpen(t, strayPlan(t), 80, 24)
	h.press("p", "n", "a", "n")
	h.requireView("Workforce", "a rated nothing")
}

// "fix the boiler" typed on the board flagged the item under the cursor
// to revisit at its f, saved, and the board, the summary and the report
// listed it. A letter after the f that goes on a word takes the flag
// back; the facilitator's f then an arrow, j or enter keeps it.
func TestAWordBegunWithFOnTheBoardFlagsNothing(t *testing.T) {
	for _, words := range []string{"fix the boiler", "follow up", "flexible hours", "f you"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		h.press("b")
		h.typeText(words)
		if h.a.active != screenBoard {
			t.Fatalf("%q on the board: screen %d, not the board", words, h.a.active)
		}
		h.requireView("Nothing to type here. enter opens the item; esc closes.")
		if got := loadPlan(t, path).Revisits(); len(got) != 0 {
			t.Errorf("%q on the board flagged %v to revisit", words, got)
		}
	}
	for _, after := range []string{"right", "down", "j", "enter"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		h.press("b", "f", after)
		if got := loadPlan(t, path).Revisits(); len(got) != 1 {
			t.Errorf("f then %s on the board: flagged %v, want the item under the cursor", after, got)
		}
	}
}

// Help on the board says what a word does to its f.
func TestBoardHelpSaysAWordTakesAFlagBack(t *testing.T) {
	h, _ := rvOpen(t, strayPlan(t), 80, 40)
	h.press("b", "?")
	h.requireView("Nothing is typed on this screen", "A flag made with f is taken back")
}

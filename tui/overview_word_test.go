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

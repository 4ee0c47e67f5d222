package tui

import (
	"fmt"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// strayPlan is a plan whose first area is rated Green, the rest not: the
// review resumes at the first item of the second, and p n from there is
// the first area's summary.
func strayPlan(t testing.TB) *plans.Plan {
	p := rvNewPlan(t)
	for _, it := range p.Checklist.Areas[0].Items {
		p.Response(it.ID).Rating = "green"
	}
	return p
}

// ratings is every item's rating in the plan file as it is on disk.
func ratings(t testing.TB, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for id, r := range loadPlan(t, path).Items {
		out[id] = r.Rating
	}
	return out
}

// requireRatings fails unless the plan file holds the ratings want.
func requireRatings(t testing.TB, path string, want map[string]string, after string) {
	t.Helper()
	got := ratings(t, path)
	for id, r := range want {
		if got[id] != r {
			t.Fatalf("after %s: %s is rated %q, want %q", after, id, got[id], r)
		}
	}
}

// Each screen with nowhere to type says so at a letter that is none of
// its keys, in its own words, and then holds the letters that are its
// keys (s opening the summary from the board, i leaving the advice, o
// the overview) until a key that types nothing, which acts as always.
func TestEveryScreenWithNowhereToTypeSaysSo(t *testing.T) {
	rated := rvNewPlan(t)
	for _, e := range rated.Checklist.Items() {
		rated.Response(e.Item.ID).Rating = "amber"
	}
	answerNextSteps(rated) // finished: it opens at the summary
	for _, tc := range []struct {
		name   string
		plan   *plans.Plan
		keys   []string
		screen screenID
		note   string
		held   string // a letter that is a key of the screen
	}{
		{"area summary", strayPlan(t), []string{"p", "n"}, screenAreaSummary, "Nothing to type here. enter goes on, esc goes back.", "n"},
		{"overview", strayPlan(t), []string{"o"}, screenOverview, "Nothing to type here. enter opens the item; esc closes.", "u"},
		{"board", strayPlan(t), []string{"b"}, screenBoard, "Nothing to type here. enter opens the item; esc closes.", "s"},
		{"summary", rated, nil, screenSummary, "Nothing to type here. ↑↓ scroll; esc goes back.", "p"},
		{"advice", strayPlan(t), []string{"i"}, screenGuidance, "Nothing to type here. esc goes back to the item.", "i"},
		{"help", strayPlan(t), []string{"?"}, screenHelp, "Nothing to type here. esc goes back.", "o"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, size := range [][2]int{{60, 16}, {80, 24}} {
				h, _ := rvOpen(t, tc.plan, size[0], size[1])
				h.press(tc.keys...)
				if h.a.active != tc.screen {
					t.Fatalf("%dx%d: screen %d after %q, want %d", size[0], size[1], h.a.active, tc.keys, tc.screen)
				}
				h.refuseView("Nothing to type here")
				h.typeText("Talk")
				h.requireView(tc.note, "ctrl+c save & quit") // the footer offers no key held
				h.refuseView("q save & quit", "? help")
				h.press(tc.held, "q", "P")
				if h.quit || h.a.active != tc.screen || h.a.c.present {
					t.Fatalf("%dx%d: %s, q and P after a stray letter: quit %v, screen %d, presenter mode %v", size[0], size[1], tc.held, h.quit, h.a.active, h.a.c.present)
				}
				h.requireView(tc.note)
				h.press("esc") // types nothing: acts as always
				if h.a.active == tc.screen {
					t.Fatalf("%dx%d: esc after the stray letter left the screen as it was", size[0], size[1])
				}
				h.refuseView("Nothing to type here")
			}
		})
	}
}

// "Talk to the team" typed on the overview rates nothing: the a of
// "team" rated the item under the cursor Amber. A digit is held as a
// letter is ("Hire 2 apprentices": 2 rated Amber too).
func TestWordsTypedOnTheOverviewRateNothing(t *testing.T) {
	for _, words := range []string{"Talk to the team", "Hire 2 apprentices", "talk to staff"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		before := ratings(t, path)
		h.press("o")
		h.typeText(words)
		requireRatings(t, path, before, fmt.Sprintf("%q typed on the overview", words))
		if h.a.active != screenOverview {
			t.Fatalf("%q typed on the overview left it for screen %d", words, h.a.active)
		}
		h.requireView("Nothing to type here")
	}
}

// q is held too: "Then quick wins" typed on an area's summary quit ladder
// at its q. ctrl+c, which types nothing, still saves and quits; and q
// with no stray letter before it quits as always.
func TestQuitAfterAStrayLetter(t *testing.T) {
	h, path := rvOpen(t, strayPlan(t), 80, 24)
	before := ratings(t, path)
	h.press("p", "n")
	h.typeText("Then quick wins")
	if h.quit {
		t.Fatal("the q of 'quick wins' quit ladder")
	}
	h.requireView("Leadership & Culture: done", "Nothing to type here")
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c after a stray letter did not quit")
	}
	requireRatings(t, path, before, "'Then quick wins' and ctrl+c")

	h, _ = rvOpen(t, strayPlan(t), 80, 24)
	h.press("p", "n", "q")
	if !h.quit {
		t.Fatal("q on the area's summary, no letter typed before it, did not quit")
	}
}

// A facilitator's fast keys press no stray letter and act as before: o,
// down, g rates the item under the cursor; and after a stray letter, an
// arrow ends the hold and g rates again.
func TestTheFacilitatorsKeysStillAct(t *testing.T) {
	h, path := rvOpen(t, strayPlan(t), 80, 24)
	h.press("o", "down", "g")
	requireRatings(t, path, map[string]string{"wf-business-as-usual": checklist.Unrated, "wf-interventions": "green"}, "o, down, g")
	h.press("T", "a")
	requireRatings(t, path, map[string]string{"wf-interventions": "green"}, "T, a on the overview")
	h.press("up", "r")
	requireRatings(t, path, map[string]string{"wf-business-as-usual": "red"}, "up, r after the stray T")
	h.refuseView("Nothing to type here")
}

// In presenter mode and with a clock, the capitals and t are keys (T
// starts the item's time again, D shows the data), pressed by habit on
// any screen: they are not stray there, and the rating after them acts.
func TestCapitalsAreKeysInPresenterModeAndWithAClock(t *testing.T) {
	h, path := rvOpen(t, strayPlan(t), 80, 24)
	h.press("P", "o", "D", "T", "t", "g")
	h.refuseView("Nothing to type here")
	requireRatings(t, path, map[string]string{"wf-business-as-usual": "green"}, "D, T, t then g in presenter mode")

	h, path = rvOpen(t, strayPlan(t), 80, 24)
	startTimebox(h.a, &testClock{}, 5)
	h.press("o", "T", "t", "t", "a")
	h.refuseView("Nothing to type here")
	requireRatings(t, path, map[string]string{"wf-business-as-usual": "amber"}, "T, t, t then a with a clock")
}

// Help, opened from a screen with nowhere to type, says how letters go
// there.
func TestHelpSaysLettersWaitWhereNothingIsTyped(t *testing.T) {
	h, _ := rvOpen(t, strayPlan(t), 80, 40)
	h.press("o", "?")
	h.requireView("Nothing is typed on this screen")
	h.press("esc", "esc", "?")
	h.refuseView("Nothing is typed on this screen") // the item screen: letters begin the action
}

// The note at 60x16 and 80x24, on the area's summary and on the
// overview, after "Talk to the team".
func TestStrayLetterGoldens(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		w, h := size[0], size[1]
		for _, tc := range []struct {
			name string
			keys []string
		}{
			{"area-summary", []string{"p", "n"}},
			{"overview", []string{"o"}},
		} {
			t.Run(fmt.Sprintf("%s-stray-%dx%d", tc.name, w, h), func(t *testing.T) {
				rvGolden(t, w, h, "Nothing to type here", func(t *testing.T) *app {
					a := rvGoldenApp(t, rvGoldenPlan(t), w, h, tc.keys...)
					hs := &rvHarness{t: t, a: a}
					hs.typeText("Talk to the team")
					return a
				})
			})
		}
	}
}

// A novice who mends a word with backspace is still typing: backspace
// keeps the hold, so that the a of "team" retyped after it rates nothing.
// ctrl+h is backspace where a terminal sends it as ^H, as in the fields.
func TestBackspaceAfterAStrayLetterKeepsTheHold(t *testing.T) {
	for _, mend := range []string{"backspace", "delete", "ctrl+backspace", "alt+backspace", "ctrl+h"} {
		h, path := rvOpen(t, strayPlan(t), 80, 24)
		before := ratings(t, path)
		h.press("o")
		h.typeText("Talk to tem")
		h.press(mend, mend)
		h.typeText("am")
		requireRatings(t, path, before, fmt.Sprintf("'Talk to tem', %s twice, 'am' on the overview", mend))
		h.requireView("Nothing to type here")
		h.press("esc") // types nothing: acts as always
		if h.a.active == screenOverview {
			t.Fatalf("esc after %s did not close the overview", mend)
		}
	}
}

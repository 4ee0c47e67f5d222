//go:build unix

package tui_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// A word typed on an area's summary or on the overview rates nothing,
// though its first letters are keys: "order new laptops" on an area's
// summary opened the overview at the o and rated the item under its
// cursor Red at the r (it was Green), saved, and only then was the d a
// stray letter; "organise a meeting" rated at the r, the g and the a;
// "agree a budget" on the overview at the a, the g and the r. The file
// is as it was, byte for byte, and a word typed on the area's summary
// leaves the user there, with the note.
func TestAWordTypedWhereNothingIsTypedRatesNothing(t *testing.T) {
	t.Parallel()
	const summary, overview = "Leadership & Culture: done", "Overview ·"
	for _, tc := range []struct {
		name, keys, at, shows string
		words                 []string
	}{
		{"area summary", "p n", summary, summary, []string{"order new laptops", "organise a meeting", "Talk to the team about quick wins"}},
		// Opened from the item screen, where letters begin the action:
		// the overview stays, and holds them.
		{"overview", "o", overview, overview, []string{"agree a budget", "raise the profile", "Talk to the team about quick wins"}},
		// Opened from the area's summary: its o closes it, back there.
		{"overview from the area summary", "p n o", overview, "", []string{"order new laptops", "organise a meeting"}},
	} {
		for _, words := range tc.words {
			t.Run(tc.name+"/"+words, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				path := e2eStrayPlan(t, dir)
				before, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
				e.waitFor("Business as usual", "? help")
				e.keys(strings.Fields(tc.keys)...)
				e.waitFor(tc.at)
				e.typeText(words)
				e.waitFor(tc.shows, "Nothing to type here")
				e.keys("ctrl+c") // types nothing: saves and quits
				e.exits(0)
				after, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(after, before) {
					t.Errorf("%q typed on the %s changed the plan file:\n%s\nwas\n%s", words, tc.name, after, before)
				}
			})
		}
	}
}

// A facilitator's keys on the overview rate as they did: o a then down,
// a rating on each of several items in a row (down or j between), o r o,
// and o, down, r then enter.
func TestTheFacilitatorStillRatesOnTheOverview(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := e2eStrayPlan(t, dir)
	items := loadPlan(t, path).Checklist.Items()
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24}, "review", "--today", "2027-03-14", "plans/cafe.yaml")
	e.waitFor("Business as usual", "? help")
	e.keys("o")
	e.waitFor("Overview · 4 of 21 rated")
	e.keys("a", "down")
	e.waitFor("Overview · 5 of 21 rated")
	e.keys("g", "down", "r", "down", "a", "j", "g")
	e.waitFor("Overview · 9 of 21 rated")
	e.keys("o")
	e.waitFor("Business as usual", "? help")
	e.keys("o")
	e.waitFor("Overview · 9 of 21 rated")
	e.keys("r", "o") // the first of the row again: re-rated, and the overview closed
	e.waitFor("Business as usual", "? help")
	e.keys("o")
	e.waitFor("Overview · 9 of 21 rated")
	e.keys("down", "r", "enter")
	e.waitUntil("the item open", func(screen string) bool {
		return !strings.Contains(screen, "Overview ·") && strings.Contains(screen, items[5].Item.Title)
	})
	e.keys("ctrl+c")
	e.exits(0)
	got := ratingsIn(loadPlan(t, path))
	for i, want := range map[int]string{4: "red", 5: "red", 6: "red", 7: "amber", 8: "green"} {
		if id := items[i].Item.ID; got[id] != want {
			t.Errorf("%s is rated %q, want %q", id, got[id], want)
		}
	}
}

package tui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// TestClearingAnAgreedRatingReopensTheSpread: the room agreed Green, and
// the facilitator pressed x (a slip, or the room wants to think again).
// The item is unrated in the plan; the projector showed "NOT RATED YET"
// beside "Agreed ● Green", and every phone still said "Agreed: ● Green".
// Now the spread stands with nothing agreed, the strip offers enter to
// agree the most common vote again, and the phones show no agreed rating.
func TestClearingAnAgreedRatingReopensTheSpread(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("v")
	h.waitView("enter agree ● Green (most common)")
	h.press("enter")
	h.waitView("Agreed ● Green")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "green" })

	h.press("x")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "unrated" })
	v := h.waitView("enter agree ● Green (most common)")
	if strings.Contains(v, "Agreed ● Green") {
		t.Errorf("the item is unrated and the strip still says it was agreed:\n%s", v)
	}
	if got := h.a.c.room.room.Status().Agreed; got != "" {
		t.Errorf("the room still holds %q as agreed", got)
	}
	phone := h.phone()
	phone.join()
	if page := phone.page(); strings.Contains(page, "Agreed: ") || !strings.Contains(page, "The room&#39;s votes") && !strings.Contains(page, "The room's votes") {
		t.Errorf("a phone still shows a rating agreed, or no spread:\n%s", page)
	}

	h.press("enter") // agreed again: the spread goes back with it
	p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "green" })
	if r := p.Response(st.ItemID); r.Votes == nil || r.Votes.Levels["green"] != 1 {
		t.Errorf("agreed again with votes %+v, want the spread", r.Votes)
	}
	h.waitView("Agreed ● Green")
}

// At 60 columns, a tied spread revealed from the board: the line that
// says what to do next lost its end ("(tied: the lower leve…"). Where the
// reason does not fit, the line leaves it out and stays whole; where it
// fits, it is there.
func TestTheAgreeLineStaysWholeAtSixtyColumns(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		why  bool
	}{{60, 16, false}, {100, 30, true}} {
		hs, _ := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
		hs.press("P")
		withRoom(t, hs.a, "red", "green")
		hs.press("b", "v")
		v := hs.view()
		agree := ""
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, "esc back to the item to agree ■ Red") {
				agree = strings.TrimSpace(l)
			}
		}
		if agree == "" || strings.HasSuffix(agree, "…") {
			t.Errorf("%dx%d: the agree line is cut or gone (%q):\n%s", tc.w, tc.h, agree, v)
		}
		if got := strings.Contains(v, "(tied: the lower level)"); got != tc.why {
			t.Errorf("%dx%d: the reason shown: %v, want %v:\n%s", tc.w, tc.h, got, tc.why, v)
		}
		requireFits(t, hs, tc.w, tc.h)
	}
}

// TestEnterWhileTheRoomVotesDoesNotRate: enter agrees the spread after a
// reveal, so a facilitator presses it by habit; pressed before the
// reveal, it rated the item at the level cursor (the first, ■ Red) and
// the projector showed RED in block letters while the room was still
// voting. Now it rates nothing and the strip says what to press, and
// after the reveal enter agrees as before.
func TestEnterWhileTheRoomVotesDoesNotRate(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("enter")
	v := h.waitView("The room is voting: v reveals the votes")
	if r := h.a.c.plan().Response(st.ItemID).Rating; r != "unrated" && r != "" {
		t.Fatalf("enter during the vote rated the item %q:\n%s", r, v)
	}
	if strings.Contains(v, "■ Red") && strings.Contains(v, "Agreed") {
		t.Errorf("the strip says a rating was agreed:\n%s", v)
	}
	h.press("down") // any key: the line goes
	if v := h.view(); strings.Contains(v, "The room is voting: v reveals") {
		t.Errorf("the line stays after the next key:\n%s", v)
	}
	h.press("v")
	h.waitView("enter agree ● Green (most common)")
	h.press("enter")
	h.waitView("Agreed ● Green")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "green" })
}

// A rating key pressed while the room votes rated the item at once, and
// the projector showed it in block letters before the reveal: the room
// saw the facilitator's rating before its own. Now the first press rates
// nothing and the strip says to reveal first; the same key again rates
// after a moment (the room is not voting, or the facilitator means it),
// and help says so.
func TestARatingKeyWhileTheRoomVotesSaysRevealFirst(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("a")
	requireHeld(t, h, st.ItemID, "a")
	h.press("g") // another key: held in its turn, a forgotten
	h.waitView("g again rates now")
	h.press("a")
	h.waitView("a again rates now")
	h.pressAfterAPause("a")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	if v := h.view(); strings.Contains(v, "again rates now") {
		t.Errorf("the line stays after the rating:\n%s", v)
	}
	h.press("?")
	flat := strings.Join(strings.Fields(ansi.Strip(strings.Join(h.a.screen(screenHelp).(*helpScreen).draw(), "\n"))), " ")
	if want := "r/a/g while the room votes: rate nothing and say v reveals first; the same key again, after a moment, rates"; !strings.Contains(flat, want) {
		t.Errorf("help does not say what the rating keys do while the room votes (%q):\n%s", want, flat)
	}
}

// After the reveal a rating key rates at once: the room has shown its
// votes, and r/a/g is how another level than the most common is agreed.
func TestARatingKeyAfterTheRevealRatesAtOnce(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("v")
	h.waitView("enter agree ● Green (most common)")
	h.press("a")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "amber" })
	h.waitView("Agreed ▲ Amber")
}

// After x on an agreed item the spread is still the plan's: q quits at
// once, where it warned that a quit would lose the spread.
func TestQuitAfterClearingAnAgreedRatingLosesNothing(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("v", "enter")
	h.waitView("Agreed ● Green")
	h.press("x")
	h.waitView("enter agree ● Green (most common)")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "unrated" })
	h.press("q")
	if !h.a.quitting {
		t.Errorf("q did not quit over a spread the plan holds:\n%s", h.view())
	}
}

// A wrong PIN from a phone is said until the next key; q is a key, but
// the notice stayed beside the quit's warning, two warnings at once
// where the facilitator needs to read "q again quits". One message at a
// time: after q, the warning alone, also when a wrong PIN comes after it.
func TestAfterQOnlyTheQuitWarningShows(t *testing.T) {
	t.Parallel()
	h, _ := startRoomWithOneVote(t, "green")
	stranger := h.phone()
	stranger.post("join", url.Values{"pin": {"0000"}})
	h.waitView("Wrong PIN from a phone")
	h.press("q")
	v := h.waitView("q again quits")
	if strings.Contains(v, "Wrong PIN") {
		t.Errorf("the wrong PIN is said beside the quit's warning:\n%s", v)
	}
	stranger.post("join", url.Values{"pin": {"0001"}})
	h.waitView("1 of 1 voted") // the room's change read
	h.a.roomChanged()
	if v := h.view(); strings.Contains(v, "Wrong PIN") || !strings.Contains(v, "q again quits") {
		t.Errorf("a wrong PIN after q is said beside the warning, or in its place:\n%s", v)
	}
}

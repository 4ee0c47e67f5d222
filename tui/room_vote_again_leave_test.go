package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
	roomsrv "github.com/socialmobility/ladder/room"
)

// TestMovingOnAfterVKeepsTheLastRound: V after a reveal, and the
// facilitator moved on before anyone voted in the new round (the room
// talked it through, or V was pressed by mistake). The round set aside
// was lost without a word: back at the item the phones voted from
// nothing, and a rating given during the new round went into the plan
// without the counts. Moving on keeps the round as the item's result, as
// V back would have, and the strip says so; the phones follow to the
// next item.
func TestMovingOnAfterVKeepsTheLastRound(t *testing.T) {
	t.Parallel()
	t.Run("not agreed", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "amber")
		h.revealAmber()
		h.voteAgain()
		h.press("n")
		v := h.waitView("Room: 0 of 1 voted")
		if !strings.Contains(oneSpaced(v), "Nobody voted again on item 1: it keeps the last round's votes") {
			t.Errorf("moving on after V says nothing of the round set aside:\n%s", v)
		}
		phone := h.phone()
		phone.join()
		if page := phone.page(); strings.Contains(page, "Voting again") || !strings.Contains(page, "You have not voted yet.") {
			t.Errorf("after moving on, a phone shows:\n%s", page)
		}
		h.press("k")
		if strings.Contains(h.view(), "Nobody voted again") {
			t.Errorf("the line stayed after another key:\n%s", h.view())
		}
		h.press("p")
		h.waitView("enter agree ▲ Amber (most common)")
		if now := h.a.c.room.room.Status(); now.Phase != roomsrv.Revealed || now.Votes.Count("amber") != 1 || now.Votes.Total() != 1 {
			t.Fatalf("back at the item, the room is %+v", now)
		}
		if page := phone.page(); !strings.Contains(page, "The room's votes") || strings.Contains(page, "Voting again") {
			t.Errorf("back at the item, a phone shows:\n%s", page)
		}
		h.press("enter")
		p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
		if r := p.Response(st.ItemID); r.Rating != "amber" || r.Votes.Count("amber") != 1 || r.Votes.Total() != 1 {
			t.Errorf("the plan keeps %q with %+v", r.Rating, r.Votes)
		}
	})
	t.Run("not agreed, rated during the new round", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "amber")
		h.revealAmber()
		h.voteAgain()
		h.press("g") // twice: the first says to reveal first
		h.pressAfterAPause("g")
		h.press("n")
		v := h.waitView("Room: 0 of 1 voted")
		if !strings.Contains(oneSpaced(v), "Nobody voted again on item 1: it keeps the last round's votes, no rating agreed yet") {
			t.Errorf("moving on after V and a rating says:\n%s", v)
		}
		// As after V back: the rating given is the item's, the spread is
		// the room's, to agree on coming back; nothing was agreed on it.
		p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "green" })
		if r := p.Response(st.ItemID); r.Votes != nil {
			t.Errorf("the plan keeps %+v beside a rating nobody agreed on them", r.Votes)
		}
		h.press("p")
		h.waitView("enter agree ▲ Amber (most common)")
	})
	t.Run("agreed, rated again during the new round", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "amber")
		h.revealAmber()
		h.agreeAmber()
		h.voteAgain()
		h.press("g")
		h.pressAfterAPause("g")
		h.press("n")
		v := h.waitView("Room: 0 of 1 voted")
		if !strings.Contains(oneSpaced(v), "Nobody voted again on item 1: it keeps the last round's votes, agreed ● Green") {
			t.Errorf("moving on after V and a rating says:\n%s", v)
		}
		p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "green" })
		if r := p.Response(st.ItemID); r.Votes.Count("amber") != 1 || r.Votes.Total() != 1 {
			t.Errorf("the plan keeps green with %+v, want the spread the room saw", r.Votes)
		}
		h.press("p")
		v = h.waitView("Agreed ● Green")
		if !strings.Contains(v, "Votes: ") {
			t.Errorf("back at the item, the spread is not shown:\n%s", v)
		}
	})
	t.Run("agreed before", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "amber")
		h.revealAmber()
		h.agreeAmber()
		waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
		h.voteAgain()
		h.press("n")
		v := h.waitView("Room: 0 of 1 voted")
		if !strings.Contains(oneSpaced(v), "Nobody voted again on item 1: it keeps the last round's votes, agreed ▲ Amber") {
			t.Errorf("moving on after V on an agreed item says:\n%s", v)
		}
		p := waitFile(t, h, func(p *plans.Plan) bool { return true })
		if r := p.Response(st.ItemID); r.Rating != "amber" || r.Votes.Count("amber") != 1 || r.Votes.Total() != 1 {
			t.Errorf("the plan keeps %q with %+v", r.Rating, r.Votes)
		}
	})
}

// TestQuitAfterVSaysWhatBecomesOfTheLastRound: q after V with nobody
// voted in the new round quit at once, the round set aside gone without a
// word. The first q brings the round back, as V back does, and says what
// a second q does with it: keeps it, where a rating stands with it, or
// loses the spread, where none was agreed (enter agrees it first).
func TestQuitAfterVSaysWhatBecomesOfTheLastRound(t *testing.T) {
	t.Parallel()
	t.Run("not agreed", func(t *testing.T) {
		t.Parallel()
		h, _ := startRoomWithOneVote(t, "amber")
		h.revealAmber()
		h.voteAgain()
		h.press("q")
		if h.a.quitting {
			t.Fatal("q after V quit, the last round's votes lost without a word")
		}
		requireWords(t, h.view(), "Nobody voted again: the last round's votes are back, no rating agreed yet: q again quits and loses the spread")
		if now := h.a.c.room.room.Status(); now.Phase != roomsrv.Revealed || now.Votes.Total() != 1 {
			t.Fatalf("after q, the room is %+v", now)
		}
		h.press("q")
		if !h.a.quitting {
			t.Fatal("the second q did not quit")
		}
	})
	t.Run("agreed, rated again during the new round", func(t *testing.T) {
		t.Parallel()
		h, st := startRoomWithOneVote(t, "amber")
		h.revealAmber()
		h.agreeAmber()
		h.voteAgain()
		h.press("g") // g twice: the room is voting again
		h.pressAfterAPause("g", "q")
		if h.a.quitting {
			t.Fatal("q after V quit without a word")
		}
		requireWords(t, h.view(), "Nobody voted again: item 1 keeps the last round's votes, agreed ● Green; q again quits")
		h.press("q")
		if !h.a.quitting {
			t.Fatal("the second q did not quit")
		}
		p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Rating == "green" })
		if r := p.Response(st.ItemID); r.Votes.Count("amber") != 1 || r.Votes.Total() != 1 {
			t.Errorf("the plan keeps green with %+v, want the spread the room saw", r.Votes)
		}
	})
}

// TestQuitNamesTheVotesLeftOnAnotherItem: a spread revealed on item 1 and
// no rating agreed, then n (the room keeps the spread for when the
// facilitator comes back, and said so after V); q at item 2, nobody
// voted there yet, quit at once, and item 1's spread was gone without a
// word. The first q names the votes it would lose, on whichever item.
func TestQuitNamesTheVotesLeftOnAnotherItem(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.press("n")
	h.waitView("Room: 0 of 1 voted")
	h.press("q")
	if h.a.quitting {
		t.Fatal("q quit, item 1's spread lost without a word")
	}
	requireWords(t, h.view(), "⚠ The votes on item 1, no rating agreed yet: q again quits and loses them")

	// With votes open here too, both are named.
	h.press("k")
	phone := h.phone()
	phone.join()
	now := h.a.c.room.status
	phone.vote(now.ItemID, now.Round, "green")
	h.waitView("1 of 2 voted")
	h.press("q")
	requireWords(t, h.view(), "⚠ 1 vote not revealed yet, and the votes on item 1, no rating agreed yet: q again quits and loses them")

	// Agreed once back at it, they are in the plan: nothing is named.
	h.press("k", "v", "p")
	h.waitView("enter agree ▲ Amber (most common)")
	h.press("enter")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
	h.press("q")
	requireWords(t, h.view(), "⚠ The votes on item 2, no rating agreed yet: q again quits and loses them")
	h.press("q")
	if !h.a.quitting {
		t.Fatal("the second q did not quit")
	}
}

// A spread agreed and its rating cleared since (x) is in the plan: the
// room keeps it for coming back, but a quit loses nothing of it, and q
// quits at once.
func TestQuitNamesNoVotesThePlanHolds(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.press("enter")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
	h.press("x", "n")
	h.waitView("Room: 0 of 1 voted")
	h.press("q")
	if !h.a.quitting {
		t.Fatalf("q asked again over votes the plan holds:\n%s", h.view())
	}
}

// TestTheBoardShowsASpreadLeftToAgree: a spread revealed on item 1 and
// not agreed, then n: the room keeps it for coming back (and q names it),
// but the board, where the facilitator looks for what is left, showed
// item 1 with nothing of the room's. Its tile shows the spread, as for
// one the plan keeps.
func TestTheBoardShowsASpreadLeftToAgree(t *testing.T) {
	t.Parallel()
	h, _ := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.press("n")
	h.waitView("Room: 0 of 1 voted")
	h.press("b")
	h.waitView("21 rated")
	if v := h.view(); !strings.Contains(v, "A clear D&I vision") || !strings.Contains(v, "■0 ▲1 ●0") {
		t.Errorf("the board shows nothing of item 1's spread left to agree:\n%s", v)
	}
}

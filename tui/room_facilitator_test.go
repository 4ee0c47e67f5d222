package tui

import (
	"net/url"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// TestARoundKeptWithNoRatingIsNotMarkedDone: V, nobody voted again, n:
// the item keeps the last round's votes with no rating agreed, and the
// strip said so behind a green ✓, the colour and the shape of something
// settled, where the facilitator still has to go back and agree one. It
// is said as what is left to do; a round kept with its rating keeps the ✓.
func TestARoundKeptWithNoRatingIsNotMarkedDone(t *testing.T) {
	t.Parallel()
	h, _ := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.voteAgain()
	h.press("n")
	h.waitView("Room: 0 of 1 voted")
	strip := h.a.roomStrip()
	words := "Nobody voted again on item 1: it keeps the last round's votes, no rating agreed yet"
	requireWords(t, ansi.Strip(strip), "⚠ "+words)
	warning := sgrOf(h.a.c.styles.Warning.Render("x"))
	if !strings.Contains(strip, warning+"⚠ Nobody voted again") {
		t.Errorf("the round kept with no rating agreed is not in the warning colour:\n%q", strip)
	}

	// Agreed before the vote again, the round kept is settled: the ✓ in
	// the success colour.
	h, st := startRoomWithOneVote(t, "amber")
	h.revealAmber()
	h.agreeAmber()
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
	h.voteAgain()
	h.press("n")
	h.waitView("Room: 0 of 1 voted")
	strip = h.a.roomStrip()
	success := sgrOf(h.a.c.styles.Success.Render("x"))
	if !strings.Contains(strip, success+"✓ Nobody voted again") {
		t.Errorf("the round kept with its rating agreed is not a ✓ in the success colour:\n%q", strip)
	}
}

// sgrOf is the escape sequence a style puts before "x".
func sgrOf(rendered string) string {
	return rendered[:strings.Index(rendered, "x")]
}

// TestQuitSaysARatedItemsVotesAreNotInThePlan: item 1 rated ● Green while
// the room still voted on it (g twice: the first says to reveal first), then n: q
// named "the votes on item 1, no rating agreed yet", and the facilitator,
// looking at item 1 rated on the board, took the warning for a mistake.
// It says the item is rated without them.
func TestQuitSaysARatedItemsVotesAreNotInThePlan(t *testing.T) {
	t.Parallel()
	h, _ := startRoomWithOneVote(t, "amber")
	h.press("g")
	h.pressAfterAPause("g", "n")
	h.waitView("Room: 0 of 1 voted")
	h.press("q")
	if h.a.quitting {
		t.Fatal("q quit, item 1's votes lost without a word")
	}
	requireWords(t, h.view(), "⚠ The votes on item 1, rated ● Green without them: q again quits and loses them")
}

// TestIdeasArrivingTakeTheCursorFromAddYourOwn: at the quick wins with
// the cursor on "+ Add your own", below a dozen suggestions, an idea from
// a phone arrived above them, and the cursor stayed at the bottom: the
// facilitator pressed ↑ twelve times in front of the room to read it out.
// The cursor goes to the idea; once on an idea, it stays on it as more
// arrive.
func TestIdeasArrivingTakeTheCursorFromAddYourOwn(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	h.press("a", "esc")
	if v := h.view(); !strings.Contains(v, "› + Add your own") {
		t.Fatalf("the cursor is not on + Add your own:\n%s", v)
	}
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	v := h.waitView("1 new idea in the list")
	if !strings.Contains(v, "› [ ] Free pizza") {
		t.Fatalf("the cursor is not on the idea that arrived:\n%s", v)
	}
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Buddy scheme"}})
	v = h.waitView("2 new ideas in the list")
	if !strings.Contains(v, "› [ ] Free pizza") {
		t.Errorf("a second idea took the cursor off the first:\n%s", v)
	}
}

// TestIdeasWaitingAreNamedAtAnItem: ideas from phones on the quick wins,
// then back to an item (the room wanted another look at it): the strip
// said nothing of them until q, and the facilitator, moving on through
// the items, forgot them. The strip names them and where they wait.
func TestIdeasWaitingAreNamedAtAnItem(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Buddy scheme"}})
	h.waitView("2 new ideas in the list")
	h.a.c.goToPlace(review.Item(3))
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	v := h.waitView("Room: 0 of 1 voted")
	requireWords(t, v, "2 ideas from the room wait on question 2")
	h.a.c.goToPlace(review.Question(1))
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	v = h.waitView("2 new ideas in the list")
	if strings.Contains(v, "wait on question") {
		t.Errorf("at the question they wait on, the strip says so twice:\n%s", v)
	}
}

// TestAnIdeaArrivingAsDIsTypedIsNotDropped: the cursor on "+ Add your
// own" goes to an idea that arrives (above), and a facilitator beginning
// their own quick win "do …" at that moment dropped the idea with the d,
// told its phone so and could not take it back. A d before any other key
// since the idea moved the cursor begins the quick win, as it did on
// "+ Add your own"; once the facilitator has moved, d drops the idea.
func TestAnIdeaArrivingAsDIsTypedIsNotDropped(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	h.press("a", "esc")
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	h.waitView("› [ ] Free pizza")
	h.press("d", "o")
	v := h.view()
	if strings.Contains(v, "Dropped “") || !strings.Contains(v, "Free pizza") {
		t.Fatalf("the d typed as the idea arrived dropped it:\n%s", v)
	}
	if !strings.Contains(v, "› + do") {
		t.Fatalf("the d and o typed did not begin a quick win:\n%s", v)
	}
	h.press("esc", "up", "down")
	for !strings.Contains(h.view(), "› [ ] Free pizza") {
		h.press("up")
	}
	h.press("d")
	h.waitView("Dropped “Free pizza”, an idea from the room")
}

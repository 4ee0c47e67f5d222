package tui

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// TestPresenterQuickWinsShowTheListInASmallWindow: the quick wins in
// presenter mode at 60x16 with the room on (its line takes two rows) drew
// the question, "2 chosen. Choose with space or x", the due date and no
// row of the list at all, while the room's line said "1 new idea in the
// list: ↑/↓ to it": the facilitator could not see the idea to accept it.
// A short window gives the list the blank lines around the question.
func TestPresenterQuickWinsShowTheListInASmallWindow(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	h.waitView("1 new idea")
	h.press("P")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	v := h.waitView("1 new idea")
	if !strings.Contains(v, "Free pizza") || !strings.Contains(v, "What are your quick wins?") {
		t.Errorf("the quick wins at 60x16 do not show the question and the idea:\n%s", v)
	}
	if lines := strings.Count(v, "\n") + 1; lines > 16 {
		t.Errorf("the frame is %d lines in a 16-line window:\n%s", lines, v)
	}
	// The room's line keeps what d does: cut at the edge, it said "d dro…".
	if !strings.Contains(v, "x accepts, d drops") {
		t.Errorf("the room's line at 60 columns does not say what x and d do:\n%s", v)
	}
}

// TestTheRoomLineOffTheQuestionSaysHowToGetBack: an idea arrives while
// the facilitator shows the board during a question; the room's line said
// "↑/↓ to it, x accepts, d drops", which on the board move its cursor and
// do nothing. Off the question it says to go back to it.
func TestTheRoomLineOffTheQuestionSaysHowToGetBack(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	h.press("b")
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	v := h.waitView("1 new idea in the list: esc back to the question to accept or drop it")
	if strings.Contains(v, "↑/↓ to it") {
		t.Errorf("the board offers the question's keys for the idea:\n%s", v)
	}
	h.press("esc")
	h.waitView("1 new idea in the list: ↑/↓ to it, x accepts, d drops")
}

// TestAQuickWinTakenBackOutIsNotTakenOnThePhone: an idea from a phone
// accepted among the quick wins (x), then taken back out (x again): the
// plan lost it, and the phone that sent it still said "✓ Accepted". The
// areas' and the decision makers' answers told the room; the quick wins'
// list did not.
func TestAQuickWinTakenBackOutIsNotTakenOnThePhone(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	h.waitView("1 new idea")
	h.press("k", "x")
	h.waitView("Accepted “Free pizza” from the room")
	if page := phone.page(); !strings.Contains(page, "Accepted: Free pizza") {
		t.Fatalf("the phone is not told its idea is accepted:\n%s", page)
	}
	h.press("x")
	h.waitView("[ ] Free pizza")
	waitFile(t, h, func(p *plans.Plan) bool { return !slices.Contains(p.Answer("quick-wins").List, "Free pizza") })
	if page := phone.page(); !strings.Contains(page, "Not taken: Free pizza") || strings.Contains(page, "Accepted: Free pizza") {
		t.Errorf("the phone still shows an idea taken back out as accepted:\n%s", page)
	}
	// And put back, it is accepted again.
	h.press("x")
	h.waitView("[x] Free pizza")
	waitFile(t, h, func(p *plans.Plan) bool { return slices.Contains(p.Answer("quick-wins").List, "Free pizza") })
	if page := phone.page(); !strings.Contains(page, "Accepted: Free pizza") {
		t.Errorf("the phone is not told its idea is back in:\n%s", page)
	}
}

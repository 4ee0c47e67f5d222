package tui

import (
	"net/url"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// TestDOnAnAcceptedIdeaKeepsIt: x accepts an idea from the room and
// leaves the cursor on it, so a facilitator who then pressed d to drop the
// next idea, without moving first, dropped the one just accepted: out of
// the answer and the plan, the phone told it was not taken, and no undo
// (a dropped idea is gone from the room). On an idea in the answer d now
// drops nothing and says how to take it out first; the footer there offers
// x (take it out), not d, and the line says the keys before the idea, so
// that at 80 columns a long idea is what is cut. Among the quick wins and
// under a written answer alike.
func TestDOnAnAcceptedIdeaKeepsIt(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Name a senior sponsor for social mobility on the board"}})
	h.waitView("1 new idea in the list")
	h.press("k", "x")
	waitFile(t, h, func(p *plans.Plan) bool { return len(p.Answer("quick-wins").List) == 1 })
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	v := h.waitView("[x] Name a senior sponsor")
	if footer := lastLine(v); strings.Contains(footer, "d drop") {
		t.Errorf("on an accepted idea the footer offers d drop:\n%s", v)
	}
	h.press("d")
	v = h.waitView("x takes it out first, then d drops it")
	if !strings.Contains(v, "[x] Name a senior sponsor") {
		t.Errorf("d on an accepted quick win took it away:\n%s", v)
	}
	if p := waitFile(t, h, func(*plans.Plan) bool { return true }); len(p.Answer("quick-wins").List) != 1 {
		t.Errorf("d on an accepted quick win took it out of the plan: %q", p.Answer("quick-wins").List)
	}
	if page := phone.page(); !strings.Contains(page, "Accepted: Name a senior sponsor for social mobility on the board") {
		t.Errorf("the phone is no longer told its idea was accepted:\n%s", page)
	}

	h.press("n", "n") // past who to speak with
	h.waitView("Who are the decision makers")
	phone.post("idea", url.Values{"question": {"decision-makers"}, "text": {"The board"}})
	h.waitView("“The board”")
	h.press("j", "x")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Answer("decision-makers").Text != "" })
	v = h.waitView("[x] “The board”")
	if footer := lastLine(v); strings.Contains(footer, "d drop") {
		t.Errorf("on an accepted idea the footer offers d drop:\n%s", v)
	}
	h.press("d")
	v = h.waitView("x takes it out first")
	if !strings.Contains(v, "[x] “The board”") {
		t.Errorf("d on an accepted decision maker took it away:\n%s", v)
	}
	if p := waitFile(t, h, func(*plans.Plan) bool { return true }); p.Answer("decision-makers").Text != "The board" {
		t.Errorf("d on an accepted idea took it out of the answer: %q", p.Answer("decision-makers").Text)
	}
}

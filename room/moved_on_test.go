package room

import (
	"net/http"
	"strings"
	"testing"
)

// TestAnIdeaSentAsTheFacilitatorMovesOnSaysSo: people type ideas slowly
// on a phone, and the facilitator moves to the next question while they
// do. The idea sent a moment later was refused with "Ideas are not being
// collected just now." on top of the next question asking for ideas: the
// page said one thing and showed the other, and the person could not tell
// their idea had not reached the facilitator. It says now that the idea
// was not sent, because the facilitator moved on from its question.
func TestAnIdeaSentAsTheFacilitatorMovesOnSaysSo(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	r.Ask("quick-wins")
	r.Ask("speak-with")
	status, body := p.Post("/idea", map[string][]string{"question": {"quick-wins"}, "text": {"Name a sponsor"}})
	if status != http.StatusConflict || !strings.Contains(body, "That idea was not sent: the facilitator has moved on from its question.") ||
		strings.Contains(body, "not being collected") {
		t.Errorf("an idea for the question just left: %d\n%s", status, body)
	}
	if !strings.Contains(body, "Who do you need to speak with") {
		t.Errorf("the refusal does not show the question now up:\n%s", body)
	}
	if st := r.Status(); len(st.Ideas) != 0 {
		t.Errorf("the facilitator has %d ideas, want none", len(st.Ideas))
	}
}

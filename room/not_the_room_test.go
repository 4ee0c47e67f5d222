package room

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestAnAnswerThatIsNotTheRoomsSaysNotSent: between a phone and the
// laptop, a venue's Wi-Fi can answer for the room: its login page (a
// captive portal, when the phone's session on it ran out), or an error
// with nothing in it. The page took any answer as the room's: an idea
// answered by the Wi-Fi's login page left the box emptied and said
// nothing, its words gone; a vote answered by an empty 503 said nothing,
// and the person, the "sending…" gone, took it as in. An answer without
// the room's view in it says "Not sent", and an idea keeps its words.
func TestAnAnswerThatIsNotTheRoomsSaysNotSent(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "not-the-room")
	r.Vote("lc-vision")
	p.waitText("You have not voted yet.")
	h := holdRequests(t, p, "*/vote", "*/idea")
	answer := func(code int64, body string) {
		t.Helper()
		if _, err := chromedp.Call(p.Context(), fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: h.next(), ResponseCode: code,
			ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html"}}, Body: []byte(body)}); err != nil {
			t.Fatal(err)
		}
	}

	p.vote("red")
	answer(503, "")
	p.WaitFor("the vote's answer read", `window.settled >= 1`)
	if text := p.text(); !strings.Contains(text, "Not sent") || !strings.Contains(text, "You have not voted yet.") {
		t.Errorf("a vote answered by an empty 503 from the Wi-Fi; the page says:\n%s", text)
	}

	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	p.sendIdea("Name a sponsor")
	answer(200, `<!doctype html><title>Venue Wi-Fi</title><h1>Welcome</h1><p>Accept the terms to go on line.</p>`)
	p.WaitFor("the idea's answer read", `window.settled >= 2`)
	box := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("text").value`))
	if text := p.text(); box != "Name a sponsor" || !strings.Contains(text, "Not sent") || strings.Contains(text, "Welcome") {
		t.Errorf("an idea answered by the Wi-Fi's login page: the box holds %q, and the page says:\n%s", box, text)
	}
	if st := r.Status(); len(st.Ideas) != 0 {
		t.Errorf("the facilitator has %d ideas, want none", len(st.Ideas))
	}
}

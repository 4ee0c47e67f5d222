package room

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestATapOnAPoorWifiSaysSendingAndGivesUp: on a Wi-Fi that swallows
// requests, a tap showed nothing for as long as the browser waited, which
// is minutes: the person could not tell the tap was taken, nor that it
// never got through. The page now says "Sending" at once, on the button
// tapped and in the status line, and after the page's wait (data-wait,
// 15 seconds; shortened here) it gives up: "Not sent", the status as it
// was (the vote that is in), for the person to tap again; an idea's
// words stay in the box.
func TestATapOnAPoorWifiSaysSendingAndGivesUp(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "sending")
	r.Vote("lc-leadership")
	p.waitText("You have not voted yet.")
	h := holdRequests(t, p, "*/vote", "*/idea")
	sending := func() string {
		return browsertest.Run(p.Phone, chromedp.Evaluate[string](`Array.from(document.querySelectorAll(".sending")).map(e => e.closest("button").id || e.closest("form").className).join(" ")`))
	}

	p.vote("red")
	red := h.next()
	p.waitText("Sending your vote: Red")
	if got := sending(); got != "choice-red" {
		t.Errorf("Red tapped and on its way: the buttons marked sending are %q", got)
	}
	axe(t, p, "a vote on its way")
	h.pass(red)
	p.waitText("Your vote is in: ■ Red")
	if text, marked := p.text(), sending(); strings.Contains(text, "Sending") || marked != "" {
		t.Errorf("Red got through, and the page says (marked sending: %q):\n%s", marked, text)
	}

	// The Wi-Fi swallows Green: the page gives up after its wait.
	shortWait(p)
	p.vote("green")
	h.next()
	p.waitText("Not sent")
	if text, marked := p.text(), sending(); strings.Contains(text, "Sending") || marked != "" || !strings.Contains(text, "Your vote is in: ■ Red") {
		t.Errorf("Green swallowed by the Wi-Fi, the page gave up and says (marked sending: %q):\n%s", marked, text)
	}
	setWait(p, "60")
	p.vote("green")
	h.pass(h.next())
	p.waitText("Your vote is in: ● Green")
	if text := p.text(); strings.Contains(text, "Not sent") || strings.Contains(text, "Sending") {
		t.Errorf("Green tapped again got through, and the page says:\n%s", text)
	}

	// An idea swallowed: its words stay in the box, to send again.
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	shortWait(p)
	p.sendIdea("Name a sponsor")
	h.next()
	p.waitText("Not sent")
	box := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("text").value`))
	if text := p.text(); box != "Name a sponsor" || strings.Contains(text, "Sending") {
		t.Errorf("an idea swallowed by the Wi-Fi: the box holds %q, and the page says:\n%s", box, text)
	}
	setWait(p, "60")
	p.Do(browsertest.Click(chromedp.CSS(`form.idea button`)))
	again := h.next()
	p.waitText("Sending your idea")
	if got := sending(); got != "idea" {
		t.Errorf("an idea on its way: the buttons marked sending are %q", got)
	}
	h.pass(again)
	p.waitText("1 of your ideas is waiting")
	if st := r.Status(); len(st.Ideas) != 1 {
		t.Errorf("the facilitator has %d ideas, want 1", len(st.Ideas))
	}
}

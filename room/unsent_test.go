package room

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestAnIdeaNotSentCanBeSentAgainWithOneTap: on a poor Wi-Fi a person
// sends an idea, which hangs, types a second over it and sends that,
// which gets through; the first then fails. The page said "Not sent", and
// the first idea's words were gone (the box held the second, then
// nothing): the person had to remember and retype it. The page now keeps
// each idea not sent under the form, with a button that sends it again;
// tapped, it leaves the list at once (one tap sends it once) and comes
// back if it fails again; a new idea being typed meanwhile stays in the
// box. An idea that failed with its words still in the box is not listed
// as well: "Send idea" sends it again, and a second button for the same
// words would send them twice.
func TestAnIdeaNotSentCanBeSentAgainWithOneTap(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "send-again")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")

	h := holdRequests(t, p, "*/idea")
	box := func() string {
		return browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("text").value`))
	}
	again := func() []string {
		return browsertest.Run(p.Phone, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("form.again")).map(f => f.elements.text.value)`))
	}

	p.sendIdea("Name a sponsor")
	first := h.next()
	p.sendIdea("Publish the pay gap")
	h.pass(h.next())
	p.WaitFor("the second idea's answer", `window.settled >= 1`)
	h.fail(first)
	p.WaitFor("the first idea's failure", `window.settled >= 2`)
	p.waitText("Not sent")
	if got := again(); len(got) != 1 || got[0] != "Name a sponsor" {
		t.Fatalf("the idea not sent, after a later one got through: the page offers to send again %q", got)
	}
	if text := p.text(); !strings.Contains(text, "Name a sponsor") {
		t.Errorf("the idea not sent is not on the page:\n%s", text)
	}
	axe(t, p, "an idea not sent, offered again")
	// The offer is drawn as an idea's form, not as the room's news that
	// it is voting again (a bar at the side, bold), which shared its class.
	if style := browsertest.Run(p.Phone, chromedp.Evaluate[string](`(s => s.borderLeftStyle + " " + s.fontWeight)(getComputedStyle(document.querySelector("form.again")))`)); style != "none 400" {
		t.Errorf("the idea not sent is offered again in a form drawn as the vote again's note: border and weight %q", style)
	}

	// The person starts a third idea, then sends the first again: it
	// fails again, and comes back; then it gets through.
	// A refusal from the room (here a 503, as from a laptop too busy)
	// does not take it either.
	p.Do(chromedp.SetValue(chromedp.ID("text"), "Mentors for new starters"))
	for i, end := range []string{"fails", "refused", "through"} {
		p.Do(browsertest.Click(chromedp.CSS(`form.again button`)))
		id := h.next()
		if got := again(); len(got) != 0 {
			t.Errorf("try %d: while the idea is on its way, the page still offers to send it again: %q", i+1, got)
		}
		switch end {
		case "fails":
			h.fail(id)
		case "refused":
			if _, err := chromedp.Call(p.Context(), fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: 503}); err != nil {
				t.Fatal(err)
			}
		case "through":
			h.pass(id)
		}
		p.WaitFor("the idea sent again answered", fmt.Sprintf(`window.settled >= %d`, 3+i))
		if got := again(); end != "through" && (len(got) != 1 || got[0] != "Name a sponsor") {
			t.Errorf("the idea sent again %s: the page offers %q", end, got)
		}
	}
	p.waitText("2 of your ideas are waiting")
	if got := again(); len(got) != 0 {
		t.Errorf("the idea sent again got through, and the page still offers it: %q", got)
	}
	if got := box(); got != "Mentors for new starters" {
		t.Errorf("the idea being typed while another was sent again: the box holds %q", got)
	}
	if text := p.text(); strings.Contains(text, "Not sent") {
		t.Errorf("every idea is in, and the page says:\n%s", text)
	}
	var ideas []string
	for _, idea := range r.Status().Ideas {
		ideas = append(ideas, idea.Text)
	}
	if len(ideas) != 2 || ideas[0] != "Publish the pay gap" || ideas[1] != "Name a sponsor" {
		t.Errorf("the facilitator has %q", ideas)
	}

	// An idea that fails with its words in the box: the box keeps them,
	// and nothing else offers them.
	p.sendIdea("Mentors for new starters")
	h.fail(h.next())
	p.WaitFor("the third idea's failure", `window.settled >= 6`)
	p.waitText("Not sent")
	if got, offered := box(), again(); got != "Mentors for new starters" || len(offered) != 0 {
		t.Errorf("an idea failed with its words in the box: the box holds %q, and the page offers %q", got, offered)
	}
}

// TestAnIdeaThatArrivedAfterAllIsNotOfferedAgain: an idea the page
// gave up on can reach the room all the same (late, after the page's
// wait, or sent from the phone's other tab). Once the page lists it
// among the phone's ideas, it is no longer under "not sent" with a
// button to send it again.
func TestAnIdeaThatArrivedAfterAllIsNotOfferedAgain(t *testing.T) {
	t.Parallel()
	anIdeaArrivesFromTheOtherTab(t, "Name a sponsor", "Name a sponsor")
}

// TestAnIdeaOnTwoLinesThatArrivedIsNotOfferedAgain: the room keeps an
// idea as one line (safetext.Plain: a line break or a run of spaces is
// one space), so the page lists "Name a sponsor" for words typed on two
// lines. The page compared the words as typed, and kept offering to send
// again an idea it listed as waiting.
func TestAnIdeaOnTwoLinesThatArrivedIsNotOfferedAgain(t *testing.T) {
	t.Parallel()
	anIdeaArrivesFromTheOtherTab(t, "Name a\nsponsor  ", "Name a\nsponsor  ")
}

// TestAnIdeaInOtherCapitalsThatArrivedIsNotOfferedAgain: the room takes
// the same words in other capitals as the same idea (one phone sending
// "name a Sponsor" while "Name a sponsor" waits sends nothing new), and
// the page compared them as typed: it kept offering to send again an
// idea the room had, listed in the other capitals.
func TestAnIdeaInOtherCapitalsThatArrivedIsNotOfferedAgain(t *testing.T) {
	t.Parallel()
	anIdeaArrivesFromTheOtherTab(t, "Name a sponsor", "name a Sponsor")
}

// anIdeaArrivesFromTheOtherTab: the page gives up on an idea, typed as
// typed, which then reaches the room from the phone's other tab, typed
// there as there; once listed among the phone's ideas, it is no longer
// offered to send again.
func anIdeaArrivesFromTheOtherTab(t *testing.T, typed, typedThere string) {
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "first-tab")
	other := p.otherTab(s)
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	other.waitText("What are your quick wins?")

	h := holdRequests(t, p, "*/idea")
	p.sendIdea(typed)
	first := h.next()
	p.sendIdea("Publish the pay gap")
	h.pass(h.next())
	p.WaitFor("the second idea's answer", `window.settled >= 1`)
	h.fail(first)
	p.WaitFor("the first idea offered again", `document.querySelector("form.again")`)

	other.sendIdea(typedThere)
	other.waitText("2 of your ideas are waiting")
	p.waitText("2 of your ideas are waiting")
	p.WaitFor("the offer gone", `!document.querySelector("form.again")`)
}

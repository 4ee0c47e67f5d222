package room

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestAVoteHeldUpOnTheWifiDoesNotUndoALaterOne: on a poor Wi-Fi a tap on
// Red can hang, and the person taps Green, which gets through; Red,
// resent by the phone's network, arrives after it. The room took the
// last to arrive: the plan counted Red for a person who chose Green. The
// page numbers its taps (the script sends "tap"), and a tap older than
// one the room has from the same page changes nothing. Another page (a
// second tab) and a page without the script are taken as they come.
func TestAVoteHeldUpOnTheWifiDoesNotUndoALaterOne(t *testing.T) {
	r, vote := tappingPhone(t)
	chosen := func() string {
		t.Helper()
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, choice := range r.votes {
			return choice
		}
		return ""
	}
	vote("green", "a7Qz-2")
	vote("red", "a7Qz-1") // the first tap, late
	if got := chosen(); got != "green" {
		t.Fatalf("after Green tapped second and Red arriving late, the vote is %q", got)
	}
	vote("amber", "tab2-1") // another tab on the phone
	if got := chosen(); got != "amber" {
		t.Errorf("a tap from another tab: the vote is %q, want amber", got)
	}
	vote("red", "a7Qz-3") // the first tab again, tapped later
	if got := chosen(); got != "red" {
		t.Errorf("a later tap from the first tab: the vote is %q, want red", got)
	}
	vote("unsure", "") // no script
	if got := chosen(); got != "unsure" {
		t.Errorf("a vote from a page without the script: %q, want unsure", got)
	}
	if votes, _ := r.Reveal(); votes.Total() != 1 {
		t.Errorf("one phone, %d votes", votes.Total())
	}
}

// TestAPhoneOnAPoorWifiKeepsTheVoteTappedLast is the same in a browser,
// with the page's script: Red tapped, held up on the way; Green tapped,
// through. Red arriving late leaves Green the vote, on the page and in
// the room; Red failing after Green got through does not say "Not sent"
// over the vote that is in, and Red failing before it says "Not sent"
// until Green gets through.
func TestAPhoneOnAPoorWifiKeepsTheVoteTappedLast(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "poor-wifi")

	h := holdRequests(t, p, "*/vote")
	for i, late := range []string{"arrives", "fails", "fails first"} {
		r.Vote([]string{"lc-vision", "lc-leadership", "lc-educate-leaders"}[i])
		p.waitText("You have not voted yet.")
		p.vote("red")
		red := h.next()
		p.vote("green")
		green := h.next()
		answered := 2 * i
		if late == "fails first" {
			h.fail(red)
			answered++
			p.waitText("Not sent")
		}
		// Green's own answer, not the stream's copy of its screen, which
		// can come first: Red fails "after Green got through" once the
		// page has its answer.
		h.pass(green)
		answered++
		p.WaitFor("Green's answer", fmt.Sprintf(`window.settled >= %d`, answered))
		p.waitText("Your vote is in: ● Green")
		switch late {
		case "arrives":
			h.pass(red)
		case "fails":
			h.fail(red)
		}
		p.WaitFor("Red's answer", fmt.Sprintf(`window.settled >= %d`, 2*(i+1)))
		r.mu.Lock()
		var got []string
		for _, choice := range r.votes {
			got = append(got, choice)
		}
		r.mu.Unlock()
		if !slices.Equal(got, []string{"green"}) {
			t.Errorf("Red %s after Green got through; the room has %q", late, got)
		}
		if text := p.text(); late != "arrives" && (!strings.Contains(text, "Your vote is in: ● Green") || strings.Contains(text, "Not sent")) {
			t.Errorf("Red %s after Green got through; the page says:\n%s", late, text)
		}
	}
}

// TestAnIdeaLostOnThePoorWifiSaysNotSentThoughALaterOneArrived: each
// idea is an idea of its own, not a later word on the one before, so a
// later idea getting through does not make up for one lost: the page
// says "Not sent" for it, as the person may type it again.
func TestAnIdeaLostOnThePoorWifiSaysNotSentThoughALaterOneArrived(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "poor-wifi-ideas")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")

	h := holdRequests(t, p, "*/idea")
	p.sendIdea("Name a sponsor")
	first := h.next()
	p.sendIdea("Publish the pay gap")
	h.pass(h.next())
	// The second idea's answer, not the stream's copy of its screen: the
	// first is lost "after the second got through" once the page has it.
	p.WaitFor("the second idea's answer", `window.settled >= 1`)
	p.waitText("1 of your ideas is waiting")
	h.fail(first)
	p.WaitFor("both ideas' answers", `window.settled >= 2`)
	if text := p.text(); !strings.Contains(text, "Not sent") {
		t.Errorf("the first idea was lost after the second got through, and the page says:\n%s", text)
	}
	if st := r.Status(); len(st.Ideas) != 1 {
		t.Errorf("the facilitator has %d ideas, want the one that arrived", len(st.Ideas))
	}
}

// TestANotSentStaysWhenTheSameScreenArrivesAgain: sending an idea wakes
// the sender's own stream too, so the page gets the second idea's screen
// twice, in its answer and on the stream. When the first idea failed
// between the two, the copy from the stream came in over "Not sent" and
// took it away: the person whose idea was lost saw the warning for a
// moment, or not at all. The stream here is held until the failure has
// shown, then gives the copy, then the facilitator's taking the second
// idea (the same question, with nothing to say of its own): "Not sent"
// stays over both, until the person sends again, which takes it away
// once that gets through.
func TestANotSentStaysWhenTheSameScreenArrivesAgain(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	r.Ask("quick-wins")
	p := openPhone(t, b, s, "not-sent-stays")
	p.waitText("Type the PIN")
	h := holdRequests(t, p, "*/events", "*/idea")
	p.join("4821")
	p.waitText("What are your quick wins?")
	stream := h.next()
	h.count()

	p.sendIdea("Name a sponsor")
	first := h.next()
	p.sendIdea("Publish the pay gap")
	h.pass(h.next())
	p.waitText("1 of your ideas is waiting")
	h.fail(first)
	p.WaitFor("both ideas' answers", `window.settled >= 2`)
	p.waitText("Not sent")

	h.pass(stream)
	st := r.Status()
	if len(st.Ideas) != 1 {
		t.Fatalf("the facilitator has %d ideas, want the one that arrived", len(st.Ideas))
	}
	r.settleIdea(st.Ideas[0].ID, true)
	p.waitText("Accepted: Publish the pay gap")
	if text := p.text(); !strings.Contains(text, "Not sent") {
		t.Errorf("the first idea was lost, and after the stream's views the page says:\n%s", text)
	}

	p.sendIdea("Name a sponsor")
	h.pass(h.next())
	p.waitText("1 of your ideas is waiting")
	p.WaitFor("the idea sent again answered", `window.settled >= 3`)
	if text := p.text(); strings.Contains(text, "Not sent") {
		t.Errorf("the idea sent again got through, and the page says:\n%s", text)
	}
}

// tappingPhone is a room with an item up for a vote and a phone without
// the page's script that has joined it: vote posts its choice with a
// "tap" as the script numbers one ("" for none), and ends the test if the
// room refuses it.
func tappingPhone(t *testing.T) (*Room, func(choice, tap string)) {
	t.Helper()
	r, s := startServer(t)
	p := joinedPhone(t, s)
	r.Vote("lc-vision")
	round := strconv.Itoa(r.Status().Round)
	return r, func(choice, tap string) {
		t.Helper()
		form := url.Values{"item": {"lc-vision"}, "round": {round}, "choice": {choice}}
		if tap != "" {
			form.Set("tap", tap)
		}
		if status, body := p.Post("/vote", form); status != http.StatusSeeOther {
			t.Fatalf("vote %s (tap %q): %d\n%s", choice, tap, status, body)
		}
	}
}

// heldRequests are a phone's requests to a path, held on their way as on
// a poor Wi-Fi, until the test lets each through or fails it.
type heldRequests struct {
	t    *testing.T
	p    browserPhone
	held chan fetch.RequestID
}

// holdRequests holds the phone's requests whose address matches one of
// patterns, in the order they leave it, and counts in window.settled the
// page's requests answered or failed, once the page's own handlers have
// run (a task after theirs).
func holdRequests(t *testing.T, p browserPhone, patterns ...string) *heldRequests {
	t.Helper()
	return holdAt(t, p, fetch.RequestStageRequest, patterns)
}

// holdAnswers is holdRequests holding each request's answer, once the
// room has taken the request: a reply the Wi-Fi lost on its way back.
func holdAnswers(t *testing.T, p browserPhone, patterns ...string) *heldRequests {
	t.Helper()
	return holdAt(t, p, fetch.RequestStageResponse, patterns)
}

func holdAt(t *testing.T, p browserPhone, stage fetch.RequestStage, patterns []string) *heldRequests {
	t.Helper()
	h := &heldRequests{t: t, p: p, held: make(chan fetch.RequestID, 4)}
	ctx := p.Context()
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			h.held <- e.RequestID
		}
	}); err != nil {
		t.Fatal(err)
	}
	var held []*fetch.RequestPattern
	for _, pattern := range patterns {
		held = append(held, &fetch.RequestPattern{URLPattern: pattern, RequestStage: stage})
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: held}); err != nil {
		t.Fatal(err)
	}
	h.count()
	return h
}

// count starts window.settled on the page now shown (a page loaded
// since holdRequests counts from nothing). An answer counts once the
// page has read it and shown it: fetch itself settles when the headers
// are in, before the page has the body, and a test that took that for
// the page's answer read the page before the answer was on it (while a
// copy of the same screen from the stream could already be there).
func (h *heldRequests) count() {
	h.t.Helper()
	h.p.Do(chromedp.Evaluate[chromedp.Void](`(() => {
		window.settled = 0;
		const send = window.fetch;
		const done = () => setTimeout(() => window.settled++, 0);
		window.fetch = function () {
			const sent = send.apply(this, arguments);
			sent.then(res => {
				const text = res.text;
				res.text = function () {
					const read = text.apply(this, arguments);
					read.catch(() => {}).finally(done);
					return read;
				};
			}, done);
			return sent;
		};
	})()`))
}

// next is the next request held.
func (h *heldRequests) next() fetch.RequestID {
	h.t.Helper()
	select {
	case id := <-h.held:
		return id
	case <-time.After(10 * time.Second):
		h.t.Fatal("no request left the phone")
	}
	return ""
}

// pass lets a held request through.
func (h *heldRequests) pass(id fetch.RequestID) {
	h.t.Helper()
	if _, err := chromedp.Call(h.p.Context(), fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
		h.t.Fatal(err)
	}
}

// fail fails a held request, as a connection the Wi-Fi dropped.
func (h *heldRequests) fail(id fetch.RequestID) {
	h.t.Helper()
	if _, err := chromedp.Call(h.p.Context(), fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonConnectionReset}); err != nil {
		h.t.Fatal(err)
	}
}

// TestATapThePageDidNotNumberIsTakenAsItComes: "tap" is a phone's word,
// and a request can carry anything in it. One that is not a page's id and
// a count from 1 (a count below 1, too big to read, not a number; no id,
// or an id longer than the script's) is a vote without a number, taken
// as it comes, and remembered nowhere; a phone inventing page after page
// is remembered for its last few only.
func TestATapThePageDidNotNumberIsTakenAsItComes(t *testing.T) {
	r, vote := tappingPhone(t)
	phone := func() (choice string, taps []Tap) {
		r.mu.Lock()
		defer r.mu.Unlock()
		for tok, ph := range r.phones {
			return r.votes[tok], slices.Clone(ph.taps)
		}
		return "", nil
	}
	vote("green", "a7Qz-5")
	choices := []string{"red", "amber"}
	for i, tap := range []string{"a7Qz-0", "a7Qz--3", "a7Qz-99999999999999999999", "a7Qz-x", "a7Qz", "-3", "a7Qz-3-1", strings.Repeat("a", maxTapPage+1) + "-9", "a7Qz-\x1b[2J"} {
		choice := choices[i%2]
		vote(choice, tap)
		if got, taps := phone(); got != choice || !slices.Equal(taps, []Tap{{"a7Qz", 5}}) {
			t.Errorf("tap %q: the vote is %q, want %q, and the room remembers %v", tap, got, choice, taps)
		}
	}
	for i := range 3 * maxTapPages {
		vote(choices[i%2], fmt.Sprintf("p%d-1", i))
	}
	if _, taps := phone(); len(taps) != maxTapPages {
		t.Errorf("after %d pages made up, the room remembers %d taps", 3*maxTapPages, len(taps))
	}
}

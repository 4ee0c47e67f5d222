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
	"github.com/socialmobility/ladder/room/roomtest"
)

// TestAVoteHeldUpOnTheWifiDoesNotUndoALaterOne: on a poor Wi-Fi a tap on
// Red can hang, and the person taps Green, which gets through; Red,
// resent by the phone's network, arrives after it. The room took the
// last to arrive: the plan counted Red for a person who chose Green. The
// page numbers its taps (the script sends "tap"), and a tap older than
// one the room has from the same page changes nothing. Another page (a
// second tab) and a page without the script are taken as they come.
func TestAVoteHeldUpOnTheWifiDoesNotUndoALaterOne(t *testing.T) {
	r, s := startServer(t)
	p := roomtest.Joined(t, s.URL(), "4821")
	r.Vote("lc-vision")
	round := strconv.Itoa(r.Status().Round)
	vote := func(choice, tap string) {
		t.Helper()
		form := url.Values{"item": {"lc-vision"}, "round": {round}, "choice": {choice}}
		if tap != "" {
			form.Set("tap", tap)
		}
		if status, body := p.Post("/vote", form); status != http.StatusSeeOther {
			t.Fatalf("vote %s (tap %q): %d\n%s", choice, tap, status, body)
		}
	}
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
// over the vote that is in.
func TestAPhoneOnAPoorWifiKeepsTheVoteTappedLast(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := openPhone(t, b, s, "poor-wifi")
	p.waitText("Type the PIN")
	p.join("4821")
	p.waitText("You are in the room")

	held := make(chan fetch.RequestID, 4)
	ctx := p.Context()
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			held <- e.RequestID
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/vote"}}}); err != nil {
		t.Fatal(err)
	}
	next := func() fetch.RequestID {
		t.Helper()
		select {
		case id := <-held:
			return id
		case <-time.After(10 * time.Second):
			t.Fatal("no vote left the phone")
		}
		return ""
	}
	pass := func(id fetch.RequestID) {
		t.Helper()
		if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
			t.Fatal(err)
		}
	}
	// settled counts the page's requests answered or failed, once the
	// page's own handlers have run (a task after theirs).
	p.Do(chromedp.Evaluate[chromedp.Void](`(() => {
		window.settled = 0;
		const send = window.fetch;
		window.fetch = function () {
			const sent = send.apply(this, arguments);
			sent.catch(() => {}).finally(() => setTimeout(() => window.settled++, 0));
			return sent;
		};
	})()`))
	for i, late := range []string{"arrives", "fails"} {
		r.Vote([]string{"lc-vision", "lc-leadership"}[i])
		p.waitText("You have not voted yet.")
		p.vote("red")
		red := next()
		p.vote("green")
		pass(next())
		p.waitText("Your vote is in: ● Green")
		if late == "arrives" {
			pass(red)
		} else if _, err := chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: red, ErrorReason: network.ErrorReasonConnectionReset}); err != nil {
			t.Fatal(err)
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
		if text := p.text(); late == "fails" && (!strings.Contains(text, "Your vote is in: ● Green") || strings.Contains(text, "Not sent")) {
			t.Errorf("Red %s after Green got through; the page says:\n%s", late, text)
		}
	}
}

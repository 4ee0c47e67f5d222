package room

import (
	"bufio"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/room/roomtest"
)

// TestAPhoneWhoseStreamIsRefusedWaitsAndSaysSo: a phone in the room whose
// stream the laptop refuses (it holds all the streams it takes) reloaded
// its page every two seconds for as long as that lasted, with nothing on
// the screen to say why: battery and the venue's Wi-Fi burnt, and the
// person tapping a page that kept going blank. It stays on its page, says
// what is happening, tries again less and less often, and follows the
// room once the laptop takes its stream.
func TestAPhoneWhoseStreamIsRefusedWaitsAndSaysSo(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	r.mu.Lock()
	r.streams = 2 * MaxPhones // every stream the room takes is open
	r.mu.Unlock()
	p := openPhone(t, b, s, "refused")
	browsertest.Run(p.Phone, chromedp.Evaluate[bool](`window.sameLoad = true`))
	p.shortenBackoff()
	p.join("4821")
	p.waitSaid("Too many connections to the room just now")
	p.waitSaid("tries again by itself in 4 seconds")
	p.waitSaid("tries again by itself in 8 seconds")
	if !browsertest.Run(p.Phone, chromedp.Evaluate[bool](`window.sameLoad === true`)) {
		t.Fatal("the page reloaded itself while its stream was refused")
	}
	r.mu.Lock()
	r.streams = 0
	r.mu.Unlock()
	r.Vote("lc-leadership")
	p.waitText("Strong leadership and management driving your D&I strategy")
	if text := p.text(); strings.Contains(text, "Too many connections") {
		t.Errorf("following the room again, the page still says its stream is refused:\n%s", text)
	}
}

// TestAPhoneBackFromLosingTheWiFiIsNotToldTooManyConnections: a phone off
// the Wi-Fi long enough for the page to ask the room twice ("cannot reach
// the room just now") came back to "Too many connections to the room
// just now" and waited up to 30 seconds more before following the room,
// though the room had refused it nothing: the page's wait had grown while
// the room was out of reach, and a wait past the first was taken for a
// refusal. Back on the Wi-Fi, it opens its stream again at once.
func TestAPhoneBackFromLosingTheWiFiIsNotToldTooManyConnections(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "offline")
	p.shortenBackoff()
	r.Vote("lc-leadership")
	p.waitText("Strong leadership and management driving your D&I strategy")
	browsertest.Run(p.Phone, chromedp.Evaluate[bool](`
		window.toldTooMany = false;
		new MutationObserver(function () {
			if (document.body.innerText.includes("Too many connections")) window.toldTooMany = true;
		}).observe(document.body, {childList: true, subtree: true, characterData: true});
		true`))

	// Off the Wi-Fi, the stream the phone had open ends (the laptop
	// lets it go: the browser, offline, keeps it as open).
	setOffline(t, p, true)
	r.mu.Lock()
	for _, ph := range r.phones {
		r.endStreams(ph)
	}
	r.mu.Unlock()
	p.waitSaid("cannot reach the room just now")
	p.waitSaid("tries again by itself in 4 seconds")
	setOffline(t, p, false)
	r.Vote("lc-educate-leaders") // the room moved on meanwhile
	p.waitText("Educate senior leaders to get buy-in")
	if browsertest.Run(p.Phone, chromedp.Evaluate[bool](`window.toldTooMany`)) {
		t.Error("back on the Wi-Fi, the phone said it had too many connections to the room")
	}
}

// TestThePhonesWaitTheirBackoffInSeconds: the page's waits after a
// refused or lost stream, and its look every second for a stream gone
// quiet, count real seconds on the room's page (the phones' tests
// shorten them), so that "tries again by itself in 4 seconds" is four
// seconds.
func TestThePhonesWaitTheirBackoffInSeconds(t *testing.T) {
	_, s := startServer(t)
	status, page := newPhone(t, s).Get("/")
	if status != 200 || !strings.Contains(page, `data-second="1000"`) {
		t.Errorf("the room's page does not count its waits in seconds of 1000 ms:\n%s", page)
	}
}

// TestARoomTellsBrowsersToWaitTwoSecondsToReconnect: the room ladder
// serves tells a phone's browser to wait two seconds before it opens a
// stream that ended again (the phones' tests above are told a tenth of
// one, quickStream), and pings each stream every twenty seconds.
func TestARoomTellsBrowsersToWaitTwoSecondsToReconnect(t *testing.T) {
	r, _ := newTestRoom(t)
	s, err := Listen(r, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := roomtest.Joined(t, s.URL(), "4821")
	req, err := http.NewRequest(http.MethodGet, s.URL()+"events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	first, err := bufio.NewReader(res.Body).ReadString('\n')
	if err != nil || first != "retry: 2000\n" {
		t.Errorf("the stream begins %q (%v), want the browser told to wait 2000 ms", first, err)
	}
	if s.stream.ping != 20*time.Second {
		t.Errorf("the room pings each stream every %v, want 20 s", s.stream.ping)
	}
}

// shortenBackoff makes the page's back-off seconds a tenth of a second
// each (data-second), so that a test sees the page try again after "4
// seconds" and "8 seconds" without waiting twelve; and starts recording
// what the page says (waitSaid).
func (p browserPhone) shortenBackoff() {
	browsertest.Run(p.Phone, chromedp.Evaluate[bool](`document.getElementById("room").dataset.second = "100"; true`))
	p.recordSaid()
}

// recordSaid starts recording what the page says, for waitSaid.
func (p browserPhone) recordSaid() {
	browsertest.Run(p.Phone, chromedp.Evaluate[bool](`
		window.said = [];
		new MutationObserver(function () { window.said.push(document.body.innerText); })
			.observe(document.body, {childList: true, subtree: true, characterData: true});
		true`))
}

// waitSaid waits until the page has said what, since recordSaid: with
// the page's waits shortened, a message can be on the screen for less
// time than a busy machine takes to look (waitText).
func (p browserPhone) waitSaid(what string) {
	p.WaitFor(fmt.Sprintf("%q said on the page", what), fmt.Sprintf(`window.said.some(s => s.includes(%q))`, what))
}

package room

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/room/roomtest"
)

// startServer runs a room's server on loopback for one test, and checks
// when the test ends that closing it left no goroutine behind.
func startServer(t *testing.T) (*Room, *Server) {
	t.Helper()
	before := runtime.NumGoroutine()
	return listenUntilTheEnd(t, func() { testtool.WaitForGoroutines(t, before) }, realStream)
}

// startParallelServer is startServer for a test that runs in parallel
// with others (the phones in a browser, which wait on it): the goroutines
// checked for are the test's own (testtool.LabelGoroutines), as the other
// tests' come and go meanwhile. Its phones' browsers open a stream that
// ended again after a tenth of a second (quickStream).
func startParallelServer(t *testing.T) (*Room, *Server) {
	t.Helper()
	return listenUntilTheEnd(t, testtool.LabelGoroutines(t), quickStream)
}

// quickStream paces the streams of a test's room: a browser opens a
// stream that ended again after a tenth of a second, where a real room's
// phones wait two (TestARoomTellsBrowsersToWaitTwoSecondsToReconnect),
// and the room pings it every two seconds, where a real room pings every
// twenty: a page whose seconds are tenths (shortenBackoff) hears a ping
// every twenty of them, as from a real room.
var quickStream = streamPace{retry: 100 * time.Millisecond, ping: 2 * time.Second}

// listenQuick serves r on addr (port 0: a free one), its streams paced
// by quickStream.
func listenQuick(t *testing.T, r *Room, addr string) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return serve(r, ln, quickStream)
}

// listenUntilTheEnd runs a room's server on loopback, its streams paced
// as pace says, until the test ends, then closes it and calls left, which
// checks that nothing was left running.
func listenUntilTheEnd(t *testing.T, left func(), pace streamPace) (*Room, *Server) {
	t.Helper()
	r, _ := newTestRoom(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := serve(r, ln, pace)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		left()
	})
	return r, s
}

// testPhone is a phone without JavaScript (roomtest.Phone), with the
// server tests' own requests beside it.
type testPhone struct {
	*roomtest.Phone
	t *testing.T
}

func newPhone(t *testing.T, s *Server) *testPhone {
	return &testPhone{Phone: roomtest.New(t, s.URL()), t: t}
}

// joinedPhone is a phone that has typed the room's PIN.
func joinedPhone(t *testing.T, s *Server) *testPhone {
	t.Helper()
	p := newPhone(t, s)
	p.Join("4821")
	return p
}

func (p *testPhone) vote(item string, round int, choice string) (int, string) {
	p.t.Helper()
	return p.Post("/vote", url.Values{"item": {item}, "round": {fmt.Sprint(round)}, "choice": {choice}})
}

// mustVote votes, and ends the test if the server did not take the vote.
func (p *testPhone) mustVote(item string, round int, choice string) {
	p.t.Helper()
	if status, body := p.vote(item, round, choice); status != http.StatusSeeOther {
		p.t.Fatalf("vote %s for %s refused: %d\n%s", choice, item, status, body)
	}
}

func TestPhoneWithoutJavaScript(t *testing.T) {
	r, s := startServer(t)
	p := newPhone(t, s)
	status, body := p.Get("/")
	if status != 200 || !strings.Contains(body, `<label for="pin">Type the PIN shown on the screen</label>`) {
		t.Fatalf("first visit: %d\n%s", status, body)
	}
	if status, body := p.Post("/join", url.Values{"pin": {"1234"}}); status != http.StatusForbidden || !strings.Contains(body, "That PIN is not right") {
		t.Errorf("wrong PIN: %d\n%s", status, body)
	}
	p.Join("4821")
	if _, body := p.Get("/"); !strings.Contains(body, "You are in the room") || !strings.Contains(body, `http-equiv="refresh"`) {
		t.Errorf("after joining:\n%s", body)
	}

	r.Vote("lc-leadership")
	_, body = p.Get("/")
	for _, want := range []string{
		"Strong leadership and management driving your D&amp;I strategy",
		"Do you work with your managers on the D&amp;I agenda?",
		"Leadership &amp; Culture · item 2 of 4",
		`<button type="submit" name="choice" value="red" id="choice-red" class="choice worst" aria-pressed="false"><span class="mark" aria-hidden="true">■</span> <span class="word">Red</span><span class="desc">Nothing/Not something you currently do</span></button>`,
		`<span class="mark" aria-hidden="true">▲</span> <span class="word">Amber</span>`,
		`<span class="mark" aria-hidden="true">●</span> <span class="word">Green</span>`,
		`value="unsure"`, "Not sure",
		"You have not voted yet.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("item page lacks %s", want)
		}
	}
	if strings.Contains(body, `http-equiv="refresh"`) {
		t.Error("the page reloads itself while the phone still has to vote")
	}
	p.mustVote("lc-leadership", r.Status().Round, "amber")
	_, body = p.Get("/")
	if !strings.Contains(body, `Your vote is in: <span class="mark" aria-hidden="true">▲</span> Amber. You can change it until the reveal.`) || !strings.Contains(body, `value="amber" id="choice-amber" class="choice between" aria-pressed="true"`) {
		t.Errorf("after voting:\n%s", body)
	}
	if st := r.Status(); st.Voted != 1 || st.Joined != 1 {
		t.Errorf("facilitator sees %d of %d", st.Voted, st.Joined)
	}
	r.Reveal()
	_, body = p.Get("/")
	for _, want := range []string{"The room's votes", `<span class="word">Amber</span> <span class="count">1</span>`, `You voted <span class="mark" aria-hidden="true">▲</span> Amber.`} {
		if !strings.Contains(body, want) {
			t.Errorf("revealed page lacks %s:\n%s", want, body)
		}
	}
	r.Agree("lc-leadership", "amber")
	if _, body := p.Get("/"); !strings.Contains(body, "Agreed: ") {
		t.Errorf("agreed rating not shown:\n%s", body)
	}
}

func TestBadRequests(t *testing.T) {
	t.Parallel() // its oversized body holds the server's close half a second (net/http's rstAvoidanceDelay)
	r, s := startParallelServer(t)
	a := joinedPhone(t, s)
	r.Vote("lc-vision")
	round := r.Status().Round
	a.mustVote("lc-vision", round, "green")
	stranger := newPhone(t, s)

	tests := []struct {
		name   string
		send   func() (int, string)
		status int
		says   string
	}{
		{"wrong PIN", func() (int, string) { return stranger.Post("/join", url.Values{"pin": {"0000"}}) }, 403, "That PIN is not right"},
		{"empty PIN", func() (int, string) { return stranger.Post("/join", url.Values{}) }, 403, "That PIN is not right"},
		{"vote without joining", func() (int, string) { return stranger.vote("lc-vision", round, "red") }, 401, "Type the PIN first"},
		{"idea without joining", func() (int, string) {
			return stranger.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {"x"}})
		}, 401, "Type the PIN first"},
		{"events without joining", func() (int, string) { return stranger.Get("/events") }, 401, "type the PIN first"},
		{"vote for an item not up", func() (int, string) { return a.vote("lc-leadership", round, "red") }, 409, "no longer up for a vote"},
		{"vote for an old round", func() (int, string) { return a.vote("lc-vision", round-1, "red") }, 409, "Voting on this item has started again: choose again."},
		{"vote for no level", func() (int, string) { return a.vote("lc-vision", round, "purple") }, 400, "not one of the choices"},
		{"vote with no round", func() (int, string) { return a.Post("/vote", url.Values{"item": {"lc-vision"}, "choice": {"red"}}) }, 400, "did not say which item"},
		{"malformed body", func() (int, string) {
			return a.PostRaw("/vote", "application/x-www-form-urlencoded", "item=%zz&round=1")
		}, 400, "could not be read"},
		{"huge body", func() (int, string) {
			return a.PostRaw("/vote", "application/x-www-form-urlencoded", "item=lc-vision&choice=red&round=1&pad="+strings.Repeat("x", 1<<20))
		}, 413, "too much"},
		{"JSON body", func() (int, string) { return a.PostRaw("/vote", "application/json", `{"choice":"red"}`) }, 415, "form"},
		{"idea with nothing asked", func() (int, string) { return a.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {"x"}}) }, 409, "the facilitator has moved on from its question"},
		{"vote by GET", func() (int, string) { return a.Get("/vote?item=lc-vision&choice=red") }, 405, ""},
		{"unknown page", func() (int, string) { return a.Get("/admin") }, 404, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := tc.send()
			if status != tc.status || !strings.Contains(strings.ToLower(body), strings.ToLower(tc.says)) {
				t.Errorf("%d, want %d saying %q:\n%s", status, tc.status, tc.says, body)
			}
		})
	}
	r.Reveal()
	if status, body := a.vote("lc-vision", round, "red"); status != 409 || !strings.Contains(body, "the votes are revealed") {
		t.Errorf("vote after the reveal: %d\n%s", status, body)
	}
	v, _ := r.Reveal()
	if v.Total() != 1 || v.Count("green") != 1 {
		t.Errorf("bad requests changed the votes: %+v", v)
	}
	if st := r.Status(); st.Joined != 1 {
		t.Errorf("bad requests changed who is in the room: %d joined", st.Joined)
	}
}

func TestRequestsFromElsewhereAreRefused(t *testing.T) {
	r, s := startServer(t)
	a := joinedPhone(t, s)
	r.Vote("lc-vision")
	round := r.Status().Round

	// Another name for the address (DNS rebinding: a web page elsewhere
	// pointing its own name at the laptop).
	req, _ := http.NewRequest(http.MethodGet, s.URL(), nil)
	req.Host = "evil.example:8421"
	if status, _ := a.Do(req); status != http.StatusMisdirectedRequest {
		t.Errorf("request for another host: %d", status)
	}
	// A form posted from another site's page.
	form := url.Values{"item": {"lc-vision"}, "round": {fmt.Sprint(round)}, "choice": {"red"}}.Encode()
	req, _ = http.NewRequest(http.MethodPost, s.URL()+"vote", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	if status, _ := a.Do(req); status != http.StatusForbidden {
		t.Errorf("cross-site vote: %d", status)
	}
	if st := r.Status(); st.Voted != 0 {
		t.Error("a refused request voted")
	}
}

func TestIdeasAreEscapedOnThePage(t *testing.T) {
	r, s := startServer(t)
	a := joinedPhone(t, s)
	r.Ask("quick-wins")
	hostile := "<img src=x onerror=alert(1)>\x1b[31m\x1b]0;title\x07 & \"sponsor\""
	if status, body := a.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {hostile}}); status != http.StatusSeeOther {
		t.Fatalf("idea: %d\n%s", status, body)
	}
	_, body := a.Get("/")
	if !strings.Contains(body, "<li>&lt;img src=x onerror=alert(1)&gt; &amp; &#34;sponsor&#34;</li>") || strings.Contains(body, "<img") {
		t.Errorf("the idea is not shown escaped:\n%s", body)
	}
	st := r.Status()
	if len(st.Ideas) != 1 || st.Ideas[0].Text != `<img src=x onerror=alert(1)> & "sponsor"` {
		t.Errorf("the facilitator gets %+v", st.Ideas)
	}
	long := strings.Repeat("x", MaxIdeaRunes+1)
	if status, body := a.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {long}}); status != http.StatusUnprocessableEntity || !strings.Contains(body, "at most 280 characters") {
		t.Errorf("long idea: %d\n%s", status, body)
	}
	if len(r.Status().Ideas) != 1 {
		t.Error("a refused idea reached the facilitator")
	}
}

func TestPINGuessingIsRateLimitedOverHTTP(t *testing.T) {
	r, s := startServer(t)
	p := newPhone(t, s)
	for range freeTries {
		p.Post("/join", url.Values{"pin": {"0000"}})
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"join", strings.NewReader("pin=4821"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := p.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "30" {
		t.Errorf("right PIN after %d wrong: %d, Retry-After %q", freeTries, res.StatusCode, res.Header.Get("Retry-After"))
	}
	// The wait in words, on the phone and the facilitator's screen: it
	// said "about 1m0s" once the block reached a minute.
	if !strings.Contains(string(body), "(about 30 seconds)") {
		t.Errorf("the phone is not told how long to wait:\n%s", body)
	}
	if n := r.Status().Notices; len(n) == 0 || !strings.Contains(n[len(n)-1], "refused for 30 seconds") {
		t.Errorf("notices = %q", n)
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, s := startServer(t)
	res, err := http.Get(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for h, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
		"Cache-Control":           "no-store",
	} {
		if got := res.Header.Get(h); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	http.DefaultClient.CloseIdleConnections()
}

// stream is a phone's open event stream.
type stream struct {
	res    *http.Response
	events chan string
}

func (p *testPhone) stream() *stream {
	p.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, p.URL()+"events", nil)
	res, err := p.Client().Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		res.Body.Close()
		p.t.Fatalf("events: %d", res.StatusCode)
	}
	st := &stream{res: res, events: make(chan string, 16)}
	go func() {
		defer close(st.events)
		sc := bufio.NewScanner(res.Body)
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[len("data: "):])
			case line == "" && data != nil:
				st.events <- strings.Join(data, "\n")
				data = nil
			}
		}
	}()
	return st
}

// next waits for the next view on the stream.
func (st *stream) next(t *testing.T) string {
	t.Helper()
	select {
	case v, ok := <-st.events:
		if !ok {
			t.Fatal("the stream ended")
		}
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("no event in 5 s")
	}
	return ""
}

func (st *stream) close() { st.res.Body.Close() }

func TestEventsFollowTheFacilitator(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	st := p.stream()
	if v := st.next(t); !strings.Contains(v, "You are in the room") {
		t.Errorf("first event:\n%s", v)
	}
	if got := r.Status().Joined; got != 1 {
		t.Errorf("joined = %d", got)
	}
	r.Vote("lc-culture")
	if v := st.next(t); !strings.Contains(v, "Cultural questions") || !strings.Contains(v, `data-key="item lc-culture round 1"`) {
		t.Errorf("after Vote:\n%s", v)
	}
	p.mustVote("lc-culture", r.Status().Round, "red")
	// The phone's own vote too, for its other tabs.
	if v := st.next(t); !strings.Contains(v, "Your vote is in:") {
		t.Errorf("after the vote:\n%s", v)
	}
	r.Reveal()
	if v := st.next(t); !strings.Contains(v, "The room's votes") || !strings.Contains(v, `<span class="count">1</span>`) {
		t.Errorf("after Reveal:\n%s", v)
	}
	r.Vote("wf-business-as-usual")
	if v := st.next(t); !strings.Contains(v, "Business as usual") || !strings.Contains(v, "You have not voted yet.") {
		t.Errorf("next item:\n%s", v)
	}
	r.Ask("quick-wins")
	if v := st.next(t); !strings.Contains(v, "What are your quick wins?") || !strings.Contains(v, `<textarea id="text" name="text"`) {
		t.Errorf("question:\n%s", v)
	}
	s.Close()
	// The votes on lc-culture were revealed and no rating agreed: the end
	// tells the phones what the plan keeps, and not that every vote is in it.
	if v := st.next(t); !strings.Contains(v, "The room has closed") ||
		!strings.Contains(v, "The plan keeps how many voted for each rating the room agreed") || strings.Contains(v, "The votes are in the plan") {
		t.Errorf("last event:\n%s", v)
	}
	select {
	case _, ok := <-st.events:
		if ok {
			t.Error("the stream goes on after the room closed")
		}
	case <-time.After(5 * time.Second):
		t.Error("the stream did not end when the room closed")
	}
}

// A phone that locks, loses the network or reloads over and over keeps
// its vote, and leaves nothing behind.
func TestAThousandReconnects(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	r.Vote("lc-vision")
	p.mustVote("lc-vision", r.Status().Round, "amber")
	before := runtime.NumGoroutine()
	for i := range 1000 {
		st := p.stream()
		if v := st.next(t); !strings.Contains(v, "Your vote is in") {
			t.Fatalf("reconnect %d lost the vote:\n%s", i, v)
		}
		st.close()
	}
	if st := r.Status(); st.Voted != 1 || st.Joined != 1 {
		t.Errorf("after 1000 reconnects: %d of %d voted", st.Voted, st.Joined)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		open := r.streams
		r.mu.Unlock()
		if open == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d streams still counted open", open)
		}
		time.Sleep(10 * time.Millisecond)
	}
	testtool.WaitForGoroutines(t, before+2) // the phone's idle keep-alive connection
	v, _ := r.Reveal()
	if v.Total() != 1 || v.Count("amber") != 1 {
		t.Errorf("votes = %+v", v)
	}
}

// A phone that opens stream after stream keeps the newest: the oldest is
// closed, not the new one refused.
func TestTooManyStreamsFromOnePhone(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	var open []*stream
	for range maxStreamsPerPhone + 1 {
		st := p.stream()
		st.next(t)
		open = append(open, st)
	}
	select {
	case _, ok := <-open[0].events:
		if ok {
			t.Error("the oldest stream got another event instead of ending")
		}
	case <-time.After(5 * time.Second):
		t.Error("the oldest stream was not closed")
	}
	r.Vote("lc-vision")
	if v := open[maxStreamsPerPhone].next(t); !strings.Contains(v, "Develop a clear vision") {
		t.Errorf("the newest stream does not follow the room:\n%s", v)
	}
	for _, st := range open {
		st.close()
	}
}

// A phone that sent ideas is told what the facilitator did with each (in
// the plan, or not taken), through the session's accept and drop; other
// phones are told nothing of them.
func TestPhoneHearsWhatBecameOfItsIdeas(t *testing.T) {
	r, s := startServer(t)
	a, b := joinedPhone(t, s), joinedPhone(t, s)
	session := newSession(t, r)
	r.Ask("quick-wins")
	for _, text := range []string{"Name a senior sponsor", "Free pizza"} {
		if status, body := a.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {text}}); status != http.StatusSeeOther {
			t.Fatalf("idea %q: %d\n%s", text, status, body)
		}
	}
	ideas := r.Status().Ideas
	r.OfferIdeas(session, ideas)
	if _, body := a.Get("/"); strings.Contains(body, "settled") {
		t.Fatalf("the phone hears of a decision before any:\n%s", body)
	}
	if _, ok := r.AcceptIdea(session, ideas[0].ID); !ok {
		t.Fatal("the session did not know the first idea")
	}
	if !r.DropIdea(session, ideas[1].ID) {
		t.Fatal("the session did not know the second idea")
	}
	_, body := a.Get("/")
	for _, want := range []string{`<li><span aria-hidden="true">✓</span> Accepted: Name a senior sponsor</li>`, `<li><span aria-hidden="true">✗</span> Not taken: Free pizza</li>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the phone that sent the ideas is not told %q:\n%s", want, body)
		}
	}
	if _, body := b.Get("/"); strings.Contains(body, "senior sponsor") || strings.Contains(body, "pizza") {
		t.Errorf("another phone hears of someone else's ideas:\n%s", body)
	}

	// Taken back out of the answer, then put back: the phone follows.
	if r.WithdrawIdea(session, ideas[0].ID) == nil {
		t.Fatal("the accepted idea could not be taken back out")
	}
	if _, body := a.Get("/"); !strings.Contains(body, `<li><span aria-hidden="true">✗</span> Not taken: Name a senior sponsor</li>`) || strings.Contains(body, "Accepted: Name a senior sponsor") {
		t.Errorf("the phone still shows an idea taken back out as accepted:\n%s", body)
	}
	if _, ok := r.AcceptIdea(session, ideas[0].ID); !ok {
		t.Fatal("the idea taken out could not be accepted again")
	}
	if _, body := a.Get("/"); !strings.Contains(body, `<li><span aria-hidden="true">✓</span> Accepted: Name a senior sponsor</li>`) || strings.Count(body, "Name a senior sponsor") != 1 {
		t.Errorf("the phone does not show the idea accepted again, once:\n%s", body)
	}
	if got := session.Plan().Answer("quick-wins").List; !slices.Equal(got, []string{"Name a senior sponsor"}) {
		t.Errorf("quick wins in the session: %q", got)
	}
}

// Over HTTP, an idea past the minute's limit gets 429 with Retry-After.
func TestIdeasTooFastOverHTTP(t *testing.T) {
	r, s := startServer(t)
	a := joinedPhone(t, s)
	r.Ask("quick-wins")
	for i := range MaxIdeasPerMinute {
		if status, body := a.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {fmt.Sprint("idea ", i)}}); status != http.StatusSeeOther {
			t.Fatalf("idea %d: %d\n%s", i+1, status, body)
		}
		r.settleIdea(r.Status().Ideas[0].ID, true) // none waits: the limit is the minute's
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"idea", strings.NewReader(url.Values{"question": {"quick-wins"}, "text": {"one more"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := a.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Errorf("idea past the minute's limit: %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
}

// TestPhonesReachARoomOnPort80 serves the room as it is on port 80
// (--listen 192.168.1.20:80, for an address easy to type): browsers leave
// the port out of the Host and Origin they send there, and the room must
// still take their joins and votes, and show the address as they write it.
func TestPhonesReachARoomOnPort80(t *testing.T) {
	for hostport, want := range map[string]string{"127.0.0.1:80": "http://127.0.0.1/", "[::1]:80": "http://[::1]/", "127.0.0.1:8421": "http://127.0.0.1:8421/"} {
		if got := (&Server{site: siteOf(hostport)}).URL(); got != want {
			t.Errorf("the room on %s shows %s, want %s", hostport, got, want)
		}
	}
	r, _ := newTestRoom(t)
	s := &Server{room: r, host: "127.0.0.1:80", site: siteOf("127.0.0.1:80")}
	h := s.Handler()
	send := func(method, path, cookie, form string) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest(method, "http://127.0.0.1"+path, strings.NewReader(form))
		if req.Host != "127.0.0.1" {
			t.Fatalf("the request's Host is %q", req.Host)
		}
		if method == http.MethodPost {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", "http://127.0.0.1")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
		}
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: cookieName, Value: cookie})
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	if w := send(http.MethodGet, "/", "", ""); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Type the PIN") {
		t.Fatalf("the join page on port 80: %d\n%s", w.Code, w.Body)
	}
	w := send(http.MethodPost, "/join", "", "pin=4821")
	if w.Code != http.StatusSeeOther {
		t.Fatalf("joining on port 80: %d\n%s", w.Code, w.Body)
	}
	var tok string
	for _, c := range w.Result().Cookies() {
		if c.Name == cookieName {
			tok = c.Value
		}
	}
	r.Vote("lc-vision")
	form := fmt.Sprintf("item=lc-vision&round=%d&choice=green", r.Status().Round)
	if w := send(http.MethodPost, "/vote", tok, form); w.Code != http.StatusSeeOther {
		t.Fatalf("voting on port 80: %d\n%s", w.Code, w.Body)
	}
	if st := r.Status(); st.Voted != 1 {
		t.Errorf("%d voted, want 1", st.Voted)
	}
}

// Package roomtest is a phone for tests of the room (ladder review
// --room) outside package room: it joins with the PIN, votes and sends
// ideas over real HTTP, as the phone page's forms do without JavaScript.
package roomtest

import (
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Phone is a browser without JavaScript: a cookie jar, and redirects not
// followed, so that each answer can be checked.
type Phone struct {
	t      testing.TB
	base   string
	client *http.Client
}

// New is a phone that will open the room at joinURL (the address the
// review says, ending in /).
func New(t testing.TB, joinURL string) *Phone {
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &Phone{t: t, base: joinURL, client: &http.Client{
		Jar: jar, Transport: tr, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Joined is a phone that has typed pin.
func Joined(t testing.TB, joinURL, pin string) *Phone {
	t.Helper()
	p := New(t, joinURL)
	p.Join(pin)
	return p
}

// Close closes the phone's idle connections, as a phone leaving does.
func (p *Phone) Close() { p.client.CloseIdleConnections() }

// Get fetches a path and returns the status and body.
func (p *Phone) Get(path string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodGet, p.base+strings.TrimPrefix(path, "/"), nil)
	if err != nil {
		p.t.Fatal(err)
	}
	return p.Do(req)
}

// Post sends a form and returns the status and body.
func (p *Phone) Post(path string, form url.Values) (int, string) {
	p.t.Helper()
	return p.PostRaw(path, "application/x-www-form-urlencoded", form.Encode())
}

// PostRaw sends body as it is, with the content type given (a malformed
// or oversized body, in tests of what the room refuses).
func (p *Phone) PostRaw(path, contentType, body string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.base+strings.TrimPrefix(path, "/"), strings.NewReader(body))
	if err != nil {
		p.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	return p.Do(req)
}

// URL is the join address the phone opens.
func (p *Phone) URL() string { return p.base }

// Client is the phone's HTTP client, with its cookie (for requests the
// methods above do not make, such as holding the event stream open).
func (p *Phone) Client() *http.Client { return p.client }

// Do sends req with the phone's cookie and returns the status and body.
func (p *Phone) Do(req *http.Request) (int, string) {
	p.t.Helper()
	res, err := p.client.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// Join types the PIN; the test fails unless the room lets the phone in.
func (p *Phone) Join(pin string) {
	p.t.Helper()
	if status, body := p.Post("/join", url.Values{"pin": {pin}}); status != http.StatusSeeOther {
		p.t.Fatalf("join with PIN %s: %d\n%s", pin, status, body)
	}
}

var (
	itemField  = regexp.MustCompile(`name="item" value="([^"]+)"`)
	roundField = regexp.MustCompile(`name="round" value="(\d+)"`)
)

// Vote votes choice (a level's key, or "unsure") on the item the page
// shows now; the test fails unless the vote is taken.
func (p *Phone) Vote(choice string) {
	p.t.Helper()
	_, page := p.Get("/")
	item, round := itemField.FindStringSubmatch(page), roundField.FindStringSubmatch(page)
	if item == nil || round == nil {
		p.t.Fatalf("the phone shows no item to vote on:\n%s", page)
	}
	form := url.Values{"item": {item[1]}, "round": {round[1]}, "choice": {choice}}
	if status, body := p.Post("/vote", form); status != http.StatusSeeOther {
		p.t.Fatalf("vote %s on %s: %d\n%s", choice, item[1], status, body)
	}
}

// SendIdea sends an idea for a next-steps question (area: the area's id
// on a per-area question, else ""); the test fails unless it is taken.
func (p *Phone) SendIdea(questionID, area, text string) {
	p.t.Helper()
	form := url.Values{"question": {questionID}, "text": {text}}
	if area != "" {
		form.Set("area", area)
	}
	if status, body := p.Post("/idea", form); status != http.StatusSeeOther {
		p.t.Fatalf("idea %q for %s: %d\n%s", text, questionID, status, body)
	}
}

// From is a phone whose connections come from the local address from (a
// loopback address such as 127.0.0.7, for tests that tell phones apart by
// where they connect from).
func From(t testing.TB, joinURL string, from netip.Addr) *Phone {
	p := New(t, joinURL)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: from.AsSlice()}}
	p.client.Transport.(*http.Transport).DialContext = d.DialContext
	return p
}

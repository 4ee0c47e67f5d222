package room

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Server serves the phone page on one address while the review runs.
type Server struct {
	room *Room
	http *http.Server
	ln   net.Listener
	host string // host:port the server listens on
	// site is the address as phones open it: host:port, or the host
	// alone on port 80, where browsers leave the port out of the Host
	// and Origin they send. The Host accepted is one of the two.
	site   string
	served chan struct{}
	// stream paces the phones' streams: realStream, but in tests.
	stream streamPace

	closeOnce sync.Once
	closeErr  error
}

// Limits on one request, and on the connections the server holds.
const (
	maxBody        = 4 << 10 // a vote is ~60 bytes, an idea at most ~1.2 KB encoded
	maxHeader      = 8 << 10
	maxConnections = 512
	// maxConnectionsPerAddr is what one address may hold of them: a
	// phone's browser opens up to six, and a phone with two browsers
	// twice that.
	maxConnectionsPerAddr = 16
	streamPing            = 20 * time.Second // keeps a phone's stream from looking dead to Wi-Fi gear
	// streamQuiet is how long a phone's page hears nothing on its stream
	// (no view, no ping) before it takes the stream for dead and opens
	// another: a stream can die on a poor Wi-Fi with no word to either
	// end, and a page only listening on it would wait for good. More
	// than two pings, so a ping late on a slow Wi-Fi is not taken so.
	streamQuiet = 2*streamPing + 5*time.Second
	writeWait   = 10 * time.Second
	cookieName  = "ladder_room"
	liveHeader  = "X-Ladder-Live"
)

// streamPace is how a phone's stream is paced: how long its browser
// waits before it opens a stream that ended again (the stream's "retry"),
// and how often the room pings it.
type streamPace struct {
	retry, ping time.Duration
}

// realStream is the pace of every room ladder serves. (Tests of the
// phones in a browser quicken it, so as not to wait out seconds.)
var realStream = streamPace{retry: 2 * time.Second, ping: streamPing}

// Listen starts serving the room on addr (host:port; port 0 picks a free
// one). It binds to that address only. The server runs until Close.
func Listen(r *Room, addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return serve(r, ln, realStream), nil
}

// serve serves the room on a listener Listen opened (or a test's), its
// streams paced as pace says.
func serve(r *Room, ln net.Listener, pace streamPace) *Server {
	host := ln.Addr().String()
	s := &Server{room: r, ln: limitListener(ln, maxConnections, maxConnectionsPerAddr), host: host, site: siteOf(host), served: make(chan struct{}), stream: pace}
	s.http = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      writeWait,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    maxHeader,
		// The review owns the terminal: the server's own complaints (a
		// phone hanging up mid-request) must not be printed over it.
		ErrorLog: log.New(io.Discard, "", 0),
	}
	go func() {
		defer close(s.served)
		_ = s.http.Serve(s.ln)
	}()
	return s
}

// URL is the join address: what the QR code holds and phones open.
func (s *Server) URL() string { return "http://" + s.site + "/" }

// siteOf is host:port as a browser names it: without the port when it
// is HTTP's own, 80.
func siteOf(hostport string) string {
	if host, port, err := net.SplitHostPort(hostport); err == nil && port == "80" {
		if strings.Contains(host, ":") {
			return "[" + host + "]"
		}
		return host
	}
	return hostport
}

// Addr is the address the server listens on, host:port.
func (s *Server) Addr() string { return s.host }

// Close ends the room and stops the server: every phone's stream ends,
// requests in flight finish (for at most two seconds), and no goroutine of
// the server is left when it returns.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.room.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.http.Shutdown(ctx); err != nil {
			s.closeErr = s.http.Close()
		}
		<-s.served
	})
	return s.closeErr
}

// Handler is the room's HTTP handler, for Listen and for tests.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /join", s.join)
	mux.HandleFunc("POST /vote", s.vote)
	mux.HandleFunc("POST /idea", s.idea)
	mux.HandleFunc("GET /events", s.events)
	mux.Handle("GET /room.css", asset("room.css", "text/css; charset=utf-8"))
	mux.Handle("GET /room.js", asset("room.js", "text/javascript; charset=utf-8"))
	return s.guard(mux)
}

// guard applies what every request gets: the Host must be the address the
// room shows (a page elsewhere cannot reach the room through a DNS name of
// its own), a form must come from the room's own page, bodies are capped,
// and responses carry headers that keep the page to itself.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: with no-referrer browsers send
		// "Origin: null" on a form post, and the origin check below needs
		// the real one. The page links nowhere else.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		if req.Host != s.site && req.Host != s.host {
			http.Error(w, "This is ladder's room, at "+s.URL(), http.StatusMisdirectedRequest)
			return
		}
		if req.Method == http.MethodPost {
			if origin := req.Header.Get("Origin"); origin != "" && origin != "http://"+s.site && origin != "http://"+s.host {
				http.Error(w, "Votes and ideas are taken only from the room's own page.", http.StatusForbidden)
				return
			}
			if site := req.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
				http.Error(w, "Votes and ideas are taken only from the room's own page.", http.StatusForbidden)
				return
			}
			req.Body = http.MaxBytesReader(w, req.Body, maxBody)
		}
		next.ServeHTTP(w, req)
	})
}

// asset serves one of the page's files without sending it again to a
// phone that has it: every page (each "Check again", each refresh of a
// page without JavaScript) fetched its style sheet in full over the
// venue's Wi-Fi. The page links the file with its version (assetURL): a
// browser keeps that for good, and asks nothing. At its plain address,
// or with a version not its own (a page from before ladder was
// upgraded), the file carries a validator, and a browser that has the
// bytes is told 304.
func asset(name, contentType string) http.Handler {
	a := pageAsset(name)
	etag := `"` + a.version + `"`
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("ETag", etag)
		if req.URL.Query().Get("v") == a.version {
			h.Set("Cache-Control", "max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		http.ServeContent(w, req, "", time.Time{}, bytes.NewReader(a.data))
	})
}

// token is the phone's token from its cookie, or "".
func token(req *http.Request) string {
	c, err := req.Cookie(cookieName)
	if err != nil || len(c.Value) != 32 {
		return ""
	}
	return c.Value
}

// remote is the phone's network address without the port.
func remote(req *http.Request) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		return req.RemoteAddr
	}
	return host
}

func (s *Server) page(w http.ResponseWriter, req *http.Request) {
	tok := token(req)
	if tok != "" && !s.room.Known(tok) {
		// A phone that was in the room: ladder quit and started again
		// (a break), or another browser on this phone joined in its
		// place. After a break, people type the PIN they remember, and
		// a roomful of wrong PINs pauses joining for everyone.
		s.respond(w, req, http.StatusOK, "", sentence(errNotInTheRoomNow))
		return
	}
	s.respond(w, req, http.StatusOK, tok, "")
}

var errNotInTheRoomNow = errors.New("this phone is not in the room now: if the review started again, it has a new PIN. Type the PIN shown on the screen")

// respond sends the phone its page: the whole page, or only the view when
// the page's script asked (it replaces the view in place).
func (s *Server) respond(w http.ResponseWriter, req *http.Request, status int, tok, message string) {
	name := "page"
	if req.Header.Get(liveHeader) != "" {
		name = "view"
	}
	body := s.room.pageFor(tok, name, message)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// done ends a form post that worked: back to the page (post, redirect,
// get) at the place named (to: "/" for its top), or the new view for the
// script.
func (s *Server) done(w http.ResponseWriter, req *http.Request, tok, to string) {
	if req.Header.Get(liveHeader) != "" {
		s.respond(w, req, http.StatusOK, tok, "")
		return
	}
	http.Redirect(w, req, to, http.StatusSeeOther)
}

// votedPlace is where a vote posted without the script comes back to:
// the line that says it is in (page.html's id="voted", there while it
// is), under the four buttons and below the screen's edge on a small
// phone, where the script brings it into view (statusInView).
const votedPlace = "/#voted"

// form parses a posted form, answering the request itself when it cannot.
func (s *Server) form(w http.ResponseWriter, req *http.Request, tok string) bool {
	if ct, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type")); ct != "application/x-www-form-urlencoded" {
		s.respond(w, req, http.StatusUnsupportedMediaType, tok, "Send the page's form as it is.")
		return false
	}
	if err := req.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.respond(w, req, http.StatusRequestEntityTooLarge, tok, "That was too much to send.")
			return false
		}
		s.respond(w, req, http.StatusBadRequest, tok, "The form could not be read.")
		return false
	}
	return true
}

// joinedForm is the token and fields of a form posted by a phone that has
// joined, or false when it has not joined or sent no form it can read (the
// request answered).
func (s *Server) joinedForm(w http.ResponseWriter, req *http.Request) (string, url.Values, bool) {
	tok := token(req)
	if !s.room.Known(tok) {
		s.respond(w, req, http.StatusUnauthorized, "", sentence(ErrNotJoined))
		return "", nil, false
	}
	if !s.form(w, req, tok) {
		return "", nil, false
	}
	return tok, req.PostForm, true
}

func (s *Server) join(w http.ResponseWriter, req *http.Request) {
	if !s.form(w, req, "") {
		return
	}
	tok, err := s.room.Join(req.PostForm.Get("pin"), remote(req))
	if err != nil {
		var retry *RetryError
		status := http.StatusForbidden
		switch {
		case errors.As(err, &retry):
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(int(retry.After.Seconds()+0.999)))
			err = fmt.Errorf("%w (about %s)", err, waitWords(retry.After))
		case errors.Is(err, ErrRoomFull):
			status = http.StatusServiceUnavailable
		case errors.Is(err, ErrWrongPIN):
		default:
			status = http.StatusInternalServerError
		}
		s.respond(w, req, status, "", sentence(err))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, req, "/", http.StatusSeeOther)
}

func (s *Server) vote(w http.ResponseWriter, req *http.Request) {
	tok, f, ok := s.joinedForm(w, req)
	if !ok {
		return
	}
	round, err := strconv.Atoi(f.Get("round"))
	if err != nil || f.Get("item") == "" {
		s.respond(w, req, http.StatusBadRequest, tok, "The vote did not say which item it was for.")
		return
	}
	if err := s.room.CastVoteTapped(tok, f.Get("item"), round, f.Get("choice"), tapOf(f.Get("tap"))); err != nil {
		s.respond(w, req, voteStatus(err), tok, sentence(err))
		return
	}
	s.done(w, req, tok, votedPlace)
}

// tapOf reads the tap a page's script numbers a vote with, "page-n" (a
// page's id, a few letters, and its count of taps): the zero Tap, taken as
// it comes, for anything else.
func tapOf(field string) Tap {
	page, n, ok := strings.Cut(field, "-")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count < 1 || page == "" || len(page) > maxTapPage {
		return Tap{}
	}
	return Tap{Page: page, N: count}
}

// maxTapPage is the longest page id a tap may carry (the script's are 8
// letters and digits): the room keeps a few per phone.
const maxTapPage = 16

func voteStatus(err error) int {
	switch {
	case errors.Is(err, ErrNotJoined):
		return http.StatusUnauthorized
	case errors.Is(err, ErrBadChoice):
		return http.StatusBadRequest
	case errors.Is(err, ErrIdeaTooLong), errors.Is(err, ErrEmptyIdea), errors.Is(err, ErrBadArea):
		return http.StatusUnprocessableEntity
	case errors.Is(err, ErrTooManyIdeas), errors.Is(err, ErrIdeasTooFast):
		return http.StatusTooManyRequests
	default: // not current, closed, nothing up, not asking
		return http.StatusConflict
	}
}

func (s *Server) idea(w http.ResponseWriter, req *http.Request) {
	tok, f, ok := s.joinedForm(w, req)
	if !ok {
		return
	}
	if _, err := s.room.SendIdea(tok, f.Get("question"), f.Get("area"), f.Get("text")); err != nil {
		if retry := (*RetryError)(nil); errors.As(err, &retry) {
			w.Header().Set("Retry-After", strconv.Itoa(int(retry.After.Seconds()+0.999)))
		}
		s.respond(w, req, voteStatus(err), tok, sentence(err))
		return
	}
	s.done(w, req, tok, "/")
}

// sentence is an error as the phone shows it: capitalised, with a stop.
func sentence(err error) string {
	msg := err.Error()
	if msg == "" {
		return ""
	}
	if c := msg[0]; c >= 'a' && c <= 'z' {
		msg = string(c-'a'+'A') + msg[1:]
	}
	return msg + "."
}

// limitListener accepts at most n connections at once; more wait in the
// kernel's queue until one closes. One address other than loopback may
// hold at most perAddr of them: its further connections are closed at
// once, so a stranger on the Wi-Fi holding connections open (idle
// keep-alives need no PIN) cannot keep the room's phones out. A phone's
// browser opens six at most.
func limitListener(ln net.Listener, n, perAddr int) net.Listener {
	return &limited{Listener: ln, slots: make(chan struct{}, n), perAddr: perAddr, held: map[netip.Addr]int{}}
}

type limited struct {
	net.Listener
	slots   chan struct{}
	perAddr int

	mu   sync.Mutex
	held map[netip.Addr]int // connections open now, by address
}

func (l *limited) Accept() (net.Conn, error) {
	for {
		l.slots <- struct{}{}
		c, err := l.Listener.Accept()
		if err != nil {
			<-l.slots
			return nil, err
		}
		addr := remoteAddr(c)
		if !l.take(addr) {
			c.Close()
			<-l.slots
			continue
		}
		return &limitedConn{Conn: c, release: func() { l.give(addr); <-l.slots }}, nil
	}
}

// remoteAddr is the address a connection comes from; the zero Addr, which
// is never limited, for loopback and anything unknown.
func remoteAddr(c net.Conn) netip.Addr {
	ap, err := netip.ParseAddrPort(c.RemoteAddr().String())
	if err != nil || ap.Addr().Unmap().IsLoopback() {
		return netip.Addr{}
	}
	return deviceAddr(ap.Addr())
}

func (l *limited) take(addr netip.Addr) bool {
	if !addr.IsValid() {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held[addr] >= l.perAddr {
		return false
	}
	l.held[addr]++
	return true
}

func (l *limited) give(addr netip.Addr) {
	if !addr.IsValid() {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held[addr]--; l.held[addr] <= 0 {
		delete(l.held, addr)
	}
}

type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

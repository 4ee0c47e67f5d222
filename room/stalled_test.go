package room

import (
	"bytes"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/testtool"
)

// stallingListener's connections can be cut as a poor Wi-Fi cuts them,
// with no error on either side: what the laptop sends on one goes
// nowhere, and the phone, which only listens on its stream, waits on it
// for good. A request the phone sends on a cut connection later ends it,
// as a browser finds a dead connection, so new requests go on new ones.
type stallingListener struct {
	net.Listener
	mu    sync.Mutex
	conns []*stallingConn
}

func (l *stallingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	sc := &stallingConn{Conn: c}
	l.mu.Lock()
	l.conns = append(l.conns, sc)
	l.mu.Unlock()
	return sc, nil
}

// stall cuts every connection open now.
func (l *stallingListener) stall() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.conns {
		c.cut.Store(true)
	}
	l.conns = nil
}

type stallingConn struct {
	net.Conn
	cut atomic.Bool
}

func (c *stallingConn) Write(b []byte) (int, error) {
	if c.cut.Load() {
		return len(b), nil
	}
	return c.Conn.Write(b)
}

func (c *stallingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 && c.cut.Load() {
		c.Conn.Close()
		return 0, net.ErrClosed
	}
	return n, err
}

// roomOnWifi serves a test room on 127.0.0.1 through the listener wifi
// makes of it, a poor Wi-Fi between the laptop and the phones, its
// streams paced as pace says, and at the test's end closes it and checks
// that nothing the test started is left running.
func roomOnWifi(t *testing.T, pace streamPace, wifi func(net.Listener) net.Listener) (*Room, *Server) {
	t.Helper()
	left := testtool.LabelGoroutines(t)
	r, _ := newTestRoom(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := serve(r, wifi(ln), pace)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		left()
	})
	return r, s
}

// TestAPhoneWhoseStreamStallsCatchesUp: on a poor Wi-Fi a phone's stream
// can die with no word to either end (an access point restarting, the
// phone moving to another): the page, which only listens, waited on it
// for good, still showing the item the room had left, its vote refused
// when it was tapped, the reveal never shown, and "7 of 8 voted" on the
// projector for a person who could not see the item up. The room sends
// its ping as an event the page hears; a page that hears nothing for
// longer than two pings (data-quiet, 45 seconds) opens its stream again,
// and the stream's first view is the room now. Here the room pings every
// tenth of a second, and the page's seconds are tenths (data-second), so
// that a stream quiet for 0.4 s is taken for dead.
func TestAPhoneWhoseStreamStallsCatchesUp(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	wifi := &stallingListener{}
	pace := streamPace{retry: quickStream.retry, ping: 100 * time.Millisecond}
	r, s := roomOnWifi(t, pace, func(ln net.Listener) net.Listener { wifi.Listener = ln; return wifi })
	p := phoneInRoom(t, b, s, "stalled")
	r.Vote("lc-vision")
	p.waitText("Develop a clear vision")
	p.Do(chromedp.Evaluate[chromedp.Void](`document.getElementById("room").dataset.second = "100"; document.getElementById("room").dataset.quiet = "4"`))

	wifi.stall()
	r.Vote("lc-leadership")
	p.waitText("Strong leadership and management")
	p.vote("green")
	p.waitText("Your vote is in: ● Green")
	waitStatus(t, r, func(st Status) bool { return st.Voted == 1 })
}

// cuttingListener can cut the next answer the laptop sends, on whichever
// connection, half-way through, and close that connection: a reply a
// poor Wi-Fi broke off.
type cuttingListener struct {
	net.Listener
	cutNext atomic.Bool
}

func (l *cuttingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &cuttingConn{Conn: c, l: l}, nil
}

type cuttingConn struct {
	net.Conn
	l *cuttingListener
}

func (c *cuttingConn) Write(b []byte) (int, error) {
	if bytes.HasPrefix(b, []byte("HTTP/1.1 ")) && bytes.Contains(b, []byte("\r\n\r\n")) && c.l.cutNext.CompareAndSwap(true, false) {
		head, body, _ := bytes.Cut(b, []byte("\r\n\r\n"))
		c.Conn.Write(append(append(head, "\r\n\r\n"...), body[:len(body)/2]...))
		c.Conn.Close()
		return 0, net.ErrClosed
	}
	return c.Conn.Write(b)
}

// TestAnIdeaWhoseAnswerWasCutOffIsNotNotSent: the room took an idea, and
// its answer to the phone broke off half-way. The page said "Not sent"
// with the words in the box, and went on saying it over the view that
// listed the idea under "Your ideas waiting", until the question
// changed. The view that lists it takes "Not sent" away, and the words
// leave the box, as when the answer comes whole.
func TestAnIdeaWhoseAnswerWasCutOffIsNotNotSent(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	wifi := &cuttingListener{}
	r, s := roomOnWifi(t, quickStream, func(ln net.Listener) net.Listener { wifi.Listener = ln; return wifi })
	p := phoneInRoom(t, b, s, "cut-off")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	answers := &heldRequests{t: t, p: p}
	answers.count()

	wifi.cutNext.Store(true)
	p.sendIdea("Name a sponsor")
	p.WaitFor("the answer cut off", `window.settled >= 1`)
	p.waitText("1 of your ideas is waiting")
	p.WaitFor("no word of it not sent", `!document.body.innerText.includes("Not sent")`)
	box := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("text").value`))
	if box != "" || wifi.cutNext.Load() {
		t.Errorf("the idea is in, its answer cut off (cut: %v): the box holds %q", !wifi.cutNext.Load(), box)
	}
}

// TestAnIdeaListedBeforeItsAnswerFailedLeavesTheBox: the other order of
// the cut-off answer above. The room took an idea and its view, listing
// the idea, came down the phone's stream before the idea's own answer
// failed on its way back. The page said nothing, rightly, but kept the
// words in the box, where the person took them for not sent and sent
// them again. They leave the box, as when the answer comes.
func TestAnIdeaListedBeforeItsAnswerFailedLeavesTheBox(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "listed-first")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")

	answers := holdAnswers(t, p, "*/idea")
	p.sendIdea("Name a sponsor")
	answer := answers.next()
	p.waitText("1 of your ideas is waiting")
	answers.fail(answer)
	p.WaitFor("the answer's failure", `window.settled >= 1`)
	if text := p.text(); strings.Contains(text, "Not sent") {
		t.Errorf("the idea is listed as in, and the page says it was not sent:\n%s", text)
	}
	if box := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("text").value`)); box != "" {
		t.Errorf("the idea is listed as in, its answer lost: the box still holds %q", box)
	}
}

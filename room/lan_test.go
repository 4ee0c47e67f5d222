package room

import (
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/room/roomtest"
)

// lanListener makes a connection from 127.0.0.N look as if it came from
// 192.168.1.N: a phone on the room's network, each with an address of its
// own. The limits the room keeps per address are for such phones; the
// laptop itself (loopback) is not a stranger and has none.
type lanListener struct{ net.Listener }

func (l lanListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	a := c.RemoteAddr().(*net.TCPAddr)
	return lanConn{Conn: c, remote: &net.TCPAddr{IP: net.IPv4(192, 168, 1, a.IP.To4()[3]), Port: a.Port}}, nil
}

type lanConn struct {
	net.Conn
	remote net.Addr
}

func (c lanConn) RemoteAddr() net.Addr { return c.remote }

// startLANServer is startServer with phones on a LAN: a phone made by
// lanPhone(t, s, N) is at 192.168.1.N to the room.
func startLANServer(t *testing.T) (*Room, *Server) {
	t.Helper()
	before := runtime.NumGoroutine()
	r, _ := newTestRoom(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := serve(r, lanListener{ln}, realStream)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		testtool.WaitForGoroutines(t, before)
	})
	return r, s
}

func lanAddr(n byte) netip.Addr { return netip.AddrFrom4([4]byte{127, 0, 0, n}) }

func lanPhone(t *testing.T, s *Server, n byte) *testPhone {
	return &testPhone{Phone: roomtest.From(t, s.URL(), lanAddr(n)), t: t}
}

// A stranger on the Wi-Fi, with no PIN, opens more connections than the
// server holds and keeps them (each asked for a page, then left idle, as
// keep-alive allows for a minute). The room's other phones still get in.
func TestOneAddressCannotHoldEveryConnection(t *testing.T) {
	_, s := startLANServer(t)
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: lanAddr(66).AsSlice()}}
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range maxConnections + 8 {
		c, err := d.Dial("tcp", s.Addr())
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		if _, err := c.Write([]byte("GET /room.css HTTP/1.1\r\nHost: " + s.Addr() + "\r\n\r\n")); err != nil {
			break // the server closed it: fine
		}
	}
	p := lanPhone(t, s, 2)
	done := make(chan int, 1)
	go func() {
		code, _ := p.Get("/")
		done <- code
	}()
	select {
	case code := <-done:
		if code != http.StatusOK {
			t.Errorf("the other phone's page: %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("one address holding %d connections kept another phone out", len(held))
	}
}

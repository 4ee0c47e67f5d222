package room

import (
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// TestARoomThatCannotListenSaysWhatToDo: the system's words ("bind:
// cannot assign requested address") tell a facilitator nothing; the
// usual causes are said plainly, with what to do next.
func TestARoomThatCannotListenSaysWhatToDo(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	c, _ := checklist.Builtin(checklist.DefaultID)
	addr := netip.MustParseAddrPort(held.Addr().String())
	_, _, err = Start(c, Setup{Addr: addr, Exact: true})
	if err == nil {
		t.Fatal("the room started on a port another program holds")
	}
	if want := "the room could not start: port " + strconv.Itoa(int(addr.Port())) + " is in use by another program: give another port in --listen, or port 0 for any free one"; err.Error() != want {
		t.Errorf("a port in use:\n got %q\nwant %q", err, want)
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("the cause is lost: %v", err)
	}

	for cause, want := range map[syscall.Errno]string{
		syscall.EADDRNOTAVAIL: "the room could not start: 192.168.1.20 is not an address of this laptop now (has its network changed?): leave out --listen and ladder chooses one",
		syscall.EACCES:        "the room could not start: port 80 needs administrator rights on this laptop: give a port from 1024 up in --listen, or port 0 for any free one",
	} {
		sysErr := &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", cause)}
		if got := listenError(netip.MustParseAddrPort("192.168.1.20:80"), sysErr).Error(); got != want {
			t.Errorf("%v:\n got %q\nwant %q", cause, got, want)
		}
	}
	other := listenError(netip.MustParseAddrPort("192.168.1.20:80"), errors.New("something else"))
	if !strings.HasPrefix(other.Error(), "the room could not start on 192.168.1.20: something else") {
		t.Errorf("another error: %q", other)
	}
}

// The command that carries a review on asks for the room as it was: on
// the address --listen gave (in quotes where a shell would read it as a
// pattern), or where ladder chooses when it chose before.
func TestFlagsAskForTheSameRoom(t *testing.T) {
	for _, tc := range []struct {
		s    Setup
		want string
	}{
		{Setup{Addr: netip.MustParseAddrPort("192.168.1.20:8421"), Chosen: true}, "--room "},
		{Setup{Addr: netip.MustParseAddrPort("192.168.1.20:8421"), Exact: true}, "--room --listen 192.168.1.20:8421 "},
		{Setup{Addr: netip.MustParseAddrPort("[::1]:8421"), Exact: true}, "--room --listen '[::1]:8421' "},
		// --listen gave the address alone: that address again, on the
		// usual port or another free one, as ladder's own choice is.
		{Setup{Addr: netip.MustParseAddrPort("192.168.1.20:0")}, "--room --listen 192.168.1.20 "},
		{Setup{Addr: netip.MustParseAddrPort("[::1]:0")}, "--room --listen ::1 "},
		// --listen gave the port alone: that port again, on the address
		// ladder chooses then, so that it follows the laptop's network.
		{Setup{Addr: netip.MustParseAddrPort("192.168.1.20:8500"), Exact: true, Chosen: true}, "--room --listen :8500 "},
	} {
		if got := tc.s.Flags(nil); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.s, got, tc.want)
		}
	}
}

// With the usual port taken and no --listen, the room took any free port,
// and that is where the phones' open pages and the QR code on the wall
// look for it: the command that carries the review on after a break asks
// for that address and port, or the room comes back somewhere else (on
// the usual port, now free, or another free one) and every phone has to
// find it again. On the usual port, ladder's own choice is asked for as
// before, so it follows the laptop to another network.
func TestFlagsKeepTheFreePortTakenInsteadOfTheUsualOne(t *testing.T) {
	chosen := Setup{Addr: netip.MustParseAddrPort("192.168.1.20:0"), Chosen: true}
	if got, want := chosen.Flags(&Server{host: "192.168.1.20:8421"}), "--room "; got != want {
		t.Errorf("on the usual port: %q, want %q", got, want)
	}

	if held, err := net.Listen("tcp", netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), DefaultPort).String()); err == nil {
		defer held.Close()
	} else if !errors.Is(err, syscall.EADDRINUSE) {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	s := Setup{Addr: netip.MustParseAddrPort("127.0.0.1:0"), Chosen: true}
	_, srv, err := Start(c, s)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if strings.HasSuffix(srv.Addr(), ":"+strconv.Itoa(DefaultPort)) {
		t.Fatalf("the room took the usual port, which is held: %s", srv.Addr())
	}
	if got, want := s.Flags(srv), "--room --listen "+srv.Addr()+" "; got != want {
		t.Errorf("on a free port, the usual one taken: %q, want %q", got, want)
	}
}

// With the usual port taken and no --listen, the join address names
// another port than the one printed or bookmarked at an earlier run: the
// facilitator is told why, beside the address, on the join screen and in
// the accessible prompts. On the usual port, or with --listen, the reason
// is as it was.
func TestExplainSaysTheUsualPortWasTaken(t *testing.T) {
	chosen := Setup{Addr: netip.MustParseAddrPort("192.168.1.20:0"), Chosen: true, Why: "Phones join at 192.168.1.20, this laptop's address on wlan0 (a local network)."}
	if got := chosen.Explain(&Server{host: "192.168.1.20:8421"}); got != chosen.Why {
		t.Errorf("on the usual port: %q", got)
	}
	want := chosen.Why + " Port 8421, the usual one, is in use by another program: phones join on port 40123 this time."
	if got := chosen.Explain(&Server{host: "192.168.1.20:40123"}); got != want {
		t.Errorf("on another port:\n got %q\nwant %q", got, want)
	}
	listen := Setup{Addr: netip.MustParseAddrPort("192.168.1.20:0"), Exact: true, Why: "Phones join at 192.168.1.20, as --listen asked."}
	if got := listen.Explain(&Server{host: "192.168.1.20:40123"}); got != listen.Why {
		t.Errorf("with --listen: %q", got)
	}
}

// --listen 192.168.1.20, the address alone as the Wi-Fi settings show it,
// is on the usual port as ladder's own choice is, and when that port is
// taken, on another, with the same words: port N this time, and the
// carried-on command asks for that address and port, where the phones
// look.
func TestAnAddressAloneTakesTheUsualPortOrSaysWhyNot(t *testing.T) {
	if held, err := net.Listen("tcp", netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), DefaultPort).String()); err == nil {
		defer held.Close()
	} else if !errors.Is(err, syscall.EADDRINUSE) {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	s := Setup{Addr: netip.MustParseAddrPort("127.0.0.1:0"), Why: "Phones join at 127.0.0.1, as --listen asked."}
	_, srv, err := Start(c, s)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	port := strings.TrimPrefix(srv.Addr(), "127.0.0.1:")
	if port == strconv.Itoa(DefaultPort) || port == "0" {
		t.Fatalf("the room is at %s, with the usual port held", srv.Addr())
	}
	if got, want := s.Explain(srv), s.Why+" Port 8421, the usual one, is in use by another program: phones join on port "+port+" this time."; got != want {
		t.Errorf("Explain:\n got %q\nwant %q", got, want)
	}
	if got, want := s.Flags(srv), "--room --listen 127.0.0.1:"+port+" "; got != want {
		t.Errorf("Flags: %q, want %q", got, want)
	}
	if got, want := s.Flags(&Server{host: "127.0.0.1:8421"}), "--room --listen 127.0.0.1 "; got != want {
		t.Errorf("Flags on the usual port: %q, want %q", got, want)
	}
}

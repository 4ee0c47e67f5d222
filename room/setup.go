package room

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"syscall"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// Setup is how a review asked for the room (ladder review --room): where
// to listen, why there, and the PIN. The command line works it out before
// any prompt or screen opens (cli/room.go), and whichever front end runs
// the review, the screens or the accessible prompts, starts the room from
// it with Start and says Why in its own way.
type Setup struct {
	// Addr is where to listen. With Exact (--listen gave a port),
	// exactly there; otherwise on Addr's address, at DefaultPort if it is
	// free.
	Addr  netip.AddrPort
	Exact bool
	// Chosen is set when ladder chose the address (no --listen, or a port
	// alone); otherwise --listen gave it.
	Chosen bool
	// Why says which address was chosen and why, in a sentence or two for
	// the facilitator (see Choose).
	Why string
	// PIN fixes the PIN (tests); empty makes a random one.
	PIN string
}

// Start opens a room for a review with checklist c and starts its server
// as s says. When it fails, nothing is left running. Closing the server
// closes the room.
func Start(c *checklist.Checklist, s Setup) (*Room, *Server, error) {
	r, err := New(c, Options{PIN: s.PIN})
	if err != nil {
		return nil, nil, err
	}
	var srv *Server
	if s.Exact {
		srv, err = Listen(r, s.Addr.String())
	} else {
		srv, err = ListenOn(r, s.Addr.Addr())
	}
	if err != nil {
		r.Close()
		return nil, nil, listenError(s.Addr, err)
	}
	return r, srv, nil
}

// listenError says why the server could not listen on addr, and what to
// do, in the facilitator's words: the usual causes are an address from
// yesterday's network, a port another program holds, and a port below
// 1024 without the rights for it.
func listenError(addr netip.AddrPort, err error) error {
	why := ""
	switch {
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		why = fmt.Sprintf("%s is not an address of this laptop now (has its network changed?): leave out --listen and ladder chooses one", addr.Addr())
	case errors.Is(err, syscall.EADDRINUSE):
		why = fmt.Sprintf("port %d is in use by another program: give another port in --listen, or port 0 for any free one", addr.Port())
	case errors.Is(err, syscall.EACCES):
		why = fmt.Sprintf("port %d needs administrator rights on this laptop: give a port from 1024 up in --listen, or port 0 for any free one", addr.Port())
	default:
		return fmt.Errorf("the room could not start on %s: %w", addr.Addr(), err)
	}
	return &startError{msg: "the room could not start: " + why, err: err}
}

// startError is a listenError's sentence, with the system's error kept
// for errors.Is and errors.As.
type startError struct {
	msg string
	err error
}

func (e *startError) Error() string { return e.msg }
func (e *startError) Unwrap() error { return e.err }

// Flags are the words of ladder review that ask for this room again, for
// the command that carries a review on after a break: --room, and what
// --listen asked for, with the port the phones were given (the port srv
// took, when --listen left the port to it), so that the room comes back
// where the phones' open pages and the QR code on the wall look for it. A
// facilitator gives --listen when ladder's own choice was the wrong
// network; without it the carried-on review would choose wrong again.
// Where ladder chose the address (no --listen, or a port alone), its
// choice is asked for again, so that it follows the laptop to another
// network; where ladder chose the port (no --listen, or an address alone),
// the usual port is asked for again, unless it was taken and the server
// took another: then the address and port, where the phones look for it
// (the usual port would come back, or another free one). srv is nil when
// the server did not start.
func (s Setup) Flags(srv *Server) string {
	port := s.Addr.Port()
	if srv != nil {
		port = srv.port()
	}
	usualPort := !s.Exact && !s.tookAnotherPort(srv)
	switch {
	case usualPort && s.Chosen:
		return "--room "
	case usualPort:
		return "--room --listen " + plans.ShellQuote(s.Addr.Addr().String()) + " "
	case s.Chosen && s.Exact:
		return fmt.Sprintf("--room --listen :%d ", port)
	}
	addr := s.Addr.String()
	if srv != nil {
		addr = srv.Addr()
	}
	return "--room --listen " + plans.ShellQuote(addr) + " "
}

// Explain is Why, the address chosen and why, and when the usual port
// was taken (--listen gave no port), that the port is another this time: a
// join address printed, bookmarked or scanned at another run names the
// usual port, and the facilitator needs to know why it fails. srv is the
// server started.
func (s Setup) Explain(srv *Server) string {
	if !s.tookAnotherPort(srv) {
		return s.Why
	}
	return strings.TrimSpace(fmt.Sprintf("%s Port %d, the usual one, is in use by another program: phones join on port %d this time.", s.Why, DefaultPort, srv.port()))
}

// tookAnotherPort reports whether the server srv took another port
// because the usual one was taken (--listen gave no port); srv is nil
// when the server did not start.
func (s Setup) tookAnotherPort(srv *Server) bool {
	return !s.Exact && srv != nil && srv.port() != DefaultPort
}

// port is the port the server listens on.
func (s *Server) port() uint16 {
	ap, _ := netip.ParseAddrPort(s.host)
	return ap.Port()
}

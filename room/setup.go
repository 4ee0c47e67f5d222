package room

import (
	"fmt"
	"net/netip"

	"github.com/socialmobility/ladder/checklist"
)

// Setup is how a review asked for the room (ladder review --room): where
// to listen, why there, and the PIN. The command line works it out before
// any prompt or screen opens (cli/room.go), and whichever front end runs
// the review, the screens or the accessible prompts, starts the room from
// it with Start and says Why in its own way.
type Setup struct {
	// Addr is where to listen. With Exact (--listen), exactly there;
	// otherwise on Addr's address, at DefaultPort if it is free.
	Addr  netip.AddrPort
	Exact bool
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
		return nil, nil, fmt.Errorf("the room could not start on %s: %w", s.Addr.Addr(), err)
	}
	return r, srv, nil
}

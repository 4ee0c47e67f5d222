package cli

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/socialmobility/ladder/room"
	"github.com/spf13/pflag"
)

// roomFlags are review's flags for the room voting from phones.
type roomFlags struct {
	on     bool
	listen string
	pin    string // fixed PIN, for tests
}

func (r *roomFlags) register(f *pflag.FlagSet) {
	f.BoolVar(&r.on, "room", false, "let the room vote from their phones: a server on this laptop's network, a QR code and a PIN")
	f.StringVar(&r.listen, "listen", "", "with --room, the `ADDRESS:PORT` to listen on, e.g. 192.168.1.20:8421 (port 0: any free port)")
	f.StringVar(&r.pin, "room-pin", "", "with --room, use this PIN (for tests)")
	_ = f.MarkHidden("room-pin")
}

// options checks the room's flags and chooses the address to listen on,
// before any screen or prompt opens: a laptop with no network phones could reach is
// told so, with what to do, rather than showing a QR code nobody can use.
func (r *roomFlags) options() (*room.Setup, error) {
	switch {
	case !r.on && (r.listen != "" || r.pin != ""):
		return nil, usageErrorf("--listen is for the room: add --room")
	case !r.on:
		return nil, nil
	}
	if r.pin != "" && (len(r.pin) != room.PINDigits || !digits(r.pin)) {
		return nil, usageErrorf("--room-pin: %q is not %d digits", r.pin, room.PINDigits)
	}
	o := &room.Setup{PIN: r.pin}
	if r.listen != "" {
		addr, err := room.ParseListen(r.listen)
		if err != nil {
			return nil, usageErrorf("--listen: %v", err)
		}
		o.Addr, o.Exact = addr, true
		o.Why = fmt.Sprintf("Phones join at %s, as --listen asked.", addr.Addr())
		if addr.Addr().IsLoopback() {
			o.Why += " It is a loopback address: only this laptop can open it."
		}
		return o, nil
	}
	cands, err := room.Candidates()
	if err != nil {
		return nil, &exitError{code: ExitProblems, err: fmt.Errorf("--room: listing this laptop's network addresses: %w", err)}
	}
	choice, err := room.Choose(cands)
	if errors.Is(err, room.ErrNoNetwork) {
		return nil, &exitError{code: ExitProblems, err: fmt.Errorf("--room: %w", err)}
	}
	if err != nil {
		return nil, err
	}
	o.Addr, o.Why = netip.AddrPortFrom(choice.Addr, 0), choice.Why
	return o, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

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
	f.StringVar(&r.listen, "listen", "", "with --room, the `ADDRESS:PORT` to listen on, e.g. 192.168.1.20:8421; an address alone takes port 8421 (another if it is taken), a port alone (:8421) the address ladder chooses; port 0: any free port")
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
	var asked room.ListenFlag
	if r.listen != "" {
		var err error
		if asked, err = room.ParseListen(r.listen); err != nil {
			return nil, usageErrorf("--listen: %v", err)
		}
	}
	if asked.Addr.IsValid() {
		o.Addr, o.Exact = netip.AddrPortFrom(asked.Addr, asked.Port), asked.HasPort
		o.Why = fmt.Sprintf("Phones join at %s, as --listen asked.", asked.Addr)
		if asked.Addr.IsLoopback() {
			o.Why += " It is a loopback address: only this laptop can open it."
		}
		return o, nil
	}
	// No address asked for (no --listen, or a port alone): ladder chooses
	// one, the one it shows phones, never every address.
	cands, err := roomCandidates()
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
	o.Addr, o.Why, o.Chosen = netip.AddrPortFrom(choice.Addr, asked.Port), choice.Why, true
	o.Exact = asked.HasPort
	if asked.HasPort && asked.Port != 0 {
		o.Why += fmt.Sprintf(" Port %d, as --listen asked.", asked.Port)
	}
	return o, nil
}

// roomCandidates lists the laptop's addresses; tests give their own.
var roomCandidates = room.Candidates

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

package room

import (
	"errors"
	"fmt"
	"net"
	"testing"
)

// With --listen on an IPv6 address, one phone has as many addresses as it
// asks for: its network (a /64) gives it privacy addresses at will. The
// room counts such a phone as one address, as it does on IPv4: joining
// from another address of the same /64 takes the place of the phone there
// (no second vote), wrong PINs from it are counted together, and so are
// its connections.
func TestAnIPv6PhoneIsOneAddressWhicheverItUses(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "2001:db8:1:2::7")
	r.Vote("lc-vision")
	round := r.Status().Round
	if err := r.CastVote(a, "lc-vision", round, "red"); err != nil {
		t.Fatal(err)
	}
	join(t, r, "2001:db8:1:2:aaaa:bbbb:cccc:dddd")
	if st := r.Status(); st.Joined != 1 || st.Voted != 1 {
		t.Errorf("one phone on two addresses of its /64: %d of %d voted, want 1 of 1", st.Voted, st.Joined)
	}
	join(t, r, "2001:db8:1:3::7") // another network: another phone
	join(t, r, "::1")             // the laptop: phones of its own
	join(t, r, "::1")
	if st := r.Status(); st.Joined != 4 {
		t.Errorf("%d phones, want 4", st.Joined)
	}

	for i := range 20 {
		_, err := r.Join("0000", fmt.Sprintf("2001:db8:9:9::%x", i+1))
		if i >= freeTries && !errors.Is(err, ErrTooManyTries) {
			t.Fatalf("wrong PIN %d from one /64 on a new address each time: %v, want it held back", i+1, err)
		}
	}

	conn := func(ip string) net.Conn {
		return lanConn{remote: &net.TCPAddr{IP: net.ParseIP(ip), Port: 5000}}
	}
	if x, y := remoteAddr(conn("2001:db8:1:2::7")), remoteAddr(conn("2001:db8:1:2::8")); x != y || !x.IsValid() {
		t.Errorf("connections from one /64 counted apart: %v, %v", x, y)
	}
	if x, y := remoteAddr(conn("192.168.1.7")), remoteAddr(conn("192.168.1.8")); x == y {
		t.Errorf("two IPv4 phones counted as one: %v", x)
	}
}

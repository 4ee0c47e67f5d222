package room

import "net/netip"

// deviceAddr is what the room counts as one phone's address: an IPv4
// address as it is, and an IPv6 one by its /64, the network a phone makes
// its addresses in. A phone on IPv6 can take a new address from its /64
// whenever it likes (privacy addresses), so counting each address apart
// would give it a vote, five wrong PINs and sixteen connections for every
// one it takes. Loopback stays itself: the laptop has no limits.
func deviceAddr(a netip.Addr) netip.Addr {
	a = a.Unmap()
	if a.Is6() && !a.IsLoopback() {
		return netip.PrefixFrom(a.WithZone(""), 64).Masked().Addr()
	}
	return a
}

// deviceFrom is deviceAddr for an address as Join is given it: an IPv6
// one becomes its /64 ("2001:db8:1:2::/64"), as the facilitator is shown
// it; anything else stays as it is.
func deviceFrom(from string) string {
	a, err := netip.ParseAddr(from)
	if err != nil {
		return from
	}
	if d := deviceAddr(a); d != a.Unmap() {
		return netip.PrefixFrom(d, 64).String()
	}
	return from
}

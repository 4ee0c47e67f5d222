package room

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// DefaultPort is the port the room tries first, so the join address stays
// the same from one run to the next; when it is taken, any free port does.
const DefaultPort = 8421

// Candidate is a network address of this laptop that phones might reach.
type Candidate struct {
	Addr      netip.Addr
	Interface string
}

// kind says what sort of network an address is on, best first.
type kind int

const (
	kindLAN       kind = iota // an address the internet does not route, on a real interface: the room's Wi-Fi or wired network
	kindPublic                // a public address on a real interface: the room's network, and maybe the internet's
	kindLinkLocal             // a self-assigned address: only a network with no router
	kindVirtual               // containers, virtual machines, VPNs: phones are not there
)

// notGlobal are the IPv4 ranges, other than the private ones, that the
// internet does not route (IANA's special-purpose registry): the
// carrier-grade NAT range that mobile routers hand out (RFC 6598), the
// documentation and benchmarking ranges, the reserved 240/4. Like a
// private address, one of them is reached only from the network the
// laptop is on.
var notGlobal = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
}

func (c Candidate) kind() kind {
	switch {
	case virtualInterface(c.Interface):
		return kindVirtual
	case c.Addr.IsLinkLocalUnicast():
		return kindLinkLocal
	case c.Addr.IsPrivate(), slices.ContainsFunc(notGlobal, func(p netip.Prefix) bool { return p.Contains(c.Addr) }):
		return kindLAN
	}
	return kindPublic
}

// what names the kind of network an address is on, for the facilitator.
func (c Candidate) what() string {
	return map[kind]string{
		kindLAN:       "a local network",
		kindPublic:    "a public address",
		kindLinkLocal: "a self-assigned address",
		kindVirtual:   "a virtual network",
	}[c.kind()]
}

func (c Candidate) describe() string {
	return fmt.Sprintf("%s (%s, %s)", c.Addr, c.Interface, c.what())
}

// virtualInterface recognises the interfaces that containers, virtual
// machines and VPNs add, which phones in the room cannot reach.
func virtualInterface(name string) bool {
	for _, p := range []string{"docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "vnic", "lxc", "lxd", "cni", "flannel", "cali", "tun", "tap", "wg", "utun", "tailscale", "zt", "ppp", "llw", "awdl", "bridge", "anpi", "ap1"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// Candidates lists this laptop's addresses that are up and not loopback:
// IPv4 only, since a phone cannot type or scan a link-local IPv6 address
// with its interface in it, and a LAN that has IPv6 has IPv4 too.
func Candidates() ([]Candidate, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	var out []Candidate
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			prefix, err := netip.ParsePrefix(a.String())
			if err != nil || !prefix.Addr().Is4() {
				continue
			}
			out = append(out, Candidate{Addr: prefix.Addr(), Interface: ifc.Name})
		}
	}
	return out, nil
}

// Choice is the address the room will listen on, and why.
type Choice struct {
	Addr netip.Addr
	// Why says, in a sentence or two for the facilitator, which address
	// was picked, why, and what to do if phones cannot reach it.
	Why string
}

// ErrNoNetwork is returned when the laptop has no address phones could
// reach. It suggests an address alone, as Choose does: that keeps the
// usual port (DefaultPort, or another when it is taken), where :0 took a
// new port on every run: a new address for the phones to open each time.
var ErrNoNetwork = errors.New("this laptop has no network address that phones could reach: it is offline, or only on virtual networks.\n" +
	"Join the laptop to the room's Wi-Fi (the one phones are on), or turn on the laptop's hotspot and have phones join it, then run the review again.\n" +
	"To try the room on this laptop alone, use --listen 127.0.0.1")

// Choose picks the address phones are most likely to reach: a private
// address on a real interface (the room's Wi-Fi or wired network) before
// any other, and never a container's, a virtual machine's or a VPN's.
func Choose(cands []Candidate) (Choice, error) {
	usable := slices.DeleteFunc(slices.Clone(cands), func(c Candidate) bool { return c.kind() == kindVirtual })
	if len(usable) == 0 {
		return Choice{}, ErrNoNetwork
	}
	slices.SortStableFunc(usable, func(a, b Candidate) int {
		if a.kind() != b.kind() {
			return int(a.kind()) - int(b.kind())
		}
		return preferInterface(a.Interface) - preferInterface(b.Interface)
	})
	best := usable[0]
	var why strings.Builder
	fmt.Fprintf(&why, "Phones join at %s, this laptop's address on %s (%s).", best.Addr, best.Interface, best.what())
	switch best.kind() {
	case kindLinkLocal:
		why.WriteString(" Phones reach a self-assigned address only on a network with no router (the laptop's own hotspot, say).")
	case kindPublic:
		why.WriteString(" Someone outside the room may be able to open the page too, but no one gets in without the PIN.")
	}
	var others []string
	for _, c := range cands {
		if c != best {
			others = append(others, c.describe())
		}
	}
	if len(others) > 0 {
		fmt.Fprintf(&why, " The laptop is also on %s. If phones cannot open the page, make sure they are on the same Wi-Fi as the laptop, or choose another address with --listen ADDRESS.", strings.Join(others, ", "))
	} else {
		why.WriteString(" Phones must be on the same network as the laptop.")
	}
	return Choice{Addr: best.Addr, Why: why.String()}, nil
}

// preferInterface orders interfaces of the same kind: wired and Wi-Fi
// names that laptops use first.
func preferInterface(name string) int {
	for i, p := range []string{"en", "eth", "wl", "Wi-Fi", "Ethernet"} {
		if strings.HasPrefix(name, p) {
			return i
		}
	}
	return 10
}

// ListenFlag is what --listen asked for: an address and a port, or either
// alone. A facilitator reading the laptop's address from its Wi-Fi
// settings types the address alone; one told to use a port types that.
type ListenFlag struct {
	// Addr is the address phones open; the zero Addr when --listen gave
	// a port alone, and ladder chooses the address as without --listen.
	Addr netip.Addr
	// Port is the port, 0 for any free one. Without HasPort (an address
	// alone), the room takes DefaultPort, or any free port when it is
	// taken, as it does on an address of its own choosing.
	Port    uint16
	HasPort bool
}

// String is l as --listen takes it.
func (l ListenFlag) String() string {
	switch {
	case !l.Addr.IsValid():
		return ":" + strconv.Itoa(int(l.Port))
	case !l.HasPort:
		return l.Addr.String()
	}
	return netip.AddrPortFrom(l.Addr, l.Port).String()
}

// ParseListen checks a --listen value: an IP address (not a name, and not
// "all addresses": the room binds to the one it shows), a port (0 for any
// free one), or both.
func ParseListen(s string) (ListenFlag, error) {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		// No port: an address alone ("192.168.1.20", "::1", "[::1]"),
		// or a port alone without its colon ("8421").
		host, port = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"), ""
		if strings.Trim(s, "0123456789") == "" {
			host, port = "", s
		}
	}
	if host == "" && port == "" {
		return ListenFlag{}, fmt.Errorf("%q is neither an address nor a port: give the laptop's address, such as 192.168.1.20, with a port if you want one (192.168.1.20:8421)", s)
	}
	var l ListenFlag
	if host != "" {
		if l.Addr, err = listenAddr(host, port); err != nil {
			return ListenFlag{}, err
		}
	}
	if port != "" {
		p, err := strconv.ParseUint(port, 10, 16)
		if err != nil {
			return ListenFlag{}, fmt.Errorf("%q is not a port number from 0 to 65535", port)
		}
		l.Port, l.HasPort = uint16(p), true
	}
	return l, nil
}

// listenAddr checks the address of a --listen value, given with port.
func listenAddr(host, port string) (netip.Addr, error) {
	if host == "localhost" {
		host = "127.0.0.1"
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, fmt.Errorf("%q is not an IP address: give the laptop's address phones will open, such as 192.168.1.20", host)
	}
	// ::ffff:0.0.0.0 is 0.0.0.0 written the IPv6 way, and Go listens on
	// it as on [::], every address: take the IPv4 address it holds.
	addr = addr.Unmap()
	if addr.IsUnspecified() {
		alone := ""
		if port != "" {
			// Someone used to servers where 0.0.0.0:8421 is how to ask
			// for a port and not an address.
			alone = fmt.Sprintf(", or the port alone (:%s) for it on the address ladder chooses", port)
		}
		return netip.Addr{}, fmt.Errorf("%s means every address; ladder listens only on the address it shows phones: give one, such as 192.168.1.20%s", host, alone)
	}
	if addr.Zone() != "" {
		return netip.Addr{}, fmt.Errorf("%s has a zone, which phones cannot open: use an IPv4 address", host)
	}
	// A phone on IPv6 makes new addresses in its network's /64 at will,
	// so the room counts it by its /64 (deviceAddr); but every phone on
	// the room's Wi-Fi shares that /64, and the room would take them all
	// for one phone, each join putting out the last. The laptop's own
	// ::1 has no such limit.
	if addr.Is6() && !addr.IsLoopback() {
		return netip.Addr{}, fmt.Errorf("%s is an IPv6 address: every phone on the room's network shares its first half (the /64), which is all the room can tell a phone by on IPv6, so it would count them all as one phone. Give the laptop's IPv4 address, such as 192.168.1.20", host)
	}
	return addr, nil
}

// ListenOn starts the room's server on a chosen address, on DefaultPort
// when it is free and on any free port when not.
func ListenOn(r *Room, addr netip.Addr) (*Server, error) {
	if s, err := Listen(r, netip.AddrPortFrom(addr, DefaultPort).String()); err == nil {
		return s, nil
	}
	return Listen(r, netip.AddrPortFrom(addr, 0).String())
}

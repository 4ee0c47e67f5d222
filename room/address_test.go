package room

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func cand(addr, iface string) Candidate {
	return Candidate{Addr: netip.MustParseAddr(addr), Interface: iface}
}

func TestChooseAddress(t *testing.T) {
	tests := []struct {
		name  string
		cands []Candidate
		want  string
		says  []string
	}{
		{"one Wi-Fi address", []Candidate{cand("192.168.1.23", "wlan0")}, "192.168.1.23",
			[]string{"Phones join at 192.168.1.23, this laptop's address on wlan0 (a local network).", "same network as the laptop"}},
		{"Wi-Fi beside docker and a VPN", []Candidate{cand("172.17.0.1", "docker0"), cand("10.8.0.2", "tun0"), cand("192.168.1.23", "wlp2s0")}, "192.168.1.23",
			[]string{"also on 172.17.0.1 (docker0, a virtual network), 10.8.0.2 (tun0, a virtual network)", "choose another address with --listen ADDRESS."}},
		{"wired and Wi-Fi", []Candidate{cand("10.1.2.3", "wlan0"), cand("10.1.9.9", "eth0")}, "10.1.9.9",
			[]string{"also on 10.1.2.3 (wlan0, a local network)"}},
		{"a public address after a private one", []Candidate{cand("81.2.69.160", "eth0"), cand("192.168.0.4", "wlan0")}, "192.168.0.4",
			[]string{"also on 81.2.69.160 (eth0, a public address)"}},
		// A university's or an office's Wi-Fi may give the laptop a public
		// address: phones on it reach the laptop, and perhaps the internet
		// does too, which the facilitator should know.
		{"only a public address", []Candidate{cand("81.2.69.160", "wlan0")}, "81.2.69.160",
			[]string{"Phones join at 81.2.69.160, this laptop's address on wlan0 (a public address).", "outside the room", "without the PIN", "same network as the laptop"}},
		// A mobile router may hand out carrier-grade addresses: not the
		// internet's, so the room's own network as much as 192.168.x.x.
		{"a carrier-shared address", []Candidate{cand("100.72.9.4", "wlan0")}, "100.72.9.4",
			[]string{"Phones join at 100.72.9.4, this laptop's address on wlan0 (a local network)."}},
		// Nor is a documentation, benchmarking or reserved address public,
		// though it is not private by name either.
		{"a documentation address", []Candidate{cand("192.0.2.2", "eth0")}, "192.0.2.2",
			[]string{"Phones join at 192.0.2.2, this laptop's address on eth0 (a local network)."}},
		{"a reserved address", []Candidate{cand("240.1.2.3", "wlan0")}, "240.1.2.3",
			[]string{"(a local network)"}},
		{"only a self-assigned address", []Candidate{cand("169.254.10.20", "en0")}, "169.254.10.20",
			[]string{"Phones join at 169.254.10.20, this laptop's address on en0 (a self-assigned address).", "only on a network with no router", "hotspot"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Choose(tc.cands)
			if err != nil {
				t.Fatal(err)
			}
			if c.Addr.String() != tc.want {
				t.Errorf("chose %s, want %s", c.Addr, tc.want)
			}
			for _, s := range tc.says {
				if !strings.Contains(c.Why, s) {
					t.Errorf("why = %q\nwant it to say %q", c.Why, s)
				}
			}
			// An address alone keeps the usual port, which a phone that
			// joined before still has (ADDRESS:0 took any free port).
			if strings.Contains(c.Why, ":0") {
				t.Errorf("why = %q\nsuggests port 0", c.Why)
			}
			if public := strings.Contains(c.Why, "(a public address)."); public != strings.Contains(c.Why, "outside the room") {
				t.Errorf("why = %q\nsays the page may be reached from outside the room where the address is not public, or not where it is", c.Why)
			}
		})
	}
	for _, none := range [][]Candidate{nil, {cand("172.17.0.1", "docker0"), cand("100.101.102.103", "tailscale0")}} {
		if _, err := Choose(none); !errors.Is(err, ErrNoNetwork) || !strings.HasSuffix(err.Error(), "use --listen 127.0.0.1") {
			t.Errorf("Choose(%v) = %v, want ErrNoNetwork saying what to do", none, err)
		}
	}
}

func TestCandidatesAreThisLaptops(t *testing.T) {
	cands, err := Candidates()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		if c.Addr.IsLoopback() || !c.Addr.Is4() {
			t.Errorf("candidate %v should not be offered", c)
		}
	}
}

func TestParseListen(t *testing.T) {
	good := map[string]string{
		"192.168.1.20:8421": "192.168.1.20:8421",
		"127.0.0.1:0":       "127.0.0.1:0",
		"localhost:9000":    "127.0.0.1:9000",
		"[::1]:8421":        "[::1]:8421",
		// The address alone, as the laptop's Wi-Fi settings show it: on
		// the usual port, or another when it is taken.
		"192.168.1.20":  "192.168.1.20",
		"192.168.1.20:": "192.168.1.20",
		"localhost":     "127.0.0.1",
		"::1":           "::1",
		"[::1]":         "::1",
		// The port alone: on the address ladder chooses.
		":8421": ":8421",
		"8421":  ":8421",
		":0":    ":0",
	}
	for in, want := range good {
		got, err := ParseListen(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseListen(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if l, _ := ParseListen("192.168.1.20"); l.HasPort || l.Addr != netip.MustParseAddr("192.168.1.20") {
		t.Errorf("an address alone: %+v", l)
	}
	if l, _ := ParseListen(":8421"); !l.HasPort || l.Port != 8421 || l.Addr.IsValid() {
		t.Errorf("a port alone: %+v", l)
	}
	if l, _ := ParseListen("192.168.1.20:0"); !l.HasPort || l.Port != 0 {
		t.Errorf("port 0: %+v", l)
	}
	bad := map[string]string{
		":":                  `":" is neither an address nor a port: give the laptop's address, such as 192.168.1.20, with a port if you want one (192.168.1.20:8421)`,
		"laptop.local:8421":  "is not an IP address",
		"laptop.local":       "is not an IP address",
		"0.0.0.0:8421":       "means every address; ladder listens only on the address it shows phones: give one, such as 192.168.1.20, or the port alone (:8421) for it on the address ladder chooses",
		"0.0.0.0":            "means every address",
		"[::]:8421":          "means every address",
		"::":                 "means every address",
		"192.168.1.20:http":  "is not a port number",
		":http":              "is not a port number",
		"192.168.1.20:70000": "is not a port number",
		"70000":              "is not a port number",
		"[fe80::1%en0]:8421": "has a zone",
		"fe80::1%en0":        "has a zone",
		// Every phone on a Wi-Fi network shares its /64, by which the
		// room counts an IPv6 phone: the room would hold one phone.
		"[2001:db8:1:2::5]:8421": "is an IPv6 address: every phone on the room's network shares",
		"2001:db8:1:2::5":        "is an IPv6 address: every phone on the room's network shares",
		"[fd00::20]:0":           "Give the laptop's IPv4 address",
	}
	for in, want := range bad {
		if _, err := ParseListen(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseListen(%q) = %v, want an error saying %q", in, err, want)
		}
	}
}

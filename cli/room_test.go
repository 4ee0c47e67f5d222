package cli

import (
	"bytes"
	"net/netip"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/room"
)

// A facilitator reading the laptop's address from its Wi-Fi settings
// types the address alone: the room is there, on the usual port (or
// another when it is taken, as on ladder's own address), and the command
// that carries the review on asks for that address again.
func TestListenTakesAnAddressAlone(t *testing.T) {
	o, err := (&roomFlags{on: true, listen: "192.168.1.20"}).options()
	if err != nil {
		t.Fatal(err)
	}
	if o.Addr != netip.MustParseAddrPort("192.168.1.20:0") || o.Exact || o.Chosen {
		t.Errorf("--listen 192.168.1.20: %+v; want 192.168.1.20 on the usual port, or another when it is taken", o)
	}
	if want := "Phones join at 192.168.1.20, as --listen asked."; o.Why != want {
		t.Errorf("why: %q, want %q", o.Why, want)
	}
	if got, want := o.Flags(nil), "--room --listen 192.168.1.20 "; got != want {
		t.Errorf("carried on with %q, want %q", got, want)
	}
}

// A port alone is on the address ladder would choose by itself, the one
// it shows phones: never every address (SECURITY.md), as ":8421" means
// to a Go or Node server.
func TestListenTakesAPortAloneOnLaddersOwnAddress(t *testing.T) {
	saved := roomCandidates
	t.Cleanup(func() { roomCandidates = saved })
	roomCandidates = func() ([]room.Candidate, error) {
		return []room.Candidate{
			{Addr: netip.MustParseAddr("172.17.0.1"), Interface: "docker0"},
			{Addr: netip.MustParseAddr("192.168.1.20"), Interface: "wlan0"},
		}, nil
	}
	for _, listen := range []string{":8500", "8500"} {
		o, err := (&roomFlags{on: true, listen: listen}).options()
		if err != nil {
			t.Fatal(err)
		}
		if o.Addr != netip.MustParseAddrPort("192.168.1.20:8500") || !o.Exact || !o.Chosen {
			t.Errorf("--listen %s: %+v; want exactly 192.168.1.20:8500, the address ladder chose", listen, o)
		}
		if !strings.HasPrefix(o.Why, "Phones join at 192.168.1.20, this laptop's address on wlan0") || !strings.HasSuffix(o.Why, " Port 8500, as --listen asked.") {
			t.Errorf("--listen %s: why %q", listen, o.Why)
		}
		if got, want := o.Flags(nil), "--room --listen :8500 "; got != want {
			t.Errorf("--listen %s: carried on with %q, want %q", listen, got, want)
		}
	}
}

// What --listen cannot take is refused before any screen opens, saying
// what to type.
func TestListenRefusalsSayWhatToType(t *testing.T) {
	for listen, want := range map[string]string{
		":":        `--listen: ":" is neither an address nor a port: give the laptop's address, such as 192.168.1.20, with a port if you want one (192.168.1.20:8421)`,
		"0.0.0.0":  "--listen: 0.0.0.0 means every address; ladder listens only on the address it shows phones: give one, such as 192.168.1.20",
		"fd00::20": "--listen: fd00::20 is an IPv6 address",
	} {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"review", "--room", "--listen", listen, "--dir", t.TempDir()}, strings.NewReader(""), &stdout, &stderr)
		if code != ExitUsage || !strings.Contains(stderr.String(), want) {
			t.Errorf("--listen %q: exit %d, stderr:\n%s\nwant exit %d saying %q", listen, code, stderr.String(), ExitUsage, want)
		}
	}
}

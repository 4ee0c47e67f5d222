package room

import (
	"net"
	"strings"
	"testing"
)

// An IPv4 address written the IPv6 way (::ffff:0.0.0.0) is "every
// address" too: Go binds it as the IPv6 wildcard, which on a dual-stack
// laptop takes every IPv4 address as well. --listen refuses it as it
// refuses 0.0.0.0, and takes ::ffff:192.168.1.20 as the address phones
// open, 192.168.1.20.
func TestParseListenRefusesEveryAddressWrittenAsIPv6(t *testing.T) {
	for _, in := range []string{"[::ffff:0.0.0.0]:8421", "[::ffff:0:0]:0", "[0:0:0:0:0:ffff:0.0.0.0]:0"} {
		got, err := ParseListen(in)
		if err == nil || !strings.Contains(err.Error(), "means every address") {
			t.Errorf("ParseListen(%q) = %v, %v; want it refused as every address", in, got, err)
			if err == nil {
				if ln, err := net.Listen("tcp", got.String()); err == nil {
					t.Errorf("and it listens on %s", ln.Addr())
					ln.Close()
				}
			}
		}
	}
	got, err := ParseListen("[::ffff:127.0.0.1]:0")
	if err != nil || got.String() != "127.0.0.1:0" {
		t.Errorf("ParseListen(::ffff:127.0.0.1) = %v, %v; want 127.0.0.1:0", got, err)
	}
}

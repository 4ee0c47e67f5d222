package scan

import (
	"fmt"
	"strings"
	"testing"
)

// TestEveryJoinAddressScans: the room's join address is a QR code on the
// projector, and some addresses' codes (one in three hundred or so:
// http://127.0.0.1:23722/ among them) were perfectly valid yet unread by
// ZXing's detector, the one most scanner apps are built on, at any size:
// the mask that scores best by the standard's rules happens to lead its
// detector astray. An address keeps its port (8421) and the laptop's
// network address, so a facilitator who drew such a code drew it every
// time. Encode draws the best-scoring code that reads.
func TestEveryJoinAddressScans(t *testing.T) {
	addresses := []string{"http://127.0.0.1:23722/", "http://127.0.0.1:53695/", "http://127.0.0.1:55344/"}
	for port := 8000; port < 8400; port++ {
		addresses = append(addresses, fmt.Sprintf("http://192.168.1.%d:%d/", port%250+2, port))
	}
	for _, text := range addresses {
		c, err := Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, inkIsDark := range []bool{true, false} {
			if got, err := Decode(strings.Join(c.Lines(2, 1, inkIsDark), "\n"), inkIsDark); got != text {
				t.Errorf("%s drawn (ink dark %v) reads %q, %v", text, inkIsDark, got, err)
			}
		}
	}
}

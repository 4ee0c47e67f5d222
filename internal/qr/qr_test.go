package qr_test

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/qr"
	"github.com/socialmobility/ladder/internal/qr/scan"
)

func TestDrawnCodeDecodes(t *testing.T) {
	for _, text := range []string{
		"http://192.168.1.23:8421/",
		"http://10.0.0.5:54321/",
		"http://[fe80::1c2d:3e4f:5a6b:7c8d]:54321/",
	} {
		c, err := qr.Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			quiet, scale int
			inkIsDark    bool
		}{{qr.QuietZone, 1, true}, {qr.QuietZone, 1, false}, {2, 1, true}, {1, 1, true}, {qr.QuietZone, 2, true}, {2, 3, false}} {
			lines := c.Lines(tc.quiet, tc.scale, tc.inkIsDark)
			if len(lines) != c.Height(tc.quiet, tc.scale) {
				t.Errorf("%d lines, Height says %d", len(lines), c.Height(tc.quiet, tc.scale))
			}
			for _, l := range lines {
				if n := len([]rune(l)); n != c.Width(tc.quiet, tc.scale) {
					t.Fatalf("a line is %d wide, Width says %d", n, c.Width(tc.quiet, tc.scale))
				}
			}
			// Letters beside the code, as on the projector, must not stop
			// it reading.
			screen := make([]string, len(lines))
			for i, l := range lines {
				screen[i] = "  PIN 4821  " + l + "  Join at " + text
			}
			got, err := scan.Decode(strings.Join(screen, "\n"), tc.inkIsDark)
			if err != nil || got != text {
				t.Errorf("%q with quiet %d, scale %d, dark ink %v: decoded %q, %v\n%s", text, tc.quiet, tc.scale, tc.inkIsDark, got, err, strings.Join(lines, "\n"))
			}
		}
	}
}

// A join address fits the projector at 80x24: a code of at most 29
// modules (version 3) is 19 rows with the full quiet zone.
func TestJoinAddressFitsEightyByTwentyFour(t *testing.T) {
	c, err := qr.Encode("http://192.168.100.200:54321/")
	if err != nil {
		t.Fatal(err)
	}
	if c.Size() > 29 {
		t.Errorf("the code is %d modules, want at most 29 (version 3)", c.Size())
	}
	if h := c.Height(qr.QuietZone, 1); h > 19 {
		t.Errorf("the code is %d rows, want at most 19", h)
	}
}

func TestScrambledCodeDoesNotDecode(t *testing.T) {
	// The decoder must fail on something that is not a code, or the test
	// above proves nothing.
	c, _ := qr.Encode("http://192.168.1.23:8421/")
	lines := c.Lines(qr.QuietZone, 1, true)
	for i := range lines {
		if i%3 == 0 {
			lines[i] = strings.Repeat("▀", len([]rune(lines[i])))
		}
	}
	if got, err := scan.Decode(strings.Join(lines, "\n"), true); err == nil {
		t.Errorf("a scrambled code decoded as %q", got)
	}
}

// EncodeEachMask's first code is Encode's, and all eight hold the text.
func TestEncodeEachMaskStartsWithEncodes(t *testing.T) {
	const text = "http://192.168.1.23:8421/"
	codes, err := qr.EncodeEachMask(text)
	if err != nil || len(codes) != 8 {
		t.Fatalf("%d codes, %v", len(codes), err)
	}
	best, _ := qr.Encode(text)
	if got, want := strings.Join(codes[0].Lines(1, 1, true), "\n"), strings.Join(best.Lines(1, 1, true), "\n"); got != want {
		t.Error("the first code is not Encode's")
	}
	for i, c := range codes {
		if got, err := scan.Decode(strings.Join(c.Lines(qr.QuietZone, 1, true), "\n"), true); got != text {
			t.Errorf("code %d reads %q, %v", i, got, err)
		}
	}
}

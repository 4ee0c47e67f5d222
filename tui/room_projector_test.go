package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/qr"
	"github.com/socialmobility/ladder/internal/qr/scan"
)

// TestTheJoinScreenUsesTheProjectorsWidth: on a 1080p projector with a
// small font (240x67) the join screen kept to the 120 columns of a text
// screen, so the QR code was drawn smaller than the window allows and
// the address was in ordinary letters, too small for the back of the
// room to type from. Now the code is as big as the whole window allows,
// beside the text, and the address is in block letters too, as the PIN
// is; the scanner still reads the code, and everything fits the window.
func TestTheJoinScreenUsesTheProjectorsWidth(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 240, 67)
	v := h.waitView("Vote from your phone")
	rs := h.a.c.room
	joinURL := rs.server.URL()
	if got, err := scan.Decode(v, true); err != nil || got != joinURL {
		t.Errorf("the QR code reads %q, %v; want %q", got, err, joinURL)
	}
	// Modules four cells wide: the biggest that fits 67 rows.
	if scale, quiet := drawnScale(v, rs.code); scale != 4 {
		t.Errorf("the QR code is drawn %d cells a module (quiet zone %d), want 4; the footer takes %d lines:\n%s", scale, quiet, h.a.footerLines(), v)
	}
	url, ok := bigLine(strings.ToUpper(joinURL))
	if !ok {
		t.Fatalf("the join address %s has no block letters", joinURL)
	}
	for _, row := range url {
		if !strings.Contains(v, row) {
			t.Errorf("the join screen lacks the address in block letters (%q):\n%s", row, v)
		}
	}
	if !strings.Contains(v, joinURL) {
		t.Errorf("the address as text is gone:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	if len(lines) > 67 {
		t.Errorf("%d lines in a 67-row window", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 240 {
			t.Errorf("a line of %d cells in a 240-column window: %q", ansi.StringWidth(l), l)
		}
	}
}

// drawnScale is the scale and quiet zone the code is drawn at on screen
// (its middle row found in the view), or 0, 0.
func drawnScale(view string, code *qr.Code) (scale, quiet int) {
	for scale := 4; scale >= 1; scale-- {
		for _, quiet := range []int{qr.QuietZone, 2} {
			if l := code.Lines(quiet, scale, true); strings.Contains(view, l[len(l)/2]) {
				return scale, quiet
			}
		}
	}
	return 0, 0
}

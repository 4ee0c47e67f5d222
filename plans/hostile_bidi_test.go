package plans

import (
	"strings"
	"testing"
)

// A plan's text may hold the bidirectional overrides and isolates of the
// "Trojan Source" attack (U+202A–U+202E, U+2066–U+2069), written as
// escapes ("\u202e") by a stranger, or typed raw. ladder shows them as �
// on every output; in a file it writes (a save, ladder fmt, ladder new
// --from copying last year's organisation) they are escapes too, never
// the raw characters, which would reorder the line around them for
// whoever reads the file or its diff in a pull request. The values read
// back the same.
func TestAPlanWrittenByLadderHoldsNoRawBidiControls(t *testing.T) {
	controls := []rune{0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069}
	for _, r := range controls {
		p := blankPlan()
		text := "Acme " + string(r) + "dtL" + string(r)
		p.Organisation, p.Title, p.Facilitator = text, text, text
		p.Participants = []string{text}
		resp := p.Items["lc-vision"]
		resp.Action, resp.Owner, resp.Notes = text, text, text+"\nsecond line "+string(r)
		data := Encode(p)
		if strings.ContainsRune(string(data), r) {
			t.Errorf("U+%04X is written raw:\n%s", r, data)
		}
		q, err := Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatalf("U+%04X: %v", r, err)
		}
		if got := q.Items["lc-vision"]; q.Organisation != text || q.Title != text || q.Facilitator != text ||
			q.Participants[0] != text || got.Action != text || got.Owner != text || got.Notes != resp.Notes {
			t.Errorf("U+%04X: read back %q %q %q %q %q %q %q", r, q.Organisation, q.Title, q.Facilitator, q.Participants, got.Action, got.Owner, got.Notes)
		}
	}
}

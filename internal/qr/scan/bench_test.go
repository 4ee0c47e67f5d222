package scan

import (
	"testing"

	"github.com/socialmobility/ladder/internal/qr"
)

// The room draws its join code once, as it opens: reading it back is
// paid then, not at start-up or on a key.
func BenchmarkJoinCode(b *testing.B) {
	const text = "http://192.168.1.23:8421/"
	b.Run("qr.Encode", func(b *testing.B) {
		for b.Loop() {
			qr.Encode(text)
		}
	})
	b.Run("scan.Encode", func(b *testing.B) {
		for b.Loop() {
			Encode(text)
		}
	})
}

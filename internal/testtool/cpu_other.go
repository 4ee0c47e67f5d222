//go:build !unix

package testtool

import "testing"

// LoopCPU runs body once per iteration of b (b.Loop); without getrusage it
// reports the wall-clock time alone.
func LoopCPU(b *testing.B, body func()) {
	b.Helper()
	for b.Loop() {
		body()
	}
}

package browsertest

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// The tests in a browser run in parallel, each in tabs of its own: they
// wait on Chromium, on a page held up or on a server's slow answer.
func TestMain(m *testing.M) {
	testtool.WaitingTests(5)
	removeTemp := testtool.TempInMemory()
	code := m.Run()
	Close()
	removeTemp()
	os.Exit(code)
}

package room

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/testtool"
)

// The phones' tests in a browser run in parallel, four at a time: each
// waits on Chromium.
func TestMain(m *testing.M) {
	testtool.WaitingTests(4)
	removeTemp := testtool.TempInMemory()
	removeRuntimeDir := testtool.OwnRuntimeDir()
	code := m.Run()
	removeRuntimeDir()
	browsertest.Close() // the browser the phone tests shared
	removeTemp()
	os.Exit(code)
}

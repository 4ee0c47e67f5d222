package room

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/browsertest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	browsertest.Close() // the browser the phone tests shared
	os.Exit(code)
}

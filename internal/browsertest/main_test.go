package browsertest

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

func TestMain(m *testing.M) {
	removeTemp := testtool.TempInMemory()
	code := m.Run()
	Close()
	removeTemp()
	os.Exit(code)
}

package review_test

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// The sessions the tests open keep their open-plan markers in a runtime
// folder of the tests' own, removed at the end (testtool.OwnRuntimeDir).
func TestMain(m *testing.M) {
	removeTemp := testtool.TempInMemory()
	remove := testtool.OwnRuntimeDir()
	code := m.Run()
	remove()
	removeTemp()
	os.Exit(code)
}

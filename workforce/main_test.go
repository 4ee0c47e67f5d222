package workforce

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// TestMain puts the tests' temporary folders, and the git repositories in
// them, in memory (testtool.TempInMemory).
func TestMain(m *testing.M) {
	removeTemp := testtool.TempInMemory()
	code := m.Run()
	removeTemp()
	os.Exit(code)
}

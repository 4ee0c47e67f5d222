package cli

import (
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// BenchmarkFolderStatusHTML1000 is BenchmarkFolderStatus1000 writing the
// web page: run side by side, the two say what the page costs over the
// text list, as a user runs the command.
//
//	go test ./cli -run '^$' -bench 'FolderStatus(HTML)?1000' -benchtime 20x -count 5
func BenchmarkFolderStatusHTML1000(b *testing.B) {
	dir := planFolder(b, 1000, nil)
	testtool.LoopCPU(b, func() { runLadder(b, "status", dir, "--today", "2027-06-01", "--format", "html") })
}

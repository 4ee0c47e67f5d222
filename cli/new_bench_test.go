package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// BenchmarkNewBeside1000 runs ladder new in a folder of 1,000 filled-in
// plans, all of "Acme Café Ltd": its note on earlier plans reads each
// plan's organisation and loads only those of the new plan's. "other" is
// an organisation none of them is; "same first word" one that shares the
// plans' first word ("Acme Bakery"), which the note once found in the raw
// text and so loaded every plan to compare.
//
//	go test ./cli -run '^$' -bench 'NewBeside1000' -benchtime 10x
func BenchmarkNewBeside1000(b *testing.B) {
	dir := planFolder(b, 1000, nil)
	for _, tc := range []struct{ name, org string }{{"other", "Bea's Bakery"}, {"same first word", "Acme Bakery"}} {
		b.Run(tc.name, func(b *testing.B) {
			path := filepath.Join(dir, "new.yaml")
			testtool.LoopCPU(b, func() {
				runLadder(b, "new", path, "--org", tc.org, "--title", "Review 2027", "--date", "2027-09-01")
				if err := os.Remove(path); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

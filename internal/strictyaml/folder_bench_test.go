package strictyaml_test

import (
	"bytes"
	"runtime"
	"sync"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"go.yaml.in/yaml/v3"
)

// What the fast path buys, on what `ladder check` and `status` read: 1,000
// filled-in plans of the built-in checklist, parsed on every core.
//
//	go test ./internal/strictyaml -run '^$' -bench Folder -count 5
//	go test ./internal/strictyaml -run '^$' -bench Folder -count 5 -tags ladder_nofastpath
//
// "ladder" is strictyaml.Parse (the fast path, or without it yaml.v3 plus
// the checks Parse adds); "yaml.v3" is issue 16's baseline: plain yaml.v3
// decoding each file into nodes, with no checks at all.
func BenchmarkFolderParse1000(b *testing.B) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	files := make([][]byte, 1000)
	size := 0
	for i := range files {
		files[i] = plans.Encode(checklisttest.FilledPlan(c, uint64(i)))
		size += len(files[i])
	}
	onEveryCore := func(parse func([]byte) bool) {
		var wg sync.WaitGroup
		next := make(chan []byte)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for data := range next {
					if !parse(data) {
						b.Error("a plan did not parse")
					}
				}
			})
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
	}
	b.Run("ladder", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			onEveryCore(func(data []byte) bool { _, ps := strictyaml.Parse(data); return ps == nil })
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			onEveryCore(func(data []byte) bool {
				var n yaml.Node
				return yaml.NewDecoder(bytes.NewReader(data)).Decode(&n) == nil
			})
		}
	})
}

package accessible

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkFullReview pipes the whole fixture review (21 items, five
// follow-ups, 138 answer lines, each answer saved atomically with an fsync)
// into a new plan.
//
// Measured on the development VM (2 vCPU AMD EPYC, ext4), three runs of
//
//	go test ./tui/accessible -run '^$' -bench FullReview -benchtime 20x -count 3
//
// gave 214, 267 and 253 ms per review, under 2 ms per answer; a CPU
// profile puts 94% of the CPU time in plans' atomic save (the file
// syscalls), and the wall time beyond that is waiting on fsync.
func BenchmarkFullReview(b *testing.B) {
	answers, err := os.ReadFile("testdata/full-review.answers")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(dir, "plan"+strconv.Itoa(i)+".yaml")
		err := Run(Options{PlanPath: path, Today: today, In: bytes.NewReader(answers), Out: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
	}
}

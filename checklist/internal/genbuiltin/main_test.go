package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent fails when checklist/builtin_gen.go is not
// what go generate would write now, e.g. after a new built-in checklist.
func TestGeneratedFileIsCurrent(t *testing.T) {
	pkg := filepath.Join("..", "..")
	want, err := generate(filepath.Join(pkg, "builtin"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(pkg, output))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("checklist/%s is not what the generator writes from checklist/builtin/: run go generate ./checklist/", output)
	}
}

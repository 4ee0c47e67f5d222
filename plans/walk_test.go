package plans

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.yaml", "a.yml", "C.YAML", "notes.txt", ".hidden.yaml", ".b.yaml.123.tmp",
		"sub/c.yaml", ".git/x.yaml", "sub/.cache/y.yaml", "named.txt", "testdata/fixture.yaml",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(name string) string { return filepath.Join(dir, name) }

	got, err := Find(dir, j("named.txt"), j("b.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{j("C.YAML"), j("a.yml"), j("b.yaml"), j("sub/c.yaml"), j("named.txt")}
	if !slices.Equal(got, want) {
		t.Errorf("Find =\n%q\nwant\n%q", got, want)
	}

	if _, err := Find(j("missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Find of a missing path: err = %v, want fs.ErrNotExist", err)
	}
}

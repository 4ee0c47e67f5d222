package plans

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// WriteFileAtomicFrom writes output as it is made (status over a folder
// of thousands of plans): larger than anything ladder reads back, it must
// still replace an earlier output of the same name (it once failed: the
// old file was read whole, through the reader capped for plans), keep its
// mode, leave a file that holds the same bytes untouched, and leave no
// temporary file behind, even when the writing fails.
func TestWriteFileAtomicFromLargeOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "status.txt")
	big := func(fill byte) []byte { return bytes.Repeat([]byte{fill, '\n'}, strictyaml.MaxFileSize) }
	write := func(data []byte) func(io.Writer) error {
		return func(w io.Writer) error {
			for len(data) > 0 { // in pieces, as a list is written
				n := min(len(data), 1000)
				if _, err := w.Write(data[:n]); err != nil {
					return err
				}
				data = data[n:]
			}
			return nil
		}
	}
	if written, err := WriteFileAtomicFrom(path, 0o644, write(big('a'))); err != nil || !written {
		t.Fatalf("new file: written=%v err=%v", written, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	old, _ := os.Stat(path)
	if written, err := WriteFileAtomicFrom(path, 0o644, write(big('a'))); err != nil || written {
		t.Fatalf("same bytes: written=%v err=%v", written, err)
	}
	if now, _ := os.Stat(path); !now.ModTime().Equal(old.ModTime()) {
		t.Error("unchanged file was touched")
	}
	if written, err := WriteFileAtomicFrom(path, 0o644, write(big('b'))); err != nil || !written {
		t.Fatalf("new bytes: written=%v err=%v", written, err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, big('b')) {
		t.Error("the file does not hold what was written")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", info.Mode().Perm())
	}
	broken := errors.New("the list could not be read back")
	if _, err := WriteFileAtomicFrom(path, 0o644, func(w io.Writer) error { w.Write([]byte("half")); return broken }); !errors.Is(err, broken) {
		t.Errorf("a failed write gave %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, big('b')) {
		t.Error("a failed write changed the file")
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFileAtomicFrom(path, 0o644, write([]byte("c\n"))); !errors.Is(err, ErrNotReplaced) {
		t.Errorf("a read-only file: %v, want it left as it is", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

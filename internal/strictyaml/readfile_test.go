//go:build unix

package strictyaml

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadFileRefusesWhatNeverEnds(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileSize+1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{fifo, "pipe.yaml:1:1: not a regular file (a named pipe)"},
		{"/dev/zero", "/dev/zero:1:1: not a regular file (a device)"},
		{dir, ":1:1: not a regular file (a folder)"},
		{big, fmt.Sprintf("big.yaml:1:1: file is %d bytes, over the %d byte limit", MaxFileSize+1, MaxFileSize)},
	}
	for _, tc := range tests {
		if _, err := os.Stat(tc.path); err != nil {
			continue // no /dev/zero here
		}
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(tc.path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadFile(%s) = %v, want an error containing %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) still reading after 5s", tc.path)
		}
	}
	var fe *FileError
	if _, err := ReadFile(big); !errors.As(err, &fe) {
		t.Errorf("a file over the cap should give a *FileError, got %T", err)
	}
	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(ok); err != nil || string(data) != "a: 1\n" {
		t.Errorf("ReadFile(ok.yaml) = %q, %v", data, err)
	}
}

// Issue 15.8: a dangling symbolic link, a link that loops and a named pipe
// are reported as FILE:1:1 problems, like every other problem with a file.
func TestReadFileLocatesWhatItRefuses(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "gone.yaml")
	loop := filepath.Join(dir, "loop.yaml")
	if err := os.Symlink("nowhere.yaml", dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop.yaml", loop); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		dangling: dangling + ":1:1: a symbolic link to nothing",
		loop:     loop + ":1:1: a symbolic link to nothing (what it points to does not exist, or links go round in a loop)",
	} {
		_, err := ReadFile(path)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ReadFile(%s) = %v, want a *FileError %q", filepath.Base(path), err, want)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file that is not there: %v, want fs.ErrNotExist", err)
	}
}

// TestReadFileNamesAPipeFromTheShell: bash's <(git show main:plans/acme.yaml)
// names a pipe as /dev/fd/63, a link to no path ("pipe:[…]"). It was
// called a symbolic link to nothing, which sent the user looking for a
// file; it is refused as a pipe, without blocking on it.
func TestReadFileNamesAPipeFromTheShell(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	path := fmt.Sprintf("/dev/fd/%d", r.Fd())
	if _, err := os.Lstat(path); err != nil {
		t.Skipf("no %s here: %v", path, err)
	}
	_, err = ReadFile(path)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Fatalf("ReadFile(%s) = %v, want it refused as not a regular file (a named pipe)", path, err)
	}
}

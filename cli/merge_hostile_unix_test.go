//go:build unix

package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/socialmobility/ladder/cli"
)

// ladder merge is given its files by git, but anyone may run it by hand
// with a named pipe for one of them (or a path where a pipe has been put):
// it says the file is not one it reads and finishes, where it opened the
// file first and waited for a writer that never came, and leaves ours as
// it was.
func TestMergeRefusesANamedPipeWithoutWaiting(t *testing.T) {
	for i, side := range []string{"base", "ours", "theirs"} {
		t.Run(side, func(t *testing.T) {
			data := []byte("a: 1\n")
			files := mergeSides(t, data, data, data)
			files[i] = filepath.Join(filepath.Dir(files[i]), "pipe")
			if err := syscall.Mkfifo(files[i], 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- cli.Main(append([]string{"merge"}, append(files, "plans/acme.yaml")...), nil, &stdout, &stderr)
			}()
			var code int
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				// Let the waiting open go, so the test ends.
				if w, err := os.OpenFile(files[i], os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
				<-done
				t.Fatalf("ladder merge waited on the named pipe given as %s", side)
			}
			if code == cli.ExitOK || !strings.Contains(stderr.String(), files[i]+" is not a regular file") {
				t.Errorf("exit %d, want a refusal naming the pipe\n%s", code, stderr.String())
			}
			if side != "ours" {
				if got, _ := os.ReadFile(files[1]); string(got) != "a: 1\n" {
					t.Errorf("ours changed: %q", got)
				}
			}
		})
	}
}

// A device given by hand is refused as a named pipe is, as SECURITY.md
// promises, and ours is left as it was.
func TestMergeRefusesADevice(t *testing.T) {
	data := []byte("a: 1\n")
	files := mergeSides(t, data, data, data)
	files[2] = os.DevNull
	var stdout, stderr bytes.Buffer
	code := cli.Main(append([]string{"merge"}, append(files, "plans/acme.yaml")...), nil, &stdout, &stderr)
	if code == cli.ExitOK || !strings.Contains(stderr.String(), os.DevNull+" is not a regular file") {
		t.Errorf("exit %d, want a refusal naming %s\n%s", code, os.DevNull, stderr.String())
	}
	if got, _ := os.ReadFile(files[1]); string(got) != "a: 1\n" {
		t.Errorf("ours changed: %q", got)
	}
}

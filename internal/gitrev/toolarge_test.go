package gitrev

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// bigContent is a file of size bytes, a line repeated: git compresses it
// to almost nothing, so committing it is quick.
func bigContent(size int) string {
	line := "# a line of padding, over and over, to make the file big\n"
	s := strings.Repeat(line, size/len(line)+1)
	return s[:size]
}

// A file over the limit between two that are not: the one over is an
// ErrTooLarge that says its size in strictyaml's words, and the same
// cat-file process goes on answering the next requests correctly (its
// content was read to its end and dropped, so the exchange stays in step).
func TestAFileOverTheLimitIsTooLargeAndTheExchangeStaysInStep(t *testing.T) {
	g := testRepo(t)
	size := strictyaml.MaxFileSize + 1000
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/a.yaml", bigContent(size), "2027-01-16T10:00:00+00:00")
	commitFile(g, "plans/a.yaml", "three\n", "2027-01-17T10:00:00+00:00")
	r, log := openLog(t, g.Dir, "plans/a.yaml")
	if len(log) != 3 {
		t.Fatalf("log has %d commits, want 3", len(log))
	}
	want := fmt.Sprintf("file is %d bytes, over the %d byte limit", size, strictyaml.MaxFileSize)
	isTooLarge := func(what string, err error) {
		t.Helper()
		var big *TooLargeError
		if !errors.Is(err, ErrTooLarge) || !errors.As(err, &big) || big.Size != int64(size) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s = %v; want an ErrTooLarge of %d bytes saying %q", what, err, size, want)
		}
	}

	if _, err := r.ReadFile("HEAD~2", "plans/a.yaml"); err != nil {
		t.Fatal(err)
	}
	process := r.batch
	data, err := r.ReadFile("HEAD~1", "plans/a.yaml")
	isTooLarge("ReadFile(HEAD~1)", err)
	if data != nil {
		t.Errorf("ReadFile(HEAD~1) gave %d bytes with its error", len(data))
	}
	if data, err := r.ReadFile("HEAD", "plans/a.yaml"); err != nil || string(data) != "three\n" {
		t.Errorf("ReadFile(HEAD) after the big one = %q, %v", data, err)
	}
	_, err = r.ReadBlob(log[1].Blob)
	isTooLarge("ReadBlob(the big one)", err)
	if data, err := r.ReadBlob(log[0].Blob); err != nil || string(data) != "one\n" {
		t.Errorf("ReadBlob(the first) after the big one = %q, %v", data, err)
	}
	if r.batch != process {
		t.Error("the cat-file process was restarted: a file over the limit put the exchange out of step")
	}

	// The stream hands the one over the limit on as its own error, and
	// goes on with the next.
	var got []string
	err = r.ReadBlobs([]string{log[0].Blob, log[1].Blob, log[2].Blob, log[1].Blob, log[0].Blob}, func(i int, data []byte, err error) error {
		if err != nil {
			isTooLarge(fmt.Sprintf("blob %d in the stream", i), err)
			got = append(got, fmt.Sprintf("%d: too large (%d bytes held)", i, len(data)))
			return nil
		}
		if len(data) > 40 {
			got = append(got, fmt.Sprintf("%d: %d bytes", i, len(data)))
		} else {
			got = append(got, fmt.Sprintf("%d: %q", i, data))
		}
		return nil
	})
	wantGot := `0: "one\n"|1: too large (0 bytes held)|2: "three\n"|3: too large (0 bytes held)|4: "one\n"`
	if err != nil || strings.Join(got, "|") != wantGot {
		t.Errorf("ReadBlobs = %v, read:\n%s\nwant:\n%s", err, strings.Join(got, "|"), wantGot)
	}
	// A commit over the limit (a long message) is skipped the same way:
	// only its name is wanted to resolve it.
	g.Write("message.txt", []byte("A long message\n\n"+bigContent(size)))
	g.Git("commit", "-q", "--allow-empty", "-F", "message.txt")
	if commit, err := r.Resolve("HEAD"); err != nil || commit != g.Git("rev-parse", "HEAD") {
		t.Errorf("Resolve of a commit over the limit = %q, %v", commit, err)
	}
	if data, err := r.ReadFile("HEAD", "plans/a.yaml"); err != nil || string(data) != "three\n" {
		t.Errorf("ReadFile at a commit over the limit = %q, %v", data, err)
	}

	// An error from fn still stops the stream.
	stop := errors.New("stop")
	if err := r.ReadBlobs([]string{log[1].Blob, log[0].Blob}, func(int, []byte, error) error { return stop }); err != stop {
		t.Errorf("ReadBlobs with fn failing = %v, want its error", err)
	}
}

// Reading a 20 MB file through git allocates next to nothing: its content
// is skipped as it comes, never held. (A bound on bytes allocated, not on
// time: it holds on a busy machine too.)
func TestReadingABigFileAllocatesLittle(t *testing.T) {
	g := testRepo(t)
	const size = 20 << 20
	commitFile(g, "big.yaml", bigContent(size), "2027-01-15T10:00:00+00:00")
	r, log := openLog(t, g.Dir, "big.yaml")
	if _, err := r.ReadFile("HEAD", "big.yaml"); err == nil {
		t.Error("a 20 MB file was read")
	}
	const bound = 1 << 20
	allocated := func(read func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		read()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	if n := allocated(func() { r.ReadFile("HEAD", "big.yaml") }); n > bound {
		t.Errorf("ReadFile of a 20 MB file allocated %d bytes, want under %d", n, bound)
	}
	if n := allocated(func() { r.ReadBlob(log[0].Blob) }); n > bound {
		t.Errorf("ReadBlob of a 20 MB file allocated %d bytes, want under %d", n, bound)
	}
	if n := allocated(func() {
		r.ReadBlobs([]string{log[0].Blob, log[0].Blob}, func(int, []byte, error) error { return nil })
	}); n > bound {
		t.Errorf("ReadBlobs of a 20 MB file twice allocated %d bytes, want under %d", n, bound)
	}
}

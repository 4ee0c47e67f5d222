package testtool

import (
	"os"
	"strings"
)

// TempInMemory points the test process's temporary folder ($TMPDIR, and
// so t.TempDir, os.MkdirTemp and every program a test starts) at memory
// (tmpfs: /dev/shm on Linux), and returns the function that puts it back.
// Call it from TestMain first, before m.Run, and the function after.
//
// The tests write thousands of plan files, git repositories and
// scripts' folders, and ladder syncs each plan it saves to the disk: on
// this project's machines /tmp is a virtual disk, and tui's tests without
// the pseudo-terminal spent more than half their time waiting on it (43 s
// there, 17 s in memory, with the same files written and read). The tests
// still write real files in real folders, with their permissions; only
// the disk under them is memory. /dev/shm itself, not a folder of its own
// in it: the screens show the tests' paths, and some tests need them to
// fit a line as they do in /tmp (four letters longer, not thirty); each
// test removes its own folders as it did in /tmp.
//
// It does nothing where $TMPDIR is set (the person running the tests
// chose), in a run with -test.bench (BENCHMARKS.md's figures for saving
// a plan, with its sync, were measured on the disk, and must stay
// comparable), or where no memory file system fits: none, mounted noexec
// (the tests run scripts and binaries from their folders), or with less
// than 2 GiB free (Docker's default /dev/shm is 64 MiB).
func TempInMemory() (putBack func()) {
	if _, set := os.LookupEnv("TMPDIR"); set || benchmarking() {
		return func() {}
	}
	mem, ok := memoryTemp()
	if !ok {
		return func() {}
	}
	os.Setenv("TMPDIR", mem)
	return func() { os.Unsetenv("TMPDIR") }
}

// benchmarking reports whether the test binary was asked to run
// benchmarks: -test.bench=X, or -test.bench X, before flags are parsed.
func benchmarking() bool {
	for i, arg := range os.Args[1:] {
		arg = strings.TrimPrefix(arg, "-")
		if name, value, found := strings.Cut(arg, "="); name == "-test.bench" || name == "test.bench" {
			if found {
				return value != ""
			}
			return i+2 < len(os.Args) && os.Args[i+2] != ""
		}
	}
	return false
}

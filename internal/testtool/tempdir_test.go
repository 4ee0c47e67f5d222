package testtool

import (
	"os"
	"testing"
)

// TempInMemory moves the temporary folder into memory where it can, its
// putBack unsets $TMPDIR again, and it leaves a $TMPDIR the person set
// alone.
func TestTempInMemory(t *testing.T) {
	t.Setenv("TMPDIR", "/somewhere/chosen")
	if TempInMemory()(); os.Getenv("TMPDIR") != "/somewhere/chosen" {
		t.Fatalf("with TMPDIR set, TempInMemory moved it to %q", os.Getenv("TMPDIR"))
	}

	os.Unsetenv("TMPDIR")
	mem, ok := memoryTemp()
	putBack := TempInMemory()
	dir, set := os.LookupEnv("TMPDIR")
	putBack()
	if !ok {
		if set {
			t.Fatalf("with no memory file system, TMPDIR is %q", dir)
		}
		t.Skip("no memory file system to put the temporary folder in here")
	}
	if !set || dir != mem {
		t.Fatalf("TMPDIR is %q (set %v), want %s", dir, set, mem)
	}
	if _, set := os.LookupEnv("TMPDIR"); set {
		t.Errorf("TMPDIR is %q after, not unset", os.Getenv("TMPDIR"))
	}
}

// A benchmark run keeps the disk: BENCHMARKS.md's figures for saving a
// plan were measured on it, and a run in memory would not compare.
func TestTempInMemoryLeavesBenchmarksOnTheDisk(t *testing.T) {
	t.Setenv("TMPDIR", "")
	os.Unsetenv("TMPDIR")
	for _, args := range [][]string{{"x.test", "-test.bench=Save"}, {"x.test", "-test.bench", "."}} {
		saved := os.Args
		os.Args = args
		putBack := TempInMemory()
		dir, set := os.LookupEnv("TMPDIR")
		putBack()
		os.Args = saved
		if set {
			t.Errorf("with %q, TMPDIR is %q: a benchmark run left the disk", args[1:], dir)
		}
	}
}

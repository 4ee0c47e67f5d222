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

package testtool

import (
	"os"
	"path/filepath"
	"testing"
)

// OwnRuntimeDir points $XDG_RUNTIME_DIR at a private folder of its own
// (mode 0700, as plans.presenceDir requires), and its remove takes the
// folder away with what was left in it and puts the variable back.
func TestOwnRuntimeDirIsPrivateAndRemoved(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/elsewhere")
	remove := OwnRuntimeDir()
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "/run/user/elsewhere" || !filepath.IsAbs(dir) {
		remove()
		t.Fatalf("XDG_RUNTIME_DIR is %q", dir)
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o077 != 0 {
		remove()
		t.Fatalf("the runtime folder %s: %v, %v", dir, info, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "left.open"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	remove()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the runtime folder is still there: %v", err)
	}
	if got := os.Getenv("XDG_RUNTIME_DIR"); got != "/run/user/elsewhere" {
		t.Errorf("XDG_RUNTIME_DIR is %q after, not put back", got)
	}
}

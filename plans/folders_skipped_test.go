package plans_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// FoldersWithPlans skips the folders the folder commands skip (hidden
// ones and testdata, as the go tool does): in a clone of ladder itself,
// `go run .` met its first user with "Made a review before? Yours are in
// plans/testdata", the plans package's fixtures.
func TestFoldersWithPlansSkipsHiddenAndTestdata(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	for _, sub := range []string{"testdata", ".git", "2026"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, sub, "acme.yaml"), []byte("schema: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := plans.FoldersWithPlans(dir)
	want := []string{filepath.Join(dir, "2026")}
	if !slices.Equal(got, want) {
		t.Errorf("FoldersWithPlans = %q, want %q", got, want)
	}
}

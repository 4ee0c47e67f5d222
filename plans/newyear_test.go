package plans_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// NewYearFolder names this year's folder only for a plans folder that
// keeps a folder per year and has none yet for this year.
func TestNewYearFolder(t *testing.T) {
	dir := filepath.Join("team", "plans")
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	for _, tc := range []struct {
		dir   string
		below []string
		want  string
	}{
		{dir, in("2026", "2025"), filepath.Join(dir, "2027")},
		{dir, in("old", "2026"), filepath.Join(dir, "2027")}, // other folders beside the years'
		{dir, in("2027", "2026"), ""},                        // this year's holds plans already
		{dir, in("2028"), ""},                                // a folder for a year to come
		{dir, in("old", "spring"), ""},                       // no year's folder
		{dir, nil, ""},
		{filepath.Join(dir, "2027"), in("2026"), ""}, // in a year's folder: its form looks beside
	} {
		if got := plans.NewYearFolder(tc.dir, tc.below, 2027); got != tc.want {
			t.Errorf("NewYearFolder(%q, %q) = %q, want %q", tc.dir, tc.below, got, tc.want)
		}
	}
}

// This year's folder there already as a symbolic link (out of a
// repository cloned from someone else) or a file is not one to begin
// this year's review in: the accessible prompts sent the review there,
// and its plan could not be written through the link.
func TestNewYearFolderIsNoLinkOrFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	below := []string{filepath.Join(dir, "2026")}
	if err := os.MkdirAll(below[0], 0o755); err != nil {
		t.Fatal(err)
	}
	this := filepath.Join(dir, "2027")
	if err := os.Symlink(t.TempDir(), this); err != nil {
		t.Fatal(err)
	}
	if got := plans.NewYearFolder(dir, below, 2027); got != "" {
		t.Errorf("with plans/2027 a link: NewYearFolder = %q, want none", got)
	}
	if err := os.Remove(this); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(this, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := plans.NewYearFolder(dir, below, 2027); got != "" {
		t.Errorf("with plans/2027 a file: NewYearFolder = %q, want none", got)
	}
}

package plans_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// NearPlanFile names the plan a mistyped name probably meant: one or two
// letters away, case aside; never a copy saved beside a plan, a data file,
// a name far off, or anything for a name that is not a plan file's.
func TestNearPlanFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"acme-spring.yaml", "acme-spring.copy-1.yaml", "Bea.yaml", "acme-autumn.yaml", "acme.data.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("schema: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for typed, want := range map[string]string{
		"acme-sprng.yaml":  "acme-spring.yaml", // a letter left out
		"acme-sprign.yaml": "acme-spring.yaml", // two swapped
		"bea.yaml":         "Bea.yaml",         // case aside
		"acme-autumm.yaml": "acme-autumn.yaml",
		"acme-winter.yaml": "", // a review of its own
		"acme-spring.txt":  "", // not a plan file's name
		"acme.dta.yaml":    "", // a data file is not a plan
	} {
		got := plans.NearPlanFile(filepath.Join(dir, typed))
		if want != "" {
			want = filepath.Join(dir, want)
		}
		if got != want {
			t.Errorf("NearPlanFile(%q) = %q, want %q", typed, got, want)
		}
	}
	// A name one letter from a copy saved beside a plan
	// (acme-spring.copy-1.yaml) names nothing: the copy is not a plan.
	if got := plans.NearPlanFile(filepath.Join(dir, "acme-spring.copy-2.yaml")); got != "" {
		t.Errorf("a copy's name: %q", got)
	}
	if got := plans.NearPlanFile(filepath.Join(dir, "missing", "acme-spring.yaml")); got != "" {
		t.Errorf("in a folder not there: %q", got)
	}
}

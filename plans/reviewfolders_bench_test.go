package plans_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// yearFolder1000 writes 1,000 filled-in plans of as many organisations
// into plans/2026 and returns plans/2027, the year not begun: what the
// set-up form's lookup reads for each letter of an organisation's name
// typed there (review.LastReviewFor).
func yearFolder1000(b *testing.B) string {
	b.Helper()
	root := filepath.Join(b.TempDir(), "plans")
	dir := filepath.Join(root, "2026")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	for i := range 1000 {
		p := checklisttest.FilledPlan(c, uint64(i))
		p.Organisation = fmt.Sprintf("Organisation %d", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("plan-%04d.yaml", i)), plans.Encode(p), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return filepath.Join(root, "2027")
}

// BenchmarkOrganisationPlans1000 is one lookup of an organisation's plans
// beside plans/2027 among 1,000 others' (it finds one); its baseline,
// BenchmarkDiscoverYear1000, is the start screen's one read of the same
// folder.
func BenchmarkOrganisationPlans1000(b *testing.B) {
	dir := yearFolder1000(b)
	for b.Loop() {
		if got := plans.OrganisationPlans(dir, "Organisation 500", ""); len(got) != 1 {
			b.Fatalf("found %d plans", len(got))
		}
	}
}

func BenchmarkDiscoverYear1000(b *testing.B) {
	dir := filepath.Join(filepath.Dir(yearFolder1000(b)), "2026")
	for b.Loop() {
		if got, _ := plans.Discover(dir, nil); len(got) != 1000 {
			b.Fatalf("found %d plans", len(got))
		}
	}
}

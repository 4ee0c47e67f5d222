package plans_test

import (
	"slices"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A built-in checklist id typed wrongly, as a mistyped command is, gets
// the one meant; a word that is near none of them gets nothing.
func TestNearBuiltinChecklists(t *testing.T) {
	for _, tc := range []struct {
		typed string
		want  []string
	}{
		{"progresion", []string{"smc-progression"}},
		{"smc-progresion", []string{"smc-progression"}},
		{"SMC-Progression ", []string{"smc-progression"}},
		{"progression", []string{"smc-progression"}},
		{"building-block", []string{"smc-building-blocks"}},
		{"building", []string{"smc-building-blocks"}},
		{"smc-cross-industry", []string{"smc-cross-industry-progression"}},
		{"cross", []string{"smc-cross-industry-progression"}},
		{"smc-", nil},
		{"smc", nil},
		{"ours", nil},
		{"", nil},
	} {
		if got := plans.NearBuiltinChecklists(tc.typed); !slices.Equal(got, tc.want) {
			t.Errorf("NearBuiltinChecklists(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}

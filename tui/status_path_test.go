package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// At 60x16 the status line under every screen said "✓ saved to
// plans/2026-12-01-hill-s-bakery-spring-review.y…": cut at the edge, the
// file's name lost its end. Where the path does not fit, the name is
// shortened in its middle, as the new-review form says where a plan will
// be saved, its folder and ".yaml" whole; where it fits it is whole.
func TestTheStatusLineShortensALongPlanNameInItsMiddle(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{60, 80} {
		rel := filepath.Join("plans", "2026-12-01-hill-s-bakery-spring-review.yaml")
		if w == 80 {
			rel = filepath.Join("plans", "2026-12-01-hill-s-bakery-spring-review-80.yaml")
		}
		if err := createPlan(rel, rvNewPlan(t)); err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: rel, Dir: "plans"}, w, 16)
		h.press("r")
		status := ansi.Strip(h.a.statusLine())
		if n := ansi.StringWidth(status); n > w {
			t.Errorf("%d columns: a status line of %d cells: %q", w, n, status)
		}
		if w == 80 && status != "✓ saved to "+rel {
			t.Errorf("80 columns: the status line is %q", status)
		}
		if w == 60 && (!strings.HasPrefix(status, "✓ saved to plans/2026-12-01-hill") || !strings.HasSuffix(status, "-review.yaml") || !strings.Contains(status, "…")) {
			t.Errorf("60 columns: the status line is %q", status)
		}
	}
}

package tui

import (
	"fmt"
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

// While a save is on its way to disk the status line says "saving…" and
// the plan's path, shortened in its middle where it does not fit, as "✓
// saved to" does; once the save lands it says "✓ saved to". The form had
// no test: a change that dropped the words, or cut the path at the edge,
// went unseen.
func TestTheStatusLineSaysSavingWhileASaveIsOnItsWay(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{60, 80} {
		rel := filepath.Join("plans", fmt.Sprintf("2026-12-01-hill-s-bakery-spring-review-with-everyone-%d.yaml", w))
		if err := createPlan(rel, rvNewPlan(t)); err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: rel, Dir: "plans"}, w, 16)
		_, write := h.a.Update(rvKey("r")) // the rating's save made, not yet run
		status := ansi.Strip(h.a.statusLine())
		if w == 80 && status != "saving… "+rel {
			t.Errorf("80 columns: while saving, the status line is %q", status)
		}
		if w == 60 && (!strings.HasPrefix(status, "saving… plans/2026-12-01-hill") || !strings.HasSuffix(status, "-everyone-60.yaml") || !strings.Contains(status, "…-")) {
			t.Errorf("60 columns: while saving, the status line is %q", status)
		}
		if n := ansi.StringWidth(status); n > w {
			t.Errorf("%d columns: a status line of %d cells: %q", w, n, status)
		}
		h.requireView(status)
		h.run(write)
		h.requireView("✓ saved to plans/2026-12-01-hill")
		h.refuseView("saving…")
	}
}

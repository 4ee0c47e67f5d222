package tui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// --checklist names the checklist of new reviews; a plans folder may hold
// reviews of other checklists, and the accessible mode must open them as
// the screens do (it used to force the --checklist one on every plan and
// report the others as not loading). In a real pseudo-terminal, as a
// screen-reader user would run it.
func TestAccessibleChecklistFlagOpensPlansOfOtherChecklists(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	plansDir := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plansDir, 0o755); err != nil {
		t.Fatal(err)
	}
	custom := filepath.Join(dir, "ours.yaml")
	if err := os.WriteFile(custom, checklisttest.YAML(4), 0o644); err != nil {
		t.Fatal(err)
	}
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	path := filepath.Join(plansDir, "acme.yaml")
	if err := createPlan(path, plans.New(builtin, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})); err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{
		{"review", "--accessible", "--checklist", "ours.yaml", "--today", "2027-03-14", "plans/acme.yaml"},
		{"review", "--accessible", "--checklist", "ours.yaml", "--today", "2027-03-14"}, // chosen from the folder
	} {
		e := e2eSession{t, e2eRun(t, bin, dir, []string{"NO_COLOR=1"}, args...)}
		if len(args) == 6 {
			e.waitFor("Begin a new review")
			if strings.Contains(e.s.Text(), "does not load") {
				t.Fatalf("the plan of the built-in checklist is not listed:\n%s", e.s.Text())
			}
			e.typeText("1\r")
		}
		e.waitFor("Review of Acme Café Ltd: Spring review")
		e.waitFor("Develop a clear vision")
		e.typeText("g\r")
		e.waitFor("Rated ● Green")
		e.keys("ctrl+d")
		if err := e.s.Wait(e2eTimeout); err != nil {
			t.Fatalf("ladder %s: %v\n%s", strings.Join(args, " "), err, e.s.Text())
		}
		if got := waitOnDisk(t, path, "the rating", func(p *plans.Plan) bool { return true }).Response("lc-vision").Rating; got != "green" {
			t.Errorf("ladder %s: the rating on disk is %q", strings.Join(args, " "), got)
		}
		p := waitOnDisk(t, path, "", func(*plans.Plan) bool { return true })
		p.Response("lc-vision").Rating = checklist.Unrated
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

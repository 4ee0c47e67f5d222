package accessible

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A year on, in a plans folder kept a folder per year, Enter at last
// year's list begins this year's review from the latest of last year's,
// as the screens' list opens on it, where it asked the question again.
func TestEnterAtLastYearsListBeginsFromTheLatest(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out) // a plan names last year's only in git
	}
	dir := filepath.Join(top, "plans")
	writeLastYear(t, filepath.Join(dir, "2026", "acme-2026.yaml"))
	out := runReviewOK(t, Options{Dir: dir, Today: plans.Date{Year: 2027, Month: 3, Day: 10}}, strings.NewReader("\nSpring review 2027\n\n\nquit\n"))
	if want := "Type 1, 2 or 3, or press Enter to begin this year's review from 1, or type the organisation's name to begin a new review of it.\n"; !strings.Contains(out, want) {
		t.Fatalf("the prompts did not say %q:\n%s", want, out)
	}
	found, _ := plans.Discover(filepath.Join(dir, "2027"), nil)
	if len(found) != 1 || found[0].Plan == nil || found[0].Plan.PreviousReview == "" {
		t.Fatalf("this year's folder holds %d plans, not one carried on from last year's:\n%s", len(found), out)
	}
}

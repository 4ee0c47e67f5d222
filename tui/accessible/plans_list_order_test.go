package accessible

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/plans"
)

// A year on, a flat plans folder: last year's review carried on into this
// year's beside it. Carrying on writes last year's plan last (its
// next_review line), and a git checkout or pull touches it again: the
// prompts listed it first, "newest first" by the file's time, so the
// numbers moved under a listener from one day to the next. A plan carried
// on comes after the others now, as on the screens' list.
func TestAPlanCarriedOnIsListedAfterTheReviewThatTookItOn(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nquit\n"))
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(old, later, later); err != nil { // checked out again
		t.Fatal(err)
	}
	out := runReviewOK(t, Options{Dir: filepath.Dir(old), Today: plans.Date{Year: 2027, Month: 3, Day: 20}}, strings.NewReader("quit\n"))
	want := "1) Acme Café Ltd: Spring review 2027, 0 of 21 rated, 14 carried on from the last review, 1 of them past due (acme-2027.yaml)\n2) Acme Café Ltd: Spring review 2026, 21 of 21 rated, carried on (acme-2026.yaml)\n"
	if !strings.Contains(out, want) {
		t.Fatalf("the prompts did not list %q:\n%s", want, out)
	}
}

package accessible

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A carry-on cut short (the laptop died between its two writes), or last
// year's plan checked out again since, its next_review line with it: this
// year's review names last year's, which names nothing back. Run again,
// review --from asked the title, facilitator and participants, then
// refused with an error ("carried on already ... a carry-on cut short");
// named at this year's file, it said the file exists. The screens' c
// finishes such a carry-on; the prompts now do too, at once: last year's
// plan gets its line, this year's is left as it is (its ratings kept)
// and opens where it was left, and the stop gives both files' git
// commands.
func TestTheNextReviewCarriedOnCutShortIsFinished(t *testing.T) {
	for _, named := range []bool{true, false} {
		old, next, _ := lastYearFolder(t)
		before, _ := os.ReadFile(old)
		runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nred\nquit\n"))
		nextBefore, _ := os.ReadFile(next)
		if err := os.WriteFile(old, before, 0o644); err != nil { // git checkout of last year's plan
			t.Fatal(err)
		}

		path := next
		if !named {
			path = ""
		}
		out := runReviewOK(t, Options{PlanPath: path, Dir: filepath.Dir(old), From: old}, strings.NewReader("quit\n"))
		for _, want := range []string{
			"Finished carrying on " + old + " into " + next + ", begun before and left as it was: its open actions are chased there now.",
			"Plan file: " + next + " (1 of 21 rated, 14 carried on from the last review, none past due).",
			old + " changed too: it now names " + next + " as its next review.",
		} {
			if !strings.Contains(out, want) {
				t.Fatalf("named %v: the prompts did not say %q:\n%s", named, want, out)
			}
		}
		if strings.Contains(out, "Title:") {
			t.Fatalf("named %v: the prompts asked a new review's details:\n%s", named, out)
		}
		after, _ := os.ReadFile(old)
		if !bytes.Equal(bytes.Replace(after, []byte("next_review: acme-2027.yaml\n"), nil, 1), before) || bytes.Equal(after, before) {
			t.Fatalf("named %v: last year's plan is not itself with its next_review line:\n%s", named, after)
		}
		if got, _ := os.ReadFile(next); !bytes.Equal(got, nextBefore) {
			t.Fatalf("named %v: this year's plan changed:\n%s", named, got)
		}
		if entries, _ := os.ReadDir(filepath.Dir(old)); len(entries) != 2 {
			t.Fatalf("named %v: the plans folder holds %d files, not the two years' plans", named, len(entries))
		}
		p, err := plans.LoadFile(old, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, handed := plans.HandedOn(old, p); !handed {
			t.Fatalf("named %v: last year's plan does not hand its actions on", named)
		}
	}
}

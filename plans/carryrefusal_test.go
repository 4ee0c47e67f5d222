package plans

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Whether a plan can be carried on is asked in one place, with one set of
// words, by ladder new, review --from, the accessible prompts and the
// start screen alike, and CreateNext refuses with the same error.
func TestCheckCarryOnSaysWhereThePlanWentInOneSetOfWords(t *testing.T) {
	dir := gitRepo(t)
	old := filepath.Join(dir, "plans", "acme-2026.yaml")
	next := filepath.Join(dir, "plans", "acme-2027.yaml")
	p := blankPlan()
	writePlan(t, old, p)
	if err := CheckCarryOn(old, p); err != nil {
		t.Fatalf("a plan with no next review: %v", err)
	}

	// Carried on: the error names the plan that took its actions on.
	f, err := Open(old, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, _, err := CreateNext(next, f, New(f.Plan.Checklist, "Acme", "2027", Date{2027, 3, 1})); err != nil {
		t.Fatal(err)
	}
	err = CheckCarryOn(old, f.Plan)
	var carried *CarriedOnAlready
	if !errors.As(err, &carried) || !errors.Is(err, ErrHasNextReview) || carried.Next != next {
		t.Fatalf("carried on: %#v", err)
	}
	if want := old + " was carried on already, to " + next + ": its open actions are chased there"; err.Error() != want {
		t.Fatalf("carried on:\n got %s\nwant %s", err, want)
	}
	if got, want := carried.Words("That review", "the next review"), "That review was carried on already, to the next review: its open actions are chased there"; got != want {
		t.Fatalf("in the caller's names:\n got %s\nwant %s", got, want)
	}
	// CreateNext's refusal is the same, word for word.
	again := filepath.Join(dir, "plans", "acme-2027b.yaml")
	if _, _, cerr := CreateNext(again, f, New(f.Plan.Checklist, "Acme", "again", Date{2027, 3, 2})); cerr == nil || cerr.Error() != err.Error() {
		t.Fatalf("CreateNext refuses with %v, CheckCarryOn with %v", cerr, err)
	}

	// The next review removed: the line hands nothing on, and the words say
	// why, and to delete it, not to open a plan that is not there.
	if err := os.Remove(next); err != nil {
		t.Fatal(err)
	}
	err = CheckCarryOn(old, f.Plan)
	if !errors.As(err, &carried) || !errors.Is(err, ErrHasNextReview) || carried.Next != "" {
		t.Fatalf("next review gone: %#v", err)
	}
	want := old + ` names a next review that does not take its actions on ("acme-2027.yaml" leads to no plan: ` + next + ` is not there): if that review was removed on purpose, delete its next_review line, then carry it on again`
	if err.Error() != want {
		t.Fatalf("next review gone:\n got %s\nwant %s", err, want)
	}
	// Without the reason, which names files: for a projector.
	quiet := *carried
	quiet.Why = nil
	if got := quiet.Words("That review", ""); strings.Contains(got, ".yaml") || !strings.HasPrefix(got, "That review names a next review that does not take its actions on: ") {
		t.Fatalf("without the reason: %s", got)
	}
}

// A plan's path and its next_review come from files in pull requests: the
// words show their control characters as pictures, whoever names them.
func TestCheckCarryOnWordsAreTerminalSafe(t *testing.T) {
	err := &CarriedOnAlready{Path: "plans/a\x1b[2J.yaml", Next: "plans/b\x07.yaml"}
	for _, s := range []string{err.Error(), err.Words("x\x1b]0;t\x07", "y\r")} {
		if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
			t.Fatalf("control characters in %q", s)
		}
	}
}

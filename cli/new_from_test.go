package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// The refusals a script cannot provoke (a race with another writer, a
// save that fails half way) still get plain words, which files were
// written, and exit 1.
func TestNewFromRefusalsSayWhatToDo(t *testing.T) {
	prev := &plans.File{Path: "plans/acme-2026.yaml", Plan: &plans.Plan{}}
	err := notCarried(prev, "plans/acme-2027.yaml", "Review 2027", fmt.Errorf("%s: %w", prev.Path, plans.ErrChangedOnDisk))
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitProblems || !strings.Contains(err.Error(), "plans/acme-2026.yaml changed on disk while ladder was reading it, so nothing was written: run this again") {
		t.Fatalf("changed on disk: %v", err)
	}

	c, _ := checklist.Builtin(checklist.DefaultID)
	path := filepath.Join(t.TempDir(), "acme-2027.yaml")
	s, err := review.Create(review.NewPlan{Path: path, Organisation: "Acme", Title: "Review 2027", Checklist: c, Today: plans.Date{Year: 2027, Month: 9, Day: 1}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	linkErr := fmt.Errorf("%w: add the line \"next_review: acme-2027.yaml\" above the items of plans/acme-2026.yaml", plans.ErrNotLinked)
	err = carriedOn(&out, s, "plans/acme-2026.yaml", linkErr)
	if !errors.As(err, &ee) || ee.code != ExitProblems || !strings.HasPrefix(err.Error(), path+": the new plan was written, but the previous one does not name it yet: add the line") {
		t.Fatalf("not linked: %v", err)
	}
	if strings.Contains(out.String(), "now names") || strings.Contains(out.String(), "git commit") {
		t.Fatalf("said the old plan was linked, or to commit it, when it was not:\n%s", out.String())
	}
}

// The line above the commit commands counts the files they name: two
// plans, the two with a data file (new_from.txtar makes one), or, for
// any other count, words that hold for any.
func TestCommitIntroCountsTheFiles(t *testing.T) {
	path := "plans/acme 2027.yaml"
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{"'plans/acme 2027.yaml'", "plans/acme-2026.yaml"}, "Commit both files:"},
		{[]string{"'plans/acme 2027.yaml'", "'plans/acme 2027.data.yaml'", "plans/acme-2026.yaml"}, "Commit the two plans, and the workforce data beside the new one:"},
		{[]string{"'plans/acme 2027.yaml'", "plans/notes.yaml", "plans/acme-2026.yaml"}, "To keep the review in git:"},
		{[]string{"'plans/acme 2027.yaml'"}, "To keep the review in git:"},
	} {
		commit := append([]string{"git", "commit", "-m", "'Progression review: Acme'", "--"}, tc.files...)
		if got := commitIntro(commit, path); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.files, got, tc.want)
		}
	}
}

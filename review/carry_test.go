package review_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/review"
)

// Next year's review carries on from last year's plan on its own
// checklist, even a custom one kept elsewhere in the repository: the new
// plan names the checklist file from its own folder, starts at its first
// item with last year's open actions, and says what it carried.
func TestCreateCarriesOnFromThePreviousReview(t *testing.T) {
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Skipf("git: %v %s", err, out)
	}
	for _, d := range []string{"checklists", "plans/2026", "plans/2027"} {
		os.MkdirAll(filepath.Join(repo, d), 0o755)
	}
	if err := os.WriteFile(filepath.Join(repo, "checklists", "ours.yaml"), checklisttest.YAML(4), 0o644); err != nil {
		t.Fatal(err)
	}
	prevPath := filepath.Join(repo, "plans", "2026", "acme.yaml")
	prev := checklisttest.FilledPlan(checklisttest.Generate(4), 1)
	prev.ChecklistRef.File = "../../checklists/ours.yaml"
	pf := writeAndOpen(t, prevPath, prev)
	open := len(pf.Plan.ActionsToChase())
	if open == 0 {
		t.Fatal("the filled plan has no open actions to carry")
	}

	s, err := review.Create(review.NewPlan{Path: filepath.Join(repo, "plans", "2027", "acme.yaml"), Organisation: "Acme", Title: "2027",
		Previous: pf, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Carried().Actions; got == 0 || got > open {
		t.Fatalf("carried %d actions of %d open", got, open)
	}
	if s.Place().Kind != review.AtItem || s.Place().Index != 0 {
		t.Fatalf("opens at %+v, not the first item", s.Place())
	}
	p := onDisk(t, s)
	if p.ChecklistRef.File != "../../checklists/ours.yaml" || p.PreviousReview != "../2026/acme.yaml" {
		t.Fatalf("checklist file %q, previous review %q", p.ChecklistRef.File, p.PreviousReview)
	}
	if len(p.ActionsToChase()) == 0 {
		t.Fatal("no open actions on the new plan")
	}
	data, _ := os.ReadFile(prevPath)
	if !strings.Contains(string(data), "\nnext_review: ../2027/acme.yaml\n") {
		t.Fatal("last year's plan does not name its next review")
	}

	// The commands that keep the plan in git commit last year's with it:
	// its next_review line is part of the change. Also when the plan is
	// opened again another day.
	again, err := review.Open(s.Path(), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for _, ss := range []*review.Session{s, again} {
		steps := ss.CommitSteps()
		add, commit := steps[len(steps)-2], steps[len(steps)-1]
		for _, words := range [][]string{add, commit} {
			if got := strings.Join(words[len(words)-2:], " "); got != filepath.ToSlash(s.Path())+" "+filepath.ToSlash(prevPath) {
				t.Errorf("%v does not name both plans", words)
			}
		}
	}
}

package review_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// A plan records the version of its checklist it was last reviewed
// against. Once the team's checklist file moves on a version, the plan
// keeps the old one while nobody reviews it (opening it, ladder fmt, a
// next review's link: no churn), and the first change a review session
// saves brings it up to date, in the one line that says it.
func TestASavedReviewRecordsTheChecklistVersionItWasReviewedAgainst(t *testing.T) {
	path, before := planOfAMovedChecklist(t)
	if !bytes.Contains(before, []byte("  version: '1'\n")) {
		t.Fatalf("the new plan does not record version 1:\n%s", before)
	}

	// The checklist moved on since the plan was written.
	f, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := plans.Encode(f.Plan); !bytes.Equal(got, before) {
		t.Errorf("a plan nobody reviewed encodes differently once its checklist moved on:\n%s", got)
	}
	f.Close()

	s, err := review.Open(path, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Checklist().Version != "2" {
		t.Fatalf("the session's checklist is version %q", s.Checklist().Version)
	}
	sn, err := s.Rate(firstItem(s), "green")
	if err != nil {
		t.Fatal(err)
	}
	s.Record(sn.Write())
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	old := strings.Split(string(before), "\n")
	for i, line := range strings.Split(string(after), "\n") {
		if i >= len(old) || line != old[i] {
			changed = append(changed, line)
		}
	}
	want := []string{"  version: '2'", "    rating: green"}
	if strings.Join(changed, "\n") != strings.Join(want, "\n") {
		t.Errorf("saving a rating changed these lines, want %q:\n%s", want, strings.Join(changed, "\n"))
	}
}

// planOfAMovedChecklist is a new plan of a team's own checklist, at
// version 1 (before: the file as written), in a repository of its own,
// and the checklist moved on to version 2 since, as a team moves it.
func planOfAMovedChecklist(t *testing.T) (path string, before []byte) {
	t.Helper()
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	data, _ := checklist.BuiltinSource(checklist.DefaultID)
	data = bytes.Replace(data, []byte("id: smc-progression\n"), []byte("id: acme-progression\n"), 1)
	file := filepath.Join(repo, "checklists", "ours.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := checklist.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(repo, "plans", "acme.yaml")
	s, err := review.Create(review.NewPlan{Path: path, Organisation: "Acme", Title: "Spring", Checklist: c, ChecklistFile: file, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err = os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte("version: \"1\"\n"), []byte("version: \"2\"\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, before
}

package plans

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
)

// A checklist.file too long for the system to look up is a path from a
// stranger's file like any other: the message quotes an excerpt of it,
// not the system's error with the whole path in it.
func TestAMessageAboutAChecklistFileQuotesOnlyAnExcerptOfIt(t *testing.T) {
	dir := gitRepo(t)
	for _, file := range []string{
		strings.Repeat("x", 3000) + ".yaml",
		"d/" + strings.Repeat("x", 300) + ".yaml",
	} {
		_, err := ChecklistFor(ChecklistRef{ID: "ours", File: file}, filepath.Join(dir, "plans"), nil, nil)
		if err == nil {
			t.Fatalf("%.50s…: no error", file)
		}
		if n := longestRun(err.Error(), 'x'); n > safetext.ExcerptLength {
			t.Errorf("%.50s…: the message quotes %d characters of checklist.file (at most %d): %.300s…", file, n, safetext.ExcerptLength, err)
		}
	}
}

// A plan made before ladder new refused it follows a copy of a built-in
// checklist that kept the built-in id: the built-in checklist given as
// --checklist (ladder review --checklist smc-progression plans/) is not
// put in place of the file the plan names, whose items may differ.
func TestABuiltinChecklistIsNotPreferredToTheFileAPlanNames(t *testing.T) {
	dir := gitRepo(t)
	data, ok := checklist.BuiltinSource(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	copied := strings.Replace(string(data), "title: Progression review and refine checklist", "title: Our copy", 1)
	if err := os.WriteFile(filepath.Join(dir, "copy.yaml"), []byte(copied), 0o644); err != nil {
		t.Fatal(err)
	}
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	c, err := ChecklistFor(ChecklistRef{ID: checklist.DefaultID, File: "../copy.yaml"}, filepath.Join(dir, "plans"), builtin, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Our copy" {
		t.Errorf("the plan of the copy got checklist %q, want the copy it names", c.Title)
	}
	if c, err := ChecklistFor(ChecklistRef{ID: checklist.DefaultID}, filepath.Join(dir, "plans"), builtin, nil); err != nil || c != builtin {
		t.Errorf("a plan of the built-in checklist got %v, %v", c, err)
	}
}

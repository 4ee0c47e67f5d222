package plans

import (
	"path/filepath"
	"strings"
	"testing"

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

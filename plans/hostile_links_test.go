package plans

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/safetext"
)

// longestRun is the longest run of c in s.
func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// A link is a value from a stranger's file: a message about it quotes at
// most an excerpt of it, including where it leads. A next_review of
// thousands of characters to nowhere (too long a name for the system, or
// a deep path), or a previous_review that leads to a plan with a long
// name that does not name it back, gives a message of a line, not one
// with the whole path in it.
func TestAMessageAboutALinkQuotesOnlyAnExcerptOfIt(t *testing.T) {
	dir := gitRepo(t)
	root := filepath.Join(dir, "plans")
	tooLong := strings.Repeat("x", 3000) + ".yaml"
	deep := strings.Repeat(strings.Repeat("x", 60)+"/", 20) + "n.yaml"
	long := strings.Repeat("x", 200) + ".yaml"
	writePlan(t, filepath.Join(root, long), blankPlan()) // names nothing back
	deepDir := filepath.Join(root, filepath.Dir(filepath.FromSlash(deep)))
	if err := os.MkdirAll(deepDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writePlan(t, filepath.Join(root, filepath.FromSlash(deep)), blankPlan())
	for _, tc := range []struct{ previous, next string }{
		{next: tooLong},
		{next: "d/" + tooLong},
		{previous: tooLong},
		{next: long},
		{previous: long},
		{next: deep},
		{previous: deep},
	} {
		p := blankPlan()
		p.PreviousReview, p.NextReview = tc.previous, tc.next
		path := filepath.Join(root, "p.yaml")
		writePlan(t, path, p)
		var errs []error
		if _, err := NextReviewOf(path, p); err != nil {
			errs = append(errs, err, CheckCarryOn(path, p))
		}
		if _, err := PreviousReviewOf(path, p); err != nil {
			errs = append(errs, err)
		}
		if len(errs) == 0 {
			t.Errorf("%.50s…: no error", tc.previous+tc.next)
		}
		for _, err := range errs {
			if n := longestRun(err.Error(), 'x'); n > safetext.ExcerptLength {
				t.Errorf("%.50s…: the message quotes %d characters of the link (at most %d): %.300s…", tc.previous+tc.next, n, safetext.ExcerptLength, err)
			}
		}
	}
}

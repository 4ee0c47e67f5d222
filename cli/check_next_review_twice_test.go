package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// A plan carried on by more reviews than two, its next_review lines all
// kept: check counts them at the first repeated key, names the first few
// (a pull request could add a thousand), and says nothing at each review.
func TestCheckCountsTheReviewsCarryingOnePlanOn(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	dir := t.TempDir()
	last := checklisttest.FilledPlan(c, 0)
	data := string(plans.Encode(last))
	var lines string
	for i := range 7 {
		name := fmt.Sprintf("review-%d.yaml", i)
		lines += "next_review: " + name + "\n"
		p := checklisttest.FilledPlan(c, uint64(i+1))
		p.PreviousReview = "last.yaml"
		if err := os.WriteFile(filepath.Join(dir, name), plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data = strings.Replace(data, "\nitems:", "\n"+lines+"items:", 1)
	if err := os.WriteFile(filepath.Join(dir, "last.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	Main([]string{"check", dir}, nil, &out, &out)
	got := out.String()
	review := func(i int) string { return filepath.Join(dir, fmt.Sprintf("review-%d.yaml", i)) }
	want := fmt.Sprintf(": 7 reviews carry this plan on, %s, %s, %s, %s and 3 more, each naming it as its previous review: keep one, and remove the others (or merge them by hand into the one kept), and keep only the next_review line that names it\n",
		review(0), review(1), review(2), review(3))
	if strings.Count(got, "carry this plan on") != 1 || !strings.Contains(got, want) || strings.Contains(got, "review-0.yaml:") || strings.Contains(got, "warning") {
		t.Errorf("check:\n%s\nwant one line at last.yaml's first repeated key ending\n%s", got, want)
	}
}

package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// A pull request's plan is untrusted, and its title is as long as its
// author likes. A plan titled with 70,000 characters was left out of the
// Markdown diff and then named, title and all, under "1 more plan
// changed": the comment was 70,334 characters, and GitHub refused it.
// Forty plans titled with 2,000 characters each did the same. The plans
// left out are named shortly, and as many as fit.
func TestDiffMarkdownLongTitlesStayWithinOneComment(t *testing.T) {
	for _, tc := range []struct {
		name          string
		plans, titled int
	}{
		{"one plan titled with 70,000 characters", 1, 70000},
		{"forty plans titled with 2,000 characters", 40, 2000},
		{"thirty plans titled with 300 characters", 30, 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changes := newRatedPlans(tc.plans)
			for i, ch := range changes {
				ch.New.Title = fmt.Sprintf("%02d ", i+1) + strings.Repeat("W", tc.titled)
			}
			md := string(DiffsMarkdown("main (1a2b3c4)", changes, nil))
			if n := utf8.RuneCountInString(md); n > 65536 {
				t.Fatalf("the Markdown diff is %d characters: GitHub refuses a comment over 65,536", n)
			}
			if !strings.Contains(md, "plans/plan-01.yaml") {
				t.Errorf("the first plan is neither shown nor named:\n%.3000s", md)
			}
			if !strings.Contains(strings.Join(strings.Fields(md), " "), "Run the same ladder diff with --format text for every change.") && strings.Count(md, "\n## ") != tc.plans {
				t.Errorf("plans are missing and the comment does not say where to read every change")
			}
		})
	}
}

// A pull request that adds hundreds of plans that do not load, with long
// names, had them all named in one paragraph before any plan: 400 names
// of 200 characters made a comment GitHub refuses.
func TestDiffMarkdownManyBrokenPlansStayWithinOneComment(t *testing.T) {
	var broken []string
	for i := range 400 {
		broken = append(broken, fmt.Sprintf("plans/%03d-%s.yaml", i, strings.Repeat("x", 190)))
	}
	md := string(DiffsMarkdown("main (1a2b3c4)", nil, broken))
	if n := utf8.RuneCountInString(md); n > 65536 {
		t.Fatalf("the Markdown diff is %d characters: GitHub refuses a comment over 65,536", n)
	}
	if !strings.Contains(md, "plans/000-") {
		t.Errorf("the first plan that does not load is not named:\n%.2000s", md)
	}
}

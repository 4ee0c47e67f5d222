package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// carriedOnTwice is a repository of year folders where two people carried
// plans/2025/acme.yaml on, on two branches, into plans/2026/acme.yaml
// (ana's, held on anaDate) and plans/2026/acme-review.yaml (cai's, held
// on caiDate), and the merge kept one of the two next_review lines, keep
// ("ours", ana's, or "theirs", cai's). The plan that lost is changed last
// on disk. It gives the repository's plans folder and the two new plans.
func carriedOnTwice(t *testing.T, anaDate, caiDate, keep string) (dir, ana, cai string) {
	t.Helper()
	g := gittest.New(t)
	dir = filepath.Join(g.Dir, "plans")
	last := filepath.Join(dir, "2025", "acme.yaml")
	ana, cai = filepath.Join(dir, "2026", "acme.yaml"), filepath.Join(dir, "2026", "acme-review.yaml")
	if code, _, errOut := ladderRun(t, "new", last, "--org", "Acme Café Ltd", "--title", "Review 2025", "--date", "2025-09-01"); code != ExitOK {
		t.Fatalf("new: %d %s", code, errOut)
	}
	open := bytes.Replace(g.Read("plans/2025/acme.yaml"), []byte("  lc-vision:\n    rating: unrated\n    action:\n    owner:\n    due:"),
		[]byte("  lc-vision:\n    rating: red\n    action: Write a one-page vision\n    owner: Ana\n    due: 2025-12-01"), 1)
	g.Commit("plans/2025/acme.yaml", open, "Review 2025")
	for _, b := range []struct{ branch, path, date string }{{"ana", ana, anaDate}, {"cai", cai, caiDate}} {
		g.Git("checkout", "-q", "-b", b.branch, "main")
		if code, _, errOut := ladderRun(t, "new", b.path, "--from", last, "--title", "Review 2026", "--date", b.date); code != ExitOK {
			t.Fatalf("new --from: %d %s", code, errOut)
		}
		g.Git("add", "plans")
		g.Git("commit", "-q", "-m", "Review 2026 by "+b.branch)
	}
	g.Git("checkout", "-q", "main")
	g.Git("merge", "-q", "ana")
	if _, err := g.Try("merge", "-q", "cai"); err == nil {
		t.Fatal("the two next_review lines merged without a conflict")
	}
	g.Git("checkout", "--"+keep, "plans/2025/acme.yaml")
	g.Git("add", "plans")
	g.Git("commit", "-q", "-m", "Merge cai, keeping one next review")
	lost := cai
	if keep == "theirs" {
		lost = ana
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(lost, later, later); err != nil {
		t.Fatal(err)
	}
	return dir, ana, cai
}

// After a merge that kept one of two next_review lines, the review git
// kept is the organisation's last review, whichever plan sorts first or
// was changed last: ladder status's "Reviews to begin", ladder new's note
// and the form and prompts (review.LastReviewOf, NextReviewFrom) all
// offer to carry that one on, never the plan whose previous review names
// the other (ladder check warns of it: keep one of the two).
func TestTheReviewGitKeptIsTheLastReview(t *testing.T) {
	for _, tc := range []struct{ name, anaDate, caiDate, keep string }{
		{"ana's kept, one date", "2026-09-01", "2026-09-01", "ours"},
		{"cai's kept, one date", "2026-09-01", "2026-09-01", "theirs"},
		{"ana's kept, cai's later", "2026-09-01", "2026-09-03", "ours"},
		{"cai's kept, ana's later", "2026-09-03", "2026-09-01", "theirs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, ana, cai := carriedOnTwice(t, tc.anaDate, tc.caiDate, tc.keep)
			kept, lost := ana, cai
			if tc.keep == "theirs" {
				kept, lost = cai, ana
			}

			_, out, errOut := ladderRun(t, "status", dir, "--today", "2027-08-20")
			if !strings.Contains(out, "--from "+kept+" ") || strings.Contains(out, "--from "+lost+" ") {
				t.Errorf("status offers to begin the next review from another plan than %s:\n%s%s", kept, out, errOut)
			}

			probe := filepath.Join(dir, "2026", "acme-2027.yaml")
			if code, _, errOut := ladderRun(t, "new", probe, "--org", "Acme Café Ltd", "--title", "Review 2027", "--date", "2027-09-01"); code != ExitOK || !strings.Contains(errOut, " --from "+kept+" ") || strings.Contains(errOut, " --from "+lost+" ") {
				t.Errorf("new's note does not offer to start again from %s (exit %d):\n%s", kept, code, errOut)
			}
			if err := os.Remove(probe); err != nil {
				t.Fatal(err)
			}

			found, err := plans.Discover(filepath.Join(dir, "2026"), nil)
			if err != nil {
				t.Fatal(err)
			}
			today := plans.Date{Year: 2027, Month: time.August, Day: 20}
			if l := review.LastReviewOf(found, "Acme Café Ltd", today); l == nil || l.Found.Path != kept {
				t.Errorf("the form's last review: %+v, want %s", l, kept)
			}
			if l := review.NextReviewFrom(found, today); l == nil || l.Found.Path != kept {
				t.Errorf("the prompts' next review from: %+v, want %s", l, kept)
			}
		})
	}
}

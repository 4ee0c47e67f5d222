package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// The speed targets for reviews in git: check and status over a folder of
// 1,000 plans in at most 300 ms, history over 200 commits in at most 2 s.
// Each benchmark runs the whole command, as a user would, minus process
// start-up. Figures and the command that reproduces them are in
// BENCHMARKS.md:
//
//	go test ./cli -run '^$' -bench 'Folder|History' -benchtime 20x

// planFolder writes n filled-in plans of the built-in checklist into a
// temporary folder, each from its own seed so that no two are alike, and
// returns the folder. edit, when not nil, may change each plan's bytes
// (the i-th of the folder's) before they are written.
func planFolder(tb testing.TB, n int, edit func(i int, data []byte) []byte) string {
	tb.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	dir := tb.TempDir()
	for i := range n {
		data := plans.Encode(checklisttest.FilledPlan(c, uint64(i)))
		if edit != nil {
			data = edit(i, data)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("plan-%04d.yaml", i)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func runLadder(b *testing.B, args ...string) {
	b.Helper()
	var stderr bytes.Buffer
	if code := Main(args, nil, io.Discard, &stderr); code != ExitOK {
		b.Fatalf("ladder %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
}

func BenchmarkFolderStatus1000(b *testing.B) {
	dir := planFolder(b, 1000, nil)
	testtool.LoopCPU(b, func() { runLadder(b, "status", dir, "--today", "2027-06-01") })
}

func BenchmarkFolderCheck1000(b *testing.B) {
	dir := planFolder(b, 1000, nil)
	testtool.LoopCPU(b, func() { runLadder(b, "check", dir) })
}

// carriedFolder writes n filled-in plans into a temporary folder, carried
// on in chains of chain plans, as ladder new --from links them: each plan
// of a chain but the last names the one after it as its next review, and
// each but the first the one before as its previous review. A chain of 2
// carries every other plan on (plangen -carried); a chain of 50 is a plan
// reviewed twice a year for 25 years.
func carriedFolder(tb testing.TB, n, chain int) string {
	tb.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	dir := tb.TempDir()
	name := func(i int) string { return fmt.Sprintf("plan-%04d.yaml", i) }
	for i := range n {
		p := checklisttest.FilledPlan(c, uint64(i))
		if i%chain != chain-1 && i+1 < n {
			p.NextReview = name(i + 1)
		}
		if i%chain != 0 {
			p.PreviousReview = name(i - 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name(i)), plans.Encode(p), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkFolderCarried1000 runs status and check over 1,000 plans
// carried on in chains: every other plan carried on (chain=2), and 20
// plans each reviewed 50 times (chain=50), where each plan's check that
// the reviews after it do not lead round to it must not re-walk its
// whole chain.
func BenchmarkFolderCarried1000(b *testing.B) {
	for _, chain := range []int{2, 50} {
		dir := carriedFolder(b, 1000, chain)
		b.Run(fmt.Sprintf("status/chain=%d", chain), func(b *testing.B) {
			testtool.LoopCPU(b, func() { runLadder(b, "status", dir, "--today", "2027-06-01") })
		})
		b.Run(fmt.Sprintf("check/chain=%d", chain), func(b *testing.B) {
			testtool.LoopCPU(b, func() { runLadder(b, "check", dir, "--overdue", "--warn-only", "--today", "2027-06-01") })
		})
	}
}

// BenchmarkFolderLoad1000 measures loading alone, as check and status
// load (inOrder), on one goroutine and on more, to show what the workers
// buy.
func BenchmarkFolderLoad1000(b *testing.B) {
	dir := planFolder(b, 1000, nil)
	files, err := plans.Find(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			testtool.LoopCPU(b, func() {
				inOrderOn(workers, len(files), func(i int) error {
					return plans.ReadFolderFile(files[i], nil).Err
				}, func(_ int, err error) {
					if err != nil {
						b.Fatal(err)
					}
				})
			})
		})
	}
}

// BenchmarkHistory200 runs history over a plan changed in 200 commits.
func BenchmarkHistory200(b *testing.B) {
	plan := historyRepo(b, 200)
	var out bytes.Buffer
	if code := Main([]string{"history", plan}, nil, &out, io.Discard); code != ExitOK || strings.Count(out.String(), "Check-in") != 200 {
		b.Fatalf("history: exit %d\n%s", code, out.String())
	}
	testtool.LoopCPU(b, func() { runLadder(b, "history", plan) })
}

// historyRepo makes a repository whose plans/acme.yaml was changed in n
// commits, each a different filled-in plan, written with one git
// fast-import so that setting up takes a moment. It returns the plan's
// path.
func historyRepo(b *testing.B, n int) string {
	b.Helper()
	repo := gittest.New(b)
	gittest.Isolate(b)
	c, _ := checklist.Builtin(checklist.DefaultID)
	var stream bytes.Buffer
	for i := range n {
		data := plans.Encode(checklisttest.FilledPlan(c, uint64(i)))
		fmt.Fprintf(&stream, "commit refs/heads/main\ncommitter Ana <ana@example.com> %d +0000\ndata <<EOM\nCheck-in %d\nEOM\n", 1800000000+i*86400, i)
		fmt.Fprintf(&stream, "M 100644 inline plans/acme.yaml\ndata %d\n", len(data))
		stream.Write(data)
		stream.WriteString("\n")
	}
	repo.FastImport(stream.Bytes())
	repo.Git("checkout", "-q", "main")
	return filepath.Join(repo.Dir, "plans", "acme.yaml")
}

// BenchmarkFolderCheckRemovedPrevious1000 runs check over 1,000 plans
// each carried on from a plan removed since (git rm, once carried on), in
// a repository: check asks git whether it still has each previous review
// (not a path typed wrong), and that must not cost git processes per plan.
// Figures are in BENCHMARKS.md:
//
//	go test ./cli -run '^$' -bench 'FolderCheckRemovedPrevious' -benchtime 10x -count 5
func BenchmarkFolderCheckRemovedPrevious1000(b *testing.B) {
	gittest.Isolate(b)
	repo := gittest.New(b)
	c, _ := checklist.Builtin(checklist.DefaultID)
	dir := filepath.Join(repo.Dir, "plans")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		p := checklisttest.FilledPlan(c, uint64(i))
		repo.Write(fmt.Sprintf("plans/old-%04d.yaml", i), plans.Encode(p))
		p.PreviousReview = fmt.Sprintf("old-%04d.yaml", i)
		repo.Write(fmt.Sprintf("plans/plan-%04d.yaml", i), plans.Encode(p))
	}
	repo.Git("add", ".")
	repo.Git("commit", "-q", "-m", "Plans and last year's")
	repo.Git("rm", "-q", "plans/old-*.yaml")
	repo.Git("commit", "-q", "-m", "Last year's removed")
	testtool.LoopCPU(b, func() { runLadder(b, "check", dir) })
}

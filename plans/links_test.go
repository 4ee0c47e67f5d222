package plans

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// One Links serves a whole folder command: whatever it remembers from one
// plan's links, it answers every other plan as NextReviewOf and
// PreviousReviewOf answer that plan alone. The folders below use the same
// names and links (p.yaml's next_review is n.yaml in each), with
// different outcomes, so that anything remembered under the link alone,
// not the plan it is read from, gives a wrong answer; the plans are asked
// about in both orders and from two goroutines at once, after loading
// them as status does (Loaded).
func TestOneLinksAnswersEveryPlanAsItWouldAlone(t *testing.T) {
	dir := gitRepo(t)
	root := filepath.Join(dir, "plans")
	type planAt struct {
		path string
		p    *Plan
	}
	var all []planAt
	write := func(rel, previous, next string) {
		t.Helper()
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		p := blankPlan()
		p.PreviousReview, p.NextReview = previous, next
		writePlan(t, path, p)
		all = append(all, planAt{path, p})
	}
	write("handed/p.yaml", "", "n.yaml") // carried on, named back
	write("handed/n.yaml", "p.yaml", "")
	write("unnamed/p.yaml", "", "n.yaml") // n does not name p back
	write("unnamed/n.yaml", "", "")
	write("ring/p.yaml", "n.yaml", "n.yaml") // p to n to p
	write("ring/n.yaml", "p.yaml", "p.yaml")
	write("gone/p.yaml", "", "n.yaml") // no n
	write("self/p.yaml", "p.yaml", "p.yaml")
	write("linked/p.yaml", "", "in/n.yaml") // in is a link to .hidden
	write("linked/.hidden/n.yaml", "../p.yaml", "")
	if err := os.Symlink(".hidden", filepath.Join(root, "linked", "in")); err != nil {
		t.Fatal(err)
	}
	for i := range 6 { // a chain: each carried on to the next
		prev, next := fmt.Sprintf("%d.yaml", i-1), fmt.Sprintf("%d.yaml", i+1)
		if i == 0 {
			prev = ""
		}
		if i == 5 {
			next = ""
		}
		write(fmt.Sprintf("chain/%d.yaml", i), prev, next)
	}
	write("chain/other.yaml", "3.yaml", "") // 3 carried on to 4, not here

	answer := func(l *Links, a planAt) string {
		next, errNext := l.NextReviewOf(a.path, a.p)
		prev, errPrev := l.PreviousReviewOf(a.path, a.p)
		return fmt.Sprintf("next %q %v, previous %q %v", next, errNext, prev, errPrev)
	}
	want := map[string]string{}
	for _, a := range all {
		want[a.path] = answer(NewLinks(), a)
	}
	// The cases are what they say they are.
	for rel, handed := range map[string]bool{"handed/p.yaml": true, "unnamed/p.yaml": false, "ring/p.yaml": false, "gone/p.yaml": false,
		"self/p.yaml": false, "linked/p.yaml": false, "chain/0.yaml": true, "chain/4.yaml": true} {
		for _, a := range all {
			if a.path == filepath.Join(root, filepath.FromSlash(rel)) {
				if _, ok := HandedOn(a.path, a.p); ok != handed {
					t.Errorf("%s: handed on %v, want %v", rel, ok, handed)
				}
			}
		}
	}

	shared := NewLinks()
	for _, a := range all {
		loaded, err := LoadFile(a.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		shared.Loaded(a.path, loaded)
	}
	backwards := slices.Clone(all)
	slices.Reverse(backwards)
	var wg sync.WaitGroup
	for _, order := range [][]planAt{all, backwards} {
		wg.Go(func() {
			for _, a := range order {
				if got := answer(shared, a); got != want[a.path] {
					t.Errorf("%s: with one Links for the folder\n%s\nalone\n%s", a.path, got, want[a.path])
				}
			}
		})
	}
	wg.Wait()
}

// Links resolves a file's folder once and the file's own name without
// following it, unless the file is itself a symbolic link: a link out of
// the repository, by the file or by a folder on its way, is refused as
// strictyaml.Inside refuses it, however often it is asked.
func TestLinksRefusesASymbolicLinkOutOfTheRepository(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	for _, d := range []string{"repo/.git", "repo/plans/2027", "outside"} {
		if err := os.MkdirAll(filepath.Join(top, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"repo/plans/a.yaml", "repo/plans/2027/b.yaml", "outside/x.yaml"} {
		if err := os.WriteFile(filepath.Join(top, f), []byte("schema: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, to := range map[string]string{
		"repo/plans/out.yaml": "../../outside/x.yaml", // a file linking out
		"repo/plans/outdir":   "../../outside",        // a folder linking out
		"repo/plans/in.yaml":  "2027/b.yaml",          // a link inside
		"repo/plans/indir":    "2027",
	} {
		if err := os.Symlink(to, filepath.Join(top, link)); err != nil {
			t.Fatal(err)
		}
	}
	plan := filepath.Join(repo, "plans", "a.yaml")
	l := NewLinks()
	for range 2 {
		for ref, inside := range map[string]bool{
			"out.yaml": false, "outdir/x.yaml": false, "../../outside/x.yaml": false,
			"in.yaml": true, "indir/b.yaml": true, "2027/b.yaml": true, "missing.yaml": true, "2027/../a.yaml": false, // not clean: refused by its shape
		} {
			_, err := l.Link(plan, ref)
			if (err == nil) != inside {
				t.Errorf("Link(%s) = %v, want inside %v", ref, err, inside)
			}
			root, _ := strictyaml.Root(filepath.Dir(plan))
			if path.Clean(ref) == ref && strictyaml.Inside(root, filepath.Join(filepath.Dir(plan), ref)) != inside {
				t.Errorf("strictyaml.Inside disagrees on %s", ref)
			}
		}
	}
}

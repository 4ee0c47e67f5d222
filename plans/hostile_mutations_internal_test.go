package plans

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// mutations is n hand edits gone wrong, made at random (with a fixed seed)
// to the lines of base: lines dropped, doubled, swapped or indented, and
// bits of YAML syntax typed into them.
func mutations(base string, n int) []string {
	lines := strings.SplitAfter(base, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	r := rand.New(rand.NewSource(1))
	bits := []string{"\"", "'", "#", " ", "  ", ": ", "- ", "|", ">", "&a ", "*a", "!!str ", "{", "[", "\\", "done", "todo", "red", "green",
		"null", "~", "\t", "\r", "x: y", "steps:", "items:", "action: z", "status: done", "? ", ",", "%", "previous_review: z.yaml", "next_review: z.yaml", "---", "...", "\ufeff"}
	out := make([]string, 0, n)
	for range n {
		ls := append([]string(nil), lines...)
		for range 1 + r.Intn(3) {
			i := r.Intn(len(ls))
			l := ls[i]
			switch r.Intn(6) {
			case 0:
				ls = append(ls[:i], ls[i+1:]...)
			case 1:
				ls = append(ls[:i+1], ls[i:]...)
			case 2:
				p := r.Intn(len(l))
				ls[i] = l[:p] + bits[r.Intn(len(bits))] + l[p:]
			case 3:
				p := r.Intn(len(l))
				ls[i] = strings.TrimSuffix(l[:p]+l[min(len(l), p+1+r.Intn(3)):], "\n") + "\n"
			case 4:
				ls[i] = "  " + l
			case 5:
				j := r.Intn(len(ls))
				ls[i], ls[j] = ls[j], ls[i]
			}
		}
		out = append(out, strings.Join(ls, ""))
	}
	return out
}

// A next review's links are read without loading it (linksIn, through
// its head when it can), and a plan's counts for history without decoding
// it (countVersion): whatever a hand edit or a pull request does to the
// file, where the plan loads both agree with loading it. A difference
// would let a file hide a plan's actions from status and check, or show
// history counts the plan does not have.
func TestQuickReadersAgreeWithLoadingOnMangledPlans(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := blankPlan()
	p.PreviousReview, p.NextReview = "a.yaml", "c.yaml"
	linked := string(Encode(p))
	n := 3000
	if testing.Short() {
		n = 300
	}
	path := filepath.Join(t.TempDir(), "b.yaml")
	loads, counted := 0, 0
	for _, data := range append(mutations(linked, n), mutations(string(golden), n)...) {
		loaded, err := Parse(path, []byte(data), nil)
		if err != nil {
			continue
		}
		loads++
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if prev, next, _ := NewLinks().linksIn(path); prev != loaded.PreviousReview || next != loaded.NextReview {
			t.Errorf("linksIn %q %q, loaded %q %q:\n%s", prev, next, loaded.PreviousReview, loaded.NextReview, data)
		}
		_, areas, actions, ok := countVersion(path, []byte(data), nil)
		if !ok {
			continue
		}
		counted++
		want, _ := loaded.Counts()
		same := len(want) == len(areas) && actions == loaded.ActionCounts()
		for i := range want {
			same = same && want[i].Unrated == areas[i].Unrated && slices.Equal(want[i].ByLevel, areas[i].ByLevel)
		}
		if !same {
			t.Errorf("history's quick reading %+v %+v, loaded %+v %+v:\n%s", areas, actions, want, loaded.ActionCounts(), data)
		}
	}
	t.Logf("%d mangled plans load, %d read quickly", loads, counted)
}

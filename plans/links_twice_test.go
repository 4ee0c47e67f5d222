package plans

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Last year's plan as the union merge leaves it when two people carried
// it on, on two branches: both next_review lines. It does not load, so it
// takes no actions on from the review before it, whose actions are still
// chased there; each new plan is told of the other, not that last year's
// should name it; and the reviews that carry it on are named once each,
// with the line the repeated key is on.
func TestANextReviewGivenTwiceNamesTheReviewsThatCarryThePlanOn(t *testing.T) {
	dir := filepath.Join(gitRepo(t), "plans")
	write := func(name, previous string, next ...string) string {
		t.Helper()
		p := blankPlan()
		p.PreviousReview = previous
		data := string(Encode(p))
		var lines string
		for _, n := range next {
			lines += "next_review: " + n + "\n"
		}
		data = strings.Replace(data, "\nitems:", "\n"+lines+"items:", 1)
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	before := write("2025.yaml", "", "2026.yaml")
	last := write("2026.yaml", "2025.yaml", "a.yaml", "b.yaml")
	a := write("a.yaml", "2026.yaml")
	b := write("b.yaml", "2026.yaml")
	stray := write("stray.yaml", "2026.yaml") // names 2026, which names it not
	data, err := os.ReadFile(last)
	if err != nil {
		t.Fatal(err)
	}
	repeatedAt := slices.Index(strings.Split(string(data), "\n"), "next_review: b.yaml") + 1

	for _, order := range [][]string{{before, a, b, stray}, {stray, b, a, before}} {
		l := NewLinks()
		for _, path := range order {
			p, err := LoadFile(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			switch _, err := l.PreviousReviewOf(path, p); path {
			case a, b:
				if !errors.Is(err, ErrNextReviewGivenTwice) || !errors.Is(err, ErrLinkDoesNotLoad) || errors.Is(err, ErrCarriedOnTwice) {
					t.Errorf("%s: %v", path, err)
				}
				other := "b.yaml"
				if path == b {
					other = "a.yaml"
				}
				if !strings.Contains(err.Error(), "naming this plan and "+filepath.Join(dir, other)+", which carries it on too") {
					t.Errorf("%s: %v", path, err)
				}
			case stray:
				if !errors.Is(err, ErrLinkDoesNotLoad) || errors.Is(err, ErrNextReviewGivenTwice) {
					t.Errorf("%s: %v", path, err)
				}
			case before:
				if next, err := l.NextReviewOf(path, p); next != "" || !errors.Is(err, ErrLinkDoesNotLoad) {
					t.Errorf("2025 hands its actions on to %q (%v)", next, err)
				}
			}
		}
		line, reviews := l.CarriedOnTwice(last)
		if want := []string{a, b}; line != repeatedAt || !slices.Equal(reviews, want) {
			t.Errorf("CarriedOnTwice: line %d, %q; want line %d, %q", line, reviews, repeatedAt, want)
		}
	}

	// Two lines naming one review, or one leading to no plan, is the
	// repeated key alone.
	for _, next := range [][]string{{"a.yaml", "a.yaml"}, {"a.yaml", "gone.yaml"}, {"a.yaml"}} {
		last := write("2026.yaml", "2025.yaml", next...)
		l := NewLinks()
		if line, reviews := l.CarriedOnTwice(last); reviews != nil {
			t.Errorf("%q: line %d, %q", next, line, reviews)
		}
		p, err := LoadFile(a, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.PreviousReviewOf(a, p); errors.Is(err, ErrNextReviewGivenTwice) {
			t.Errorf("%q: %v", next, err)
		}
	}
}

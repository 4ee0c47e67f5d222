package plans

import (
	"fmt"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// TestDidYouMeanIsBoundedOnHostileFiles: a "did you mean" compares the
// word it could not place with every word it could have been, letter by
// letter. A plan and a custom checklist from a pull request can make that
// millions of pairs of 63-letter ids (3000 unknown items against a
// checklist of 5000 took ladder check over two minutes on CI). The
// hints of one file share a budget of letter comparisons; past it a
// mistake is still reported, at its place, without the suggestion.
func TestDidYouMeanIsBoundedOnHostileFiles(t *testing.T) {
	var cl strings.Builder
	cl.WriteString("id: big\ntitle: Big\nversion: '1'\nscale:\n")
	for i := range checklist.MaxLevels { // as many as a scale may have
		fmt.Fprintf(&cl, "  - key: level-%03d-%s\n", i, strings.Repeat("k", 50))
	}
	cl.WriteString("areas:\n  - id: a\n    title: A\n    items:\n")
	for i := range 1000 {
		fmt.Fprintf(&cl, "      - id: item-%05d-%s\n        title: T\n", i, strings.Repeat("x", 52))
	}
	c, err := checklist.Parse("big.yaml", []byte(cl.String()))
	if err != nil {
		t.Fatal(err)
	}
	var plan strings.Builder
	plan.WriteString("schema: 1\nchecklist:\n  id: big\n  version: '1'\norganisation: A\ntitle: T\ndate: 2027-01-15\nitems:\n")
	for i := range 300 {
		fmt.Fprintf(&plan, "  none-%05d-%s:\n    rating: red\n", i, strings.Repeat("q", 52))
		fmt.Fprintf(&plan, "  item-%05d-%s:\n    rating: level-%03d-%s\n", i, strings.Repeat("x", 52), i, strings.Repeat("z", 50))
	}
	levenshteinCells.Store(0)
	_, err = Parse("hostile.yaml", []byte(plan.String()), func(ChecklistRef, string) (*checklist.Checklist, error) { return c, nil })
	fe, ok := err.(*FileError)
	if !ok || len(fe.Problems) != 600 {
		t.Fatalf("want 600 problems, got %v", err)
	}
	// Nor is a message made long by what the file made long.
	for _, p := range fe.Problems {
		if len(p.Message) > 1000 {
			t.Errorf("a message of %d bytes: %.200s…", len(p.Message), p.Message)
			break
		}
	}
	if n := levenshteinCells.Load(); n > hintBudget {
		t.Errorf("the hints compared %d letter pairs, over the budget of %d", n, hintBudget)
	}
	// A plan of the usual size still gets every hint.
	levenshteinCells.Store(0)
	p := "schema: 1\nchecklist:\n  id: smc-progression\n  version: '1'\norganisation: A\ntitle: T\ndate: 2027-01-15\nitems:\n" +
		"  lc-vison:\n    rating: red\n  lc-leadership:\n    rating: Red\n  lc-culture:\n    rating: yelow\n    status: dnoe\n"
	_, err = Parse("typos.yaml", []byte(p), nil)
	for _, want := range []string{`did you mean "lc-vision"?`, `did you mean "red"? ratings are lower case`, `did you mean "amber"?`, `did you mean "done"?`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("a plan with typos: %v\nwant %s", err, want)
		}
	}
}

// TestMistypedKeysSayWhichWasMeant: a key typed by hand with a capital
// ("Owner", as a word processor starts a line) or a letter off ("ower",
// "stauts") says the key it most likely is, as a mistyped rating does.
func TestMistypedKeysSayWhichWasMeant(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"    owner: Ana\n    due: 2027-03-31", "    Owner: Ana\n    due: 2027-03-31", `26:5: unknown key "Owner" in item lc-vision: did you mean "owner"? keys are lower case (known keys: `},
		{"    owner: Ana\n    due: 2027-03-31", "    ower: Ana\n    due: 2027-03-31", `26:5: unknown key "ower" in item lc-vision: did you mean "owner"? (known keys: `},
		{"    due: 2027-03-31\n    status: todo\n", "    due: 2027-03-31\n    stauts: todo\n", `28:5: unknown key "stauts" in item lc-vision: did you mean "status"? (known keys: `},
		{"organisation: Acme", "organization: Acme", `9:1: unknown key "organization" in the plan: did you mean "organisation"? (known keys: `},
		{"    owner: Ana\n    due: 2027-03-31", "    manager: Ana\n    due: 2027-03-31", `26:5: unknown key "manager" in item lc-vision (known keys: `},
	} {
		data := editGolden(t, tc.old, tc.new)
		_, err := Parse("plan.yaml", data, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v\nwant %s", strings.TrimSpace(tc.new), err, tc.want)
		}
	}
}

// TestFindingRenamedItemsIsBoundedOnHostileFiles: an item a checklist
// file of one's own no longer has is looked for under the title ladder
// wrote above it, among the checklist's items the plan lacks. A plan
// from a pull request with thousands of unknown items, each with a
// comment above it, against a checklist file of thousands made every
// checklist title again for each unknown item: 19,000 items against
// 12,000 held ladder check for 44 seconds. The titles are made once per
// file; a renamed item is still found by its title.
func TestFindingRenamedItemsIsBoundedOnHostileFiles(t *testing.T) {
	var cl strings.Builder
	cl.WriteString("id: big\ntitle: Big\nversion: '1'\nscale:\n  - key: red\n    label: Red\n  - key: green\n    label: Green\n")
	cl.WriteString("areas:\n  - id: a\n    title: A\n    items:\n")
	const items = 1000
	for i := range items {
		fmt.Fprintf(&cl, "      - id: item-%05d\n        title: Title %d\n", i, i)
	}
	c, err := checklist.Parse("big.yaml", []byte(cl.String()))
	if err != nil {
		t.Fatal(err)
	}
	var plan strings.Builder
	plan.WriteString("schema: 1\nchecklist:\n  id: big\n  version: '1'\n  file: big.yaml\norganisation: A\ntitle: T\ndate: 2027-01-15\nitems:\n")
	plan.WriteString("  # Title 7\n  old-seven:\n    rating: red\n")
	for i := range 500 {
		fmt.Fprintf(&plan, "  # not a title %d\n  none-%05d:\n    rating: red\n", i, i)
	}
	renameTitlesMade.Store(0)
	_, err = Parse("plans/hostile.yaml", []byte(plan.String()), func(ChecklistRef, string) (*checklist.Checklist, error) { return c, nil })
	fe, ok := err.(*FileError)
	if !ok || len(fe.Problems) != 501 {
		t.Fatalf("want 501 problems, got %v", err)
	}
	if !strings.Contains(fe.Problems[0].Message, `its title is now item "item-00007"'s`) {
		t.Errorf("the renamed item is not found by its title: %s", fe.Problems[0].Message)
	}
	if n := renameTitlesMade.Load(); n > items {
		t.Errorf("%d checklist titles made to find renamed items, for a checklist of %d", n, items)
	}
}

package plans

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// threeYears writes Acme's 2025 review and carries it on twice, as ladder
// new --from does, with edits between: the 2027 plan's actions and steps
// came from 2025 (twice carried), from 2026 (once), edited on the way, or
// are new. It returns the 2027 plan's path.
func threeYears(t *testing.T) string {
	t.Helper()
	dir := gitRepo(t)
	first := blankPlan()
	first.Date = Date{2025, 3, 3}
	first.Response("lc-vision").Action = "Write the vision"                 // carried twice
	first.Response("lc-culture").Action = "Ask staff"                       // carried, then edited in 2027
	first.Response("lc-leadership").Action = "Brief the board"              // done in 2025: not carried
	first.Response("lc-leadership").Status = StatusDone                     //
	first.Response("en-data-collect").Action = "Count by grade"             // carried, edited in 2026, then again
	pp := first.Answer(first.ProjectPlanID())                               //
	pp.Steps = append(pp.Steps, Step{ID: 11111, Text: "Book the room"})     // carried twice
	pp.Steps = append(pp.Steps, Step{ID: 22222, Text: "Print the posters"}) // edited in 2027
	f := writeAndOpen(t, filepath.Join(dir, "plans", "acme-2025.yaml"), first)

	second := carryOnTo(t, f, filepath.Join(dir, "plans", "acme-2026.yaml"), Date{2026, 3, 2})
	second.Plan.Response("en-data-collect").Action = "Count staff by grade"
	second.Plan.Response("lc-leadership").Action = "Brief the new board" // set after 2025's was done
	second.Plan.Response("en-data-share").Action = "Advertise widely"    // new in 2026
	saveFile(t, second)

	third := carryOnTo(t, second, filepath.Join(dir, "plans", "acme-2027.yaml"), Date{2027, 3, 1})
	p := third.Plan
	p.Response("lc-culture").Action = "Ask staff about background"
	p.Response("en-data-collect").Action = "Count staff by grade and site"
	p.Response("lc-vision").Status = StatusDone                        // carried, then done: still carried
	p.Response("wf-interventions").Action = "Open the graduate scheme" // new in 2027
	steps := p.Answer(p.ProjectPlanID())
	for i := range steps.Steps {
		if steps.Steps[i].ID == 22222 {
			steps.Steps[i].Text = "Print and hang the posters"
		}
	}
	steps.Steps = append(steps.Steps, Step{ID: 33333, Text: "Thank the team"})
	saveFile(t, third)
	return third.Path
}

func writeAndOpen(t *testing.T, path string, p *Plan) *File {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	f, err := Create(path, p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func carryOnTo(t *testing.T, prev *File, path string, date Date) *File {
	t.Helper()
	f, _, err := CreateNext(path, prev, New(prev.Plan.Checklist, "Acme", "Review", date))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func saveFile(t *testing.T, f *File) {
	t.Helper()
	if _, err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// The chain is read from the plan's previous_review back, newest first,
// and says of each action and step how many reviews in a row had it, the
// date of the first, and whether its words changed on the way.
func TestEarlierReviewsAndWhatCameDownThem(t *testing.T) {
	path := threeYears(t)
	p, err := LoadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	chain, cut, err := EarlierReviews(path, p)
	if cut {
		t.Error("a chain of two reviews called cut")
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(chain) != 2 || chain[0].Ref != "acme-2026.yaml" || chain[0].Plan.Date != (Date{2026, 3, 2}) ||
		chain[1].Ref != "acme-2025.yaml" || chain[1].Plan.Date != (Date{2025, 3, 3}) {
		t.Fatalf("chain %+v", chain)
	}
	for _, tc := range []struct {
		item string
		want CarriedSince
	}{
		{"lc-vision", CarriedSince{Reviews: 2, Since: Date{2025, 3, 3}}},
		{"lc-culture", CarriedSince{Reviews: 2, Since: Date{2025, 3, 3}, Edited: true}},
		{"en-data-collect", CarriedSince{Reviews: 2, Since: Date{2025, 3, 3}, Edited: true}},
		{"lc-leadership", CarriedSince{Reviews: 1, Since: Date{2026, 3, 2}}}, // 2025's, in other words, was done: this one is 2026's
		{"en-data-share", CarriedSince{Reviews: 1, Since: Date{2026, 3, 2}}},
		{"wf-interventions", CarriedSince{}},
		{"lc-educate-leaders", CarriedSince{}}, // no action at all
	} {
		if got := ActionCarried(chain, tc.item, p.Items[tc.item].Action); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.item, got, tc.want)
		}
	}
	want := map[int]CarriedSince{
		11111: {Reviews: 2, Since: Date{2025, 3, 3}},
		22222: {Reviews: 2, Since: Date{2025, 3, 3}, Edited: true},
		33333: {},
	}
	for _, s := range p.Answer(p.ProjectPlanID()).Steps {
		if got := StepCarried(chain, p.ProjectPlanID(), s); got != want[s.ID] {
			t.Errorf("step %d: %+v, want %+v", s.ID, got, want[s.ID])
		}
	}
	// Read from the 2026 plan, 2025 is the whole chain.
	mid, _ := LoadFile(chain[0].Path, nil)
	if c, _, err := EarlierReviews(chain[0].Path, mid); err != nil || len(c) != 1 {
		t.Fatalf("from 2026: %+v, %v", c, err)
	}
}

// A plan that names no previous review has no chain; one whose link leads
// nowhere or out of the repository says why, and reads nothing; a break
// further back, or a ring, only ends the chain there.
func TestEarlierReviewsStopWhereALinkFails(t *testing.T) {
	path := threeYears(t)
	p, _ := LoadFile(path, nil)
	if c, _, err := EarlierReviews(path, blankPlan()); err != nil || c != nil {
		t.Fatalf("no previous review: %+v, %v", c, err)
	}
	for _, ref := range []string{"acme-2024.yaml", "../../outside.yaml", "acme-2027.yaml"} {
		q := p.Clone()
		q.PreviousReview = ref
		if c, _, err := EarlierReviews(path, q); err == nil || c != nil {
			t.Errorf("previous_review %s: %+v, %v", ref, c, err)
		}
	}
	// A file that is not a plan: its problems would quote it (a secret,
	// say), so the error only says it does not load.
	dir := filepath.Dir(path)
	if err := os.WriteFile(filepath.Join(dir, "secrets.yaml"), []byte("token: SECRET-1234\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	q := p.Clone()
	q.PreviousReview = "secrets.yaml"
	if c, _, err := EarlierReviews(path, q); err == nil || c != nil || strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "does not load as a plan") {
		t.Errorf("previous_review to a file of secrets: %+v, %v", c, err)
	}
	// 2025 gone: 2026 is still read.
	if err := os.Rename(filepath.Join(dir, "acme-2025.yaml"), filepath.Join(dir, "old.yaml.bak")); err != nil {
		t.Fatal(err)
	}
	if c, _, err := EarlierReviews(path, p); err != nil || len(c) != 1 {
		t.Fatalf("2025 gone: %+v, %v", c, err)
	}
	// 2026 names 2027 as its previous review: a ring, read round once.
	mid, _ := LoadFile(filepath.Join(dir, "acme-2026.yaml"), nil)
	mid.PreviousReview = "acme-2027.yaml"
	if err := os.WriteFile(filepath.Join(dir, "acme-2026.yaml"), Encode(mid), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _, err := EarlierReviews(path, p); err != nil || len(c) != 1 {
		t.Fatalf("a ring: %+v, %v", c, err)
	}
}

// PreviousReview reads the plan a previous_review names only by the one
// rule, and says which part of it failed without quoting the file: the
// link stays in the repository, is not the plan itself, leads to a plan
// that loads, on the same checklist. A loader given is the one used.
func TestPreviousReviewSaysWhichRuleFailed(t *testing.T) {
	path := threeYears(t)
	dir := filepath.Dir(path)
	p, _ := LoadFile(path, nil)
	if err := os.WriteFile(filepath.Join(dir, "secrets.yaml"), []byte("token: SECRET-1234\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin("smc-building-blocks")
	writeAndOpen(t, filepath.Join(dir, "other.yaml"), New(c, "Acme", "Review", Date{2026, 3, 2}))
	for ref, want := range map[string]string{
		"../../outside.yaml": "outside the repository",
		"acme-2027.yaml":     "names this plan itself",
		"acme-2024.yaml":     "leads to no plan",
		"secrets.yaml":       "does not load as a plan",
		"other.yaml":         "on another checklist",
	} {
		q := p.Clone()
		q.PreviousReview = ref
		prev, prevPath, err := PreviousReview(path, q, nil)
		if err == nil || prev != nil || prevPath != "" || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "SECRET") {
			t.Errorf("previous_review %s: %v, %q, %v; want an error saying %q", ref, prev != nil, prevPath, err, want)
		}
	}
	if prev, prevPath, err := PreviousReview(path, blankPlan(), nil); prev != nil || prevPath != "" || err != nil {
		t.Errorf("no previous review: %v, %q, %v", prev != nil, prevPath, err)
	}
	prev, prevPath, err := PreviousReview(path, p, nil)
	if err != nil || prev.Date != (Date{2026, 3, 2}) || filepath.Base(prevPath) != "acme-2026.yaml" {
		t.Fatalf("last year's: %+v, %q, %v", prev, prevPath, err)
	}
	var asked []string
	mine := prev.Clone()
	got, _, err := PreviousReview(path, p, func(target string) (*Plan, error) {
		asked = append(asked, filepath.Base(target))
		return mine, nil
	})
	if err != nil || got != mine || len(asked) != 1 || asked[0] != "acme-2026.yaml" {
		t.Fatalf("with a loader: %v, asked %v", err, asked)
	}
}

// A chain longer than MaxEarlierReviews (a pull request can link a
// hundred large plans one to the next) is read only that far back, and
// says it was cut there; what came all the way down it is marked as
// carried on since the oldest review read. A chain of just that many is
// read whole, and not called cut.
func TestEarlierReviewsStopAfterMaxEarlierReviews(t *testing.T) {
	dir := gitRepo(t)
	first := blankPlan()
	first.Date = Date{2000, 3, 1}
	first.Response("lc-vision").Action = "Write the vision"
	f := writeAndOpen(t, filepath.Join(dir, "plans", "acme-2000.yaml"), first)
	paths := []string{f.Path}
	for y := 2001; y <= 2000+MaxEarlierReviews+3; y++ {
		f = carryOnTo(t, f, filepath.Join(dir, "plans", fmt.Sprintf("acme-%d.yaml", y)), Date{y, 3, 1})
		paths = append(paths, f.Path)
	}
	last, exact := len(paths)-1, MaxEarlierReviews
	for _, tc := range []struct {
		at      int
		want    int
		wantCut bool
	}{
		{last, MaxEarlierReviews, true},
		{exact + 1, MaxEarlierReviews, true},
		{exact, MaxEarlierReviews, false}, // 2020's: 2019 back to 2000, the last naming none
		{exact - 1, MaxEarlierReviews - 1, false},
	} {
		p, err := LoadFile(paths[tc.at], nil)
		if err != nil {
			t.Fatal(err)
		}
		chain, cut, err := EarlierReviews(paths[tc.at], p)
		if err != nil || len(chain) != tc.want || cut != tc.wantCut {
			t.Fatalf("from %s: %d reviews read, cut %v, %v; want %d, cut %v", filepath.Base(paths[tc.at]), len(chain), cut, err, tc.want, tc.wantCut)
		}
		oldest := Date{2000 + tc.at - tc.want, 3, 1}
		if got := chain[len(chain)-1].Plan.Date; got != oldest {
			t.Errorf("from %s: the oldest read is of %s, want %s", filepath.Base(paths[tc.at]), got, oldest)
		}
		want := CarriedSince{Reviews: tc.want, Since: oldest}
		if got := ActionCarried(chain, "lc-vision", "Write the vision"); got != want {
			t.Errorf("from %s: the action came down %+v, want %+v", filepath.Base(paths[tc.at]), got, want)
		}
	}
}

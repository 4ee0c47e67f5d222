package plans

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Acme Café Ltd":           "acme-cafe-ltd",
		"../../etc/passwd":        "etc-passwd",
		"  Spring   review 2027 ": "spring-review-2027",
		"株式会社 テスト":                "株式会社-テスト",
		"🚀🚀":                      "plan",
		"":                        "plan",
		"O'Neil & Sons":           "o-neil-sons",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Slug(strings.Repeat("é", 200)); len(got) > 80 || !strings.HasPrefix(got, "eee") {
		t.Errorf("long slug = %q", got)
	}
}

func TestPathForStaysInDirAndAvoidsClashes(t *testing.T) {
	dir := t.TempDir()
	p1 := PathFor(dir, "../../x", "/etc", Date{2027, 1, 2})
	if filepath.Dir(p1) != dir || filepath.Base(p1) != "2027-01-02-x-etc.yaml" {
		t.Fatalf("PathFor = %q", p1)
	}
	os.WriteFile(p1, []byte("x"), 0o644)
	if p2 := PathFor(dir, "../../x", "/etc", Date{2027, 1, 2}); filepath.Base(p2) != "2027-01-02-x-etc-2.yaml" {
		t.Errorf("second PathFor = %q", p2)
	}
}

func TestDiscoverNewestFirstWithErrors(t *testing.T) {
	dir := t.TempDir()
	c, _ := checklist.Builtin(checklist.DefaultID)
	old := filepath.Join(dir, "old.yaml")
	newer := filepath.Join(dir, "new.yml")
	if _, err := Create(old, New(c, "Old", "T", Date{2026, 1, 1})); err != nil {
		t.Fatal(err)
	}
	p := New(c, "New", "T", Date{2027, 1, 1})
	p.Items["lc-vision"].Rating = "red"
	if _, err := Create(newer, p); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("schema: [\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".plan.yaml.123.tmp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(filepath.Join(dir, "broken.yaml"), past.Add(-time.Hour), past.Add(-time.Hour))

	found, err := Discover(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range found {
		names = append(names, filepath.Base(f.Path))
	}
	if strings.Join(names, ",") != "new.yml,old.yaml,broken.yaml" {
		t.Fatalf("order = %v", names)
	}
	if found[0].Plan == nil || found[0].Plan.Organisation != "New" || found[2].Err == nil {
		t.Errorf("found = %+v", found)
	}
	if _, total := found[0].Plan.Counts(); total.Rated() != 1 || total.Total() != 21 {
		t.Errorf("counts = %+v", total)
	}
	if none, err := Discover(filepath.Join(dir, "missing"), nil); err != nil || len(none) != 0 {
		t.Errorf("missing dir: %v %v", none, err)
	}
}

func TestAddActionSteps(t *testing.T) {
	t.Setenv(StepIDsEnv, "counted")
	p := blankPlan()
	p.Items["lc-culture"].Action = "Later"
	p.Items["lc-culture"].Due = Date{2027, 6, 1}
	p.Items["lc-vision"].Action = "Sooner"
	p.Items["lc-vision"].Due = Date{2027, 2, 1}
	p.Items["wf-interventions"].Action = "Undated"
	if n := p.AddActionSteps(); n != 3 {
		t.Fatalf("added %d", n)
	}
	steps := p.Answer("project-plan").Steps
	if steps[0].Text != "Sooner" || steps[1].Text != "Later" || steps[2].Text != "Undated" || steps[2].ID != 3 {
		t.Errorf("steps = %+v", steps)
	}
	if n := p.AddActionSteps(); n != 0 {
		t.Errorf("second run added %d", n)
	}
	if got := p.WrittenActions(); strings.Join(got, "|") != "Sooner|Later|Undated" {
		t.Errorf("WrittenActions = %v", got)
	}
}

// A project-plan step copied from an item's action is the same thing to
// chase: lists of what to chase name it once, until the step is changed.
func TestActionsToChaseListsCopiedStepsOnce(t *testing.T) {
	p := blankPlan()
	p.Items["lc-vision"].Action = "Write the vision"
	p.Items["lc-vision"].Due = Date{2027, 2, 1}
	p.Items["lc-culture"].Action = "Ask the teams"
	p.AddActionSteps()
	if n := len(p.OpenActions()); n != 4 {
		t.Fatalf("OpenActions = %d, want 4 (2 actions and their 2 steps)", n)
	}
	if got := PlanActions("p.yaml", p); len(got) != 2 {
		t.Errorf("status would list %d actions, want 2: %+v", len(got), got)
	}
	// Once the step moves on its own, it is a thing of its own to chase.
	steps := p.Answer("project-plan").Steps
	steps[0].Due = Date{2027, 3, 1}
	if got := p.ActionsToChase(); len(got) != 3 {
		t.Errorf("after the step's due date changed: %d actions, want 3", len(got))
	}
}

// TestNamesOfCopies: the names ladder gives the files it leaves beside a
// plan (a copy saved in a conflict, a temporary file a killed save left)
// lead back to the plan, and nothing else does.
func TestNamesOfCopies(t *testing.T) {
	for _, tc := range []struct {
		name  string
		of    func(string) (string, bool)
		names map[string]string // a name, and the plan it is of ("" for none)
	}{
		{"ConflictCopyOf", ConflictCopyOf, map[string]string{
			"plans/acme.copy-1.yaml":        "plans/acme.yaml",
			"plans/acme.copy-12.yml":        "plans/acme.yml",
			"acme.copy-1.copy-2.yaml":       "acme.copy-1.yaml",
			"plans/acme.copy-0.yaml":        "",
			"plans/acme.copy-01.yaml":       "",
			"plans/acme.copy-.yaml":         "",
			"plans/acme.copy-1x.yaml":       "",
			"plans/acme.yaml":               "",
			"plans/.acme.copy-1.yaml":       "",
			"plans/acme.copy-1.txt":         "",
			"plans/a.copy-1.yaml.copy-2.md": "",
		}},
		{"leftoverOf", leftoverOf, map[string]string{
			".acme.yaml.2718281828.tmp": "acme.yaml",
			".acme.yml.1.tmp":           "acme.yml",
			".acme.yaml.tmp":            "",
			".acme.yaml.12a.tmp":        "",
			"acme.yaml.1.tmp":           "",
			".notes.txt.1.tmp":          "",
			".acme.yaml.1.tmp.bak":      "",
		}},
	} {
		for name, want := range tc.names {
			got, ok := tc.of(name)
			if got != want || ok != (want != "") {
				t.Errorf("%s(%q) = %q, %v; want %q", tc.name, name, got, ok, want)
			}
		}
	}
}

package plans

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/testtool"
)

func TestRoundTripGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("testdata/golden.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := Encode(p); !bytes.Equal(got, data) {
		t.Errorf("load then encode is not byte-identical:\n%s", testtool.FirstDifference(data, got))
	}
	// Spot-check that values survived, not just bytes.
	if r := p.Items["lc-leadership"]; r.Owner != "李雷" || r.Rating != "amber" || r.Status != StatusDoing || r.Due != (Date{2027, 2, 28}) {
		t.Errorf("lc-leadership = %+v", r)
	}
	if r := p.Items["en-data-collect"]; r.Action != "Keep the survey going\tquarterly" || r.Owner != "O'Neil" {
		t.Errorf("en-data-collect = %+v", r)
	}
	if got := p.Items["lc-vision"].Notes; got != "First line\n  indented second\nthird # not a comment\n" {
		t.Errorf("notes = %q", got)
	}
	if got := p.Items["wf-interventions"].Notes; got != " leading space\nsecond" {
		t.Errorf("notes = %q", got)
	}
	if got := p.Participants; strings.Join(got, "|") != "Ana|Björn|2027-01-01|yes" {
		t.Errorf("participants = %q", got)
	}
	if got := p.Answer("project-plan").Steps; len(got) != 1 || got[0].From != "lc-vision" || got[0].Due != (Date{2027, 3, 31}) {
		t.Errorf("steps = %+v", got)
	}
}

// blankPlan is a new plan of the built-in checklist, as ladder new makes
// it, for the tests to which its organisation, title and date do not
// matter.
func blankPlan() *Plan {
	c, _ := checklist.Builtin(checklist.DefaultID)
	return New(c, "Org", "Title", Date{2027, 1, 1})
}

func TestNewPlanIsCanonicalAndValid(t *testing.T) {
	p := blankPlan()
	data := Encode(p)
	if !bytes.HasSuffix(data, []byte("\n")) || bytes.Contains(data, []byte("\r")) {
		t.Error("plan should use LF endings and end with a newline")
	}
	q, err := Parse("new.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Encode(q), data) {
		t.Error("a new plan does not round-trip")
	}
	if n := strings.Count(string(data), "rating: unrated"); n != 21 {
		t.Errorf("new plan has %d unrated items, want 21", n)
	}
}

// validPlan is a minimal valid plan to break in the bad-input table.
const validPlan = `schema: 1
checklist:
  id: smc-progression
  version: '1'
organisation: Org
title: T
date: 2027-01-01
items:
  lc-vision:
    rating: red
    due: 2027-03-31
    status: todo
`

func TestBadInput(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	tests := []struct {
		name, yaml string
		want       string // "line:col: message fragment"
	}{
		{"unknown key", validPlan + "colour: blue\n", "13:1: unknown key \"colour\" in the plan"},
		{"unknown item key", strings.Replace(validPlan, "    status: todo", "    statuss: todo", 1), "12:5: unknown key \"statuss\" in item lc-vision"},
		{"wrong type", strings.Replace(validPlan, "title: T", "title: [T]", 1), "6:8: title should be text"},
		{"wrong type schema", strings.Replace(validPlan, "schema: 1", "schema: one", 1), "1:9: schema should be a whole number"},
		{"impossible date", strings.Replace(validPlan, "due: 2027-03-31", "due: 2027-02-30", 1), "11:10: item lc-vision due date: \"2027-02-30\" is not a real date"},
		{"not a date", strings.Replace(validPlan, "date: 2027-01-01", "date: next week", 1), "7:7: date: \"next week\" is not a date in the form YYYY-MM-DD"},
		{"a UK date, by hand", strings.Replace(validPlan, "due: 2027-03-31", "due: 31/03/2027", 1), "11:10: item lc-vision due date: \"31/03/2027\" is not a date in the form YYYY-MM-DD: write 2027-03-31"},
		{"unknown rating", strings.Replace(validPlan, "rating: red", "rating: yellow", 1), "10:13: item lc-vision rating \"yellow\" is not one of red, amber, green, unrated"},
		{"yellow", strings.Replace(validPlan, "rating: red", "rating: Yellow", 1), "10:13: item lc-vision rating \"Yellow\" is not one of red, amber, green, unrated (did you mean \"amber\"? the checklist's Yellow is written amber)"},
		{"capitalised rating", strings.Replace(validPlan, "rating: red", "rating: Green", 1), "10:13: item lc-vision rating \"Green\" is not one of red, amber, green, unrated (did you mean \"green\"? ratings are lower case)"},
		{"misspelt rating", strings.Replace(validPlan, "rating: red", "rating: gren", 1), "10:13: item lc-vision rating \"gren\" is not one of red, amber, green, unrated (did you mean \"green\"?)"},
		{"unknown status", strings.Replace(validPlan, "status: todo", "status: finished", 1), "12:13: item lc-vision status \"finished\" is not one of todo, doing, done"},
		{"unknown item", strings.Replace(validPlan, "lc-vision:", "lc-visoin:", 1), "9:3: item \"lc-visoin\" is not in checklist smc-progression (did you mean \"lc-vision\"?)"},
		{"duplicate item", validPlan + "  lc-vision:\n    rating: green\n", "13:3: duplicate key \"lc-vision\" in items (first at line 9)"},
		{"conflict markers", strings.Replace(validPlan, "    rating: red\n", "<<<<<<< HEAD\n    rating: red\n=======\n    rating: green\n>>>>>>> other\n", 1), "10:1: leftover git conflict marker"},
		{"newer schema", strings.Replace(validPlan, "schema: 1", "schema: 2", 1), "1:9: schema 2 is newer than this ladder understands (1)"},
		{"not yaml", "items: [unclosed\n  - x: y\n", "1:8: this [ is never closed: add the closing ]"},
		{"not a mapping", "- just\n- a list\n", "1:1: the plan should be a mapping"},
		{"empty", "", "1:1: file is empty"},
		{"only spaces", "  \n\n", "1:1: file is empty"},
		{"alias bomb", bomb, "1:4: anchors (&name) are not allowed here"},
		{"too big", "# " + strings.Repeat("x", 9<<20) + "\n" + validPlan, "1:1: file is"},
		{"unknown checklist", strings.Replace(validPlan, "id: smc-progression", "id: other", 1), "3:7: unknown checklist \"other\": not built in"},
		{"mistyped checklist", strings.Replace(validPlan, "id: smc-progression", "id: smc-progresion", 1), "3:7: unknown checklist \"smc-progresion\": not built in, and the plan names no checklist file (did you mean smc-progression?)"},
		{"missing schema", strings.Replace(validPlan, "schema: 1\n", "", 1), "1:1: the plan has no \"schema\""},
		{"step duplicate id", validPlan + "follow_ups:\n  project-plan:\n    steps:\n      - id: 1\n        step: A\n      - id: 1\n        step: B\n", "18:13: duplicate step id 1 (first at line 16)"},
		{"wrong answer shape", validPlan + "follow_ups:\n  decision-makers:\n    answers: [a]\n", "14:3: follow-up decision-makers is answered with answers"},
		{"step from no item", validPlan + "follow_ups:\n  project-plan:\n    steps:\n      - id: 48213\n        step: A\n        from: lc-visoin\n", "16:9: step 1 of the project plan comes from item \"lc-visoin\", which is not in checklist smc-progression (did you mean \"lc-vision\"?): change its from: to the item it comes from, or delete the from: line (the step stays)"},
		{"status in words", strings.Replace(validPlan, "status: todo", "status: in progress", 1), "12:13: item lc-vision status \"in progress\" is not one of todo, doing, done (did you mean \"doing\"?)"},
		{"status in capitals", strings.Replace(validPlan, "status: todo", "status: Done", 1), "12:13: item lc-vision status \"Done\" is not one of todo, doing, done (did you mean \"done\"? statuses are lower case)"},
		{"status mistyped", strings.Replace(validPlan, "status: todo", "status: dnoe", 1), "12:13: item lc-vision status \"dnoe\" is not one of todo, doing, done (did you mean \"done\"?)"},
		{"unknown area", validPlan + "follow_ups:\n  speak-with:\n    by_area:\n      sales: Bob\n", "16:7: area \"sales\" is not in checklist"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("plan.yaml", []byte(tc.yaml), nil)
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			fe, ok := err.(*FileError)
			if !ok {
				t.Fatalf("error is %T, want *FileError: %v", err, err)
			}
			want := "plan.yaml:" + tc.want
			if strings.HasPrefix(tc.want, "not valid") {
				want = tc.want
			}
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error:\n%v\nwant it to contain %s", err, want)
			}
			for _, p := range fe.Problems {
				if p.Line < 1 || p.Column < 1 {
					t.Errorf("problem without a position: %+v", p)
				}
			}
		})
	}
}

func TestSyntaxErrorHasLine(t *testing.T) {
	_, err := Parse("p.yaml", []byte("schema: 1\ntitle: \"unterminated\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "p.yaml:") || strings.Contains(err.Error(), "p.yaml:0") {
		t.Errorf("err = %v", err)
	}
}

func TestSaveRefusesChangesOnDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	f, err := Create(path, blankPlan())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(path, f.Plan); err == nil {
		t.Error("Create overwrote an existing file")
	}
	// Someone else edits the file.
	other, _ := Open(path, nil)
	other.Plan.Items["lc-vision"].Rating = "green"
	if _, err := other.Save(); err != nil {
		t.Fatal(err)
	}
	theirs, _ := os.ReadFile(path)
	f.Plan.Items["lc-culture"].Rating = "red"
	if _, err := f.Save(); err == nil || !strings.Contains(err.Error(), "changed on disk") {
		t.Fatalf("Save over someone else's change: err = %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, theirs) {
		t.Error("their change was overwritten")
	}
	cp, err := f.SaveCopy()
	if err != nil || !strings.HasSuffix(cp.Path, "plan.copy-1.yaml") {
		t.Fatalf("SaveCopy = %v, %v", cp, err)
	}
	// The copy carries on: saving it again writes the copy, not the original.
	cp.Plan.Items["wf-interventions"].Rating = "amber"
	if _, err := cp.Save(); err != nil {
		t.Fatal(err)
	}
	if onDisk, err := LoadFile(cp.Path, nil); err != nil || onDisk.Items["wf-interventions"].Rating != "amber" || onDisk.Items["lc-culture"].Rating != "red" {
		t.Fatalf("copy on disk: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, theirs) {
		t.Error("saving the copy touched the original")
	}
	if err := f.Reload(nil); err != nil || f.Plan.Items["lc-vision"].Rating != "green" {
		t.Fatalf("Reload: %v", err)
	}
}

func TestWriteFileAtomicKeepsModeAndSkipsSameBytes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(path, []byte("a\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	old, _ := os.Stat(path)
	if written, err := WriteFileAtomic(path, []byte("a\n"), 0o644); err != nil || written {
		t.Fatalf("same bytes: written=%v err=%v", written, err)
	}
	if now, _ := os.Stat(path); !now.ModTime().Equal(old.ModTime()) {
		t.Error("unchanged file was touched")
	}
	if _, err := WriteFileAtomic(path, []byte("b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestAllProblemsReportedInOneRun(t *testing.T) {
	bad := strings.Replace(strings.Replace(validPlan, "due: 2027-03-31", "due: 2027-02-30", 1), "rating: red", "rating: yellow", 1)
	_, err := Parse("plan.yaml", []byte(bad), nil)
	if err == nil || !strings.Contains(err.Error(), "plan.yaml:10:13: item lc-vision rating \"yellow\"") || !strings.Contains(err.Error(), "plan.yaml:11:10: item lc-vision due date") {
		t.Errorf("want both the rating and the date reported, got:\n%v", err)
	}
}

// A step id that is not a number is one mistake, said once.
func TestAStepIDThatIsNotANumberIsOneProblem(t *testing.T) {
	data := validPlan + "follow_ups:\n  project-plan:\n    steps:\n      - id: abc\n        step: A\n"
	_, err := Parse("plan.yaml", []byte(data), nil)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("loaded: %v", err)
	}
	if len(fe.Problems) != 1 || !strings.Contains(fe.Problems[0].Message, "should be a whole number") {
		t.Fatalf("problems: %v", err)
	}
}

package workforce

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

func sampleData() *Data {
	return &Data{
		Schema:    SchemaVersion,
		Collected: "2027-03-14",
		Threshold: 10,
		Target:    60,
		Benchmark: "uk-2027.benchmark.yaml",
		Grades: []Grade{
			{Name: "Team member", Headcount: 150, Counts: Counts{45, 30, 25, 4, 6}},
			{Name: "Team leader", Headcount: 40, Counts: Counts{14, 10, 10, 1, 0}},
			{Name: `Manager "M1": Café`, Counts: Counts{3, 12, 20, 0, 2}},
		},
	}
}

func TestDataFileRoundTrip(t *testing.T) {
	d := sampleData()
	data := Encode(d)
	if !bytes.Equal(data, Encode(d)) {
		t.Fatal("encoding is not deterministic")
	}
	got, err := Parse("acme.data.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !bytes.Equal(Encode(got), data) {
		t.Errorf("load and save changed the file:\n%s\nvs\n%s", Encode(got), data)
	}
	if got.Grades[2].Name != `Manager "M1": Café` || got.Target != 60 || got.Grades[0].Headcount != 150 || got.Grades[2].Headcount != 0 {
		t.Errorf("%+v", got)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "acme.data.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, golden) {
		t.Errorf("the layout changed: review it and update testdata/acme.data.yaml\n%s", data)
	}
}

func TestDataFileProblems(t *testing.T) {
	good := string(Encode(sampleData()))
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"negative count", "    working_class: 45\n", "    working_class: -3\n", `:18:20: the working_class count cannot be negative (found "-3")`},
		{"text count", "    intermediate: 30\n", "    intermediate: thirty\n", `:19:19: the intermediate count should be a whole number, found "thirty"`},
		{"fraction", "    professional: 25\n", "    professional: 2.5\n", `:20:19: the professional count should be a whole number, found "2.5"`},
		{"quoted number", "    other: 4\n", "    other: '4'\n", `:21:12: the other count should be a whole number, found "4"`},
		{"leading zero", "    working_class: 45\n", "    working_class: 010\n", `:18:20: the working_class count "010" starts with 0, which some YAML readers take for an octal number (010 is 8)`},
		{"leading zero headcount", "    headcount: 150\n", "    headcount: 0150\n", `:17:16: headcount "0150" starts with 0`},
		{"empty count", "    prefer_not_to_say: 6\n", "    prefer_not_to_say:\n", `:22:23: the prefer_not_to_say count should be a whole number`},
		{"lower threshold", "threshold: 10\n", "threshold: 5\n", `:11:12: the anonymity threshold can be raised but never lowered below 10, the guide's`},
		{"missing count", "    other: 4\n", "", `:16:5: the grade "Team member" has no other count (write other: 0 if nobody gave that answer)`},
		{"duplicate grade", "  - grade: \"Team leader\"\n", "  - grade: \"team MEMBER\"\n", `:24:12: the grade "team MEMBER" is here twice (first at line 16)`},
		{"unknown key", "    headcount: 40\n", "    headcount: 40\n    contractors: 3\n", `:26:5: unknown key "contractors" in the grade "Team leader"`},
		// A grade without a name a message can show is named by its place.
		{"unknown key, no name", "  - grade: \"Team leader\"\n    headcount: 40\n", "  - headcount: 40\n    contractors: 3\n", `:25:5: unknown key "contractors" in grade 2`},
		{"unknown key, name with a control", "  - grade: \"Team leader\"\n    headcount: 40\n", "  - grade: \"Team\\x1b[2Jleader\"\n    headcount: 40\n    contractors: 3\n", `:26:5: unknown key "contractors" in grade 2`},
		{"missing count, long name", "  - grade: \"Team leader\"\n    headcount: 40\n    working_class: 14\n", "  - grade: \"Team leader of the front-of-house and kitchen shifts\"\n    headcount: 40\n", `:24:5: the grade "Team leader of the front-of-house and ki…" has no working_class count`},
		{"bad target", "target_response_rate: 60%\n", "target_response_rate: 160%\n", `:12:23: target_response_rate should be a percentage from 1% to 100%`},
		{"bad date", "collected: 2027-03-14\n", "collected: 2027-02-30\n", `:10:12: collected should be a date as YYYY-MM-DD`},
		{"escaping benchmark", "benchmark: uk-2027.benchmark.yaml\n", "benchmark: ../../etc/x.benchmark.yaml\n", `:13:12: benchmark should be a file in this file's folder or below it (no ..)`},
		{"absolute benchmark", "benchmark: uk-2027.benchmark.yaml\n", "benchmark: /etc/passwd\n", `:13:12: benchmark should be a path from this file's folder`},
		{"newer schema", "schema: 1\n", "schema: 3\n", `:9:9: schema 3 is newer than this ladder reads (2): update ladder`},
		{"headcount under the responses", "    headcount: 150\n", "    headcount: 100\n", `:17:16: the headcount of "Team member", 100, is less than its 110 responses: a headcount counts everyone in the grade, whether they answered or not, so it cannot be less than the answers: correct the headcount or the counts`},
		{"control character in a grade", "  - grade: \"Team leader\"\n", "  - grade: \"Team\\x1b[2Jleader\"\n", `:24:12: a grade name cannot have line breaks or control characters in it`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(good, tc.old) {
				t.Fatalf("fixture has no %q", tc.old)
			}
			_, err := Parse("plans/acme.data.yaml", []byte(strings.Replace(good, tc.old, tc.new, 1)))
			var fe *strictyaml.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("want a FileError, got %v", err)
			}
			if !strings.Contains(err.Error(), "plans/acme.data.yaml"+tc.want) {
				t.Errorf("got  %v\nwant plans/acme.data.yaml%s", err, tc.want)
			}
		})
	}
}

// A headcount under a grade's responses is wrong (issue: the response rate
// showed "not known" without a word); with fewer responses than the
// threshold, the message does not give their number away.
func TestHeadcountUnderSmallResponses(t *testing.T) {
	_, err := Parse("d.yaml", []byte("schema: 1\ngrades:\n  - grade: A\n    headcount: 5\n    working_class: 3\n    intermediate: 2\n    professional: 1\n    other: 0\n    prefer_not_to_say: 1\n"))
	want := `d.yaml:4:16: the headcount of "A", 5, is less than its responses: a headcount counts everyone in the grade`
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "7") {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestDataFileNeedsGradesAndSchema(t *testing.T) {
	_, err := Parse("d.yaml", []byte("threshold: 20\n"))
	if err == nil || !strings.Contains(err.Error(), "d.yaml:1:1: the data file does not say its schema") || !strings.Contains(err.Error(), "d.yaml:1:1: the data file has no grades") {
		t.Errorf("%v", err)
	}
	d, err := Parse("d.yaml", []byte("schema: 1\nthreshold: 20\ngrades:\n  - grade: A\n    headcount:\n    working_class: 1\n    intermediate: 2\n    professional: 3\n    other: 0\n    prefer_not_to_say: 0\n"))
	if err != nil || d.Threshold != 20 || d.Total().Responses() != 6 {
		t.Errorf("%+v %v", d, err)
	}
}

func TestPathFor(t *testing.T) {
	for plan, want := range map[string]string{"plans/acme.yaml": "plans/acme.data.yaml", "x.yml": "x.data.yaml"} {
		if got := PathFor(plan); got != want {
			t.Errorf("PathFor(%q) = %q, want %q", plan, got, want)
		}
	}
}

// A data file of more grades than MaxGrades does not load: it is
// reported at the first grade too many, and nothing is protected. The
// work of protecting a table grows with about the fifth power of its
// grades: 120 grades from a pull request held data show, report and diff
// for minutes. MaxGrades grades load.
func TestDataFileOfTooManyGrades(t *testing.T) {
	file := func(n int) []byte {
		d := &Data{Schema: SchemaVersion, Threshold: 10}
		for i := range n {
			d.Grades = append(d.Grades, Grade{Name: "Band " + strings.Repeat("I", i%7) + string(rune('A'+i/7)), Counts: Counts{i % 16, (i * 7) % 16, (i * 11) % 16, 0, 0}})
		}
		return Encode(d)
	}
	if _, err := Parse("ok.data.yaml", file(MaxGrades)); err != nil {
		t.Fatalf("%d grades should load: %v", MaxGrades, err)
	}
	data := file(MaxGrades + 1)
	_, err := Parse("many.data.yaml", data)
	var fe *strictyaml.FileError
	if !errors.As(err, &fe) || len(fe.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	line := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "- grade: ") {
			line = i + 1 // the last grade's line: the 51st
		}
	}
	want := fmtLine(line, 5, "51 grades is more than ladder reads (at most 50): join grades of about the same seniority into one")
	if got := err.Error(); !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
}

func fmtLine(line, col int, msg string) string {
	return "many.data.yaml:" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": " + msg
}

// A plan renamed without its data file (git mv plans/acme.yaml
// plans/acme-2026.yaml) left its data under the old name, and ladder said
// to import the survey again, whose CSV it had said to delete. The data
// file with no plan beside it is named, with the rename that joins them;
// one with its plan, or a plan's own, is not.
func TestStrayDataFileIsNamedToARenamedPlan(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("acme-2026.yaml")
	write("acme.data.yaml")
	write("beta.yaml")
	write("beta.data.yaml")
	plan := filepath.Join(dir, "acme-2026.yaml")
	if got := Strays(dir); len(got) != 1 || filepath.Base(got[0]) != "acme.data.yaml" {
		t.Errorf("strays %v, want acme.data.yaml alone", got)
	}
	want := "has no plan beside it: if it holds this plan's data (a plan renamed without it), rename it to go with the plan: git mv " +
		filepath.Join(dir, "acme.data.yaml") + " " + filepath.Join(dir, "acme-2026.data.yaml")
	if got := StrayNote(plan); !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant …%s…", got, want)
	}
	write("acme.yaml") // the old plan is back: its data file is its own
	if got := StrayNote(plan); got != "" {
		t.Errorf("a data file beside its plan is no stray: %s", got)
	}
}

// A folder whose name holds a pattern's characters ("2026 [draft]") is
// read as the folder it is: its stray is found, and another folder's
// (2026 d), which the name matched as a pattern, is not named to move
// into it.
func TestStraysInAFolderNamedWithBrackets(t *testing.T) {
	top := t.TempDir()
	for _, name := range []string{"2026 [draft]/acme-2027.yaml", "2026 [draft]/acme.data.yaml", "2026 d/beta.data.yaml"} {
		path := filepath.Join(top, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(top, "2026 [draft]")
	if got := Strays(dir); len(got) != 1 || got[0] != filepath.Join(dir, "acme.data.yaml") {
		t.Errorf("strays %q, want %s alone", got, filepath.Join(dir, "acme.data.yaml"))
	}
}

// A stray data file's name comes from a pull request: the note naming it,
// drawn in the review's data panel as it is, holds no control character,
// in its own words or in the git mv to paste (where ESC [2J cleared the
// screen).
func TestStrayNoteIsSafeToPrint(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"acme-2027.yaml", "acme\x1b[2J.data.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	note := StrayNote(filepath.Join(dir, "acme-2027.yaml"))
	if note == "" || strings.ContainsFunc(note, unicode.IsControl) {
		t.Errorf("StrayNote = %q, want the stray named with no control character", note)
	}
}

// A data file keeps the spellings an import counted as a grade, under
// schema 2; without them it is schema 1, as before, byte for byte.
func TestDataFileSameGrades(t *testing.T) {
	plain := Encode(sampleData())
	if !bytes.Contains(plain, []byte("\nschema: 1\n")) || bytes.Contains(plain, []byte("same_grades")) {
		t.Fatalf("a file with no spellings changed:\n%s", plain)
	}
	d := sampleData()
	d.SameGrades = []SameGrade{{Spelling: "Mgr", Grade: `Manager "M1": Café`}, {Spelling: "team-member", Grade: "Team member"}}
	data := Encode(d)
	if !bytes.Contains(data, []byte("\nschema: 2\n")) || !bytes.HasPrefix(data[len(plain)-len("    prefer_not_to_say: 2\n"):], []byte("    prefer_not_to_say: 2\n\n# Other spellings")) {
		t.Fatalf("spellings not written after the grades:\n%s", data)
	}
	got, err := Parse("acme.data.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !bytes.Equal(Encode(got), data) || len(got.SameGrades) != 2 || got.SameGrades[0] != d.SameGrades[0] {
		t.Errorf("load and save changed the file: %+v\n%s", got.SameGrades, Encode(got))
	}
	for name, edit := range map[string][2]string{
		"a grade itself":   {`spelling: "Mgr"`, `spelling: "team  MEMBER"`},
		"not a grade":      {`grade: "Team member"`, `grade: "Boss"`},
		"twice":            {`spelling: "team-member"`, `spelling: "MGR"`},
		"control":          {`spelling: "Mgr"`, `spelling: "M\x07gr"`},
		"no grade":         {"    grade: \"Team member\"\n", ""},
		"schema too new":   {"schema: 2", "schema: 3"},
		"not a list":       {"same_grades:\n", "same_grades: Mgr\nx:\n"},
		"spelling is list": {`spelling: "Mgr"`, `spelling: [a, b]`},
	} {
		bad := strings.Replace(string(data), edit[0], edit[1], 1)
		if bad == string(data) {
			t.Fatalf("%s: no edit", name)
		}
		if _, err := Parse("acme.data.yaml", []byte(bad)); err == nil {
			t.Errorf("%s: loaded", name)
		} else if strings.ContainsFunc(err.Error(), func(r rune) bool { return r == 7 }) {
			t.Errorf("%s: the message carries the control character: %v", name, err)
		}
	}
}

// A pull request's file with thousands of spellings is refused at the
// first one too many; as many as ladder keeps load.
func TestDataFileSameGradesBounded(t *testing.T) {
	for _, n := range []int{maxSameGrades, maxSameGrades + 1} {
		d := sampleData()
		for i := range n {
			d.SameGrades = append(d.SameGrades, SameGrade{Spelling: fmt.Sprintf("Mgr %d", i), Grade: "Team leader"})
		}
		data := string(Encode(d))
		_, err := Parse("acme.data.yaml", []byte(data))
		if n == maxSameGrades {
			if err != nil {
				t.Fatalf("%d spellings: %v", n, err)
			}
			continue
		}
		at := strings.Index(data, fmt.Sprintf(`"Mgr %d"`, maxSameGrades))
		line := strings.Count(data[:at], "\n") + 1
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("acme.data.yaml:%d:", line)) || !strings.Contains(err.Error(), "at most 200") {
			t.Errorf("%d spellings: %v", n, err)
		}
	}
}

// A file keeping spellings under schema 1 (edited by hand, or merged from
// a branch) loaded here, and an older ladder reading it said "unknown key
// same_grades" instead of to update: it is refused at the key, saying
// which schema it needs.
func TestDataFileSameGradesNeedSchema2(t *testing.T) {
	d := sampleData()
	d.SameGrades = []SameGrade{{Spelling: "Mgr", Grade: "Team leader"}}
	data := strings.Replace(string(Encode(d)), "\nschema: 2\n", "\nschema: 1\n", 1)
	_, err := Parse("acme.data.yaml", []byte(data))
	line := strings.Count(data[:strings.Index(data, "  - spelling:")], "\n") + 1
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("acme.data.yaml:%d:", line)) || !strings.Contains(err.Error(), "schema: 2 (an older ladder then says to update it)") {
		t.Fatalf("a schema-1 file keeping spellings: %v\n%s", err, data)
	}
}

// A benchmark file not yet written is named with the command that writes
// it, its path quoted as the shell reads it: "our plans/uk.benchmark.yaml"
// bare wrote a file named "our" and gave plans/uk.benchmark.yaml to the
// command as a word it does not take.
func TestMissingBenchmarkQuotesTheCommand(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "our plans", "uk.benchmark.yaml")
	_, err := LoadBenchmark(path)
	if err == nil || !strings.Contains(err.Error(), "ladder data benchmark > '"+path+"', then") {
		t.Errorf("got %v", err)
	}
}

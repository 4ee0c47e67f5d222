package plans_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// nastyStrings are values people type (or paste) that a YAML writer can get
// wrong: words YAML reads as booleans or null, things that look like
// numbers, dates and times, YAML's own punctuation, quotes and escapes,
// control and invisible characters, scripts other than Latin, and every
// awkward shape of multi-line text.
var nastyStrings = []string{
	"", " ", "  ", " leading", "trailing ", " both ",
	"yes", "no", "on", "off", "Yes", "NO", "On", "y", "n", "Y", "true", "False", "TRUE",
	"null", "Null", "NULL", "~",
	"1", "0", "-1", "+1", "1.0", "1.", ".5", "-.5", "0x1f", "0X1F", "0o17", "017", "0b101",
	"1e3", "1E-3", "1_000", "1,000", "1:30", "190:20:30", ".inf", "-.Inf", "+.INF", ".NaN", "NaN", "inf",
	"2027-01-01", "2027-1-1", "2027-01-01T09:00:00Z", "2001-12-14t21:59:43.10-05:00",
	"2001-12-14 21:59:43.10 -5", "2027-01-01 09:00", "12:30", "12:30:45",
	":", "::", "a:", "key:", "a: b", "a:b", "a :b", "http://example.com/a?b=c#d",
	"-", "--", "---", "...", "- x", "-x", "? x", "?", "?x",
	"#x", "# x", "a #b", "a#b", "a\t#b",
	"<<", "=", "!tag", "!!str", "&anchor", "*alias", "|", "|-", ">", ">-", "%YAML 1.2", "@x", "`x`",
	"[x]", "[", "]", "{x: y}", "{", "}", ",x", "x,", "a, b",
	"'single'", "\"double\"", "it's", "say \"hi\"", "mixed ' and \"", "''", "\"\"",
	"back\\slash", "\\n literally", "\\", "C:\\path\\to",
	"tab\there", "\ttab first", "trailing tab\t", "\t",
	"cr\rhere", "crlf\r\nline", "\r", "\r\n",
	"\x00nul", "\x07bell", "\x1b[31mred", "\x7fdel", "\u0085nel", "\u00a0nbsp", "nbsp\u00a0", "\u00a0",
	"\u2028ls", "line\u2028sep", "\u2029ps", "\ufeffbom", "mid\ufeffbom", "\ufffe", "\uffff", "\ufffd",
	"zero\u200bwidth", "\u200e", "\U0010ffff",
	"emoji 🚀", "👩‍👩‍👧 family", "李雷 和 韩梅梅", "日本語: テスト", "עברית RTL", "مرحبا بالعالم", "\u202eevil override",
	"multi\nline", "  leading spaces\n on lines", "line\n  indented", "trailing newline\n",
	"two trailing\n\n", "three trailing\n\n\n", "\n", "\n\n", "\nleading newline", "blank\n\ninside",
	"blanks\n\n\ninside\n", "  \nspaces-only first line", "a\n   \nb", "a\n\t\nb", "a\n\tb", "a\nb\t",
	"# looks like a comment\nsecond", "- list\n- like", "key: value\nother: value", "|\nblock",
	"x\n...\n---\ny", "a\r\nb", "a\n\u2028b", "end with space \nnext", "  two\n  lines indented\n",
	"last line only spaces\n  ", "'quoted'\n\"lines\"", "\\ back\nslash \\",
	strings.Repeat("long line with words ", 200),
	strings.Repeat("x", 5000),
	strings.Repeat("a line of a long note\n", 100), // in every field: a 230 kB plan, under strictyaml.MaxFileSize
}

// planWith puts s into every text field of a plan.
func planWith(c *checklist.Checklist, s string) *plans.Plan {
	p := plans.New(c, s, s, plans.Date{Year: 2027, Month: 1, Day: 15})
	p.ChecklistRef.Version = s
	p.ChecklistRef.File = s
	p.Facilitator = s
	p.Participants = []string{s, "after " + s, s}
	for _, e := range c.Items() {
		r := p.Response(e.Item.ID)
		r.Action, r.Owner, r.Notes = s, s, s
	}
	p.Answer("quick-wins").List = []string{s, s}
	p.Answer("speak-with").ByArea = map[string]string{}
	for _, a := range c.Areas {
		p.Answer("speak-with").ByArea[a.ID] = s
	}
	p.Answer("decision-makers").Text = s
	p.Answer("project-plan").Steps = []plans.Step{
		{ID: 1, Text: s, Owner: s, Status: plans.StatusTodo, From: c.Items()[0].Item.ID},
		{ID: 2, Text: s, Owner: s, Status: plans.StatusDone},
	}
	return p
}

// textFields lists every text value of a plan, named, in a fixed order.
func textFields(p *plans.Plan) [][2]string {
	out := [][2]string{
		{"checklist version", p.ChecklistRef.Version},
		{"checklist file", p.ChecklistRef.File},
		{"organisation", p.Organisation},
		{"title", p.Title},
		{"facilitator", p.Facilitator},
	}
	for i, s := range p.Participants {
		out = append(out, [2]string{"participant " + strconv.Itoa(i+1), s})
	}
	for _, e := range p.Checklist.Items() {
		r := p.Response(e.Item.ID)
		out = append(out, [2]string{e.Item.ID + " action", r.Action}, [2]string{e.Item.ID + " owner", r.Owner}, [2]string{e.Item.ID + " notes", r.Notes})
	}
	for i, s := range p.Answer("quick-wins").List {
		out = append(out, [2]string{"quick win " + strconv.Itoa(i+1), s})
	}
	for _, a := range p.Checklist.Areas {
		out = append(out, [2]string{"speak-with " + a.ID, p.Answer("speak-with").ByArea[a.ID]})
	}
	out = append(out, [2]string{"decision-makers", p.Answer("decision-makers").Text})
	for _, s := range p.Answer("project-plan").Steps {
		out = append(out, [2]string{"step " + strconv.Itoa(s.ID), s.Text}, [2]string{"step owner " + strconv.Itoa(s.ID), s.Owner})
	}
	return out
}

// checkScalarRoundTrip encodes a plan holding s everywhere, loads it back and
// checks every field came back exactly, and that encoding again gives the
// same bytes.
func checkScalarRoundTrip(t *testing.T, c *checklist.Checklist, s string) []byte {
	t.Helper()
	p := planWith(c, s)
	data := plans.Encode(p)
	q, err := plans.Parse("scalar.yaml", data, plans.WithChecklist(c))
	if err != nil {
		t.Fatalf("value %q: the encoded plan does not load:\n%v\n%s", s, err, data)
	}
	want, got := textFields(p), textFields(q)
	if len(want) != len(got) {
		t.Fatalf("value %q: %d text fields came back, want %d", s, len(got), len(want))
	}
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("value %q: %s came back as %q", s, want[i][0], got[i][1])
		}
	}
	if again := plans.Encode(q); !bytes.Equal(again, data) {
		t.Errorf("value %q: encoding the loaded plan gives different bytes:\n%s", s, testtool.FirstDifference(data, again))
	}
	return data
}

func TestScalarRoundTrip(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	for _, s := range nastyStrings {
		checkScalarRoundTrip(t, c, s)
	}
}

func FuzzScalarRoundTrip(f *testing.F) {
	for _, s := range nastyStrings {
		f.Add(s)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// Plans hold text; invalid UTF-8 cannot be typed into one.
			t.Skip()
		}
		checkScalarRoundTrip(t, c, s)
	})
}

// pyyamlScript loads each plan file named on the command line with PyYAML,
// with its pure-Python loader and (when built) its libyaml one, and prints
// the text fields as JSON. PyYAML implements YAML 1.1, whose implicit types
// (yes/no/on/off booleans, sexagesimal numbers, timestamps) are the usual
// traps for a hand-written encoder.
const pyyamlScript = `
import datetime, json, sys, yaml
loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if getattr(yaml, "__with_libyaml__", False) else [])
out = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    for loader in loaders:
        doc = yaml.load(data, Loader=loader)
        fu = doc["follow_ups"]
        item_id, item = next(iter(doc["items"].items()))
        step = fu["project-plan"]["steps"][0]
        values = {
            "organisation": doc["organisation"],
            "title": doc["title"],
            "facilitator": doc["facilitator"],
            "participant 1": doc["participants"][0],
            "item action": item["action"],
            "item owner": item["owner"],
            "item notes": item["notes"],
            "quick win 1": fu["quick-wins"]["answers"][0],
            "decision-makers": fu["decision-makers"]["answer"],
            "step 1": step["step"],
        }
        for area, answer in fu["speak-with"]["by_area"].items():
            values["speak-with " + area] = answer
        types = {
            "schema": type(doc["schema"]).__name__,
            "date": type(doc["date"]).__name__,
            "step id": type(step["id"]).__name__,
        }
        bad = {k: repr(v) for k, v in values.items() if v is not None and not isinstance(v, str)}
        values = {k: v if isinstance(v, str) else "" for k, v in values.items()}
        out.append({"path": path, "loader": loader.__name__, "values": values, "types": types, "not_text": bad})
json.dump(out, sys.stdout)
`

// TestOtherParsersReadPlans checks that another tool's YAML parser (PyYAML,
// YAML 1.1) reads every nasty value back as the same text, and dates and
// numbers as dates and numbers.
func TestOtherParsersReadPlans(t *testing.T) {
	t.Parallel()
	python := testtool.PythonWithYAML(t)
	// A small checklist (three items, one per area, and the five follow-up
	// kinds) keeps the files small and the pure-Python parser quick.
	c := checklisttest.Generate(3)
	dir := t.TempDir()
	var paths []string
	want := map[string]string{}
	for i, s := range nastyStrings {
		path := filepath.Join(dir, "plan-"+strconv.Itoa(i)+".yaml")
		if err := os.WriteFile(path, plans.Encode(planWith(c, s)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		want[path] = s
	}
	cmd := exec.Command(python, append([]string{"-c", pyyamlScript}, paths...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("PyYAML could not load the plans: %v\n%s", err, stderr.String())
	}
	var results []struct {
		Path    string
		Loader  string
		Values  map[string]string
		Types   map[string]string
		NotText map[string]string `json:"not_text"`
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatal(err)
	}
	if len(results) < len(paths) {
		t.Fatalf("PyYAML read %d plans, want %d", len(results), len(paths))
	}
	wantTypes := map[string]string{"schema": "int", "date": "date", "step id": "int"}
	for _, r := range results {
		s := want[r.Path]
		var wrong []string
		for name, v := range r.NotText {
			wrong = append(wrong, name+" as "+v)
		}
		for name, v := range r.Values {
			if _, notText := r.NotText[name]; !notText && v != s {
				wrong = append(wrong, fmt.Sprintf("%s as %q", name, v))
			}
		}
		if len(wrong) > 0 {
			slices.Sort(wrong)
			t.Errorf("%s: value %q is read back as something else: %s", r.Loader, s, strings.Join(wrong, "; "))
		}
		for k, v := range wantTypes {
			if r.Types[k] != v {
				t.Errorf("%s: value %q: %s is read as %s, want %s", r.Loader, s, k, r.Types[k], v)
			}
		}
	}
}

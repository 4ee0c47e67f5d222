package plans_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
	"go.yaml.in/yaml/v3"
)

// awkwardChecklist has ids every YAML reader takes for something other than
// text when they are written bare (booleans to YAML 1.1, numbers, a date,
// null), and titles with control characters, which a plan repeats in its
// comments. validID allows all of these ids.
const awkwardChecklist = `id: awkward
title: "Our \e]0;pwned\a review"
version: "1"
source: "Made up\x00 for a test"
scale:
  - key: 'no'
  - key: 'yes'
areas:
  - id: 'on'
    title: "An area\x7f with DEL"
    items:
      - {id: 'no', title: "NUL\x00 in a title"}
      - {id: '123', title: "NEL\x85 and\u2028 LS"}
      - {id: 'y', title: "BOM\uFEFF inside"}
  - id: '1'
    title: Numbers
    items:
      - {id: 'null', title: The null one}
      - {id: 0x1f, title: Hex}
      - {id: 1e3, title: Float}
      - {id: '010', title: Octal}
      - {id: 2027-01-01, title: A date, group: "Group\x1b[2J"}
      - {id: 'true', title: True}
follow_ups:
  - {id: 'off', kind: per-area, question: "Who?\x07"}
  - {id: '42', kind: plan, question: Steps}
  - {id: 'n', kind: text, question: Text}
`

// awkwardPlan fills every item of the awkward checklist, with dates at the
// ends of what a four-digit year allows and steps numbered 1, 8 and 10.
func awkwardPlan(t *testing.T) (*checklist.Checklist, *plans.Plan) {
	t.Helper()
	c, err := checklist.Parse("awkward.yaml", []byte(awkwardChecklist))
	if err != nil {
		t.Fatal(err)
	}
	p := plans.New(c, "Acme", "Edges", plans.Date{Year: 1, Month: 1, Day: 1})
	for i, e := range c.Items() {
		r := p.Response(e.Item.ID)
		r.Rating = []string{"no", "yes"}[i%2]
		r.Action = "act on " + e.Item.ID
		r.Due = plans.Date{Year: 9999, Month: 12, Day: 31}
		r.Votes = &plans.Votes{Levels: map[string]int{"no": i, "yes": 1}, Unsure: 2}
	}
	p.Answer("off").ByArea = map[string]string{"on": "Ana", "1": "Ben"}
	p.Answer("42").Steps = []plans.Step{{ID: 1, Text: "one"}, {ID: 8, Text: "eight", From: "no"}, {ID: 10, Text: "ten", From: "123"}}
	p.Answer("n").Text = "yes"
	return c, p
}

// pyyamlKeys prints, for each plan named, the keys of its items, follow-ups,
// by_area answers and votes with the Python type PyYAML gave each, its due
// dates and its step ids.
const pyyamlKeys = `
import json, sys, yaml
loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if getattr(yaml, "__with_libyaml__", False) else [])
typed = lambda v: type(v).__name__ + ":" + str(v)
out = []
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    for loader in loaders:
        doc = yaml.load(data, Loader=loader)
        items = doc["items"]
        out.append({
            "loader": loader.__name__,
            "items": [typed(k) for k in items],
            "votes": sorted(typed(k) for it in items.values() for k in it["votes"]),
            "follow_ups": [typed(k) for k in doc["follow_ups"]],
            "by_area": [typed(k) for k in doc["follow_ups"]["off"]["by_area"]],
            "dues": sorted(set(typed(it["due"]) for it in items.values())) + [typed(doc["date"])],
            "steps": [typed(s["id"]) for s in doc["follow_ups"]["42"]["steps"]],
            "step_from": [typed(s.get("from")) for s in doc["follow_ups"]["42"]["steps"]],
        })
json.dump(out, sys.stdout)
`

// TestOtherReadersReadKeysDatesAndComments (issue 15.11): everything ladder
// writes is read back identically by ladder, yaml.v3 and PyYAML: ids that
// look like booleans, numbers or dates stay text, dates stay dates at the
// ends of the range, step ids stay the numbers they are, and control
// characters in a checklist's titles do not leave the plan unreadable.
func TestOtherReadersReadKeysDatesAndComments(t *testing.T) {
	c, p := awkwardPlan(t)
	data := plans.Encode(p)

	// ladder reads it back, to the same bytes.
	q, err := plans.Parse("awkward-plan.yaml", data, plans.WithChecklist(c))
	if err != nil {
		t.Fatalf("ladder cannot read the plan it wrote: %v\n%s", err, data)
	}
	if again := plans.Encode(q); !bytes.Equal(again, data) {
		t.Fatalf("read back and written again, the plan differs:\n%s", testtool.FirstDifference(data, again))
	}
	ids := []string{}
	for _, e := range c.Items() {
		ids = append(ids, e.Item.ID)
	}
	wantStr := func(keys []string) []string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = "str:" + k
		}
		return out
	}

	// yaml.v3: every key a string, dates timestamps, step ids ints.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	tags := map[string][]string{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				tags[path] = append(tags[path], strings.TrimPrefix(k.Tag, "!!")+":"+k.Value)
				switch k.Value {
				case "due", "date", "id":
					tags[k.Value] = append(tags[k.Value], strings.TrimPrefix(v.Tag, "!!")+":"+v.Value)
				}
				walk(v, k.Value)
			}
		}
		for _, c := range n.Content {
			if n.Kind != yaml.MappingNode {
				walk(c, path)
			}
		}
	}
	walk(doc.Content[0], "")
	for path, want := range map[string][]string{"items": wantStr(ids), "follow_ups": wantStr([]string{"off", "42", "n"}), "by_area": wantStr([]string{"on", "1"})} {
		if !slices.Equal(tags[path], want) {
			t.Errorf("yaml.v3 reads the keys of %s as %v, want %v", path, tags[path], want)
		}
	}
	for _, v := range tags["votes"] {
		if !strings.HasPrefix(v, "str:") {
			t.Errorf("yaml.v3 reads a votes key as %s", v)
		}
	}
	for _, v := range append(tags["due"][:len(ids)], tags["date"]...) {
		if !strings.HasPrefix(v, "timestamp:") {
			t.Errorf("yaml.v3 reads a date as %s", v)
		}
	}
	if got := tags["id"]; !slices.Equal(got, []string{"str:awkward", "int:1", "int:8", "int:10"}) {
		t.Errorf("yaml.v3 reads the ids as %v", got)
	}

	// PyYAML, with both of its loaders.
	python := testtool.PythonWithYAML(t)
	path := filepath.Join(t.TempDir(), "awkward-plan.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(python, "-c", pyyamlKeys, path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("PyYAML could not read the plan: %v\n%s\n%s", err, stderr.String(), data)
	}
	var results []map[string]any
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatal(err)
	}
	wantVotes := []string{}
	for range ids {
		wantVotes = append(wantVotes, "str:no", "str:unsure", "str:yes")
	}
	slices.Sort(wantVotes)
	for _, r := range results {
		for field, want := range map[string][]string{
			"items":      wantStr(ids),
			"votes":      wantVotes,
			"follow_ups": wantStr([]string{"off", "42", "n"}),
			"by_area":    wantStr([]string{"on", "1"}),
			"dues":       {"date:9999-12-31", "date:0001-01-01"},
			"steps":      {"int:1", "int:8", "int:10"},
			"step_from":  {"NoneType:None", "str:no", "str:123"},
		} {
			if got := fmt.Sprint(r[field]); got != fmt.Sprint(want) {
				t.Errorf("%s reads %s as %s, want %v", r["loader"], field, got, want)
			}
		}
	}
}

// Dates and numbers ladder cannot write so that others read them the same
// are refused when read, at their place.
func TestDatesAndNumbersOthersWouldMisread(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for old, want := range map[string]string{
		"due: 2027-03-31": `plan.yaml:27:10: item lc-vision due date: "0000-01-01" is not a real date (years start at 0001)`,
		"schema: 1":       `plan.yaml:5:9: schema "01" starts with 0, which some YAML readers take for an octal number`,
	} {
		replacement := map[string]string{"due: 2027-03-31": "due: 0000-01-01", "schema: 1": "schema: 01"}[old]
		_, err := plans.Parse("plan.yaml", bytes.Replace(golden, []byte(old), []byte(replacement), 1), nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %s", replacement, err, want)
		}
	}
	if _, err := plans.ParseDue("31/03/0000", plans.Date{Year: 2027, Month: 1, Day: 1}); err == nil {
		t.Error("ParseDue accepted the year 0")
	}
}

package plans

import (
	"os"
	"strings"
	"testing"
)

// History's quick reading of a version counts its actions as loading the
// plan does, or gives up and leaves the version to a parse, whatever the
// file holds.
func TestCountVersionActionsAgreeWithParseOnHostileEdits(t *testing.T) {
	data, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := string(data)
	edits := map[string]string{
		"quoted status":             strings.Replace(base, "    status: doing", `    status: "done"`, 1),
		"single-quoted status":      strings.Replace(base, "    status: doing", `    status: 'done'`, 1),
		"status with a comment":     strings.Replace(base, "    status: doing", "    status: done # finally", 1),
		"status as a block":         strings.Replace(base, "    status: doing", "    status: |\n      done", 1),
		"status tagged":             strings.Replace(base, "    status: doing", "    status: !!str done", 1),
		"action quoted over lines":  strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: \"Run a manager\n      workshop\"", 1),
		"action quoted over status": strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: \"Run a manager\n    status: done\n      \"", 1),
		"action as a block":         strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: >\n      Run a manager\n      workshop", 1),
		"empty quoted action":       strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: ''", 1),
		"blank action":              strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: \"  \"", 1),
		"action null":               strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: null", 1),
		"action tilde":              strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: ~", 1),
		"step status quoted":        strings.Replace(base, "        status: todo\n        # came", "        status: \"done\"\n        # came", 1),
		"step in flow style":        strings.Replace(base, "      - id: 1\n        step: Write vision", "      - {id: 1, step: Write vision, status: done}\n      - id: 9\n        step: Write vision", 1),
		"CRLF":                      strings.ReplaceAll(base, "\n", "\r\n"),
		"BOM":                       "\ufeff" + base,
		"tab after status":          strings.Replace(base, "    status: doing", "    status:\tdone", 1),
		"status key quoted":         strings.Replace(base, "    status: doing", `    "status": done`, 1),
		"duplicate status":          strings.Replace(base, "    status: doing", "    status: doing\n    status: done", 1),
		"duplicate rating":          strings.Replace(base, "    rating: amber", "    rating: amber\n    rating: green", 1),
		"duplicate step status":     strings.Replace(base, "        status: todo\n        # came", "        status: todo\n        status: done\n        # came", 1),
		"duplicate top key":         base + "schema: 1\n",
		"duplicate checklist id":    strings.Replace(base, "  id: smc-progression\n", "  id: smc-progression\n  id: smc-progression\n", 1),
		"conflict in the steps":     strings.Replace(base, "      - id: 1\n", "<<<<<<< HEAD\n      - id: 1\n=======\n>>>>>>> x\n", 1),
		"long action":               strings.Replace(base, "    action: Run a manager workshop on talking about background 🚀", "    action: "+strings.Repeat("a ", 100000), 1),
		"status trailing spaces":    strings.Replace(base, "    status: doing", "    status: done   ", 1),
		"status upper case":         strings.Replace(base, "    status: doing", "    status: Done", 1),
	}
	for name, edited := range edits {
		if edited == base {
			t.Errorf("%s: the edit did not apply", name)
			continue
		}
		_, _, got, ok := countVersion("plan.yaml", []byte(edited), nil)
		p, err := Parse("plan.yaml", []byte(edited), nil)
		switch {
		case err != nil && ok:
			t.Errorf("%s: the plan does not load, yet the quick reading counted %+v", name, got)
		case err == nil && ok && got != p.ActionCounts():
			t.Errorf("%s: quick reading %+v, Parse %+v", name, got, p.ActionCounts())
		}
	}
}

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// ladder new's note on the organisation's earlier plans reads each plan's
// organisation as YAML says it, however the file spells it: with an escape
// ("Caf\u00e9 Ltd"), an apostrophe doubled in single quotes, or folded on
// two lines. It looked for the name's first word in the raw text, and
// missed them, saying nothing of last year's open actions.
func TestNewsNoteReadsTheOrganisationAsYAMLSpellsIt(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	for _, tc := range []struct{ org, spelt string }{
		{"Café Ltd", `"Caf\u00e9 Ltd"`},
		{"Café Ltd", `"Caf\xe9 Ltd"`},
		{"Bea's Bakery", `'Bea''s Bakery'`},
		{"Acme Café Ltd", ">-\n  Acme\n  Café Ltd"},
		{"Acme Café Ltd", `"\x41cme Café Ltd"`},
	} {
		t.Run(tc.spelt, func(t *testing.T) {
			dir := t.TempDir()
			last := plans.New(c, tc.org, "Review 2026", plans.Date{Year: 2026, Month: time.September, Day: 1})
			id := c.Areas[0].Items[0].ID
			last.Items[id].Rating, last.Items[id].Action, last.Items[id].Status = "red", "Write a one-page vision", "todo"
			data := plans.Encode(last)
			line := []byte("organisation: " + tc.org + "\n")
			if !bytes.Contains(data, line) {
				data = bytes.Replace(data, []byte("organisation: '"+strings.ReplaceAll(tc.org, "'", "''")+"'\n"), line, 1)
			}
			data = bytes.Replace(data, line, []byte("organisation: "+tc.spelt+"\n"), 1)
			lastPath := filepath.Join(dir, "last-2026.yaml")
			if err := os.WriteFile(lastPath, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if p, err := plans.LoadFile(lastPath, nil); err != nil || p.Organisation != tc.org {
				t.Fatalf("the plan does not load as %q: %v\n%s", tc.org, err, data)
			}
			var stdout, stderr bytes.Buffer
			if err := runNew(&stdout, &stderr, filepath.Join(dir, "next-2027.yaml"), newOptions{org: tc.org, title: "Review 2027", checklist: checklist.DefaultID, date: "2027-09-01"}); err != nil {
				t.Fatal(err)
			}
			if said := stderr.String(); !strings.Contains(said, "has 1 other plan here already") || !strings.Contains(said, "--from "+plans.CommandPath(lastPath)+" ") {
				t.Errorf("new's note misses %s:\n%s", lastPath, said)
			}
		})
	}
}

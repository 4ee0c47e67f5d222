package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// status and check remember what they learn of the links between reviews
// (plans.Links) for one run only: run again in the same process, as tests
// and a long-lived caller do, after the next review stopped naming its
// previous one, each sees the plans as they are now.
func TestFolderCommandsFollowLinksAfreshEachRun(t *testing.T) {
	dir := carriedFolder(t, 2, 2) // plan-0000 carried on to plan-0001
	run := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		Main(args, nil, &out, &out)
		return out.String()
	}
	status := func() string { return run("status", dir, "--today", "2027-06-01") }
	check := func() string { return run("check", dir) }
	const notNamed = "does not name this plan as its previous review"
	if got := status(); !strings.Contains(got, "plan-0000.yaml: carried on to") {
		t.Fatalf("status, carried on:\n%s", got)
	}
	if got := check(); strings.Contains(got, notNamed) {
		t.Fatalf("check, carried on:\n%s", got)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	if err := os.WriteFile(filepath.Join(dir, "plan-0001.yaml"), plans.Encode(checklisttest.FilledPlan(c, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := status(); strings.Contains(got, "carried on to") || !strings.Contains(got, notNamed) {
		t.Errorf("status, after the next review's previous_review went:\n%s", got)
	}
	if got := check(); !strings.Contains(got, notNamed) {
		t.Errorf("check, after the next review's previous_review went:\n%s", got)
	}
}

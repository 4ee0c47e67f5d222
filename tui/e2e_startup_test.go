//go:build unix

package tui_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadPlanReportedBeforeTheScreens guards the one read of the plan on
// the way to the first frame: in a terminal, ladder review no longer loads
// the plan before starting the screens, which open it themselves, so a
// plan with problems must still be reported, with its line and column,
// before anything is drawn, and the file left as it was.
func TestBadPlanReportedBeforeTheScreens(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	golden, err := os.ReadFile(filepath.Join("..", "plans", "testdata", "golden.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(golden), "rating: red", "rating: purple", 1)
	os.MkdirAll(filepath.Join(dir, "plans"), 0o755)
	path := filepath.Join(dir, "plans", "bad.yaml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	e := e2eStart(t, dir, e2eTerm{}, "review", "plans/bad.yaml")
	e.exits(1)
	out := string(e.s.Output())
	if strings.Contains(out, "\x1b[") {
		t.Errorf("something was drawn before the problem was reported:\n%q", out)
	}
	// Without a terminal, review loads the plan before anything else, as
	// it always did; in one, it must say the same.
	cmd := exec.Command(e2eBinary(t), "review", "plans/bad.yaml")
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Run()
	want := stderr.String()
	if !strings.HasPrefix(want, `plans/bad.yaml:24:13: item lc-vision rating "purple"`) {
		t.Fatalf("without a terminal, review said %q", want)
	}
	if got := strings.ReplaceAll(out, "\r\n", "\n"); got != want {
		t.Errorf("in a terminal, review said\n%q\nwithout one\n%q", got, want)
	}
	if after, _ := os.ReadFile(path); string(after) != bad {
		t.Error("the plan file changed")
	}
}

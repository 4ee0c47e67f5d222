package tui_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/bench/ptybench"
)

// TestBadPlanReportedBeforeTheScreens guards the one read of the plan on
// the way to the first frame: in a terminal, ladder review no longer loads
// the plan before starting the screens, which open it themselves, so a
// plan with problems must still be reported, with its line and column,
// before anything is drawn, and the file left as it was.
func TestBadPlanReportedBeforeTheScreens(t *testing.T) {
	bin := e2eBinary(t)
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
	s, err := ptybench.Start(bin, ptybench.Options{Args: []string{"review", "plans/bad.yaml"}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Wait(e2eTimeout)
	if exit := (*exec.ExitError)(nil); !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if _, err := s.WaitFor("never", e2eTimeout); !errors.As(err, new(*ptybench.ExitError)) {
		t.Fatalf("waiting for the end of the output: %v", err)
	}
	out := string(s.Output())
	if strings.Contains(out, "\x1b[") {
		t.Errorf("something was drawn before the problem was reported:\n%q", out)
	}
	// Without a terminal, review loads the plan before anything else, as
	// it always did; in one, it must say the same.
	cmd := exec.Command(bin, "review", "plans/bad.yaml")
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

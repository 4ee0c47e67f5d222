package cli

import (
	"bytes"
	"strings"
	"testing"
)

// A CI machine without git cannot run the commands that read plans through
// it: that exits 2, as for a folder that is no repository or a revision
// git does not know, never 1, which says a plan has a problem.
func TestGitCommandsWithoutGitExit2(t *testing.T) {
	t.Chdir(t.TempDir())
	var out, errOut bytes.Buffer
	if code := Main([]string{"new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring"}, nil, &out, &errOut); code != ExitOK {
		t.Fatalf("new: exit %d: %s", code, errOut.String())
	}
	t.Setenv("PATH", t.TempDir()) // no git on it
	for _, args := range [][]string{
		{"check", "--changed-since", "main"},
		{"diff", "--rev", "main"},
		{"diff", "plans/acme.yaml", "--rev", "HEAD"},
		{"history", "plans/acme.yaml"},
	} {
		out.Reset()
		errOut.Reset()
		code := Main(args, nil, &out, &errOut)
		if code != ExitUsage || !strings.Contains(errOut.String(), "git is not installed") {
			t.Errorf("ladder %s: exit %d, stderr %q; want exit %d, saying git is not installed", strings.Join(args, " "), code, errOut.String(), ExitUsage)
		}
		if out.Len() > 0 {
			t.Errorf("ladder %s printed %q on standard output", strings.Join(args, " "), out.String())
		}
	}
}

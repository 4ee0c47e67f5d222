//go:build unix

package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/safetext"
)

// TestChecklistFileNamedWithEscapes: a checklist file in the repository
// is named by whoever added it in a pull request, and the name reaches
// the command line by tab completion. A checklist with a mistake in it
// was followed by "The checklist NAME has 1 mistake", the name as it
// came: an OSC in it retitled the terminal. Every line ladder prints
// about it is made safe.
func TestChecklistFileNamedWithEscapes(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "ev\x1b]0;pwned\x07il.yaml")
	if err := os.WriteFile(name, []byte("id: ours\nversion: 1\nbogus: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"new", filepath.Join(dir, "plans", "a.yaml"), "--org", "A", "--title", "T", "--checklist", name},
		{"checklists", "show", name},
	} {
		var stdout, stderr bytes.Buffer
		code := cli.Main(args, nil, &stdout, &stderr)
		if code != cli.ExitProblems {
			t.Errorf("ladder %s: exit %d, want %d", args[0], code, cli.ExitProblems)
		}
		out := stdout.String() + stderr.String()
		if !safetext.Safe(out) {
			t.Errorf("ladder %s: output acts on the terminal: %q", args[0], out)
		}
		if !strings.Contains(out, "mistake") {
			t.Errorf("ladder %s: the mistake is not said: %q", args[0], out)
		}
	}
}

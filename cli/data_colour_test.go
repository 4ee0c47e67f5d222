package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/creack/pty"
)

// data show colours its chart's groups at a terminal. Every command's
// output goes through the guard against CI-log commands (root.go), so the
// terminal is under a writer: the colours must still be asked of the
// terminal, not of the guard, which is no terminal.
func TestDataShowColoursAtATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 100})
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("NO_COLOR", "")
	os.Unsetenv("NO_COLOR")
	t.Setenv("COLORTERM", "")
	dir := t.TempDir()
	t.Chdir(dir)
	mustRun(t, "new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	data := "schema: 1\ncollected: 2027-01-10\nthreshold: 10\ntarget_response_rate: 75%\nbenchmark:\ngrades:\n" +
		"  - grade: \"Team\"\n    headcount: 80\n    working_class: 30\n    intermediate: 20\n    professional: 15\n    other: 0\n    prefer_not_to_say: 3\n" +
		"  - grade: \"Managers\"\n    headcount: 45\n    working_class: 13\n    intermediate: 12\n    professional: 15\n    other: 0\n    prefer_not_to_say: 2\n"
	if err := os.WriteFile(filepath.Join("plans", "acme.data.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}

	out := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptmx)
		out <- b
	}()
	var stderr bytes.Buffer
	code := Main([]string{"data", "show", "plans/acme.yaml"}, nil, tty, &stderr)
	tty.Close()
	got := <-out
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.Bytes())
	}
	if !bytes.Contains(got, []byte("\x1b[34m")) {
		t.Errorf("no colour in the chart at a terminal:\n%q", got)
	}
}

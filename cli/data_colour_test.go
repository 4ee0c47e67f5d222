package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/creack/pty"
)

// data show colours its chart's groups at a terminal. Every command's
// output goes through the guard against CI-log commands (root.go), so the
// terminal is under a writer: the colours must still be asked of the
// terminal, not of the guard, which is no terminal.
func TestDataShowColoursAtATerminal(t *testing.T) {
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

	code, got, stderr := atTerminal(t, 100, true, "data", "show", "plans/acme.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(got, "\x1b[34m") {
		t.Errorf("no colour in the chart at a terminal:\n%q", got)
	}
}

// What data import read is said in lines that fit the terminal, wrapped
// at spaces under their indent: an answer read as the guide's names the
// guide's answer in full, and at 60 columns the terminal broke lines
// mid-word ("(prof" and "essional)").
func TestDataImportReportFitsTheTerminal(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	mustRun(t, "new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	csv := "Grade,What was the occupation of your main household earner when you were about aged 14?\n" +
		strings.Repeat("Staff,Teacher\nStaff,Plumber\nManager,Teacher\n", 12)
	if err := os.WriteFile("survey.csv", []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, got, _ := atTerminal(t, 60, false, "data", "import", "survey.csv", "--plan", "plans/acme.yaml", "--grades", "Staff,Manager")
	got = strings.ReplaceAll(got, "\r", "")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, got)
	}
	for _, line := range strings.Split(got, "\n") {
		if n := utf8.RuneCountInString(line); n > 60 {
			t.Errorf("a line of %d columns at a terminal of 60:\n%s", n, got)
		}
	}
	for _, want := range []string{
		"  \"Teacher\" → Modern professional and traditional\n    professional occupations (professional): 24 answers\n",
		"Wrote plans/acme.data.yaml: counts only, for 2 grades.\n  survey.csv was not copied or kept: delete it when you no\n  longer need it.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want\n%s\nin\n%s", want, got)
		}
	}
}

// atTerminal runs ladder with a pseudo-terminal cols wide as its standard
// output (toStdout) or its standard error, and returns its exit status,
// what the terminal got, and what went to the other stream.
func atTerminal(t *testing.T, cols int, toStdout bool, args ...string) (int, string, string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: uint16(cols)})
	out := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptmx)
		out <- b
	}()
	var other bytes.Buffer
	stdout, stderr := io.Writer(tty), io.Writer(&other)
	if !toStdout {
		stdout, stderr = stderr, stdout
	}
	code := Main(args, nil, stdout, stderr)
	tty.Close()
	return code, string(<-out), other.String()
}

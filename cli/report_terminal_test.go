package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestReportHTMLAtATerminalSaysHowToSaveIt: ladder report --format html
// with no -o, in a terminal, fills the window with markup nobody reads
// there; after it, one line on stderr says to run it again with -o and
// a file name, to open the page in a browser (status's page likewise).
// Into a pipe or a file (ladder report ... > acme.html) nothing is said.
func TestReportHTMLAtATerminalSaysHowToSaveIt(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "new", "plans/acme spring.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "plans/acme spring.yaml", "--format", "html"}, "That is a web page: to open it in a browser, run this again with -o 'acme spring.html'\n"},
		{[]string{"status", "plans", "--format", "html"}, "That is a web page: to open it in a browser, run this again with -o chase.html\n"},
	} {
		page, stderr := runAtATerminal(t, tc.args...)
		if !bytes.Contains(page, []byte("<!DOCTYPE html>")) {
			t.Errorf("%s: the page was not written to the terminal:\n%.200q", tc.args[0], page)
		}
		if stderr != tc.want {
			t.Errorf("%s at a terminal, stderr says\n%q\nwant\n%q", tc.args[0], stderr, tc.want)
		}
	}
	for _, format := range []string{"html", "md"} {
		var piped, stderr bytes.Buffer
		if code := Main([]string{"report", "plans/acme spring.yaml", "--format", format}, nil, &piped, &stderr); code != ExitOK || stderr.Len() > 0 {
			t.Errorf("--format %s into a pipe: exit %d, stderr %q", format, code, stderr.String())
		}
		if !strings.Contains(piped.String(), "Spring") {
			t.Errorf("--format %s into a pipe wrote no report", format)
		}
	}
}

// runAtATerminal runs ladder with standard output at an 80x24
// pseudo-terminal, and returns what the terminal got and standard error.
func runAtATerminal(t *testing.T, args ...string) (out []byte, stderr string) {
	t.Helper()
	var errs bytes.Buffer
	code := ExitOK
	out = []byte(at80x24(t, func(tty *os.File) { code = Main(args, nil, tty, &errs) }))
	if code != ExitOK {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errs.Bytes())
	}
	return out, errs.String()
}

// TestReportAtAScreenReadersTerminalIsSaidInWords: with ACCESSIBLE set,
// as for the accessible review, ladder report at a terminal says the
// report in sentences (render.ReportWords), where a screen reader read
// the Markdown's table cell by cell, "black square Red" and "star star";
// --format md still writes the Markdown there.
func TestReportAtAScreenReadersTerminalIsSaidInWords(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	t.Setenv("ACCESSIBLE", "1")
	out, stderr := runAtATerminal(t, "report", "plans/acme.yaml")
	said := strings.ReplaceAll(string(out), "\r\n", "\n")
	for _, want := range []string{"Report: Spring.\n", "Date of review: 15 January 2027.\n", "All areas, 21 items: Red 0, Amber 0, Green 0, Unrated 21.\n"} {
		if !strings.Contains(said, want) {
			t.Errorf("the report at a screen reader's terminal does not say %q:\n%s", want, said)
		}
	}
	// Wrapped at the terminal's width at spaces, as status and history
	// are, not broken mid-word by the terminal ("Unra" / "ted").
	for _, l := range strings.Split(said, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("a line of %d columns at an 80-column terminal: %q", n, l)
		}
	}
	if strings.Contains(said, "| ") || strings.Contains(said, "○") || stderr != "" {
		t.Errorf("the report at a screen reader's terminal has a table or shapes, or stderr %q:\n%s", stderr, said)
	}
	if md, _ := runAtATerminal(t, "report", "plans/acme.yaml", "--format", "md"); !bytes.Contains(md, []byte("# Spring")) {
		t.Errorf("--format md at a screen reader's terminal is not Markdown:\n%s", md)
	}
}

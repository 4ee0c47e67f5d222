package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestReportHTMLAtATerminalSaysHowToSaveIt: ladder report --format html
// with no -o, in a terminal, fills the window with markup nobody reads
// there; after it, one line on stderr says to run it again with -o and
// a file name, to open the page in a browser (status's page likewise). Into a pipe or a file (ladder report ... >
// acme.html) nothing is said.
func TestReportHTMLAtATerminalSaysHowToSaveIt(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80})
	t.Chdir(t.TempDir())
	mustRun(t, "new", "plans/acme spring.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")

	out := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptmx)
		out <- b
	}()
	var stderr bytes.Buffer
	code := Main([]string{"report", "plans/acme spring.yaml", "--format", "html"}, nil, tty, &stderr)
	tty.Close()
	page := <-out
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.Bytes())
	}
	if !bytes.Contains(page, []byte("<!DOCTYPE html>")) {
		t.Errorf("the page was not written to the terminal:\n%.200q", page)
	}
	want := "That is a web page: to open it in a browser, run this again with -o 'acme spring.html'\n"
	if stderr.String() != want {
		t.Errorf("at a terminal, stderr says\n%q\nwant\n%q", stderr.String(), want)
	}

	// status's page likewise.
	ptmx2, tty2, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx2.Close()
	pty.Setsize(ptmx2, &pty.Winsize{Rows: 24, Cols: 80})
	go func() {
		b, _ := io.ReadAll(ptmx2)
		out <- b
	}()
	stderr.Reset()
	code = Main([]string{"status", "plans", "--format", "html"}, nil, tty2, &stderr)
	tty2.Close()
	page = <-out
	if code != ExitOK || !bytes.Contains(page, []byte("<!DOCTYPE html>")) {
		t.Fatalf("status: exit %d: %s", code, stderr.Bytes())
	}
	if want := "That is a web page: to open it in a browser, run this again with -o chase.html\n"; stderr.String() != want {
		t.Errorf("status at a terminal, stderr says\n%q\nwant\n%q", stderr.String(), want)
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

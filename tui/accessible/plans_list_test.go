package accessible

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/socialmobility/ladder/plans"
)

// TestEnterAtThePlansListOpensTheNewest: at the plans folder's list,
// Enter on its own asked again ("Please choose one"), where on the
// screens Enter opens the plan under the cursor, the newest; and each
// plan was read out with its full path, the folder's path said again in
// every line (in a temporary folder, some twenty syllables each). Enter
// now opens the newest, as the hint says, and each plan is named by its
// file's name in the folder, the folder said once above them. In a real
// pseudo-terminal, as a screen-reader user runs it.
func TestEnterAtThePlansListOpensTheNewest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	older, newer := filepath.Join(dir, "older.yaml"), filepath.Join(dir, "newer.yaml")
	newPlan(t, older, func(p *plans.Plan) { p.Organisation = "Older Ltd" })
	newPlan(t, newer, func(p *plans.Plan) { p.Organisation = "Newer Ltd" })
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(older, old, old); err != nil {
		t.Fatal(err)
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 200})
	done := make(chan error, 1)
	go func() {
		done <- Run(Options{Dir: dir, Today: today, In: tty, Out: tty, Interrupt: make(chan os.Signal, 1)})
	}()
	screen := newPTYScreen(t, ptmx)
	screen.waitFor("Plan: ")
	listed := screen.buf.String()
	for _, want := range []string{
		"Plans in the folder " + dir + ", newest first:\r\n1) Newer Ltd: Spring, 0 of 21 rated (newer.yaml)\r\n2) Older Ltd: Spring, 0 of 21 rated (older.yaml)\r\n",
		"Type 1, 2 or 3, or press Enter to open 1.",
	} {
		if !strings.Contains(listed, want) {
			t.Errorf("the list does not say %q:\n%s", want, listed)
		}
	}
	if strings.Count(listed, dir) != 1 {
		t.Errorf("the folder is said %d times:\n%s", strings.Count(listed, dir), listed)
	}
	ptmx.WriteString("\r")
	screen.waitFor("Rating: ")
	if !strings.Contains(screen.buf.String(), "Review of Newer Ltd: Spring.") {
		t.Fatalf("Enter did not open the newest plan:\n%s", screen.buf.String())
	}
	ptmx.WriteString("quit\r")
	screen.waitFor("To carry on where you left off")
	if err := <-done; err != nil {
		t.Fatalf("the review ended with %v\n%s", err, screen.buf.String())
	}
}

package accessible

import (
	"bufio"
	"github.com/creack/pty"
	"testing"
)

// TestALineTakenIsNoLongerWaiting: a line counted as arrived stayed
// counted until the goroutine copying it into the pipe next ran, after
// the prompts had taken it; a loaded machine could run the prompts on to
// the next question first, which then took its answer, typed after it
// and shown by the terminal, for one typed ahead and said it again. The
// count is taken down as the line is read from the pipe, on the prompts'
// own goroutine. Now nothing is counted: the line is in the terminal
// until it is read.
func TestALineTakenIsNoLongerWaiting(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	ir := interruptible(tty, nil, 0)
	in := bufio.NewReader(ir)
	for i := range 200 {
		go ptmx.WriteString("r\r")
		if _, err := in.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		if ir.waiting() {
			t.Fatalf("line %d, taken, is still said to be waiting", i+1)
		}
	}
}

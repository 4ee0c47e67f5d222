package accessible

import (
	"bufio"
	"io"
	"testing"
)

// TestALineTakenIsNoLongerWaiting: a line counted as arrived stayed
// counted until the goroutine copying it into the pipe next ran, after
// the prompts had taken it; a loaded machine could run the prompts on to
// the next question first, which then took its answer, typed after it
// and shown by the terminal, for one typed ahead and said it again. The
// count is taken down as the line is read from the pipe, on the prompts'
// own goroutine.
func TestALineTakenIsNoLongerWaiting(t *testing.T) {
	src, typed := io.Pipe()
	defer typed.Close()
	ir := interruptible(src, nil, 0)
	in := bufio.NewReader(ir)
	for i := range 200 {
		go typed.Write([]byte("r\n"))
		if _, err := in.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		if ir.waiting() {
			t.Fatalf("line %d, taken, is still said to be waiting", i+1)
		}
	}
}

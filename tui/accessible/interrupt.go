package accessible

import (
	"errors"
	"io"
	"os"
)

// errInterrupted is what a question gets when ctrl+c was pressed while it
// waited for an answer.
var errInterrupted = errors.New("interrupted")

// interruptible reads in through a pipe that a signal on interrupt closes
// with errInterrupted, so that the question waiting for a line ends and
// the review can say what was saved (every answer is saved as it is
// given, on the review's own goroutine, so no save is cut short).
func interruptible(in io.Reader, interrupt <-chan os.Signal) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, in)
		pw.CloseWithError(err)
	}()
	go func() {
		if _, ok := <-interrupt; ok {
			pw.CloseWithError(errInterrupted)
		}
	}()
	return pr
}

package accessible

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"syscall"
	"time"
)

// Interrupted is Run's error when a signal ended the review: ctrl+c
// (SIGINT), the terminal closing (SIGHUP) or a request to stop (SIGTERM,
// from kill, a logout or a shutdown). Every answer given before it is
// saved; Run has said so, where the output is still open. The command
// exits with 128 + the signal's number, as programs do.
type Interrupted struct{ Signal os.Signal }

func (e *Interrupted) Error() string { return "interrupted by " + e.Signal.String() }

// Is makes every Interrupted an ErrInterrupted.
func (e *Interrupted) Is(target error) bool { return target == ErrInterrupted }

// ExitCode is the conventional exit status for the signal: 130 for
// SIGINT, 129 for SIGHUP, 143 for SIGTERM.
func (e *Interrupted) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// said is how the review's last words name what ended it.
func (e *Interrupted) said() string {
	switch e.Signal {
	case os.Interrupt:
		return "Interrupted (ctrl+c)."
	case syscall.SIGHUP:
		return "The terminal closed (SIGHUP)."
	case syscall.SIGTERM:
		return "Asked to stop (SIGTERM)."
	}
	return fmt.Sprintf("Stopped by %s.", e.Signal)
}

// hangupGrace is how long an input that ends at a terminal waits for the
// signal that may have ended it: when a terminal closes, reading from it
// ends at much the same moment as SIGHUP arrives, and the review must say
// it was the hangup (and exit 129), not that the person typed ctrl+d.
const hangupGrace = 250 * time.Millisecond

// interruptible reads in through a pipe that a signal on interrupt closes
// with an *Interrupted, so that the question waiting for a line ends and
// the review can say what was saved (every answer is saved as it is
// given, on the review's own goroutine, so no save is cut short). When in
// ends, the pipe ends with it; after grace, when in is a terminal, so
// that a hangup is told apart from ctrl+d.
func interruptible(in io.Reader, interrupt <-chan os.Signal, grace time.Duration) *interruptReader {
	pr, pw := io.Pipe()
	ir := &interruptReader{PipeReader: pr}
	if f, ok := in.(*os.File); ok {
		ir.terminal = f
	}
	ended := make(chan error, 1)
	go func() {
		_, err := io.Copy(inFlightWriter{pw, &ir.inFlight}, in)
		ended <- err
	}()
	go func() {
		select {
		case sig, ok := <-interrupt:
			if ok {
				pw.CloseWithError(&Interrupted{Signal: sig})
			}
		case err := <-ended:
			if grace > 0 {
				select {
				case sig, ok := <-interrupt:
					if ok {
						pw.CloseWithError(&Interrupted{Signal: sig})
						return
					}
				case <-time.After(grace):
				}
			}
			pw.CloseWithError(err)
		}
	}()
	return ir
}

// interruptReader is what interruptible reads: the pipe, and how many
// bytes read from in are on their way through it.
type interruptReader struct {
	*io.PipeReader
	inFlight atomic.Int64
	terminal *os.File // in, asked what it holds not yet read
}

// Read takes bytes from the pipe and off the count, on the reader's own
// goroutine: taken down by the writer once its write returned, the count
// could still hold a line the prompts had already answered, when the
// next question asked it.
func (r *interruptReader) Read(b []byte) (int, error) {
	n, err := r.PipeReader.Read(b)
	r.inFlight.Add(-int64(n))
	return n, err
}

// waiting says input has arrived that the reader has not yet taken: a
// line typed or pasted before the question now being asked was shown.
// It is in the terminal, not yet read from it (the second line of a
// paste, while the first is answered), or on its way through the pipe:
// bytes are counted before they are written to the pipe and uncounted as
// they are read from it. The terminal is asked first, as a line moves
// from it to the pipe; only the instant between the copy's read from
// the terminal and its count is unseen. Where the terminal cannot be
// asked (not Linux), a line still in it when its prompt is shown is
// echoed by the terminal alone, as before.
func (r *interruptReader) waiting() bool {
	if r.terminal != nil && terminalQueued(r.terminal) > 0 {
		return true
	}
	return r.inFlight.Load() > 0
}

// inFlightWriter counts the bytes read from in before writing them to
// the pipe; interruptReader.Read uncounts them.
type inFlightWriter struct {
	w *io.PipeWriter
	n *atomic.Int64
}

func (w inFlightWriter) Write(b []byte) (int, error) {
	w.n.Add(int64(len(b)))
	return w.w.Write(b)
}

// errorsAsInterrupted finds the signal that ended a question, if one did.
func errorsAsInterrupted(err error) (*Interrupted, bool) {
	var in *Interrupted
	ok := errors.As(err, &in)
	return in, ok
}

package accessible

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
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

// interruptible reads in on a goroutine of its own, which a signal on
// interrupt leaves behind with an *Interrupted, so that the question
// waiting for a line ends and the review can say what was saved (every
// answer is saved as it is given, on the review's own goroutine, so no
// save is cut short). When in ends, reading ends with it; after grace,
// when in is a terminal, so that a hangup is told apart from ctrl+d.
// In is read only while a Read waits (see interruptReader.Read).
func interruptible(in io.Reader, interrupt <-chan os.Signal, grace time.Duration) *interruptReader {
	ir := &interruptReader{
		want:    make(chan int, 1),
		got:     make(chan []byte, 1),
		stopped: make(chan struct{}),
	}
	if c, ok := in.(syscall.Conn); ok {
		ir.terminal = c
	}
	ended := make(chan error, 1)
	go func() {
		for n := range ir.want {
			b := make([]byte, n)
			k, err := in.Read(b)
			if k > 0 {
				ir.got <- b[:k]
			}
			if err != nil {
				ended <- err
				return
			}
		}
	}()
	go func() {
		select {
		case sig, ok := <-interrupt:
			if ok {
				ir.stop(&Interrupted{Signal: sig})
			}
		case err := <-ended:
			if grace > 0 {
				select {
				case sig, ok := <-interrupt:
					if ok {
						ir.stop(&Interrupted{Signal: sig})
						return
					}
				case <-time.After(grace):
				}
			}
			ir.stop(cmp.Or(err, io.EOF))
		}
	}()
	return ir
}

// interruptReader is what interruptible reads: what a Read asked of in,
// until a signal or the end of in stops it.
type interruptReader struct {
	want     chan int    // a Read's room, for the goroutine reading in
	got      chan []byte // what that goroutine read
	stopped  chan struct{}
	err      error        // why, once stopped is closed
	terminal syscall.Conn // in, asked what it holds not yet read
}

func (r *interruptReader) stop(err error) {
	r.err = err
	close(r.stopped)
}

// Read takes what in has, reading it only now: nothing leaves in while
// no Read waits. Read from in ahead, a line pasted after the one being
// answered was on its way between in and the prompts, where neither saw
// it, while the prompt for it was shown (see waiting).
func (r *interruptReader) Read(b []byte) (int, error) {
	select {
	case <-r.stopped:
		return 0, r.err
	default:
	}
	if len(b) == 0 {
		return 0, nil
	}
	select {
	case r.want <- len(b):
	case <-r.stopped:
		return 0, r.err
	}
	select {
	case got := <-r.got:
		return copy(b, got), nil
	case <-r.stopped:
		// What in read meanwhile comes before why it stopped.
		select {
		case got := <-r.got:
			return copy(b, got), nil
		default:
		}
		return 0, r.err
	}
}

// waiting says input has arrived that the reader has not yet taken: a
// line typed or pasted before the question now being asked was shown.
// It is in the terminal still, as in is read only while a Read waits.
// Where the terminal cannot be asked (not Linux), a line still in it
// when its prompt is shown is echoed by the terminal alone, as before.
func (r *interruptReader) waiting() bool {
	return r.terminal != nil && terminalQueued(r.terminal) > 0
}

// errorsAsInterrupted finds the signal that ended a question, if one did.
func errorsAsInterrupted(err error) (*Interrupted, bool) {
	var in *Interrupted
	ok := errors.As(err, &in)
	return in, ok
}

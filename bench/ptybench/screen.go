package ptybench

import (
	"io"
	"time"

	"github.com/charmbracelet/x/vt"
)

// A screen is what a session's output draws, as a terminal shows it: a
// terminal emulator reads the output as far as it has been asked to.
type screen struct {
	emu     *vt.Emulator
	fed     int // how much of the output the emulator has read
	drained chan struct{}
}

func newScreen(cols, rows int) *screen {
	sc := &screen{emu: vt.NewEmulator(cols, rows), drained: make(chan struct{})}
	// The emulator answers the program's queries on a pipe that must be
	// read, or it blocks; the session answers them already.
	go func() { _, _ = io.Copy(io.Discard, sc.emu); close(sc.drained) }()
	return sc
}

// upTo reads the output up to end, and returns the screen it leaves,
// styles and all.
func (sc *screen) upTo(out []byte, end int) string {
	_, _ = sc.emu.Write(out[sc.fed:end])
	sc.fed = end
	return sc.emu.Render()
}

// close stops the emulator once nothing reads its pipe (vt v0.1.0's Close
// sets a flag that Read reads without a lock).
func (sc *screen) close() {
	_ = sc.emu.InputPipe().(io.Closer).Close()
	<-sc.drained
	sc.emu.Close()
}

// waitForChange waits for the answer to the last Write: output after which
// the screen differs from the screen at the Write, and still does once the
// program has been quiet for quiet. It returns the time from the Write to
// the first chunk of that change.
//
// Output that leaves the screen as it was is not an answer: a redraw of the
// same cells (Bubble Tea's first frame over one the program drew itself),
// or one that arrives in pieces and passes through a half-drawn screen.
// Taking it for the answer to a key lets the next key be pressed while the
// program, stalled on a loaded machine, has not yet read the first: it then
// reads both at once, and a pair that undoes itself (up, down) draws no
// frame at all.
func (s *Session) waitForChange(sc *screen, quiet, timeout time.Duration) (time.Duration, error) {
	deadline := time.Now().Add(timeout)
	s.mu.Lock()
	m := s.mark
	raw := s.raw
	s.mu.Unlock()
	before := sc.upTo(raw, m.offset)
	next, answer := m.chunk, -1 // the first chunk not read; the chunk the change began with
	for {
		if _, err := s.wait(time.Until(deadline), "change on the screen", func(_ mark, i int) bool { return i >= next }); err != nil {
			return 0, err
		}
		if err := s.Settle(quiet, time.Until(deadline)); err != nil {
			return 0, err
		}
		s.mu.Lock()
		chunks, raw := s.chunks[next:], s.raw
		s.mu.Unlock()
		for i, c := range chunks {
			switch {
			case sc.upTo(raw, c.end) == before:
				answer = -1
			case answer < 0:
				answer = next + i
			}
		}
		next += len(chunks)
		if answer >= 0 {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.chunks[answer].at.Sub(m.at), nil
		}
	}
}

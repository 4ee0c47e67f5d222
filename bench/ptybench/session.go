// Package ptybench runs terminal programs in a pseudo-terminal and measures
// what a person at the keyboard would feel: how long until the first frame
// is on the screen, and how long a key takes to change it.
//
// It reads the program's output in a goroutine and stamps every chunk with
// the time it arrived. Markers are searched in that output with the ANSI
// escape sequences stripped. Bubble Tea's renderer only sends the cells that
// changed, so a marker for a key press must be text the new frame writes
// (a new title, a new line), not text that was already on the screen; when
// in doubt, [Session.WaitForOutput] measures until the next frame arrives.
//
// Like a real terminal, a session answers the queries that programs use to
// detect the terminal (background and foreground colour, primary device
// attributes), so that a program which waits for them does not time out.
package ptybench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// Options say how to start a program in a pseudo-terminal.
type Options struct {
	Args []string // arguments after the program's name
	// Env holds extra KEY=value pairs; they win over the inherited
	// environment. TERM is xterm-256color unless Env sets it.
	Env  []string
	Dir  string // working directory; empty means the current one
	Cols int    // terminal width; 0 means 100
	Rows int    // terminal height; 0 means 30
	// Silent turns off the answers to terminal queries, to see how a
	// program behaves in a terminal that never replies.
	Silent bool
}

// A Session is one program running in a pseudo-terminal.
type Session struct {
	name       string
	cmd        *exec.Cmd
	pty        *os.File
	started    time.Time
	cols, rows int

	mu      sync.Mutex
	raw     []byte
	chunks  []chunk       // every read, in order
	changed chan struct{} // closed and replaced when output arrives or the reader stops
	eof     bool          // the reader has stopped: the program closed the terminal
	mark    mark          // where the last Start or Write left off
	answers *responder

	exited  chan struct{} // closed once the program has exited
	exitErr error         // valid once exited is closed
}

type chunk struct {
	at  time.Time
	end int // offset in raw just after this chunk
}

type mark struct {
	at     time.Time
	offset int // output before this offset does not count
	chunk  int // index of the first chunk after the mark
}

// Start runs the program at path in a new pseudo-terminal. The clock of
// the first wait starts just before the process does.
func Start(path string, opt Options) (*Session, error) {
	cols, rows := opt.Cols, opt.Rows
	if cols == 0 {
		cols = 100
	}
	if rows == 0 {
		rows = 30
	}
	cmd := exec.Command(path, opt.Args...)
	cmd.Dir = opt.Dir
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color"), opt.Env...)
	s := &Session{
		name:    path,
		cmd:     cmd,
		cols:    cols,
		rows:    rows,
		changed: make(chan struct{}),
		exited:  make(chan struct{}),
	}
	if !opt.Silent {
		s.answers = &responder{}
	}
	s.started = time.Now()
	s.mark = mark{at: s.started}
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		return nil, fmt.Errorf("start %s in a pseudo-terminal: %w", path, err)
	}
	if s.pty, err = pollable(f); err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("start %s in a pseudo-terminal: %w", path, err)
	}
	go s.read()
	go func() {
		s.exitErr = cmd.Wait()
		close(s.exited)
	}()
	return s, nil
}

// read copies the program's output into the session until the terminal
// closes (on Linux, reading the master side fails with EIO once the
// program and its children have closed the terminal).
func (s *Session) read() {
	buf := make([]byte, 64*1024)
	for {
		n, err := s.pty.Read(buf)
		at := time.Now()
		if n > 0 {
			s.mu.Lock()
			s.raw = append(s.raw, buf[:n]...)
			s.chunks = append(s.chunks, chunk{at: at, end: len(s.raw)})
			var reply string
			if s.answers != nil {
				reply = s.answers.scan(s.raw)
			}
			s.broadcastLocked()
			s.mu.Unlock()
			if reply != "" {
				_, _ = s.pty.WriteString(reply)
			}
		}
		if err != nil {
			s.mu.Lock()
			s.eof = true
			s.broadcastLocked()
			s.mu.Unlock()
			return
		}
	}
}

func (s *Session) broadcastLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Write sends bytes to the program as if typed, and starts the clock of
// the next wait: only output that arrives after this write counts.
func (s *Session) Write(b []byte) error {
	s.mu.Lock()
	s.mark = mark{at: time.Now(), offset: len(s.raw), chunk: len(s.chunks)}
	s.mu.Unlock()
	if _, err := s.pty.Write(b); err != nil {
		return fmt.Errorf("type into %s: %w", s.name, err)
	}
	return nil
}

// Press types the named keys one after the other (see [Key] for the
// names), starting the clock of the next wait at the last one.
func (s *Session) Press(keys ...string) error {
	for _, k := range keys {
		b, err := Key(k)
		if err != nil {
			return err
		}
		if err := s.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// Type sends text as typed characters (no key names), like [Session.Write].
func (s *Session) Type(text string) error { return s.Write([]byte(text)) }

// WaitFor waits until the output since the last Write (or since Start)
// contains marker once escape sequences are stripped, and returns the time
// from that Write to the arrival of the chunk that completed the marker.
// An empty marker means any visible text. If the program closes the
// terminal first, the error is an [*ExitError] holding what it showed.
func (s *Session) WaitFor(marker string, timeout time.Duration) (time.Duration, error) {
	found := func(text string) bool {
		if marker == "" {
			return strings.TrimSpace(text) != ""
		}
		return strings.Contains(text, marker)
	}
	return s.wait(timeout, fmt.Sprintf("%q", marker), func(m mark, i int) bool {
		return found(ansi.Strip(string(s.raw[m.offset:s.chunks[i].end])))
	})
}

// WaitForOutput waits for the first output after the last Write (or after
// Start) and returns how long it took: for a Bubble Tea program, the time
// until the next frame starts to arrive.
func (s *Session) WaitForOutput(timeout time.Duration) (time.Duration, error) {
	return s.wait(timeout, "any output", func(mark, int) bool { return true })
}

// wait looks at each chunk since the mark, in order, until done says the
// chunk completes what is awaited.
func (s *Session) wait(timeout time.Duration, what string, done func(m mark, i int) bool) (time.Duration, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	s.mu.Lock()
	m := s.mark
	next := m.chunk
	for {
		for ; next < len(s.chunks); next++ {
			if done(m, next) {
				at := s.chunks[next].at
				s.mu.Unlock()
				return at.Sub(m.at), nil
			}
		}
		if s.eof {
			shown := ansi.Strip(string(s.raw[m.offset:]))
			s.mu.Unlock()
			return 0, &ExitError{Program: s.name, Awaited: what, Shown: shown, Err: s.exitStatus()}
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-deadline.C:
			s.mu.Lock()
			shown := ansi.Strip(string(s.raw[m.offset:]))
			s.mu.Unlock()
			return 0, fmt.Errorf("%s: no %s after %v; it showed: %s", s.name, what, timeout, tail(shown))
		}
		s.mu.Lock()
	}
}

// exitStatus waits briefly for the exit status of a program that has
// closed its terminal.
func (s *Session) exitStatus() error {
	select {
	case <-s.exited:
		return s.exitErr
	case <-time.After(time.Second):
		return errors.New("closed its terminal but is still running")
	}
}

// Settle waits until the program has written nothing for quiet, so that
// a late frame is not taken for the answer to the next key.
func (s *Session) Settle(quiet, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		s.mu.Lock()
		last := s.started
		if n := len(s.chunks); n > 0 {
			last = s.chunks[n-1].at
		}
		changed, eof := s.changed, s.eof
		s.mu.Unlock()
		if eof {
			return nil
		}
		idle := time.Since(last)
		if idle >= quiet {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: still writing after %v", s.name, timeout)
		}
		select {
		case <-changed:
		case <-time.After(quiet - idle):
		}
	}
}

// Text returns everything the program has written, escape sequences
// stripped.
func (s *Session) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(string(s.raw))
}

// Output returns a copy of everything the program has written, as is.
func (s *Session) Output() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]byte(nil), s.raw...)
}

// Pid is the process id of the program.
func (s *Session) Pid() int { return s.cmd.Process.Pid }

// Wait waits for the program to exit and returns its exit error (nil for
// status 0). If it has not exited within timeout, Wait kills it and says so.
func (s *Session) Wait(timeout time.Duration) error {
	select {
	case <-s.exited:
		return s.exitErr
	case <-time.After(timeout):
		_ = s.cmd.Process.Kill()
		<-s.exited
		return fmt.Errorf("%s did not exit within %v; killed it", s.name, timeout)
	}
}

// Kill sends SIGKILL, as a crash or a closed laptop would, and waits for
// the program to go.
func (s *Session) Kill() error {
	err := s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
	if err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	return nil
}

// Hangup closes the terminal with the program still running, as closing
// a terminal window does: the kernel sends the program SIGHUP, drops any
// line typed but not yet entered, and its reads and writes on the
// terminal fail from then on. Wait for its exit afterwards.
func (s *Session) Hangup() error { return s.pty.Close() }

// Close kills the program if it is still running and closes the terminal.
// It is safe to call after Wait or Kill.
func (s *Session) Close() error {
	select {
	case <-s.exited:
	default:
		_ = s.Kill()
	}
	return s.pty.Close()
}

// An ExitError says that a program closed its terminal before showing what
// was awaited.
type ExitError struct {
	Program string
	Awaited string // the marker, quoted, or "any output"
	Shown   string // what it wrote since the mark, escape sequences stripped
	Err     error  // why it exited; nil for exit status 0
}

func (e *ExitError) Error() string {
	status := "exit status 0"
	if e.Err != nil {
		status = e.Err.Error()
	}
	return fmt.Sprintf("%s exited (%s) before showing %s; it showed: %s", e.Program, status, e.Awaited, tail(e.Shown))
}

func (e *ExitError) Unwrap() error { return e.Err }

// tail keeps the end of a long output, on one line, for an error message.
func tail(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	const max = 300
	if len(r) > max {
		r = append([]rune("…"), r[len(r)-max:]...)
	}
	s = string(r)
	if s == "" {
		return "(nothing)"
	}
	return fmt.Sprintf("%q", s)
}

// FirstOutput returns the time from Start to the first byte of output,
// and false if there has been none yet.
func (s *Session) FirstOutput() (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.chunks) == 0 {
		return 0, false
	}
	return s.chunks[0].at.Sub(s.started), true
}

// Closed reports whether the program (and any child) has closed the
// terminal: it has exited, or is about to.
func (s *Session) Closed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eof
}

// HasExited reports whether the program has exited.
func (s *Session) HasExited() bool {
	select {
	case <-s.exited:
		return true
	default:
		return false
	}
}

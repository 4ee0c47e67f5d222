package accessible

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestLinesPastedIntoOneLinePromptAreSaidAtTheirPrompt: two lines pasted
// at the action, at a terminal, are the action and the owner, as ever
// (a line at a time, a paste cannot be told from typing). The terminal
// showed both lines at once, under the action's prompt, and then
// "Owner: When by?": the owner taken from the paste was never said at
// its prompt, and a screen reader heard the second line as more of the
// action. An answer that had arrived before its prompt was shown is now
// said after the prompt, as piped answers are: "Owner: the plan at its
// March meeting", for the listener to hear and put right with back.
// Answers typed after their prompt are echoed by the terminal alone, as
// before.
func TestLinesPastedIntoOneLinePromptAreSaidAtTheirPrompt(t *testing.T) {
	path := newPlanFile(t, nil)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 200})
	interrupt := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(Options{PlanPath: path, Today: today, In: tty, Out: tty, Interrupt: interrupt})
	}()
	screen := newPTYScreen(t, ptmx)
	screen.waitFor("Rating: ")
	ptmx.WriteString("r\r")
	screen.waitFor("Action: ")
	ptmx.WriteString("Ask the board to sponsor\rthe plan at its March meeting\r") // a paste: every byte at once
	screen.waitFor("Due date: ")
	ptmx.WriteString("quit\r")
	screen.waitFor("To carry on where you left off")
	if err := <-done; err != nil {
		t.Fatalf("the review ended with %v\n%s", err, screen.buf.String())
	}
	out := screen.buf.String()
	if !strings.Contains(out, "Owner: the plan at its March meeting\r\n") {
		t.Errorf("the owner taken from the paste is not said at its prompt:\n%s", out)
	}
	// Typed after their prompts, the rating and quit are shown by the
	// terminal alone, and the pasted action at its prompt once.
	for _, twice := range []string{"Rating: r\r\nr", "Due date: quit\r\nquit", "meeting\r\nAsk the board"} {
		if strings.Contains(out, twice) {
			t.Errorf("an answer typed after its prompt is said again (%q):\n%s", twice, out)
		}
	}
	if r := onDiskPlan(t, path).Response("lc-vision"); r.Action != "Ask the board to sponsor" || r.Owner != "the plan at its March meeting" {
		t.Errorf("on disk: %+v", *r)
	}
}

// ptyScreen collects what a program writes to a pseudo-terminal.
type ptyScreen struct {
	t      *testing.T
	chunks chan []byte
	buf    strings.Builder
}

func newPTYScreen(t *testing.T, f *os.File) *ptyScreen {
	s := &ptyScreen{t: t, chunks: make(chan []byte, 64)}
	go func() {
		for {
			b := make([]byte, 4096)
			n, err := f.Read(b)
			if n > 0 {
				s.chunks <- b[:n]
			}
			if err != nil {
				close(s.chunks)
				return
			}
		}
	}()
	return s
}

// waitFor reads until the output after what was waited for last holds
// want, or fails after a generous time: the screen, not a clock, paces
// the test.
func (s *ptyScreen) waitFor(want string) {
	s.t.Helper()
	timeout := time.After(20 * time.Second)
	start := s.buf.Len()
	for !strings.Contains(s.buf.String()[start:], want) {
		select {
		case b, ok := <-s.chunks:
			if !ok {
				s.t.Fatalf("the terminal closed, waiting for %q in:\n%s", want, s.buf.String())
			}
			s.buf.Write(b)
		case <-timeout:
			s.t.Fatalf("waited for %q in:\n%s", want, s.buf.String())
		}
	}
}

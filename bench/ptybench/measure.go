package ptybench

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"time"
)

// ModuleRoot returns the directory of the main module of the current
// directory (the one holding go.mod).
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == "/dev/null" {
		return "", fmt.Errorf("not inside a Go module")
	}
	return strings.TrimSuffix(gomod, "/go.mod"), nil
}

// Build compiles the Go package pkg (for example "." or "./bench/minimal")
// of the module in moduleDir into the binary out.
func Build(moduleDir, pkg, out string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = moduleDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, stderr.String())
	}
	return nil
}

// A Program is a binary to measure and how to run it.
type Program struct {
	Name    string // for reports
	Path    string
	Options Options
	// Marker is text of the first frame; the first frame is on the screen
	// when the output contains it. Empty means any visible text.
	Marker string
	// Quit are the keys that make the program quit once the first frame
	// is on the screen, for example "ctrl+c". A program that has already
	// exited by itself is not sent them; one with none is waited for.
	Quit []string
}

// A Startup is one measured start of a program.
type Startup struct {
	FirstOutput time.Duration // from start to the first byte of output
	FirstFrame  time.Duration // from start to the output containing the marker
	// ExitedAlone says that the program exited by itself soon after its
	// first frame, without being sent its quit keys (a program that prints
	// its help and exits, for instance).
	ExitedAlone bool
}

// How long a program may take to quit once sent its quit keys (a
// variable for the tests).
var quitTimeout = 5 * time.Second

// MeasureStartup starts p in a pseudo-terminal, waits for its first frame,
// makes it quit and checks that it exits with status 0.
func MeasureStartup(p Program, timeout time.Duration) (Startup, error) {
	s, err := Start(p.Path, p.Options)
	if err != nil {
		return Startup{}, err
	}
	defer s.Close()
	var st Startup
	if st.FirstFrame, err = s.WaitFor(p.Marker, timeout); err != nil {
		return st, fmt.Errorf("%s: first frame: %w", p.Name, err)
	}
	st.FirstOutput, _ = s.FirstOutput()
	if err := s.Settle(20*time.Millisecond, timeout); err != nil {
		return st, err
	}
	// A program with no quit keys can only end by itself: one that has
	// not yet by the time its output settles (a loaded machine schedules
	// its exit late) is waited for, not taken for one that was quit.
	if s.Closed() || s.HasExited() || len(p.Quit) == 0 {
		st.ExitedAlone = true
		waited := !s.Closed() && !s.HasExited() // it had not ended yet
		if err := s.Wait(quitTimeout); err != nil {
			if waited {
				return st, fmt.Errorf("%s has no quit keys and did not exit by itself (%w) after showing: %s", p.Name, err, tail(s.Text()))
			}
			return st, fmt.Errorf("%s exited by itself (%w) after showing: %s", p.Name, err, tail(s.Text()))
		}
		return st, nil
	}
	if err := s.Press(p.Quit...); err != nil {
		return st, err
	}
	if err := s.Wait(quitTimeout); err != nil {
		return st, fmt.Errorf("%s: quitting with %s: %w", p.Name, strings.Join(p.Quit, ", "), err)
	}
	return st, nil
}

// Interleave measures n starts of each program, taking them in turn
// (a, b, a, b, ...) so that every program sees the same machine, after
// warmup unrecorded rounds that bring the binaries into the page cache.
// The result holds the starts of programs[i] at index i.
func Interleave(programs []Program, n, warmup int, timeout time.Duration) ([][]Startup, error) {
	res := make([][]Startup, len(programs))
	for round := -warmup; round < n; round++ {
		for i, p := range programs {
			st, err := MeasureStartup(p, timeout)
			if err != nil {
				return res, err
			}
			if round >= 0 {
				res[i] = append(res[i], st)
			}
		}
	}
	return res, nil
}

// FirstFrames returns the FirstFrame of each start.
func FirstFrames(sts []Startup) []time.Duration {
	ds := make([]time.Duration, len(sts))
	for i, st := range sts {
		ds[i] = st.FirstFrame
	}
	return ds
}

// KeySpread is the longest random pause MeasureKeys adds before a key.
// Bubble Tea draws on a frame clock; a key sent a fixed time after the
// last frame would always land at the same point of that clock (and
// measure the same latency every time), where a person's keys land
// anywhere. 50 ms is three frames at 60 fps and six at 120.
const KeySpread = 50 * time.Millisecond

// MeasureKeys presses n keys in s, cycling through keys, and returns for
// each the time until the frame that answers it: the program's next output
// that changes the screen, and leaves it changed once the program has been
// quiet for quiet (see waitForChange). Each key is pressed on a quiet
// program, so that the output of one key is never taken for the answer to
// the next (quiet should be longer than a frame: 17 ms at Bubble Tea's
// default 60 fps), after a random time of up to [KeySpread]. Every key
// must change the screen.
func MeasureKeys(s *Session, keys []string, n int, quiet, timeout time.Duration) ([]time.Duration, error) {
	if len(keys) == 0 {
		return nil, fmt.Errorf("no keys to press")
	}
	s.mu.Lock()
	sc := newScreen(s.cols, s.rows)
	s.mu.Unlock()
	defer sc.close()
	ds := make([]time.Duration, 0, n)
	for i := range n {
		if err := s.Settle(quiet, timeout); err != nil {
			return ds, err
		}
		time.Sleep(rand.N(KeySpread))
		k := keys[i%len(keys)]
		if err := s.Press(k); err != nil {
			return ds, err
		}
		d, err := s.waitForChange(sc, quiet, timeout)
		if err != nil {
			return ds, fmt.Errorf("key %q: %w", k, err)
		}
		ds = append(ds, d)
	}
	return ds, nil
}

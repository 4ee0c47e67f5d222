package tui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/socialmobility/ladder/bench/ptybench"
)

// TestLipglossProfileIsBubbleTeas runs this test binary again as a child
// process in a terminal; the child does its part here and exits.
func init() {
	if os.Getenv("LADDER_TUI_CHILD") == "colour-profile" {
		fmt.Printf("lipgloss=%v bubbletea=%v\n", lipgloss.Writer.Profile, colorprofile.Detect(os.Stdout, os.Environ()))
		os.Exit(0)
	}
}

// TestLipglossProfileIsBubbleTeas guards the colour profile given to Bubble
// Tea: in a terminal, Lip Gloss's detection (made at start-up) is what
// Bubble Tea would detect for standard output.
func TestLipglossProfileIsBubbleTeas(t *testing.T) {
	t.Parallel()
	if lipgloss.Writer.Forward != os.Stdout {
		t.Fatalf("lipgloss.Writer writes to %v, not standard output: its profile is not standard output's", lipgloss.Writer.Forward)
	}
	for _, env := range [][]string{
		{"TERM=xterm-256color", "COLORTERM="},
		{"TERM=xterm-256color", "COLORTERM=truecolor"},
		{"TERM=xterm", "COLORTERM="},
		{"TERM=dumb", "COLORTERM="},
	} {
		env = append(env, "LADDER_TUI_CHILD=colour-profile", "NO_COLOR=", "CLICOLOR_FORCE=")
		s, err := ptybench.Start(os.Args[0], ptybench.Options{Args: []string{"-test.run", "^$"}, Env: env})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.WaitFor("bubbletea=", 10*time.Second); err != nil {
			t.Fatal(err)
		}
		s.Wait(10 * time.Second)
		line := strings.TrimSpace(s.Text())
		s.Close()
		var lg, bt string
		if _, err := fmt.Sscanf(line, "lipgloss=%s bubbletea=%s", &lg, &bt); err != nil || lg != bt {
			t.Errorf("%v: %q: the profiles differ", env[:2], line)
		}
	}
}

// TestFrameClockWakesEachTickOnce checks when the clock sleeps until: just
// after the next tick from when it started, once however many frames are
// drawn before that tick.
func TestFrameClockWakesEachTickOnce(t *testing.T) {
	var mu sync.Mutex
	var sleeps []time.Duration
	saved := preciseSleep
	preciseSleep = func(d time.Duration) { mu.Lock(); sleeps = append(sleeps, d); mu.Unlock() }
	defer func() { preciseSleep = saved }()

	var fc frameClock
	fc.wake() // not started: nothing to wake
	period := time.Second / framesPerSecond
	before := time.Now()
	fc.start(before.Add(-5 * period / 2)) // two and a half frames ago
	fc.wake()
	fc.wake()
	fc.wake()
	elapsed := time.Since(before)
	if elapsed > period/4 {
		t.Skipf("the machine took %v to call wake three times; too busy to check the arithmetic", elapsed)
	}
	// Wait for the sleeper the wakes started to record its sleep; a
	// second sleeper (the fault this test is for) would have been started
	// by the same wakes, so give it as long again to record too.
	began := time.Now()
	for deadline := began.Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		mu.Lock()
		n := len(sleeps)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
	}
	time.Sleep(max(time.Since(began), 10*time.Millisecond))
	mu.Lock()
	defer mu.Unlock()
	if len(sleeps) != 1 {
		t.Fatalf("slept %d times, want once for the third tick", len(sleeps))
	}
	// The third tick is due half a frame after the clock was asked.
	want := period/2 + tickSlack
	if d := sleeps[0]; d > want || d < want-elapsed {
		t.Errorf("slept %v, want %v (less what passed, at most %v)", d, want, elapsed)
	}
}

// BenchmarkTickLateness measures how late a 120 fps ticker is taken by a
// goroutine waiting for it, as Bubble Tea's renderer waits, with nothing
// else to do (the program idle between keys), and with the frame clock
// waking each tick. It reports the median and the 95th percentile.
//
//	go test ./tui/ -run '^$' -bench TickLateness -benchtime 240x -count 3
func BenchmarkTickLateness(b *testing.B) {
	if preciseSleep == nil {
		b.Skip("the frame clock does nothing on this platform")
	}
	for _, clocked := range []bool{false, true} {
		name := "runtime"
		if clocked {
			name = "frameClock"
		}
		b.Run(name, func(b *testing.B) {
			period := time.Second / framesPerSecond
			ticker := time.NewTicker(period)
			defer ticker.Stop()
			var fc frameClock
			fc.start(time.Now())
			start := fc.started
			late := make([]time.Duration, 0, b.N)
			for b.Loop() {
				if clocked {
					fc.wake()
				}
				<-ticker.C
				late = append(late, time.Since(start)%period)
			}
			slices.Sort(late)
			b.ReportMetric(float64(late[len(late)/2].Microseconds()), "late-p50-µs")
			b.ReportMetric(float64(late[len(late)*95/100].Microseconds()), "late-p95-µs")
		})
	}
}

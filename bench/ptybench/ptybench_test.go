package ptybench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
)

// minimalBin is bench/minimal, built once for the tests.
var minimalBin string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		defer testtool.TempInMemory()()
		dir, err := os.MkdirTemp("", "ptybench-test-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		root, err := ModuleRoot()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		minimalBin = filepath.Join(dir, "minimal")
		if err := Build(root, "./bench/minimal", minimalBin); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return m.Run()
	}())
}

const timeout = 5 * time.Second

func start(t *testing.T, path string, opt Options) *Session {
	t.Helper()
	s, err := Start(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMinimalFirstFrameKeysAndQuit(t *testing.T) {
	s := start(t, minimalBin, Options{Cols: 80, Rows: 24})
	first, err := s.WaitFor("ready", timeout)
	if err != nil {
		t.Fatal(err)
	}
	if first <= 0 || first >= timeout {
		t.Errorf("first frame after %v, want between 0 and %v", first, timeout)
	}

	// The first echo writes the whole line; later ones only the cells
	// that changed, which is why the second marker is shorter.
	for _, step := range []struct{ key, marker string }{{"a", "key 1: a"}, {"esc", "2: esc"}} {
		if err := s.Settle(25*time.Millisecond, timeout); err != nil {
			t.Fatal(err)
		}
		if err := s.Press(step.key); err != nil {
			t.Fatal(err)
		}
		d, err := s.WaitFor(step.marker, timeout)
		if err != nil {
			t.Fatalf("after %s: %v", step.key, err)
		}
		if d <= 0 {
			t.Errorf("after %s: latency %v, want > 0", step.key, d)
		}
	}

	ds, err := MeasureKeys(s, []string{"x", "y"}, 5, 25*time.Millisecond, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 5 {
		t.Fatalf("measured %d keys, want 5", len(ds))
	}
	if st := Summarize(ds); st.Min <= 0 || st.Max >= timeout {
		t.Errorf("key latencies %v out of range", ds)
	}

	if err := s.Press("q"); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(timeout); err != nil {
		t.Fatalf("after q: %v", err)
	}
	if _, err := s.WaitFor("never shown", timeout); !errors.As(err, new(*ExitError)) {
		t.Errorf("waiting after exit: got %v, want an ExitError", err)
	}
}

// redrawsFirst answers each key as Bubble Tea may when it starts over a
// frame the program drew itself: the same screen again at once, and the
// key's own frame only later.
const redrawsFirst = `stty raw -echo; n=0; shown=ready; printf '\033[H\033[2J%s' "$shown"
while dd bs=1 count=1 >/dev/null 2>&1; do
	printf '\033[H\033[2J%s' "$shown"; sleep 0.2
	n=$((n+1)); shown="key $n"; printf '\033[H\033[2J%s' "$shown"
done`

// A key's answer is the frame that changes the screen, not output that
// draws the same screen again: taking that for the answer, MeasureKeys
// pressed the next key before the program had read the last, and on a
// loaded machine up and down read together drew no frame at all.
func TestMeasureKeysWaitsForTheScreenToChange(t *testing.T) {
	s := start(t, "/bin/sh", Options{Args: []string{"-c", redrawsFirst}, Cols: 20, Rows: 3})
	if _, err := s.WaitFor("ready", timeout); err != nil {
		t.Fatal(err)
	}
	ds, err := MeasureKeys(s, []string{"a"}, 3, 25*time.Millisecond, timeout)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range ds {
		if d < 200*time.Millisecond {
			t.Errorf("key %d: answered after %v, before the 0.2 s the program takes to change the screen", i+1, d)
		}
	}
	if !strings.Contains(s.Text(), "key 3") {
		t.Errorf("the program showed %q, want three keys' frames", tail(s.Text()))
	}
}

func TestMeasureStartup(t *testing.T) {
	p := Program{Name: "minimal", Path: minimalBin, Marker: "ready", Quit: []string{"ctrl+c"}}
	st, err := MeasureStartup(p, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if st.ExitedAlone || st.FirstOutput <= 0 || st.FirstFrame < st.FirstOutput {
		t.Errorf("got %+v, want first output > 0, first frame after it, not exited alone", st)
	}

	// A program that prints its help and exits, once at once and once
	// slowly: on a loaded machine the exit can come well after the output
	// has settled, and it is still an exit by itself (a program with no
	// quit keys has no other way to end).
	for _, script := range []string{"echo Usage: sh", "echo Usage: sh; sleep 0.2"} {
		helpLike := Program{Name: "sh", Path: "/bin/sh", Options: Options{Args: []string{"-c", script}}, Marker: "Usage:"}
		st, err = MeasureStartup(helpLike, timeout)
		if err != nil {
			t.Fatal(err)
		}
		if !st.ExitedAlone {
			t.Errorf("%q, a program that prints and exits: got %+v, want ExitedAlone", script, st)
		}
	}
}

// A program with no quit keys that never exits is said to be so, where
// it was reported as one that "exited by itself (… did not exit within
// 5s; killed it)".
func TestMeasureStartupOfAProgramThatNeverExits(t *testing.T) {
	defer func(d time.Duration) { quitTimeout = d }(quitTimeout)
	quitTimeout = 200 * time.Millisecond
	stays := Program{Name: "sh", Path: "/bin/sh", Options: Options{Args: []string{"-c", "echo Usage: sh; sleep 30"}}, Marker: "Usage:"}
	_, err := MeasureStartup(stays, timeout)
	if err == nil {
		t.Fatal("a program that never exits, with no quit keys to send it: no error")
	}
	if msg := err.Error(); strings.Contains(msg, "exited by itself") || !strings.Contains(msg, "no quit keys") {
		t.Errorf("got %q, want it to say the program has no quit keys and did not exit", msg)
	}
}

func TestExitBeforeMarker(t *testing.T) {
	s := start(t, "/bin/sh", Options{Args: []string{"-c", "echo hello; exit 3"}})
	_, err := s.WaitFor("ready", timeout)
	var exit *ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("got %v, want an ExitError", err)
	}
	var status *exec.ExitError
	if !errors.As(err, &status) || status.ExitCode() != 3 {
		t.Errorf("got exit %v, want status 3", exit.Err)
	}
	if !strings.Contains(exit.Shown, "hello") || !strings.Contains(err.Error(), `"ready"`) {
		t.Errorf("error %q should quote the marker and what the program showed", err)
	}
}

func TestWaitForTimesOut(t *testing.T) {
	s := start(t, "/bin/sh", Options{Args: []string{"-c", "echo hello; sleep 10"}})
	_, err := s.WaitFor("ready", 200*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "hello") {
		t.Fatalf("got %v, want a timeout that shows what the program wrote", err)
	}
	if s.HasExited() {
		t.Fatal("the program should still be running")
	}
	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	if !s.HasExited() {
		t.Error("Kill returned before the program exited")
	}
}

// asksBackground asks for the terminal's background colour and shows the
// reply it gets, with ESC and BEL made visible.
const asksBackground = `stty raw -echo; printf '\033]11;?\007'; head -c 24 | tr '\033\007' 'EB'; echo; echo done`

func TestAnswersQueries(t *testing.T) {
	s := start(t, "/bin/sh", Options{Args: []string{"-c", asksBackground}})
	if _, err := s.WaitFor("E]11;rgb:1c1c/1c1c/1c1cB", timeout); err != nil {
		t.Fatal(err)
	}

	silent := start(t, "/bin/sh", Options{Args: []string{"-c", asksBackground}, Silent: true})
	if _, err := silent.WaitFor("rgb:", 300*time.Millisecond); err == nil {
		t.Error("a silent session answered the query")
	}
}

func TestResponderQuerySplitAcrossReads(t *testing.T) {
	var r responder
	out := []byte("text\x1b]11")
	if got := r.scan(out); got != "" {
		t.Fatalf("half a query: got %q, want no reply", got)
	}
	out = append(out, ";?\x07more\x1b[c"...)
	want := "\x1b]11;rgb:1c1c/1c1c/1c1c\x07\x1b[?62;22c"
	if got := r.scan(out); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	out = append(out, "x"...)
	if got := r.scan(out); got != "" {
		t.Fatalf("answered again: %q", got)
	}
}

func TestKey(t *testing.T) {
	for name, want := range map[string]string{"q": "q", "é": "é", "enter": "\r", "ctrl+c": "\x03", "up": "\x1b[A", "shift+tab": "\x1b[Z"} {
		got, err := Key(name)
		if err != nil || string(got) != want {
			t.Errorf("Key(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := Key("ctrl+shift+banana"); err == nil || !strings.Contains(err.Error(), "enter") {
		t.Errorf("unknown key: got %v, want an error listing the known names", err)
	}
}

func TestSummarize(t *testing.T) {
	var ds []time.Duration
	for i := 20; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := Summarize(ds)
	want := Stats{N: 20, Min: time.Millisecond, Median: 10500 * time.Microsecond, P95: 19 * time.Millisecond, Max: 20 * time.Millisecond}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if ds[0] != 20*time.Millisecond {
		t.Error("Summarize sorted its argument")
	}
	if (Summarize(nil) != Stats{}) {
		t.Error("Summarize(nil) should be zero")
	}
}

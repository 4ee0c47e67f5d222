//go:build unix

package tui_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/socialmobility/ladder/bench/ptybench"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/tui"
)

// The end-to-end tests' harness: ladder as a program of its own, run in a
// pseudo-terminal (bench/ptybench) and driven by keystrokes, then read as
// a person reads it: what the terminal shows now, through a terminal
// emulator (charmbracelet/x/vt), and what the plan file holds. Every wait
// is for a condition, on the screen or on disk, with a deadline; none is a
// sleep.
//
// The program is this test binary, run as ladder (see TestMain), as the
// command-line package's scripts run theirs: ladder's main is cli.Run and
// nothing else, and a binary of its own, built for the package, cost every
// run a link of about 1.5 CPU-seconds that the first tests waited for.
//
// Waits read the screen, not the output: Bubble Tea redraws only the cells
// that changed, and how many frames a run of keys makes depends on how
// busy the machine is, so the same words reach the terminal whole in one
// run and in pieces around cells that did not change in another. The
// screen is the same either way. A wait for words returns at once if they
// are already on the screen, so a test waits for what the key it pressed
// brings (a new screen, a message), not for what was there before.
//
// The program handles keys in the order they come, however fast, with one
// exception: an escape followed at once by a key reads as alt and that
// key. After esc, a test waits for the screen to show that esc was taken
// before it presses the next key.

const e2eTimeout = 20 * time.Second

// e2eProgramName is the name the test binary has when it runs as ladder:
// started under it, TestMain runs ladder's main and nothing of the tests.
const e2eProgramName = "ladder"

// TestMain runs ladder when the test binary is started as ladder (see
// e2eBinary); otherwise it runs the tests, then removes ladder's copy.
// The end-to-end tests run in parallel: each waits on a program in a
// terminal of its own, so more of them run at once than there are CPUs.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == e2eProgramName {
		os.Exit(cli.Run()) // main.go's main
	}
	os.Setenv(plans.StepIDsEnv, "counted") // new steps numbered as the goldens expect
	testtool.WaitingTests(8)
	removeTemp := testtool.TempInMemory()
	removeRuntimeDir := testtool.OwnRuntimeDir()
	if !testing.Short() {
		e2eLadder.dir, e2eLadder.err = copyAsLadder()
	}
	code := m.Run()
	removeRuntimeDir()
	browsertest.Close() // the browser TestRoomEndToEnd's phones used
	if e2eLadder.dir != "" {
		os.RemoveAll(e2eLadder.dir)
	}
	removeTemp()
	os.Exit(code)
}

// e2eLadder is the copy of the test binary that runs as ladder, made
// before any test starts (and not at all under -short).
var e2eLadder struct {
	dir string
	err error
}

// copyAsLadder copies the test binary into a new folder as ladder, and
// returns the folder. A copy, not a link: the folder go test builds in is
// open to its owner alone, and TestAFailedSaveDoesNotTrapThePerson runs
// ladder as nobody, as root, so that a read-only folder refuses it for
// real; the copy's folder is open to every user. It is written before any
// test starts: a copy written while tests run in parallel failed now and
// then with "text file busy" (ba38eb8), a test beside it forking while the
// copy was open for writing, its child holding the file open.
func copyAsLadder() (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "ladder-tui-e2e-*")
	if err != nil {
		return "", err
	}
	err = os.Chmod(dir, 0o755)
	if err == nil {
		err = copyFile(self, filepath.Join(dir, e2eProgramName))
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// e2eBinary returns the ladder the end-to-end tests run: this test
// binary, copied as ladder.
func e2eBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs ladder in a pseudo-terminal")
	}
	if e2eLadder.err != nil {
		t.Fatal(e2eLadder.err)
	}
	return filepath.Join(e2eLadder.dir, e2eProgramName)
}

// e2eTerm is the terminal ladder starts in, and how.
type e2eTerm struct {
	cols, rows int      // 100x30 when zero
	env        []string // added to the test's environment
	// via runs ladder under another program: via[0] with via[1:], then
	// ladder's path and its arguments (setpriv, to run as another user).
	via []string
	bin string // ladder's path, when not e2eBinary's
}

// e2eSession is ladder running in a pseudo-terminal for a test.
type e2eSession struct {
	t      testing.TB
	s      *ptybench.Session
	screen *vtScreen
}

// e2eStart runs ladder with args in dir, in a terminal as term says.
func e2eStart(t testing.TB, dir string, term e2eTerm, args ...string) *e2eSession {
	t.Helper()
	if term.cols == 0 {
		term.cols, term.rows = 100, 30
	}
	bin := term.bin
	if bin == "" {
		bin = e2eBinary(t)
	}
	if len(term.via) > 0 {
		bin, args = term.via[0], append(append(append([]string(nil), term.via[1:]...), bin), args...)
	}
	s, err := ptybench.Start(bin, ptybench.Options{Args: args, Dir: dir, Cols: term.cols, Rows: term.rows, Env: term.env})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &e2eSession{t: t, s: s, screen: newVTScreen(t, s, term.cols, term.rows)}
}

// waitFor waits until the screen shows every one of want at once, and
// returns the screen.
func (e *e2eSession) waitFor(want ...string) string {
	e.t.Helper()
	return e.waitUntil(fmt.Sprintf("%q", want), func(screen string) bool {
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	})
}

// waitForBig waits until the screen shows text in block letters.
func (e *e2eSession) waitForBig(text string) string {
	e.t.Helper()
	return e.waitUntil("block letters "+text, func(screen string) bool { return tui.BigShown(screen, text) })
}

// waitUntil waits until ok accepts the screen, and returns the screen.
func (e *e2eSession) waitUntil(what string, ok func(screen string) bool) string {
	e.t.Helper()
	var screen string
	for deadline := time.Now().Add(e2eTimeout); ; {
		if screen = e.screen.text(); ok(screen) {
			return screen
		}
		if e.s.HasExited() && e.s.Closed() {
			if screen = e.screen.text(); ok(screen) {
				return screen
			}
			e.t.Fatalf("ladder ended before the terminal showed %s; it shows:\n%s", what, screen)
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("the terminal never showed %s; it shows:\n%s", what, screen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// keys presses keys (ptybench names: "enter", "shift+tab", "q").
func (e *e2eSession) keys(keys ...string) {
	e.t.Helper()
	if err := e.s.Press(keys...); err != nil {
		e.t.Fatal(err)
	}
}

// typeText types text as it is, character by character.
func (e *e2eSession) typeText(text string) {
	e.t.Helper()
	if err := e.s.Type(text); err != nil {
		e.t.Fatal(err)
	}
}

// signal sends sig to ladder.
func (e *e2eSession) signal(sig syscall.Signal) {
	e.t.Helper()
	if err := syscall.Kill(e.s.Pid(), sig); err != nil {
		e.t.Fatal(err)
	}
}

// exits waits for ladder to end with status (0: it succeeded), and returns
// everything it wrote, escape sequences stripped, once its terminal has
// closed: what it says as it ends is printed after the screens.
func (e *e2eSession) exits(status int) string {
	e.t.Helper()
	err := e.s.Wait(e2eTimeout)
	got := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		got = exit.ExitCode()
	} else if err != nil {
		e.t.Fatalf("waiting for ladder to end: %v\n%s", err, e.s.Text())
	}
	for deadline := time.Now().Add(e2eTimeout); !e.s.Closed(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			e.t.Fatalf("ladder ended, but its terminal is still open after %v", e2eTimeout)
		}
	}
	text := e.s.Text()
	if got != status {
		e.t.Fatalf("ladder ended with status %d (%v), want %d:\n%s", got, err, status, tailText(text, 1500))
	}
	return text
}

// quits presses q, which saves and quits, waits for ladder to end with
// status 0, and returns everything it wrote (see exits).
func (e *e2eSession) quits() string {
	e.t.Helper()
	e.keys("q")
	return e.exits(0)
}

// resize changes the terminal's size, as a window resize does.
func (e *e2eSession) resize(cols, rows int) {
	e.t.Helper()
	e.screen.resize(cols, rows)
	if err := e.s.Resize(cols, rows); err != nil {
		e.t.Fatal(err)
	}
}

// vtScreen is what a terminal shows of a session: its output fed to a
// terminal emulator, so a test reads the screen as it stands, cell by
// cell, and not only the text the last frames wrote.
type vtScreen struct {
	t   testing.TB
	s   *ptybench.Session
	emu *vt.Emulator
	fed int // how much of the output the emulator has read
	// redrawFrom is where the output stood when the terminal was resized,
	// or -1. Output drawn for the old size may still come after it: the
	// emulator, made anew at the new size, reads from the program's first
	// frame at that size, which starts by erasing the screen.
	redrawFrom int
	cols, rows int
}

func newVTScreen(t testing.TB, s *ptybench.Session, cols, rows int) *vtScreen {
	v := &vtScreen{t: t, s: s, redrawFrom: -1}
	v.newEmulator(cols, rows)
	return v
}

func (v *vtScreen) newEmulator(cols, rows int) {
	emu := vt.NewEmulator(cols, rows)
	// The emulator answers the program's queries on a pipe that must be
	// read, or it blocks; the session answers them already. At the end the
	// pipe is closed through its writer, and the emulator closed only once
	// nothing reads it: vt v0.1.0's Close sets a flag that Read reads
	// without a lock, a data race under -race.
	drained := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, emu); close(drained) }()
	v.t.Cleanup(func() {
		_ = emu.InputPipe().(io.Closer).Close()
		<-drained
		emu.Close()
	})
	v.emu, v.cols, v.rows = emu, cols, rows
}

func (v *vtScreen) resize(cols, rows int) {
	v.redrawFrom = len(v.s.Output())
	v.newEmulator(cols, rows)
}

// text is the screen now, one line per row.
func (v *vtScreen) text() string {
	out := v.s.Output()
	if v.redrawFrom >= 0 {
		i := bytes.Index(out[v.redrawFrom:], []byte(ansi.EraseEntireScreen))
		if i < 0 {
			return "" // nothing drawn at the new size yet
		}
		v.fed, v.redrawFrom = v.redrawFrom+i, -1
	}
	if len(out) > v.fed {
		v.feed(out[v.fed:])
		v.fed = len(out)
	}
	var b strings.Builder
	for y := range v.emu.Height() {
		for x := 0; x < v.emu.Width(); x++ {
			c := v.emu.CellAt(x, y)
			switch {
			case c == nil || c.Content == "":
				b.WriteByte(' ')
			default:
				b.WriteString(c.Content)
				x += max(c.Width, 1) - 1
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// feed gives the emulator output to read. The emulator panics on a line
// beyond its last (x/vt v0.1.0), which only a frame drawn for an older,
// taller size holds: then it is made anew and reads from the next frame
// that erases the screen.
func (v *vtScreen) feed(out []byte) {
	defer func() {
		if recover() != nil {
			v.redrawFrom = v.fed + len(out)
			v.newEmulator(v.cols, v.rows)
		}
	}()
	_, _ = v.emu.Write(out)
}

// tailText is the last n bytes of s, for a failure message.
func tailText(s string, n int) string { return s[max(0, len(s)-n):] }

// e2ePlan writes a new plan of the built-in checklist at dir/plans/name,
// changed by edit if it is not nil, and returns its path.
func e2ePlan(t testing.TB, dir, name string, edit func(p *plans.Plan)) string {
	t.Helper()
	path := filepath.Join(dir, "plans", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Bea's Café", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 14})
	if edit != nil {
		edit(p)
	}
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	return path
}

// goldenPlans makes a folder whose plans/ holds plans/testdata/golden.yaml
// under each of names, each as edit returns it (nil: as it is), and
// returns the folder.
func goldenPlans(t testing.TB, edit func(name, plan string) string, names ...string) string {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("..", "plans", "testdata", "golden.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The start screen lists plans newest first: each file is given a
	// second less than the one before it, so that they are listed in the
	// order named. Written one after another, they could share a clock
	// tick or not, and the order would change from run to run.
	newest := time.Now().Truncate(time.Second)
	for i, name := range names {
		plan := string(golden)
		if edit != nil {
			plan = edit(name, plan)
		}
		path := filepath.Join(dir, "plans", name)
		if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
			t.Fatal(err)
		}
		at := newest.Add(-time.Duration(i) * time.Second)
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// acme makes a plan Acme Café Ltd's, dated 1 March 2027.
func acme(p *plans.Plan) {
	p.Organisation, p.Date = "Acme Café Ltd", plans.Date{Year: 2027, Month: 3, Day: 1}
}

// createPlan writes a new plan file, as plans.Create does, without keeping
// it open: a plan the test left open would be "open in another session"
// to the program under test.
func createPlan(path string, p *plans.Plan) error {
	f, err := plans.Create(path, p)
	if err != nil {
		return err
	}
	return f.Close()
}

// loadPlan reads the plan file as it is now (the package's own tests'
// helper).
var loadPlan = tui.LoadPlan

// waitOnDisk reads the plan file until ok accepts it.
func waitOnDisk(t testing.TB, path, what string, ok func(p *plans.Plan) bool) *plans.Plan {
	t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	var last error
	for time.Now().Before(deadline) {
		p, err := plans.LoadFile(path, nil)
		if err == nil && ok(p) {
			return p
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: not on disk after %v (last load error: %v)", what, e2eTimeout, last)
	return nil
}

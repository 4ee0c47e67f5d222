package plans_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// The tests in this file run real ladder sessions as separate processes:
// the test binary runs itself with LADDER_PLANS_CHILD set, and the child
// opens a plan, says "ready", and waits for its orders on standard input.
func TestMain(m *testing.M) {
	switch os.Getenv("LADDER_PLANS_CHILD") {
	case "":
		removeTemp := testtool.TempInMemory()        // the children share it too
		removeRuntimeDir := testtool.OwnRuntimeDir() // the children share it
		code := m.Run()
		removeRuntimeDir()
		removeTemp()
		os.Exit(code)
	case "save":
		os.Exit(childSave())
	case "hold":
		os.Exit(childHold())
	case "saveloop":
		os.Exit(childSaveLoop())
	default:
		os.Exit(2)
	}
}

// childOpen opens the plan named by CHILD_PLAN, or says why not.
func childOpen() *plans.File {
	f, err := plans.Open(os.Getenv("CHILD_PLAN"), nil)
	if err != nil {
		fmt.Println("error", err)
		return nil
	}
	return f
}

// childSave is one review session: it opens the plan, waits for "go",
// writes its answer and saves; when the save is refused because the file
// changed, it takes the conflict path the review takes (a copy). It
// reports "saved", "copy PATH" or "error MESSAGE".
func childSave() int {
	f := childOpen()
	if f == nil {
		return 1
	}
	fmt.Printf("ready %v\n", f.OpenElsewhere())
	in := bufio.NewReader(os.Stdin)
	if line, _ := in.ReadString('\n'); line != "go\n" {
		return 1
	}
	f.Plan.Response(os.Getenv("CHILD_ITEM")).Action = os.Getenv("CHILD_ANSWER")
	_, err := f.Save()
	switch {
	case err == nil:
		fmt.Println("saved")
	case errors.Is(err, plans.ErrChangedOnDisk):
		cp, err := f.SaveCopy()
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Println("copy", cp.Path)
	default:
		fmt.Println("error", strings.ReplaceAll(err.Error(), "\n", " "))
		return 1
	}
	return 0
}

// childSaveLoop saves the plan over and over, a different answer each
// time, until it is killed.
func childSaveLoop() int {
	f := childOpen()
	if f == nil {
		return 1
	}
	fmt.Println("ready")
	for i := 0; ; i++ {
		f.Plan.Response("lc-vision").Notes = strings.Repeat(fmt.Sprintf("answer %d\n", i), 2000)
		if _, err := f.Save(); err != nil {
			fmt.Println("error", err)
			return 1
		}
	}
}

// childHold opens the plan and keeps it open until its standard input
// closes (or it is killed).
func childHold() int {
	f := childOpen()
	if f == nil {
		return 1
	}
	fmt.Printf("ready %v\n", f.OpenElsewhere())
	io.Copy(io.Discard, os.Stdin)
	return 0
}

type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
}

func startChild(t *testing.T, role, plan string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"LADDER_PLANS_CHILD=" + role, "CHILD_PLAN=" + plan}, env...)...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return &child{cmd: cmd, stdin: stdin, out: bufio.NewReader(stdout)}
}

func (c *child) line(t *testing.T) string {
	t.Helper()
	l, err := c.out.ReadString('\n')
	if err != nil {
		t.Fatalf("child said %q and stopped: %v", l, err)
	}
	return strings.TrimSuffix(l, "\n")
}

func newPlanFile(t *testing.T, dir string) string {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	path := filepath.Join(dir, "plan.yaml")
	f, err := plans.Create(path, plans.New(c, "Acme", "Spring", plans.Date{Year: 2027, Month: 3, Day: 1}))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// TestTwoSessionsNeverLoseAnAnswer races review sessions, each its own
// process, saving an answer to the same plan at the same moment, many
// times. Exactly one save may land on the plan; every other session must
// be told the file changed and keep its answer in a copy. No answer may
// be reported saved and then be missing from disk.
func TestTwoSessionsNeverLoseAnAnswer(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	rounds, writers := 40, 3
	if testing.Short() {
		rounds = 8
	}
	lost := 0
	for round := range rounds {
		dir := t.TempDir()
		path := newPlanFile(t, dir)
		var kids []*child
		for w := range writers {
			kids = append(kids, startChild(t, "save", path,
				"CHILD_ITEM=lc-vision", fmt.Sprintf("CHILD_ANSWER=answer of session %d in round %d", w, round)))
		}
		for _, k := range kids {
			if l := k.line(t); !strings.HasPrefix(l, "ready ") {
				t.Fatalf("round %d: child said %q", round, l)
			}
		}
		for _, k := range kids {
			io.WriteString(k.stdin, "go\n")
		}
		saved := 0
		for w, k := range kids {
			answer := fmt.Sprintf("answer of session %d in round %d", w, round)
			report := k.line(t)
			var where string
			switch {
			case report == "saved":
				saved++
				where = path
			case strings.HasPrefix(report, "copy "):
				where = strings.TrimPrefix(report, "copy ")
			default:
				t.Fatalf("round %d: session %d: %s", round, w, report)
			}
			p, err := plans.LoadFile(where, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Response("lc-vision").Action; got != answer {
				lost++
				t.Errorf("round %d: session %d reported %q but %s holds %q: its answer is lost", round, w, report, where, got)
			}
		}
		if saved != 1 {
			t.Errorf("round %d: %d sessions saved to the plan itself, want exactly 1", round, saved)
		}
		for _, k := range kids {
			k.stdin.Close()
			k.cmd.Wait()
		}
		if t.Failed() && lost > 3 {
			t.Fatalf("%d answers lost in %d rounds", lost, round+1)
		}
	}
}

// TestOpenElsewhere: a session is told when another session, in another
// process, has the plan open; a session that was killed does not count.
func TestOpenElsewhere(t *testing.T) {
	markers := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", markers)
	path := newPlanFile(t, t.TempDir())

	first := startChild(t, "hold", path)
	if l := first.line(t); l != "ready false" {
		t.Fatalf("the first session was told %q, want ready false (nobody else has it open)", l)
	}
	// open opens a session of the plan and checks what it is told.
	open := func(path string, elsewhere bool, unless string) *plans.File {
		t.Helper()
		f, err := plans.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.OpenElsewhere() != elsewhere {
			t.Error(unless)
		}
		return f
	}
	open(path, true, "the plan is open in another process, but OpenElsewhere is false").Close()

	// Opened through a symbolic link, it is the same plan.
	link := filepath.Join(filepath.Dir(path), "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	open(link, true, "opened through a symbolic link, the plan should still be seen as open elsewhere").Close()

	// Killed, not closed: its mark must go with it.
	first.cmd.Process.Kill()
	first.cmd.Wait()
	again := open(path, false, "the only other session was killed, but the plan is still reported open elsewhere")
	// Two sessions in one process see each other too.
	third := open(path, true, "a second File on the same plan should be told the first has it open")
	again.Close()
	third.Close()
	open(path, false, "every other session closed, but the plan is still reported open elsewhere").Close()
	// Closed sessions leave no marker files behind.
	entries, _ := os.ReadDir(filepath.Join(markers, "ladder"))
	for _, e := range entries {
		if e.Name() != "gate" {
			t.Errorf("marker left behind after every session closed: %s", e.Name())
		}
	}
}

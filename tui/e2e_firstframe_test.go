package tui_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/socialmobility/ladder/bench/ptybench"
)

// TestFirstFrameBeforeBubbleTea runs ladder in a pseudo-terminal, as a
// person starts it, and reads what it wrote through a terminal emulator.
// The first thing written is the first frame, in the alternate screen with
// the cursor hidden, showing the screen. After it, ladder is sent SIGTERM,
// which ends it as q does, without changing the screen: what Bubble Tea
// draws before it leaves the alternate screen (its first frame, and any
// other) leaves the screen as the first frame had it, cell for cell,
// colours and attributes included; nothing else enters or leaves the
// alternate screen. At two sizes, in a window too small, with NO_COLOR (no
// colour at all on the first frame), with true colour and with 16 colours.
func TestFirstFrameBeforeBubbleTea(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	golden, err := os.ReadFile(filepath.Join("..", "plans", "testdata", "golden.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "plans"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "plans", "acme.yaml"), golden, 0o644); err != nil {
		t.Fatal(err)
	}
	type screen struct {
		name, marker string
		args         []string
		cols, rows   int
	}
	var screens []screen
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		screens = append(screens,
			screen{"start screen", "Begin a new review", nil, size[0], size[1]},
			screen{"item screen", "r/a/g rate", []string{"review", "plans/acme.yaml"}, size[0], size[1]})
	}
	screens = append(screens, screen{"too small", "make the window at least", []string{"review", "plans/acme.yaml"}, 50, 12})
	for _, sc := range screens {
		for _, env := range [][]string{nil, {"NO_COLOR=1"}, {"COLORTERM=truecolor"}, {"TERM=xterm"}} {
			t.Run(fmt.Sprintf("%s/%dx%d/%s", sc.name, sc.cols, sc.rows, strings.Join(env, ",")), func(t *testing.T) {
				s, err := ptybench.Start(bin, ptybench.Options{Args: sc.args, Dir: dir, Cols: sc.cols, Rows: sc.rows, Env: env})
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				if _, err := s.WaitFor(sc.marker, e2eTimeout); err != nil {
					t.Fatal(err)
				}
				syscall.Kill(s.Pid(), syscall.SIGTERM)
				s.Wait(e2eTimeout)
				for deadline := time.Now().Add(2 * time.Second); !s.Closed() && time.Now().Before(deadline); {
					time.Sleep(5 * time.Millisecond)
				}
				checkFirstFrameScreens(t, s.Output(), sc.cols, sc.rows, sc.marker, len(env) > 0 && env[0] == "NO_COLOR=1")
			})
		}
	}
}

func checkFirstFrameScreens(t *testing.T, out []byte, cols, rows int, marker string, noColour bool) {
	t.Helper()
	enter, leave := []byte(ansi.SetModeAltScreenSaveCursor), []byte(ansi.ResetModeAltScreenSaveCursor)
	if !bytes.HasPrefix(out, []byte(ansi.SetModeAltScreenSaveCursor+ansi.ResetModeTextCursorEnable)) {
		t.Fatalf("the output does not begin with the first frame:\n%q", out[:min(len(out), 200)])
	}
	if n, m := bytes.Count(out, enter), bytes.Count(out, leave); n != 2 || m != 1 {
		t.Fatalf("entered the alternate screen %d times and left it %d times, want twice (the first frame, Bubble Tea's) and once", n, m)
	}
	second := bytes.LastIndex(out, enter)
	drawn, redrawn := screenOf(cols, rows, out[:second]), screenOf(cols, rows, out[:bytes.Index(out, leave)])
	if !strings.Contains(drawn.String(), marker) {
		t.Fatalf("the first frame does not show %q:\n%s", marker, drawn.String())
	}
	if strings.Contains(drawn.String(), "Looking for plans") {
		// The first frame waits a frame at most for the plans folder
		// (TestFirstFrameShowsTheFolderReadInTime); on a machine so busy
		// that one plan took longer, the plans came in a later frame.
		t.Skip("the plans folder took longer than a frame to read")
	}
	for y := range rows {
		for x := range cols {
			a, b := drawn.CellAt(x, y), redrawn.CellAt(x, y)
			if (a == nil) != (b == nil) || a != nil && !a.Equal(b) {
				t.Fatalf("cell %d,%d is %+v after the first frame, %+v after Bubble Tea's:\n%s\n%s", x, y, a, b, drawn.String(), redrawn.String())
			}
			if noColour && a != nil && (a.Style.Fg != nil || a.Style.Bg != nil) {
				t.Fatalf("with NO_COLOR, cell %d,%d has colours %v on %v", x, y, a.Style.Fg, a.Style.Bg)
			}
		}
	}
}

// screenOf is a terminal emulator's screen after out.
func screenOf(cols, rows int, out []byte) *vt.Emulator {
	emu := vt.NewEmulator(cols, rows)
	go io.Copy(io.Discard, emu) // its answers to queries
	emu.Write(out)
	return emu
}

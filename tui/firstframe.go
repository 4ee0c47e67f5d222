package tui

import (
	"bytes"
	"os"
	"runtime"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// The first frame, drawn before Bubble Tea starts.
//
// Bubble Tea v2.0.10 writes frames only on its frame ticker, so its first
// frame reaches the screen a whole tick (8.3 ms) after the program starts,
// however early the view is ready (see frames.go). In a terminal, ladder
// draws that frame itself as soon as the view is ready, as Bubble Tea's
// renderer would draw it: the same view, laid out in cells and written by
// the same ultraviolet renderer, set up as Bubble Tea sets up its own
// (terminal type, colour profile, cursor movements), in the alternate
// screen with the cursor hidden. Bubble Tea's first tick then enters the
// alternate screen it is already in, clears it and draws the same cells
// again; from then on Bubble Tea alone draws.
//
// The terminal is made raw as soon as Run knows it will draw the first
// frame, before the plan is read, and stays raw until Bubble Tea has
// finished: no key typed meanwhile is echoed over the screen or lost (the
// keys wait in the terminal's input for Bubble Tea to read), and the frame's
// bytes reach the screen as Bubble Tea's would. Bubble Tea therefore saves,
// and gives back when it stops, a raw terminal; finish, which Run defers,
// gives back the terminal's own settings after it. (Bubble Tea gives back
// its saved settings in between only to suspend or run another program,
// tea.Suspend and tea.Exec, which ladder does not use.)
//
// Whatever is unusual, Bubble Tea draws the first frame as it always has:
// not a terminal, not Linux, NO_COLOR, TERM empty or dumb, a view with a
// cursor or outside the alternate screen, any error; LADDER_FIRST_FRAME=off
// asks for that too (the start-up benchmark measures both).
//
// TestFirstFrameIsBubbleTeasFirstFrame holds the frame to the bytes Bubble
// Tea writes for the same view, and TestFirstFrameBeforeBubbleTea the
// screen to the one Bubble Tea leaves, in a terminal emulator.

// settle gives the first screen what it reads as it starts, if that comes
// within wait (the start screen's plans folder): otherwise the first frame
// would show the screen without it, and Bubble Tea's first tick with it.
func (r *root) settle(wait time.Duration) {
	s, ok := r.app.screens[r.app.active].(*startScreen)
	if !ok || s.folder == nil {
		return
	}
	if msg := s.folder.within(wait); msg != nil {
		_, cmd := r.app.Update(msg)
		r.init = tea.Batch(r.init, cmd)
	}
}

// A firstFrame draws the first frame on a terminal and hands the terminal
// over to Bubble Tea.
type firstFrame struct {
	in    *os.File    // the terminal's input, made raw
	saved *term.State // its settings before
	out   *terminalOutput
	env   []string
	done  sync.Once
}

// firstFrameWanted says whether ladder draws the first frame itself, in an
// environment read with getenv: not where anything is unusual.
func firstFrameWanted(getenv func(string) string) bool {
	if !drawsFirstFrame || getenv("LADDER_FIRST_FRAME") == "off" || getenv("NO_COLOR") != "" {
		return false
	}
	term := getenv("TERM")
	return term != "" && term != "dumb"
}

// newFirstFrame makes the terminal raw, to draw the first frame on out;
// nil if it cannot. The caller must call finish, whatever happens next.
func newFirstFrame(in, out *os.File, env []string) *firstFrame {
	saved, err := term.MakeRaw(in.Fd())
	if err != nil {
		return nil
	}
	return &firstFrame{in: in, saved: saved, out: &terminalOutput{File: out}, env: env}
}

// draw writes v as the first frame of a width x height terminal, with
// colours as the profile has them, and returns what it wrote. It draws
// nothing where it could not draw what Bubble Tea will: a view outside the
// alternate screen or with a cursor, a platform whose cursor-movement
// settings it does not know.
func (f *firstFrame) draw(v tea.View, width, height int, profile colorprofile.Profile) []byte {
	if v.Content == "" || !v.AltScreen || v.Cursor != nil || width < 1 || height < 1 {
		return nil
	}
	hardTabs, backspace, ok := cursorMovements(f.saved)
	if !ok {
		return nil
	}
	frame := append([]byte(firstFrameStart), renderFrame(v.Content, frameSettings{width: width, height: height,
		env: f.env, profile: profile, hardTabs: hardTabs, backspace: backspace})...)
	// Noted before writing: a write that fails half way may have entered
	// the alternate screen, and leaving it when not in it does no harm.
	f.out.entering()
	if _, err := f.out.File.Write(frame); err != nil {
		return nil
	}
	f.out.shown()
	return frame
}

// firstFrameStart begins the first frame: into the alternate screen, as
// Bubble Tea's first frame does, and the cursor hidden, as Bubble Tea
// hides it for a view without one.
const firstFrameStart = ansi.SetModeAltScreenSaveCursor + ansi.ResetModeTextCursorEnable

// finish gives the terminal back as it was: it leaves the alternate screen
// if Bubble Tea did not (when it stopped before drawing a frame of its own:
// an error on starting, a panic in the first tick), showing the cursor, and
// gives back the terminal's settings. Only the first call does anything.
func (f *firstFrame) finish() {
	f.done.Do(func() {
		o := f.out
		o.mu.Lock()
		_ = o.flushHeld()
		if o.inAltScreen {
			_, _ = o.File.WriteString(ansi.ResetModeAltScreenSaveCursor + ansi.SetModeTextCursorEnable)
			o.inAltScreen = false
		}
		o.mu.Unlock()
		_ = term.Restore(f.in.Fd(), f.saved)
	})
}

// terminalOutput is the terminal Bubble Tea writes to (it is still the
// terminal: Bubble Tea finds its size and file descriptor through it),
// noting which screen the last switch written to it left the terminal on.
//
// Bubble Tea's first frame, the write that enters the alternate screen,
// clears the screen and draws the first frame's cells again. The sequence
// that enters the alternate screen is taken out of it, the first frame
// having entered already: a second one would save the cursor again, over
// the main screen's in terminals that keep one saved cursor for both, and
// the prompt would come back in the wrong place. The write goes out
// as one synchronized update (mode 2026), which terminals that have it
// show at once, so that none shows the screen cleared in between; the
// others ignore the mode, and see a clear and redraw in a single write, as
// at any of Bubble Tea's full redraws.
//
// What Bubble Tea writes before that frame (its queries and modes, and a
// clear from the cursor down, where the first frame left the cursor on
// its last row) usually comes in the same write. On a busy machine it can
// come in a write of its own, a tick before the frame, and the clear would
// wipe the first frame's footer until then: so it is held, and goes out
// inside the frame's synchronized update, as it does when the two come
// together.
//
// (Bubble Tea's tea.Exec would give a child process this writer as its
// output through a pipe, not the terminal itself; ladder runs none.)
type terminalOutput struct {
	*os.File
	mu          sync.Mutex
	inAltScreen bool
	redraw      bool   // the first frame is on the screen, Bubble Tea's not yet
	held        []byte // what Bubble Tea wrote meanwhile
}

// maxHeld is the most held before Bubble Tea's first frame: its set-up is
// a hundred bytes or so; anything much larger is not set-up, and goes out.
const maxHeld = 16 << 10

// entering notes, before the first frame is written, that it enters the
// alternate screen.
func (t *terminalOutput) entering() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.inAltScreen = true
}

// shown notes that the first frame is on the screen.
func (t *terminalOutput) shown() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.redraw = true
}

func (t *terminalOutput) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	enter := bytes.LastIndex(b, []byte(ansi.SetModeAltScreenSaveCursor))
	leave := bytes.LastIndex(b, []byte(ansi.ResetModeAltScreenSaveCursor))
	switch {
	case t.redraw && enter < 0 && leave < 0 && len(t.held)+len(b) <= maxHeld:
		t.held = append(t.held, b...)
		return len(b), nil
	case t.redraw && enter >= 0:
		t.redraw = false
		first := bytes.Index(b, []byte(ansi.SetModeAltScreenSaveCursor))
		synced := make([]byte, 0, len(t.held)+len(b)+2*len(ansi.SetModeSynchronizedOutput))
		synced = append(append(append(synced, ansi.SetModeSynchronizedOutput...), t.held...), b[:first]...)
		synced = append(append(synced, b[first+len(ansi.SetModeAltScreenSaveCursor):]...), ansi.ResetModeSynchronizedOutput...)
		t.held = nil
		if _, err := t.File.Write(synced); err != nil {
			return 0, err //nolint:wrapcheck // the terminal's own error
		}
	default:
		if err := t.flushHeld(); err != nil {
			return 0, err
		}
		if n, err := t.File.Write(b); err != nil {
			return n, err //nolint:wrapcheck // the terminal's own error
		}
	}
	if enter >= 0 || leave >= 0 {
		t.inAltScreen = enter > leave
	}
	return len(b), nil
}

// flushHeld writes what was held, when Bubble Tea writes something other
// than its first frame first (it stops before drawing, or wrote more than
// set-up). The caller holds mu.
func (t *terminalOutput) flushHeld() error {
	t.redraw = false
	if len(t.held) == 0 {
		return nil
	}
	_, err := t.File.Write(t.held)
	t.held = nil
	return err //nolint:wrapcheck // the terminal's own error
}

// frameSettings are what Bubble Tea's renderer draws with.
type frameSettings struct {
	width, height       int
	env                 []string
	profile             colorprofile.Profile
	hardTabs, backspace bool
}

// renderFrame returns what Bubble Tea v2.0.10's renderer writes to draw
// content as its first frame in the alternate screen, after the sequences
// that enter it and hide the cursor. The calls are those of its
// cursed_renderer.go, in order: newCursedRenderer and reset, then
// setOptimizations, setColorProfile and resize from Program.Run, then
// flush, which enters the alternate screen (enterAltScreen) and renders.
func renderFrame(content string, fs frameSettings) []byte {
	var out bytes.Buffer
	scr := uv.NewTerminalRenderer(&out, fs.env)
	scr.SetRelativeCursor(true)
	scr.SetFullscreen(false)
	scr.SetScrollOptim(runtime.GOOS != "windows")
	tabs := -1
	if fs.hardTabs {
		tabs = fs.width
	}
	scr.SetTabStops(tabs)
	scr.SetBackspace(fs.backspace)
	scr.SetMapNewline(false) // Bubble Tea maps newlines only when its input is not a terminal
	scr.SetColorProfile(fs.profile)
	scr.Erase()
	scr.Resize(fs.width, fs.height)

	scr.SaveCursor()
	scr.SetFullscreen(true)
	scr.SetRelativeCursor(false)
	scr.Erase()
	cells := uv.NewScreenBuffer(fs.width, fs.height)
	cells.Clear()
	uv.NewStyledString(content).Draw(cells, cells.Bounds())
	scr.Render(cells.RenderBuffer)
	_ = scr.Flush() // to a buffer
	return out.Bytes()
}

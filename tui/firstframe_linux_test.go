package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// staticModel shows one view and does nothing else.
type staticModel struct{ v tea.View }

func (m staticModel) Init() tea.Cmd                       { return nil }
func (m staticModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (m staticModel) View() tea.View                      { return m.v }

// terminalRecording is what a program wrote to a pseudo-terminal, read
// from its other end as it arrives.
type terminalRecording struct {
	mu  sync.Mutex
	out []byte
}

func (r *terminalRecording) Write(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out = append(r.out, b...)
	return len(b), nil
}

func (r *terminalRecording) bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Clone(r.out)
}

// waitUntil waits until ok holds of what was written so far.
func (r *terminalRecording) waitUntil(t *testing.T, what string, ok func([]byte) bool) []byte {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; {
		out := r.bytes()
		if ok(out) {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("never %s; the terminal got %q", what, out)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// firstFrameViews are views to draw at a size: the start screen and the
// item screen on a plan whose text is not all ASCII, and a view with
// every kind of colour and wide characters.
func firstFrameViews(t *testing.T) map[string]func(w, h int) tea.View {
	dir, path := rvGoldenFile(t)
	app := func(opts Options) func(w, h int) tea.View {
		return func(w, h int) tea.View {
			opts.Today, opts.Out = rvToday, io.Discard
			c, err := newCommon(opts)
			if err != nil {
				t.Fatal(err)
			}
			if c.session != nil {
				defer c.session.Close()
			}
			r := &root{c: c}
			r.start(w, h)
			return r.app.View()
		}
	}
	return map[string]func(w, h int) tea.View{
		"start screen": app(Options{Dir: dir}),
		"item screen":  app(Options{PlanPath: path, Dir: dir}),
		"colours": func(w, h int) tea.View {
			rgb := lipgloss.NewStyle().Foreground(lipgloss.Color("#ff8800")).Background(lipgloss.Color("#102030")).Bold(true)
			indexed := lipgloss.NewStyle().Foreground(lipgloss.Color("200")).Underline(true)
			basic := lipgloss.NewStyle().Foreground(lipgloss.Red).Italic(true).Reverse(true)
			v := tea.NewView(rgb.Render("Zoë Østergaard 李雷 ✅") + "\n" + indexed.Render("■ Red ▲ Amber ● Green") +
				"\n\n" + basic.Render(strings.Repeat("─", w)) + "\n" + strings.Repeat("x", w+5))
			v.AltScreen = true
			return v
		},
	}
}

// TestFirstFrameIsBubbleTeasFirstFrame holds the frame ladder draws before
// Bubble Tea starts to the one Bubble Tea then draws: in a real
// pseudo-terminal, at several sizes (one too small for the review), with
// each colour profile, with hard tabs allowed and not, the bytes of the
// first frame are found, unchanged, in Bubble Tea's first write after it
// enters the alternate screen, and a terminal emulator shows the same
// cells, colours and attributes after the first frame as when Bubble Tea
// leaves the alternate screen.
func TestFirstFrameIsBubbleTeasFirstFrame(t *testing.T) {
	t.Parallel()
	views := firstFrameViews(t)
	env := []string{"TERM=xterm-256color", "PATH=" + os.Getenv("PATH")}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {132, 43}, {50, 12}} {
		for name, view := range views {
			v := view(size[0], size[1])
			for _, profile := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii} {
				for _, hardTabs := range []bool{true, false} {
					t.Run(fmt.Sprintf("%s/%dx%d/%v/tabs=%v", name, size[0], size[1], profile, hardTabs), func(t *testing.T) {
						t.Parallel() // each on a terminal of its own
						checkFirstFrame(t, v, size[0], size[1], profile, hardTabs, env)
					})
				}
			}
		}
	}
}

func checkFirstFrame(t *testing.T, v tea.View, w, h int, profile colorprofile.Profile, hardTabs bool, env []string) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		t.Fatal(err)
	}
	if !hardTabs {
		// Tabs expanded by the terminal driver: Bubble Tea then moves the
		// cursor without them.
		tios, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
		if err != nil {
			t.Fatal(err)
		}
		tios.Oflag = tios.Oflag&^unix.TABDLY | unix.XTABS
		if err := unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETS, tios); err != nil {
			t.Fatal(err)
		}
	}
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	var rec terminalRecording
	go io.Copy(&rec, ptmx)

	first := newFirstFrame(tty, tty, env)
	if first == nil {
		t.Fatal("the terminal was not made raw")
	}
	defer first.finish()
	frame := first.draw(v, w, h, profile)
	if frame == nil {
		t.Fatal("no first frame was drawn")
	}
	rec.waitUntil(t, "received the first frame", func(b []byte) bool { return len(b) >= len(frame) })
	if got := rec.bytes(); !bytes.Equal(got, frame) {
		t.Fatalf("the terminal got\n%q\nnot the first frame\n%q", got, frame)
	}
	checkRaw(t, tty)

	p := tea.NewProgram(staticModel{v}, tea.WithInput(tty), tea.WithOutput(first.out), tea.WithEnvironment(env),
		tea.WithColorProfile(profile), tea.WithFPS(framesPerSecond), tea.WithoutSignalHandler())
	syncEnd := []byte(ansi.ResetModeSynchronizedOutput)
	go func() {
		rec.waitUntil(t, "drew a frame of its own", func(b []byte) bool { return bytes.Contains(b, syncEnd) })
		p.Quit()
	}()
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	first.finish()
	if after, _ := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); *after != *before {
		t.Errorf("the terminal's settings were not given back: %+v, were %+v", after, before)
	}
	enter, leave := []byte(ansi.SetModeAltScreenSaveCursor), []byte(ansi.ResetModeAltScreenSaveCursor)
	out := rec.waitUntil(t, "left the alternate screen", func(b []byte) bool { return bytes.Contains(b, leave) })
	// Entered once (by the first frame: Bubble Tea's entering is taken out
	// of its first frame, so that the cursor is saved once) and left once.
	if n, m := bytes.Count(out, enter), bytes.Count(out, leave); n != 1 || m != 1 {
		t.Errorf("entered the alternate screen %d times and left it %d times", n, m)
	}

	// Bubble Tea's first frame redraws the cells in the same bytes, in one
	// synchronized update, so that a terminal that has them does not show
	// the screen cleared before the cells are drawn again.
	cells := frame[len(firstFrameStart):]
	second := bytes.Index(out[len(frame):], []byte(ansi.SetModeSynchronizedOutput)) + len(frame)
	if second < len(frame) {
		t.Fatalf("Bubble Tea's first frame is not a synchronized update:\n%q", out[len(frame):])
	}
	cellsEnd := bytes.Index(out[second:], cells) + second + len(cells)
	if cellsEnd < second+len(cells) {
		t.Errorf("Bubble Tea's first frame\n%q\ndoes not hold the first frame's cells\n%q", out[second:], cells)
	} else if !bytes.Contains(out[cellsEnd:], syncEnd) {
		t.Errorf("Bubble Tea's first frame does not end the synchronized update:\n%q", out[second:])
	}
	// And the screen is the same.
	drawn, redrawn := emulate(w, h, out[:second]), emulate(w, h, out[:bytes.LastIndex(out, leave)])
	for y := range h {
		for x := range w {
			a, b := drawn.CellAt(x, y), redrawn.CellAt(x, y)
			if (a == nil) != (b == nil) || a != nil && !a.Equal(b) {
				t.Fatalf("cell %d,%d is %+v after the first frame, %+v after Bubble Tea's:\n%s\n%s", x, y, a, b, drawn.String(), redrawn.String())
			}
		}
	}
	if word := strings.Fields(ansi.Strip(v.Content))[0]; !strings.Contains(drawn.String(), word) {
		t.Errorf("the first frame does not show the view:\n%s", drawn.String())
	}
}

// emulate is the screen of a terminal emulator of a size that was sent out.
func emulate(w, h int, out []byte) *vt.Emulator {
	emu := vt.NewEmulator(w, h)
	go io.Copy(io.Discard, emu) // its answers to queries
	emu.Write(out)
	return emu
}

// checkRaw fails unless the terminal neither echoes nor waits for lines.
func checkRaw(t *testing.T, tty *os.File) {
	t.Helper()
	tios, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if tios.Lflag&(unix.ECHO|unix.ICANON|unix.ISIG) != 0 {
		t.Errorf("the terminal is not raw while the first frame is up: lflag %#x", tios.Lflag)
	}
}

// killedModel has its program killed as it starts, before any frame.
type killedModel struct {
	staticModel
	p **tea.Program
}

func (m killedModel) Init() tea.Cmd { (*m.p).Kill(); return nil }

// panickyModel panics on the first message, in Bubble Tea's first tick.
type panickyModel struct{ staticModel }

func (panickyModel) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("broken on the first message") }

// TestFirstFrameLeftWhenBubbleTeaStops: a program killed before its first
// tick, or one whose model panics on its first message, leaves the
// alternate screen only if it drew a frame; finish leaves the first
// frame's alternate screen and shows the cursor if Bubble Tea did not, and
// gives back the terminal's settings (which Bubble Tea saved raw), once.
func TestFirstFrameLeftWhenBubbleTeaStops(t *testing.T) {
	v := tea.NewView("ready")
	v.AltScreen = true
	for _, stop := range []string{"killed", "panic"} {
		t.Run(stop, func(t *testing.T) {
			if stop == "panic" && raceDetector {
				// Bubble Tea v2.0.10, recovering from a model's panic,
				// closes its input's cancel reader while its read loop
				// still reads it, and returns before that loop ends: the
				// race detector reports both, in Bubble Tea's code.
				t.Skip("Bubble Tea v2.0.10's panic shutdown races with its own read loop")
			}
			ptmx, tty, err := pty.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer ptmx.Close()
			defer tty.Close()
			pty.Setsize(ptmx, &pty.Winsize{Cols: 80, Rows: 24})
			before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
			if err != nil {
				t.Fatal(err)
			}
			var rec terminalRecording
			go io.Copy(&rec, ptmx)
			first := newFirstFrame(tty, tty, []string{"TERM=xterm-256color"})
			frame := first.draw(v, 80, 24, colorprofile.ANSI256)
			var p *tea.Program
			var m tea.Model = killedModel{staticModel{v}, &p}
			if stop == "panic" {
				m = panickyModel{staticModel{v}}
			}
			p = tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(first.out), tea.WithoutSignalHandler(),
				tea.WithEnvironment([]string{"TERM=xterm-256color"}))
			if _, err := p.Run(); !errors.Is(err, tea.ErrProgramKilled) {
				t.Fatalf("the program ended with %v, want it killed", err)
			}
			first.finish()
			first.finish()
			if after, _ := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); *after != *before {
				t.Errorf("the terminal's settings were not given back: %+v, were %+v", after, before)
			}
			leave := []byte(ansi.ResetModeAltScreenSaveCursor)
			out := rec.waitUntil(t, "left the alternate screen", func(b []byte) bool { return bytes.Contains(b, leave) })
			time.Sleep(20 * time.Millisecond) // anything written after
			out = rec.bytes()
			if !bytes.HasPrefix(out, frame) {
				t.Errorf("the first frame is not first:\n%q", out)
			}
			if n, m := bytes.Count(out, []byte(ansi.SetModeAltScreenSaveCursor)), bytes.Count(out, leave); n != 1 || m != 1 {
				t.Errorf("entered the alternate screen %d times and left it %d times:\n%q", n, m, out)
			}
			// The screen is left with the cursor shown.
			last := bytes.LastIndex(out, leave)
			if show, hide := bytes.LastIndex(out, []byte(ansi.SetModeTextCursorEnable)), bytes.LastIndex(out, []byte(ansi.ResetModeTextCursorEnable)); show < hide || show < last-len(ansi.SetModeTextCursorEnable) {
				t.Errorf("the cursor is not shown at the end:\n%q", out)
			}
		})
	}
}

// TestFirstFrameOnlyWhereUsual: ladder draws the first frame itself only
// where nothing is unusual; elsewhere Bubble Tea draws it.
func TestFirstFrameOnlyWhereUsual(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-256color"}, true},
		{map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}, false},
		{map[string]string{"TERM": "xterm-256color", "LADDER_FIRST_FRAME": "off"}, false},
		{map[string]string{"TERM": "dumb"}, false},
		{map[string]string{}, false},
	} {
		if got := firstFrameWanted(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("in %v, drawing the first frame is %v", tc.env, got)
		}
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	go io.Copy(io.Discard, ptmx)
	withCursor := tea.NewView("ready")
	withCursor.AltScreen, withCursor.Cursor = true, tea.NewCursor(1, 0)
	inline := tea.NewView("ready")
	first := newFirstFrame(tty, tty, []string{"TERM=xterm-256color"})
	defer first.finish()
	for name, v := range map[string]tea.View{"a cursor": withCursor, "outside the alternate screen": inline, "nothing": {}} {
		if frame := first.draw(v, 80, 24, colorprofile.ANSI256); frame != nil {
			t.Errorf("a view with %s was drawn: %q", name, frame)
		}
	}
	if first.out.inAltScreen {
		t.Error("the alternate screen was entered")
	}
}

// TestBubbleTeasSetUpGoesOutWithItsFirstFrame: what Bubble Tea writes
// before its first frame (queries, modes, and a clear from the cursor
// down, the cursor being on the first frame's last row) is held until
// that frame, and goes out inside its synchronized update: on a busy
// machine it came a tick earlier, in a write of its own, and wiped the
// first frame's footer until then. Bubble Tea stopping before its first
// frame gets what it held out first.
func TestBubbleTeasSetUpGoesOutWithItsFirstFrame(t *testing.T) {
	setUp := "\x1b[?2026$p\x1b[?25l\x1b[?2004h\r\x1b[J"
	frame := ansi.SetModeAltScreenSaveCursor + "\x1b[H\x1b[2Jthe frame"
	for _, tc := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"set-up, then the frame", []string{setUp, frame},
			ansi.SetModeSynchronizedOutput + setUp + "\x1b[H\x1b[2Jthe frame" + ansi.ResetModeSynchronizedOutput},
		{"set-up and frame in one write", []string{setUp + frame},
			ansi.SetModeSynchronizedOutput + setUp + "\x1b[H\x1b[2Jthe frame" + ansi.ResetModeSynchronizedOutput},
		{"stopped before its frame", []string{setUp, ansi.ResetModeAltScreenSaveCursor},
			setUp + ansi.ResetModeAltScreenSaveCursor},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			out := &terminalOutput{File: w}
			out.entering()
			out.shown()
			for i, b := range tc.writes {
				if n, err := out.Write([]byte(b)); n != len(b) || err != nil {
					t.Fatalf("write %d: %d, %v", i, n, err)
				}
				if i == 0 && len(tc.writes) > 1 {
					// Nothing reaches the terminal before the frame.
					out.File.Write([]byte("|"))
				}
			}
			w.Close()
			got, _ := io.ReadAll(r)
			want := tc.want
			if len(tc.writes) > 1 {
				want = "|" + want
			}
			if string(got) != want {
				t.Errorf("the terminal got\n%q\nwant\n%q", got, want)
			}
		})
	}
}

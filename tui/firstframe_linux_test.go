package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	dir := filepath.Join(t.TempDir(), "plans")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join("..", "plans", "testdata", "golden.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "acme.yaml")
	if err := os.WriteFile(path, golden, 0o644); err != nil {
		t.Fatal(err)
	}
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
	views := firstFrameViews(t)
	env := []string{"TERM=xterm-256color", "PATH=" + os.Getenv("PATH")}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {132, 43}, {50, 12}} {
		for name, view := range views {
			v := view(size[0], size[1])
			for _, profile := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii} {
				for _, hardTabs := range []bool{true, false} {
					t.Run(fmt.Sprintf("%s/%dx%d/%v/tabs=%v", name, size[0], size[1], profile, hardTabs), func(t *testing.T) {
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
	frame := first.draw(v, w, h, profile)
	if frame == nil {
		t.Fatal("no first frame was drawn")
	}
	rec.waitUntil(t, "received the first frame", func(b []byte) bool { return len(b) >= len(frame) })
	if got := rec.bytes(); !bytes.Equal(got, frame) {
		t.Fatalf("the terminal got\n%q\nnot the first frame\n%q", got, frame)
	}
	if after, _ := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); *after != *before {
		t.Errorf("the terminal's settings were not given back: %+v, were %+v", after, before)
	}

	p := tea.NewProgram(staticModel{v}, tea.WithInput(tty), tea.WithOutput(first.out), tea.WithEnvironment(env),
		tea.WithColorProfile(profile), tea.WithFPS(framesPerSecond), tea.WithoutSignalHandler())
	enter := []byte(ansi.SetModeAltScreenSaveCursor)
	go func() {
		rec.waitUntil(t, "drew a frame of its own", func(b []byte) bool { return bytes.Count(b, enter) == 2 })
		p.Quit()
	}()
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	first.finish()
	leave := []byte(ansi.ResetModeAltScreenSaveCursor)
	out := rec.waitUntil(t, "left the alternate screen", func(b []byte) bool { return bytes.Contains(b, leave) })
	if n := bytes.Count(out, leave); n != 1 {
		t.Errorf("left the alternate screen %d times", n)
	}

	// Bubble Tea's first frame redraws the cells in the same bytes.
	second := bytes.LastIndex(out, enter)
	cells := frame[len(firstFrameStart):]
	if !bytes.Contains(out[second:], cells) {
		t.Errorf("Bubble Tea's first frame\n%q\ndoes not hold the first frame's cells\n%q", out[second:], cells)
	}
	// In one synchronized update, so that a terminal that has them does not
	// show the screen cleared before the cells are drawn again.
	syncStart := bytes.Index(out[len(frame):], []byte(ansi.SetModeSynchronizedOutput)) + len(frame)
	cellsEnd := bytes.Index(out[second:], cells) + second + len(cells)
	if syncStart < len(frame) || syncStart > second || !bytes.Contains(out[cellsEnd:], []byte(ansi.ResetModeSynchronizedOutput)) {
		t.Errorf("Bubble Tea's first frame is not one synchronized update:\n%q", out[len(frame):])
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

// killedModel has its program killed as it starts, before any frame.
type killedModel struct {
	staticModel
	p **tea.Program
}

func (m killedModel) Init() tea.Cmd { (*m.p).Kill(); return nil }

// TestFirstFrameLeftWhenBubbleTeaDrawsNone: a program that stops before
// its first tick leaves the alternate screen only if it drew a frame, so
// the first frame's alternate screen is left by finish, and the cursor
// shown again; nothing is written after the program did draw (the test
// above counts one leaving).
func TestFirstFrameLeftWhenBubbleTeaDrawsNone(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	pty.Setsize(ptmx, &pty.Winsize{Cols: 80, Rows: 24})
	var rec terminalRecording
	go io.Copy(&rec, ptmx)
	v := tea.NewView("ready")
	v.AltScreen = true
	first := newFirstFrame(tty, tty, []string{"TERM=xterm-256color"})
	frame := first.draw(v, 80, 24, colorprofile.ANSI256)
	var p *tea.Program
	p = tea.NewProgram(killedModel{staticModel{v}, &p}, tea.WithInput(tty), tea.WithOutput(first.out), tea.WithoutSignalHandler())
	if _, err := p.Run(); !errors.Is(err, tea.ErrProgramKilled) {
		t.Fatalf("the program ended with %v, want it killed", err)
	}
	first.finish()
	first.finish()
	want := ansi.ResetModeAltScreenSaveCursor + ansi.SetModeTextCursorEnable
	out := rec.waitUntil(t, "left the alternate screen", func(b []byte) bool { return bytes.Contains(b, []byte(want)) })
	if bytes.Count(out, []byte(ansi.SetModeAltScreenSaveCursor)) != 1 || bytes.Count(out, []byte(ansi.ResetModeAltScreenSaveCursor)) != 1 {
		t.Errorf("Bubble Tea drew, or the screen was left more than once:\n%q", out)
	}
	if !bytes.HasPrefix(out, frame) || !bytes.HasSuffix(out, []byte(want)) {
		t.Errorf("want the first frame, then the alternate screen left and the cursor shown:\n%q", out)
	}
}

package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
)

// startedRoot is the review as Run puts it together before Bubble Tea
// starts, on the plans folder dir, at 100x30.
func startedRoot(t *testing.T, dir string) *root {
	t.Helper()
	c, err := newCommon(Options{Dir: dir, Today: rvToday, Out: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	r := &root{c: c}
	r.start(100, 30)
	return r
}

// The first frame waits, a frame at most, for the start screen's plans
// folder, so that it shows the plans (or, with none, the set-up screen)
// that Bubble Tea's first tick would show; the plans reach the screen
// once, not again from the command Bubble Tea runs.
func TestFirstFrameShowsTheFolderReadInTime(t *testing.T) {
	dir, _ := rvGoldenFile(t)
	r := startedRoot(t, dir)
	if v := ansi.Strip(r.app.View().Content); !strings.Contains(v, "Looking for plans") {
		t.Fatalf("before the folder is read, the start screen shows\n%s", v)
	}
	r.settle(time.Minute) // a folder of one plan is read long before
	if v := ansi.Strip(r.app.View().Content); !strings.Contains(v, "Acme Café Ltd: Spring review") {
		t.Errorf("the first frame shows\n%s", v)
	}
	if msg := r.app.screens[screenStart].(*startScreen).folder.result(); msg != nil {
		t.Errorf("the plans were delivered again: %T", msg)
	}

	empty := startedRoot(t, t.TempDir())
	empty.settle(time.Minute)
	if v := ansi.Strip(empty.app.View().Content); !strings.Contains(v, "Let's begin your first review") {
		t.Errorf("with no plans, the first frame shows\n%s", v)
	}
}

// A folder that takes longer than the wait is left to Bubble Tea: the
// first frame says it is looking, and the plans come as a message.
func TestFirstFrameDoesNotWaitLongForTheFolder(t *testing.T) {
	r := startedRoot(t, t.TempDir())
	slow := &folderRead{done: make(chan struct{})}
	r.app.screens[screenStart].(*startScreen).folder = slow
	began := time.Now()
	r.settle(5 * time.Millisecond)
	if waited := time.Since(began); waited > time.Second {
		t.Errorf("waited %v", waited)
	}
	if v := ansi.Strip(r.app.View().Content); !strings.Contains(v, "Looking for plans") {
		t.Errorf("the first frame shows\n%s", v)
	}
	slow.msg = discoveredMsg{}
	close(slow.done)
	if msg := slow.result(); msg == nil {
		t.Error("the plans were not delivered")
	}
}

// A panic while the folder is read, on the folder's own goroutine, would
// end the program with the terminal raw; it is raised again where the
// plans are taken (inside Bubble Tea's recovery, or Run's), with where it
// happened.
func TestFolderReadPanicRaisedWhereTaken(t *testing.T) {
	f := startFolderRead(func() discoveredMsg { panic("a broken plan") })
	defer func() {
		p := recover()
		err, ok := p.(error)
		if !ok || !strings.Contains(err.Error(), "reading the plans folder: a broken plan") || !strings.Contains(err.Error(), "startfolder_test.go") {
			t.Errorf("the panic raised is %v", p)
		}
	}()
	f.result()
	t.Error("no panic")
}

// Keys that move in the list or open from it, typed while the folder is
// still being read (a slow disk, a busy machine), act on the list once it
// is there, as if it had been there when they were typed: from the review
// under way, which the list opens on, ↓ enter typed at once opens the
// next plan, not a new review. Nothing is shown chosen until then.
// TestKeysTypedDuringStartUp types them in a real terminal.
func TestKeysTypedBeforeThePlansAreReadActOnTheList(t *testing.T) {
	dir := rvPlansFolder(t)
	r := startedRoot(t, dir)
	s := r.app.screens[screenStart].(*startScreen)
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyDown}, {Code: 'j', Text: "j"}, {Code: tea.KeyUp}, {Code: tea.KeyDown}} {
		r.app.Update(k)
	}
	if v := ansi.Strip(r.app.View().Content); !strings.Contains(v, "Looking for plans") || strings.Contains(v, focusMarker) {
		t.Fatalf("before the folder is read, the start screen shows\n%s", v)
	}
	r.app.Update(s.folder.result())
	if s.cursor != 2 {
		t.Fatalf("the keys typed ahead left the cursor at %d, want 2 (the second plan):\n%s", s.cursor, ansi.Strip(r.app.View().Content))
	}
	// Once the list is there, keys act at once.
	r.app.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	if s.cursor != 1 {
		t.Errorf("↑ after the list left the cursor at %d, want 1", s.cursor)
	}

	// enter typed ahead opens the plan chosen, not a new review.
	r = startedRoot(t, dir)
	s = r.app.screens[screenStart].(*startScreen)
	r.app.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	r.app.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	_, cmd := r.app.Update(s.folder.result())
	if r.app.active != screenStart {
		t.Fatalf("enter typed ahead went to screen %v, not the plan", r.app.active)
	}
	if cmd == nil {
		t.Fatal("enter typed ahead opened nothing")
	}
	if msg, ok := cmd().(openedMsg); !ok || msg.session.Path() != s.plans[1].Path {
		t.Fatalf("enter typed ahead gave %#v, want the second plan opened", msg)
	}
}

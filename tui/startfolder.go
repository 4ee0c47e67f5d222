package tui

import (
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// A folderRead is the start screen's plans folder being read, on a
// goroutine of its own from when the screen starts, so that the screen
// appears at once however many plans there are. Its plans reach the screen
// once: as a message from Bubble Tea, or, for the first frame drawn before
// Bubble Tea starts (firstframe.go), straight away if the folder is read
// in the time that frame may wait, so that a small folder's plans are on
// the first frame rather than "Looking for plans" for one frame.
type folderRead struct {
	done     chan struct{}
	msg      discoveredMsg
	panicked error // a panic while reading, raised again where it is taken
	taken    atomic.Bool
}

func readFolder(c *common) *folderRead {
	dir, resolve := c.opts.Dir, c.opts.resolver()
	return startFolderRead(func() discoveredMsg {
		found, err := plans.Discover(dir, resolve)
		msg := discoveredMsg{found: found, err: err}
		if cl := c.defaultChecklist(); cl != nil {
			msg.attribution = cl.Credit()
		}
		return msg
	})
}

// startFolderRead runs read on a goroutine of its own.
func startFolderRead(read func() discoveredMsg) *folderRead {
	f := &folderRead{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		// A panic here would end the program with the terminal raw and in
		// the alternate screen; it is raised again where the plans are
		// taken, inside Bubble Tea's recovery or Run's, which give the
		// terminal back.
		defer func() {
			if p := recover(); p != nil {
				f.panicked = fmt.Errorf("reading the plans folder: %v\n%s", p, debug.Stack())
			}
		}()
		f.msg = read()
	}()
	return f
}

// result waits for the folder and delivers its plans, unless they were
// delivered already.
func (f *folderRead) result() tea.Msg {
	<-f.done
	return f.take()
}

// within returns the folder's plans if they are read within d and were not
// delivered already; otherwise nil.
func (f *folderRead) within(d time.Duration) tea.Msg {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-f.done:
		return f.take()
	case <-t.C:
		return nil
	}
}

func (f *folderRead) take() tea.Msg {
	if f.taken.Swap(true) {
		return nil
	}
	if f.panicked != nil {
		panic(f.panicked)
	}
	return f.msg
}

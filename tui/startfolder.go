package tui

import (
	"strings"
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
	done  chan struct{}
	msg   discoveredMsg
	taken atomic.Bool
}

func readFolder(c *common) *folderRead {
	dir, resolve := c.opts.Dir, c.opts.resolver()
	f := &folderRead{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		found, err := plans.Discover(dir, resolve)
		f.msg = discoveredMsg{found: found, err: err}
		if cl := c.defaultChecklist(); cl != nil {
			f.msg.attribution = strings.TrimSuffix(cl.Source, ".") + ". " + cl.Licence
		}
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
	return f.msg
}

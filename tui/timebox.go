package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// timebox is the time allowed per item (--timebox 5m): a quiet countdown
// on the item screen that starts when an item is opened and starts again
// when another item is. When the time is up it changes colour and says so;
// it never blocks anything and never moves the review on by itself: the
// room decides when to move on.
//
// The screen is redrawn once a second by a tick that runs only while a
// time box is set. The time comes from common.now, so tests can set it.
type timebox struct {
	limit   time.Duration // zero: no time box
	started time.Time     // when the item being timed was opened
	item    int           // the checklist position being timed
	ticking bool          // a tick is on its way
}

// timeboxTickMsg redraws the countdown.
type timeboxTickMsg struct{}

// open starts the countdown for the item at pos, unless that item is the
// one already being timed (coming back from the board or the advice does
// not give the room more time).
func (t *timebox) open(pos int, now time.Time) {
	if t.limit <= 0 || (!t.started.IsZero() && t.item == pos) {
		return
	}
	t.started, t.item = now, pos
}

// tick asks for the next redraw, at the next whole second of the clock;
// nil without a time box, or when a tick is already on its way.
func (t *timebox) tick() tea.Cmd {
	if t.limit <= 0 || t.ticking {
		return nil
	}
	t.ticking = true
	return tea.Every(time.Second, func(time.Time) tea.Msg { return timeboxTickMsg{} })
}

// ticked records that a tick arrived and asks for the next.
func (t *timebox) ticked() tea.Cmd {
	t.ticking = false
	return t.tick()
}

// left is the time left for the item (negative once it is up).
func (t *timebox) left(now time.Time) time.Duration {
	return t.limit - now.Sub(t.started)
}

// view is the countdown, "4:32 left", or "time's up (+0:12)" in the
// warning colour: a word as well as a colour. It is empty without a time
// box.
func (t *timebox) view(st *styles, now time.Time) string {
	if t.limit <= 0 || t.started.IsZero() {
		return ""
	}
	left := t.left(now)
	if left > 0 {
		// Rounded up: the full time shows as 5:00, and 0:00 is never shown
		// while time is left.
		return st.Subtle.Render(clock(left+time.Second-1) + " left")
	}
	return st.Warning.Render("time's up (+" + clock(-left) + ")")
}

// clock formats a duration as m:ss (h:mm:ss from an hour).
func clock(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// ParseTimebox reads a time box as given on the command line: a Go
// duration ("5m", "90s", "1m30s") or a whole number of minutes ("5").
func ParseTimebox(s string) (time.Duration, error) {
	n := 0
	digits := s != ""
	for _, r := range s {
		if r < '0' || r > '9' {
			digits = false
			break
		}
		n = n*10 + int(r-'0')
		if n > 24*60 {
			break
		}
	}
	d, err := time.Duration(n)*time.Minute, error(nil)
	if !digits {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d < time.Second || d > 24*time.Hour {
		return 0, fmt.Errorf("%q is not a time box: give a length of time from 1s to 24h, such as 5m, 90s or 5 (minutes)", s)
	}
	return d, nil
}

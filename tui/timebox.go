package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// timebox is the workshop's clocks: the time allowed per item (--timebox
// 5m), a countdown that starts when an item is opened and starts again
// when another item is; and the whole session's time (--session 90m),
// which counts down from the first rating (in a room, or the first vote
// from a phone) with the items left and the pace they need ("14 items ·
// 3:12 each"). When time is up a clock changes colour
// and says so; it never blocks anything and never moves the review on by
// itself: the room decides when to move on. t pauses both (a break), +
// gives more time, T starts the item's time again (see timerKeys).
//
// The screen is redrawn once a second by a tick that runs only while a
// clock is set. The time comes from common.now, so tests can set it.
type timebox struct {
	limit   time.Duration // per item; zero: no time box
	extra   time.Duration // added to the item being timed with +
	started time.Time     // when the item being timed was opened
	item    int           // the checklist position being timed

	session      time.Duration // the whole session; zero: no session clock
	sessionStart time.Time

	pausedAt time.Time // when t paused the clocks; zero while they run

	ticking bool // a tick is on its way
}

// set reports whether any clock runs.
func (t *timebox) set() bool { return t.limit > 0 || t.session > 0 }

// startSession starts the session clock, at the first rating or, in a
// room, the first vote from a phone (a room votes, reveals and talks the
// first item through before it is rated): a facilitator may open the
// review well before the room starts work. Started while the clocks are
// paused, it starts where they stopped, as the pause does not count.
func (t *timebox) startSession(now time.Time) {
	if t.session > 0 && t.sessionStart.IsZero() {
		t.sessionStart = t.effectiveNow(now)
	}
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
	t.started, t.item, t.extra = t.effectiveNow(now), pos, 0
}

// tick asks for the next redraw, at the next whole second of the clock;
// nil without a clock, or when a tick is already on its way.
func (t *timebox) tick() tea.Cmd {
	if !t.set() || t.ticking {
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

// effectiveNow is the time the clocks count to: now, or the moment they
// were paused.
func (t *timebox) effectiveNow(now time.Time) time.Time {
	if !t.pausedAt.IsZero() {
		return t.pausedAt
	}
	return now
}

// paused reports whether t paused the clocks.
func (t *timebox) paused() bool { return !t.pausedAt.IsZero() }

// togglePause stops both clocks where they are, or starts them again from
// there: the time paused is not counted.
func (t *timebox) togglePause(now time.Time) {
	if t.sessionStart.IsZero() && t.started.IsZero() {
		return // nothing is running yet
	}
	if !t.paused() {
		t.pausedAt = now
		return
	}
	gap := now.Sub(t.pausedAt)
	if !t.started.IsZero() {
		t.started = t.started.Add(gap)
	}
	if !t.sessionStart.IsZero() {
		t.sessionStart = t.sessionStart.Add(gap)
	}
	t.pausedAt = time.Time{}
}

// extend gives the item being timed one more minute, or, without a time
// box or away from the items (atItem false: the next-steps questions,
// where no item's time shows), the session five more.
func (t *timebox) extend(atItem bool) {
	if t.limit > 0 && atItem {
		t.extra += time.Minute
		return
	}
	if t.session > 0 { // a time box alone: no session clock to start
		t.session += 5 * time.Minute
	}
}

// restart starts the item's time again from now (without a time box, the
// session's). Away from the items (the next steps) no item's time shows,
// so with a time box it starts nothing: the hidden clock is the last
// item's, which the room would find reset on going back to it.
func (t *timebox) restart(now time.Time, atItem bool) {
	if t.limit > 0 {
		if atItem {
			t.restartItem(now)
		}
		return
	}
	if t.session > 0 {
		t.sessionStart = t.effectiveNow(now)
	}
}

// restartItem starts the time of the item being timed again from now.
func (t *timebox) restartItem(now time.Time) {
	if t.limit > 0 && !t.started.IsZero() {
		t.started, t.extra = t.effectiveNow(now), 0
	}
}

// left is the time left for the item (negative once it is up).
func (t *timebox) left(now time.Time) time.Duration {
	return t.limit + t.extra - t.effectiveNow(now).Sub(t.started)
}

// sessionLeft is the time left for the session (negative once it is up).
func (t *timebox) sessionLeft(now time.Time) time.Duration {
	return t.session - t.effectiveNow(now).Sub(t.sessionStart)
}

// view is the item's countdown, "4:32 left", or "time's up (+0:12)" in
// the warning colour: a word as well as a colour, and bold in the
// terminal's own text colour rather than a dim grey that a washed-out
// projector loses. It is empty without a time box.
func (t *timebox) view(st *styles, now time.Time) string {
	if t.limit <= 0 || t.started.IsZero() {
		return ""
	}
	left := t.left(now)
	if left > 0 {
		// Rounded up: the full time shows as 5:00, and 0:00 is never shown
		// while time is left.
		return st.Clock.Render(clock(left+time.Second-1) + " left")
	}
	return st.Warning.Render("time's up (+" + clock(-left) + ")")
}

// sessionView is the session's clock: the time left, the items left and
// the pace they need, "session 1:12:00 · 14 items · 5:08 each"; in the
// warning colour, and "…each, behind", once the pace is faster than the
// time box, or the time is up. It is empty without a session clock.
func (t *timebox) sessionView(st *styles, now time.Time, itemsLeft int, compact bool, startsAt string) string {
	if t.session <= 0 {
		return ""
	}
	if t.sessionStart.IsZero() {
		text := "session " + clock(t.session)
		switch {
		case compact:
		case itemsLeft == 0:
			text += " · every item rated"
		default:
			text += fmt.Sprintf(" · %d %s · starts at %s", itemsLeft, plural(itemsLeft, "item", "items"), startsAt)
		}
		return st.Clock.Render(text)
	}
	left := t.sessionLeft(now)
	if compact {
		// Over, said in words too: "session 0:02" in the warning colour
		// alone read as two seconds left, and without colour it was.
		if left <= 0 {
			return st.Warning.Render("session over (+" + clock(-left) + ")")
		}
		return st.Clock.Render("session " + clock(left+time.Second-1))
	}
	if left <= 0 {
		return st.Warning.Render(fmt.Sprintf("session over (+%s) · %d %s left", clock(-left), itemsLeft, plural(itemsLeft, "item", "items")))
	}
	text := "session " + clock(left+time.Second-1)
	if itemsLeft == 0 {
		return st.Clock.Render(text + " · every item rated")
	}
	pace := left / time.Duration(itemsLeft)
	text += fmt.Sprintf(" · %d %s · %s each", itemsLeft, plural(itemsLeft, "item", "items"), clock(pace))
	if t.limit > 0 && pace < t.limit {
		// Said in words too: the colour alone is lost without colour, to
		// a colour-blind eye and on a washed-out projector.
		return st.Warning.Render(text + ", behind")
	}
	return st.Clock.Render(text)
}

// flags is the clocks as the command that carries on a review gives them
// ("--timebox 5m --session 40m ", or ""), for the notice printed when the
// review is quit in the middle. The time box is the one given: + gave one
// item more, not every item. The session is the time it has left, not its
// first length: a facilitator who quits for lunch comes back to the same
// room and the same end of the day, and a session started afresh would
// show a pace per item the afternoon does not have (what was paused, or
// while ladder was not running, is not counted, as t does for a break).
// It is rounded up to the minute, a length people say and type; before
// the first rating none of it has run. A session already over carries
// nothing on: there is nothing left to count down, and how much more the
// room takes is the facilitator's call, with --session.
func (t *timebox) flags(now time.Time) string {
	out := ""
	if t.limit > 0 {
		out += "--timebox " + flagDuration(t.limit) + " "
	}
	left := t.session
	if !t.sessionStart.IsZero() {
		left = t.sessionLeft(now)
	}
	if left > 0 {
		out += "--session " + flagDuration((left+time.Minute-1)/time.Minute*time.Minute) + " "
	}
	return out
}

// flagDuration writes a duration as --timebox and --session read it, the
// way a person would type it: "5m", "1m30s", "2h", not time's "5m0s".
func flagDuration(d time.Duration) string {
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	out := ""
	if h > 0 {
		out += fmt.Sprintf("%dh", h)
	}
	if m > 0 {
		out += fmt.Sprintf("%dm", m)
	}
	if s > 0 || out == "" {
		out += fmt.Sprintf("%ds", s)
	}
	return out
}

// clock formats a duration as m:ss (h:mm:ss from an hour).
func clock(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// clocks is what the item screen shows of the time: the session's clock,
// then the item's countdown, "paused" while they are, separated by " · ";
// compact, only the time left of each.
func (c *common) clocks(compact bool) string {
	return c.joinClocks(c.sessionClock(compact), c.timer.view(&c.styles, c.now()))
}

func (c *common) sessionClock(compact bool) string {
	if c.session == nil {
		return ""
	}
	startsAt := "the first rating"
	if c.room.on() {
		startsAt = "the first vote" // or a rating given without one
	}
	return c.timer.sessionView(&c.styles, c.now(), c.itemsLeft(), compact, startsAt)
}

// joinClocks joins the clocks shown with " · ", and says "paused" while
// they are.
func (c *common) joinClocks(clocks ...string) string {
	var parts []string
	for _, s := range clocks {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 && c.timer.paused() {
		parts = append(parts, c.styles.Warning.Render("paused"))
	}
	return strings.Join(parts, c.styles.Subtle.Render(" · "))
}

// itemsLeft is how many items are not rated yet.
func (c *common) itemsLeft() int {
	n := 0
	for _, r := range c.plan().Items {
		if !r.Rated() {
			n++
		}
	}
	return n
}

// timerKeys pause, extend and restart the clocks, on every screen once a
// plan is open and a clock is set (not while typing).
type timerKeys struct {
	Pause   key.Binding
	Extend  key.Binding
	Restart key.Binding
}

func newTimerKeys() timerKeys {
	return timerKeys{
		Pause:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "pause / resume the clocks")),
		Extend:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "a minute more for this item (5 for the session without a time box, or on the next steps)")),
		Restart: key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "start this item's time again")),
	}
}

// timerKey handles the clocks' keys; handled is false for any other key.
func (c *common) timerKey(msg tea.KeyPressMsg) (handled bool) {
	if c.session == nil || !c.timer.set() {
		return false
	}
	k := c.keys.Timer
	switch {
	case key.Matches(msg, k.Pause):
		c.timer.togglePause(c.now())
	case key.Matches(msg, k.Extend):
		c.timer.extend(c.session.Place().Kind == review.AtItem)
	case key.Matches(msg, k.Restart):
		c.timer.restart(c.now(), c.session.Place().Kind == review.AtItem)
	default:
		return false
	}
	return true
}

// ParseTimebox reads a time box as given on the command line: a Go
// duration ("5m", "90s", "1m30s") or a whole number of minutes up to an
// hour ("5"). A bigger bare number is refused rather than guessed at:
// --timebox 300 is more likely 300 seconds than five hours a recommendation.
func ParseTimebox(s string) (time.Duration, error) {
	d, bare, err := parseMinutes(s, "time box", "5m, 90s or 5 (minutes)")
	if err == nil && bare && d > time.Hour {
		n := int(d / time.Minute)
		return 0, fmt.Errorf("%q minutes is %s an item: give a unit, such as %ds for %d seconds or %dm for %d minutes", s, longWords(d), n, n, n, n)
	}
	return d, err
}

// ParseSession reads the whole session's length: a Go duration ("90m",
// "2h", "1h30m") or a whole number of minutes ("90").
func ParseSession(s string) (time.Duration, error) {
	d, _, err := parseMinutes(s, "session length", "90m, 2h or 90 (minutes)")
	return d, err
}

// parseMinutes reads a Go duration or a whole number of minutes (bare), of
// 1s to 24h.
func parseMinutes(s, what, examples string) (d time.Duration, bare bool, err error) {
	n := 0
	bare = s != ""
	for _, r := range s {
		if r < '0' || r > '9' {
			bare = false
			break
		}
		n = n*10 + int(r-'0')
		if n > 24*60 {
			n = 24*60 + 1
		}
	}
	d = time.Duration(n) * time.Minute
	if !bare {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d < time.Second || d > 24*time.Hour {
		return 0, bare, fmt.Errorf("%q is not a %s: give a length of time from 1s to 24h, such as %s", s, what, examples)
	}
	return d, bare, nil
}

// longWords says a long duration in words: "5 hours", "1 hour 30 minutes".
func longWords(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	out := fmt.Sprintf("%d %s", h, plural(h, "hour", "hours"))
	if m > 0 {
		out += fmt.Sprintf(" %d %s", m, plural(m, "minute", "minutes"))
	}
	return out
}

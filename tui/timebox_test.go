package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// testClock is a clock the tests move by hand.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time {
	if c.t.IsZero() {
		c.t = time.Date(2027, 3, 14, 10, 0, 0, 0, time.UTC)
	}
	return c.t
}

func (c *testClock) advance(seconds int) { c.t = c.now().Add(time.Duration(seconds) * time.Second) }

// startTimebox gives a running app a time box of minutes on clock, timing
// the item on screen from now. (With Options.Timebox the harness would run
// the ticks, one a second, for ever.)
func startTimebox(a *app, clock *testClock, minutes int) {
	a.c.now = clock.now
	a.c.timer = timebox{limit: time.Duration(minutes) * time.Minute}
	a.c.timer.open(a.c.pos(), clock.now())
}

// startClocks gives a running app a time box of minutes and a session of
// sessionMinutes (either may be 0) on clock, from now.
func startClocks(a *app, clock *testClock, minutes, sessionMinutes int) {
	a.c.now = clock.now
	a.c.timer = timebox{limit: time.Duration(minutes) * time.Minute, session: time.Duration(sessionMinutes) * time.Minute}
	a.c.timer.startSession(clock.now())
	a.c.timer.open(a.c.pos(), clock.now())
}

// tick is the runtime's once-a-second redraw, without the next tick.
func tick(h *rvHarness) { h.a.Update(timeboxTickMsg{}) }

func TestTimeboxCountsDownAndNeverMovesOn(t *testing.T) {
	for _, present := range []bool{false, true} {
		h, path := rvOpen(t, rvNewPlan(t), 120, 40)
		if present {
			h.press("P")
		}
		clock := &testClock{}
		startTimebox(h.a, clock, 5)
		h.requireView("5:00 left")

		clock.advance(1)
		tick(h)
		h.requireView("4:59 left")
		clock.advance(2*60 + 29)
		tick(h)
		h.requireView("2:30 left")

		// Typing goes on while the clock runs.
		h.press("a", "tab")
		h.typeText("Plan")
		clock.advance(2*60 + 30)
		tick(h)
		h.requireView("time's up (+0:00)")
		clock.advance(75)
		tick(h)
		h.requireView("time's up (+1:15)")
		h.refuseView("left")
		// Time up changes nothing else: same item, same field, the text
		// still being typed.
		it := h.item()
		if it.pos != 0 || it.focus != focusAction || it.action.value() != "Plan" {
			t.Fatalf("after time up: item %d, focus %d, action %q", it.pos, it.focus, it.action.value())
		}
		h.press("esc")
		if got := loadPlan(t, path).Response("lc-vision").Action; got != "Plan" {
			t.Fatalf("action on disk = %q", got)
		}

		// Looking at the board and coming back gives no extra time...
		h.press("b", "esc")
		h.requireView("time's up (+1:15)")
		// ...opening another item starts the clock again.
		h.press("n")
		h.requireView("5:00 left")
		clock.advance(60)
		tick(h)
		h.requireView("4:00 left")
		h.press("p")
		h.requireView("5:00 left")
	}
}

func TestTimeboxShowsInEveryWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		for _, present := range []bool{false, true} {
			// The first item: a long heading beside the countdown.
			h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
			if present {
				h.press("P")
			}
			clock := &testClock{}
			startTimebox(h.a, clock, 5)
			h.requireView("5:00 left")
			clock.advance(301)
			tick(h)
			h.requireView("time's up (+0:01)")
			requireFits(t, h, size[0], size[1])
		}
	}
}

func TestTimeboxTicksOnlyWhenSet(t *testing.T) {
	var none timebox
	if none.tick() != nil {
		t.Fatal("a tick without a time box")
	}
	if none.view(&styles{}, time.Now()) != "" {
		t.Fatal("a countdown without a time box")
	}
	tb := timebox{limit: time.Minute}
	if tb.tick() == nil {
		t.Fatal("no tick with a time box")
	}
	if tb.tick() != nil {
		t.Fatal("a second tick while one is on its way: the screen would redraw twice a second, then more")
	}
	if tb.ticked() == nil {
		t.Fatal("no next tick after a tick")
	}
	// Without a time box the app asks for no tick at all.
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	if h.a.c.timer.ticking {
		t.Fatal("ticking without a time box")
	}
	h.refuseView(" left")
}

func TestParseTimebox(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"5m": 5 * time.Minute, "5": 5 * time.Minute, "90s": 90 * time.Second, "1m30s": 90 * time.Second,
		"1h": time.Hour, "12": 12 * time.Minute,
	} {
		if got, err := ParseTimebox(in); err != nil || got != want {
			t.Errorf("ParseTimebox(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5m", "5 minutes", "abc", "0.5s", "25h", "99999999999999999999"} {
		if _, err := ParseTimebox(in); err == nil || !strings.Contains(err.Error(), "5m") {
			t.Errorf("ParseTimebox(%q): err = %v, want one that gives an example", in, err)
		}
	}
	// A bare number over an hour is refused with what to type (issue
	// 10.9): 300 is not silently five hours an item.
	for in, want := range map[string]string{"300": "300s for 300 seconds", "61": "61s for 61 seconds", "90": "1 hour 30 minutes"} {
		if _, err := ParseTimebox(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTimebox(%q): err = %v, want one saying %q", in, err, want)
		}
	}
	for in, want := range map[string]time.Duration{"90": 90 * time.Minute, "2h": 2 * time.Hour, "1h30m": 90 * time.Minute} {
		if got, err := ParseSession(in); err != nil || got != want {
			t.Errorf("ParseSession(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestClockFormat(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0:00", 59 * time.Second: "0:59", 5 * time.Minute: "5:00", 61 * time.Minute: "1:01:00",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestSessionClockPaceAndKeys (issue 10.9): the session's clock starts at
// the first rating and counts the items left and the pace they need; t
// pauses both clocks, + gives the item a minute more, T starts its time
// again; the clocks are bold in the text colour, not dim grey.
func TestSessionClockPaceAndKeys(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 120, 40)
	clock := &testClock{}
	h.a.c.now = clock.now
	h.a.c.timer = timebox{limit: 5 * time.Minute, session: 90 * time.Minute}
	h.a.c.timer.open(h.a.c.pos(), clock.now())
	h.requireView("session 1:30:00 · 21 items · starts at the first rating", "5:00 left")

	clock.advance(60) // before the first rating: the session's time does not run
	tick(h)
	h.requireView("session 1:30:00 · 21 items")
	h.press("g") // the first rating starts it
	clock.advance(30 * 60)
	tick(h)
	// 60 minutes for 20 items is 3:00 each, less than the 5-minute box:
	// said in the warning colour, and in words, which are all a
	// monochrome projector or a colour-blind facilitator has.
	h.requireView("session 1:00:00 · 20 items · 3:00 each, behind", "time's up (+26:00)")

	h.press("t")
	h.requireView("paused")
	clock.advance(10 * 60)
	tick(h)
	h.requireView("session 1:00:00 · 20 items · 3:00 each", "paused")
	h.press("t")
	h.refuseView("paused")
	h.press("T") // the item's time again
	h.requireView("5:00 left")
	h.press("+")
	h.requireView("6:00 left")
	clock.advance(61)
	tick(h)
	h.requireView("4:59 left", "session 58:59")

	// Readable on a washed-out projector: not the subtle grey.
	st := newStyles(true, false)
	if st.Clock.GetForeground() == st.Subtle.GetForeground() || !st.Clock.GetBold() {
		t.Error("the clocks are drawn in the subtle grey, or not bold")
	}
	if got := h.a.c.timer.view(&st, clock.now()); !strings.Contains(got, "4:59 left") || strings.Contains(got, "\x1b[90m") {
		t.Errorf("the countdown is %q", got)
	}
}

// The item's time box runs on while the room reads the item's advice
// (i): in presenter mode the advice screen shows it at the heading's
// right, as the item screen does, so the facilitator keeps the time in
// sight. Back on the item, the same time is left.
func TestTheAdviceShowsTheItemsTimeInPresenterMode(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {240, 67}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("P")
		clock := &testClock{}
		startTimebox(h.a, clock, 5)
		h.press("i")
		h.requireView("5:00 left")
		clock.advance(90)
		tick(h)
		h.requireView("Advice from the source", "3:30 left")
		requireFits(t, h, size[0], size[1])
		h.press("esc")
		h.requireView("3:30 left")
	}
}

// A session that has run over says so in words wherever its clock is cut
// short (the board, a small window): "session 0:02" in the warning colour
// alone read as two seconds left, and as that without colour.
func TestAnOverrunSessionSaysOverWhenShort(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("P")
	clock := &testClock{}
	startClocks(h.a, clock, 5, 10)
	h.press("r")
	clock.advance(10*60 + 2)
	tick(h)
	h.requireView("session over (+0:02)")
	h.press("b")
	h.requireView("W H E R E", "session over (+0:02)")
	h.refuseView("session 0:02")
}

// On the next-steps questions no item's time box runs (nor shows), so +
// gives the session five minutes more, as it does without a time box:
// with a time box set it gave the hidden item a minute, and a
// facilitator whose session had run over saw nothing happen.
func TestPlusOnTheNextStepsGivesTheSessionMore(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 30)
	h.press("P")
	clock := &testClock{}
	startClocks(h.a, clock, 5, 10)
	h.a.c.goToPlace(review.Question(1)) // the quick wins
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	clock.advance(11 * 60)
	tick(h)
	h.requireView("session over (+1:00)")
	h.press("+")
	h.requireView("session 4:00")
	h.refuseView("session over")

	// With a time box alone, + there starts no session clock.
	startClocks(h.a, clock, 5, 0)
	h.press("+")
	h.refuseView("session")
}

// On the next steps no item's time box shows, so T there starts no
// item's time again: it reset the hidden clock of the item last timed,
// and back on that item the room found its time up had gone.
func TestRestartOnTheNextStepsLeavesTheItemsTime(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 30)
	clock := &testClock{}
	startTimebox(h.a, clock, 5)
	item := h.a.c.session.Place()
	clock.advance(6 * 60)
	tick(h)
	h.requireView("time's up (+1:00)")
	h.a.c.goToPlace(review.Question(1)) // the quick wins
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.press("T")
	h.a.c.goToPlace(item)
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.requireView("time's up (+1:00)")
	h.press("T") // on the item, it does
	h.requireView("5:00 left")
}

// Quit mid-review, the command that carries on keeps the workshop's
// clocks: the time box as it was given (not the minutes + gave one item),
// and the session with the time it has left, to the minute up, for a
// facilitator coming back from a break to the same room; the break itself,
// and a pause, are not counted. A session already over carries nothing on:
// there is no time left to count, and how much more is the room's call.
func TestTheCommandThatCarriesOnKeepsTheClocks(t *testing.T) {
	quit := func(h *rvHarness) string {
		h.a.exitNotice, h.a.quitting = "", true
		h.a.commitNotice()
		h.a.quitting = false
		return h.a.exitNotice
	}
	h, path := rvOpen(t, rvNewPlan(t), 120, 40)
	clock := &testClock{}
	h.a.c.now = clock.now
	h.a.c.timer = timebox{limit: 90 * time.Second, session: 90 * time.Minute}
	h.a.c.timer.open(h.a.c.pos(), clock.now())
	clock.advance(20 * 60) // before the first rating the session's time does not run
	if got, want := quit(h), "ladder review --timebox 1m30s --session 1h30m "+path; !strings.HasSuffix(got, want) {
		t.Errorf("before the first rating, the notice ends %q, want %q", got, want)
	}
	h.press("g")
	clock.advance(50*60 + 20)
	h.press("+") // the item's minute more is not the time box
	h.press("t") // a pause is not counted
	clock.advance(10 * 60)
	if got, want := quit(h), "ladder review --timebox 1m30s --session 40m "+path; !strings.HasSuffix(got, want) {
		t.Errorf("39:40 of the session left, the notice ends %q, want %q", got, want)
	}
	h.press("t")
	clock.advance(40 * 60)
	if got, want := quit(h), "ladder review --timebox 1m30s "+path; !strings.HasSuffix(got, want) {
		t.Errorf("the session over, the notice ends %q, want %q", got, want)
	}
	// Whatever it says parses back to the same clocks.
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{{5 * time.Minute, "5m"}, {90 * time.Second, "1m30s"}, {2 * time.Hour, "2h"}, {time.Hour + 30*time.Minute + 5*time.Second, "1h30m5s"}, {7 * time.Second, "7s"}} {
		got := flagDuration(tc.d)
		if got != tc.want {
			t.Errorf("flagDuration(%v) = %q, want %q", tc.d, got, tc.want)
		}
		if back, err := ParseSession(got); err != nil || back != tc.d {
			t.Errorf("%q reads back as %v, %v", got, back, err)
		}
	}
}

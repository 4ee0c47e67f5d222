package tui

import (
	"os"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// How soon frames reach the screen.
//
// Bubble Tea v2.0.10 draws only when its frame ticker fires
// (time.NewTicker(time.Second/fps) in tea.go's startRenderer; 120 fps at
// most): nothing else flushes a frame, since the renderer is unexported and
// no option, message or command draws early. The first tick comes a whole
// frame after the renderer starts, and Bubble Tea calls Init and the first
// View in that wait. So:
//
//   - in a terminal, ladder puts the review together and draws its first
//     frame itself before Bubble Tea starts (firstframe.go), and the width
//     table is warmed meanwhile;
//   - elsewhere (tests), the review is put together in Init, while Bubble
//     Tea waits for its first tick anyway;
//   - every tick that has a new frame to draw is woken on time (frameClock).

// framesPerSecond is Bubble Tea's highest frame rate: a frame at most every
// 8.3 ms.
const framesPerSecond = 120

// root is the model Bubble Tea runs: the app and the clock that wakes each
// frame on time.
type root struct {
	c     *common
	app   *app
	init  tea.Cmd // the app's Init, when the app was started before Bubble Tea
	clock frameClock
}

// start puts the app together at the terminal's size (zero when not known)
// and initialises it, which opens the plan where the review resumes.
func (r *root) start(width, height int) {
	r.app = newApp(r.c)
	if width > 0 && height > 0 {
		// Bubble Tea sends the window size only after the first View;
		// knowing it now makes the first frame the real screen.
		r.app.Update(tea.WindowSizeMsg{Width: width, Height: height})
	}
	r.init = r.app.Init()
	r.app.workforceFirst()
}

func (r *root) Init() tea.Cmd {
	// Bubble Tea started its frame ticker just before calling Init.
	r.clock.start(time.Now())
	if r.app == nil {
		go warmWidths()
		w, h := 0, 0
		if r.c.opts.Out == nil {
			w, h, _ = term.GetSize(os.Stdout.Fd())
		}
		r.start(w, h)
	}
	return r.init
}

func (r *root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.app.Update(msg)
	r.app = m.(*app)
	return r, cmd
}

// View draws the app's frame, which Bubble Tea sends at its next tick, and
// makes sure that tick is on time.
func (r *root) View() tea.View {
	v := r.app.View()
	r.clock.wake()
	return v
}

// widthGlyphs are characters every screen draws (borders, rating shapes).
const widthGlyphs = "─│■▲●○•›"

// warmWidths builds the width table the renderer needs for the first frame.
// Bubble Tea measures every cell with ansi.WcWidth, which asks go-runewidth
// about anything outside ASCII, and go-runewidth fills a 2.2 MB table on its
// first such question: 0.9 ms on an idle machine, several under load, which
// would otherwise be spent drawing the first frame.
func warmWidths() { ansi.WcWidth.StringWidth(widthGlyphs) }

// A frameClock makes Bubble Tea's frame ticks happen when they are due.
//
// When every goroutine is waiting, the Go runtime sleeps in the network
// poller until its next timer, and on Linux that sleep (epoll_wait) counts
// whole milliseconds (runtime/netpoll_epoll.go): a tick due in 8.33 ms is
// taken after 9, 0.6 ms late on average and up to 1 ms. A goroutine that
// sleeps in nanosleep(2) wakes within microseconds, and when it ends the
// scheduler, finding nothing else to do, runs every timer that is due,
// Bubble Tea's ticker among them. So when a new frame is ready, the clock
// sleeps that way until just after the tick that will draw it.
//
// Go tickers keep their phase (each tick is due a period after the one
// before, however late it was taken), so the ticks are known from when the
// ticker started. Where sleeping precisely is not needed or not available
// (preciseSleep is nil), the clock does nothing.
type frameClock struct {
	started time.Time
	period  time.Duration
	woken   atomic.Int64 // the last tick a wake-up was arranged for
}

// tickSlack is how long after a tick is due the clock wakes: the ticker
// was started a moment before start was called, and waking before the
// tick is due would wake nothing.
const tickSlack = 20 * time.Microsecond

func (fc *frameClock) start(at time.Time) {
	fc.started, fc.period = at, time.Second/framesPerSecond
}

// wake arranges to wake the next tick on time, once per tick.
func (fc *frameClock) wake() {
	if preciseSleep == nil || fc.period == 0 {
		return
	}
	since := time.Since(fc.started)
	next := int64(since/fc.period) + 1
	if fc.woken.Swap(next) == next {
		return
	}
	go preciseSleep(time.Duration(next)*fc.period + tickSlack - since)
}

package tui

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/qr/scan"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	roomsrv "github.com/socialmobility/ladder/room"
)

// roomHarness drives an app with the room on, as the Bubble Tea runtime
// would: commands run on goroutines, and their messages come back to the
// app one at a time, when the test waits for the screen or for the app to
// settle. (The room's command waits for the room to change, so a harness
// that runs commands one after another would wait for ever.)
type roomHarness struct {
	t    *testing.T
	a    *app
	path string

	// Commands running, kept by the test's goroutine alone: each
	// command's goroutine says on ended when it has returned.
	ended   chan endedCmd
	nextCmd int
	busy    map[int]string // commands that end by themselves, by name
	// The room's commands running, each with the change it waits for:
	// one whose change has come is about to end.
	roomWaits map[int]<-chan struct{}

	// clockMovedOn is how far the app's clock has moved on since the
	// harness started (pressAfterAPause, wait): it moves only so, and a
	// key pressed straight after the last is pressed at the same instant
	// however slow the machine.
	clockMovedOn atomic.Int64
}

// endedCmd is a command that returned msg (nil: nothing to deliver).
type endedCmd struct {
	id  int
	msg tea.Msg
}

func startRoomHarness(t *testing.T, w, h int) *roomHarness {
	t.Helper()
	return startRoomHarnessWhy(t, w, h, "Phones join at 127.0.0.1, as --listen asked.")
}

// startRoomHarnessWhy is startRoomHarness with the join screen's reason
// for its address.
func startRoomHarnessWhy(t *testing.T, w, h int, why string) *roomHarness {
	t.Helper()
	return startRoomHarnessOn(t, w, h, rvNewPlan(t), Options{}, why)
}

// startRoomHarnessOn is startRoomHarness on a plan of the test's, with
// options (presenter mode) of its own.
func startRoomHarnessOn(t *testing.T, w, h int, p *plans.Plan, opts Options, why string) *roomHarness {
	t.Helper()
	left := testtool.LabelGoroutines(t) // the harness's tests run in parallel
	dir, path := rvWritePlan(t, p)
	opts.PlanPath, opts.Dir, opts.Today = path, dir, rvToday
	opts.Room = &RoomOptions{Addr: netip.MustParseAddrPort("127.0.0.1:0"), Exact: true, PIN: "4821", Why: why}
	c, err := newCommon(opts)
	if err != nil {
		t.Fatal(err)
	}
	c.typingPause = 0
	hs := &roomHarness{t: t, a: newApp(c), path: path,
		ended: make(chan endedCmd, 64), busy: map[int]string{}, roomWaits: map[int]<-chan struct{}{}}
	started := time.Now()
	c.now = func() time.Time { return started.Add(time.Duration(hs.clockMovedOn.Load())) }
	t.Cleanup(func() {
		c.closeRoom()
		c.session.Close()
		left()
	})
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.a.Init())
	hs.settle()
	if !c.room.on() {
		t.Fatalf("the room did not start: %v", c.room.err)
	}
	return hs
}

func (h *roomHarness) send(msg tea.Msg) {
	_, cmd := h.a.Update(msg)
	h.run(cmd)
}

// run starts a command; what it returns comes back through settle or
// waitView.
//
// A command that waits, for the room to change or for a clock, is known
// by its function's name: the room's (waitForRoom) is taken with the
// change it waits for, the room's change channel now, which the app took
// as it made the command, just before; a clock's (Bubble Tea's Every and
// Tick: the time box's seconds) is not waited for, as no key waits for the
// next second. Any other command ends by itself, and settle waits for it.
func (h *roomHarness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	h.nextCmd++
	id := h.nextCmd
	switch name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name(); {
	case strings.Contains(name, ".waitForRoom."):
		h.roomWaits[id] = h.a.c.room.room.Changed()
	case strings.HasPrefix(name, "charm.land/bubbletea/v2.Every.") || strings.HasPrefix(name, "charm.land/bubbletea/v2.Tick."):
	default:
		h.busy[id] = name
	}
	go func() { h.ended <- endedCmd{id, cmd()} }()
}

// receive takes back a command that ended, and delivers its message.
func (h *roomHarness) receive(c endedCmd) {
	delete(h.busy, c.id)
	delete(h.roomWaits, c.id)
	if c.msg != nil {
		h.deliver(c.msg)
	}
}

// deliver gives the app one message that came back, unpacking batches.
func (h *roomHarness) deliver(msg tea.Msg) {
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			h.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		return
	}
	h.send(msg)
}

// settled reports whether the app has nothing more coming: every
// command that ends by itself has ended and been delivered, and every
// room's command still waits for a change that has not come.
func (h *roomHarness) settled() bool {
	if len(h.busy) > 0 {
		return false
	}
	for _, changed := range h.roomWaits {
		select {
		case <-changed:
			return false // the room changed: its message is on its way
		default:
		}
	}
	return true
}

// settle delivers what comes back until the app has settled (see
// settled), and what came back meanwhile: what a key or a phone set off
// has all reached the screen and the plan file.
func (h *roomHarness) settle() {
	h.t.Helper()
	deadline := time.After(harnessWait)
	for {
		select {
		case c := <-h.ended:
			h.receive(c)
			continue
		default:
		}
		if h.settled() {
			return
		}
		select {
		case c := <-h.ended:
			h.receive(c)
		case <-deadline:
			h.t.Fatalf("the app did not settle within %v: still running %v", harnessWait, slices.Collect(maps.Values(h.busy)))
		}
	}
}

func (h *roomHarness) view() string { return ansi.Strip(h.a.View().Content) }

// waitView delivers what comes back until the screen shows want.
func (h *roomHarness) waitView(want string) string {
	h.t.Helper()
	deadline := time.After(harnessWait)
	for {
		if v := h.view(); strings.Contains(v, want) {
			return v
		}
		select {
		case c := <-h.ended:
			h.receive(c)
		case <-deadline:
			h.t.Fatalf("the screen never showed %q; it shows:\n%s", want, h.view())
		}
	}
}

func (h *roomHarness) press(keys ...string) {
	for _, k := range keys {
		h.send(rvKey(k))
	}
	h.settle()
}

// pressAfterAPause presses each key as a person does who read the
// screen first: long enough after the key before for a held rating key
// pressed again to rate (heldRateAgainAfter).
func (h *roomHarness) pressAfterAPause(keys ...string) {
	for _, k := range keys {
		h.wait(heldRateAgainAfter)
		h.press(k)
	}
}

// wait moves the app's clock on by d, as if the facilitator waited.
func (h *roomHarness) wait(d time.Duration) {
	h.clockMovedOn.Add(int64(d))
}

// roomPhone is a phone without JavaScript, on loopback.
type roomPhone struct {
	t      *testing.T
	base   string
	client *http.Client
}

func (h *roomHarness) phone() *roomPhone {
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{}
	h.t.Cleanup(tr.CloseIdleConnections)
	return &roomPhone{t: h.t, base: h.a.c.room.server.URL(), client: &http.Client{Jar: jar, Transport: tr, Timeout: harnessWait}}
}

func (p *roomPhone) post(path string, form url.Values) (int, string) {
	p.t.Helper()
	res, err := p.client.PostForm(p.base+path, form)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func (p *roomPhone) page() string {
	p.t.Helper()
	res, err := p.client.Get(p.base)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return string(body)
}

func (p *roomPhone) join() {
	p.t.Helper()
	if status, body := p.post("join", url.Values{"pin": {"4821"}}); status != http.StatusOK || !strings.Contains(body, "You are in the room") && !strings.Contains(body, "<h1>") {
		p.t.Fatalf("join: %d\n%s", status, body)
	}
}

func (p *roomPhone) vote(item string, round int, choice string) {
	p.t.Helper()
	if status, body := p.post("vote", url.Values{"item": {item}, "round": {fmt.Sprint(round)}, "choice": {choice}}); status != http.StatusOK {
		p.t.Fatalf("vote %s: %d\n%s", choice, status, body)
	}
}

// TestRoomFromTheFacilitatorsSide is the room as the facilitator runs
// it: the join screen with a QR code a scanner reads, "3 of 3 voted" and
// nothing more before the reveal, the spread after it, one key to agree
// the most common rating (which goes into the plan with the counts), the
// phones following to the next item, a wrong PIN noticed, and ideas from
// phones offered in the questions' answers, accepted into the plan or
// dropped there.
func TestRoomFromTheFacilitatorsSide(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 100, 30)
	rs := h.a.c.room
	joinURL := rs.server.URL()

	v := h.waitView("Vote from your phone")
	for _, want := range []string{joinURL, "2. Type the PIN  4821", "No phones in the room yet"} {
		if !strings.Contains(v, want) {
			t.Errorf("the join screen lacks %q:\n%s", want, v)
		}
	}
	if got, err := scan.Decode(v, true); err != nil || got != joinURL {
		t.Errorf("the QR code on the join screen reads %q, %v; want %q", got, err, joinURL)
	}
	// The PIN again in block letters, for the back of the room.
	pin, _ := bigLine("4821")
	for _, row := range pin {
		if !strings.Contains(v, "   "+row) {
			t.Errorf("the join screen lacks the PIN in block letters (%q):\n%s", row, v)
		}
	}
	h.press("esc")
	h.waitView("Develop a clear vision for your D&I strategy")
	h.waitView("Room: no phones yet")

	phones := []*roomPhone{h.phone(), h.phone(), h.phone()}
	for _, p := range phones {
		p.join()
	}
	h.waitView("Room: 0 of 3 voted")
	round := rs.room.Status().Round
	for i, choice := range []string{"red", "amber", "amber"} {
		phones[i].vote("lc-vision", round, choice)
	}
	v = h.waitView("Room: 3 of 3 voted")
	if strings.Contains(v, "Votes:") || strings.Contains(v, "Amber 2") {
		t.Errorf("the facilitator's screen gives the spread away before the reveal:\n%s", v)
	}

	h.press("?")
	h.waitView("esc/? back")
	v = ansi.Strip(strings.Join(h.a.screen(screenHelp).(*helpScreen).draw(), "\n")) // the whole page, not the window onto it
	for _, want := range []string{"The room voting from phones"} {
		if !strings.Contains(v, want) {
			t.Errorf("help has no group for the room:\n%s", v)
		}
	}
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{"v reveal the votes", "V vote again", "space/x accept an idea from a phone", "d drop it", "w how to join (QR code)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("help lacks the room's key %q:\n%s", want, v)
		}
	}
	h.press("esc")
	h.press("v")
	v = h.waitView("Votes: ■ Red 1  ▲ Amber 2  ● Green 0  ? not sure 0")
	if !strings.Contains(v, "enter agree ▲ Amber (most common)") {
		t.Errorf("the most common vote is not offered:\n%s", v)
	}
	if strings.Contains(v, "talk it through") {
		t.Error("red and amber called a disagreement")
	}
	if !strings.Contains(phones[0].page(), "The room's votes") {
		t.Error("the phones do not show the spread after the reveal")
	}
	h.agreeAmber()
	p := waitFile(t, h, func(p *plans.Plan) bool { return p.Response("lc-vision").Votes != nil })
	if r := p.Response("lc-vision"); r.Rating != "amber" || !r.Votes.Equal(&plans.Votes{Levels: map[string]int{"red": 1, "amber": 2}}) {
		t.Errorf("the plan has %s with votes %+v", r.Rating, r.Votes)
	}
	if !strings.Contains(phones[1].page(), "Agreed: ") {
		t.Error("the phones do not show the agreed rating")
	}

	// On to the next item: the phones follow, with a fresh vote.
	h.press("n")
	h.waitView("Strong leadership and management")
	h.waitView("Room: 0 of 3 voted")
	if page := phones[2].page(); !strings.Contains(page, "Strong leadership and management") || !strings.Contains(page, "You have not voted yet.") {
		t.Errorf("a phone did not follow to the next item:\n%s", page)
	}
	// "Item 2", said to the room, is the same item on the screen and on
	// the phones.
	itemNumber := regexp.MustCompile(`item \d+ of \d+`)
	if onScreen, onPhone := itemNumber.FindString(h.view()), itemNumber.FindString(phones[2].page()); onScreen == "" || onPhone != onScreen {
		t.Errorf("the screen numbers the item %q, the phones %q", onScreen, onPhone)
	}

	// A wrong PIN is noticed on the facilitator's screen.
	stranger := h.phone()
	if status, _ := stranger.post("join", url.Values{"pin": {"0000"}}); status != http.StatusForbidden {
		t.Errorf("wrong PIN: %d", status)
	}
	h.waitView("⚠ Wrong PIN from a phone (first try)")

	// Ideas during the quick wins: rows of the list, from the room,
	// accepted into the plan or dropped there.
	h.a.c.goToPlace(review.Question(1)) // shown with the next message
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.waitView("What are your quick wins?")
	h.waitView("phones can send ideas")
	if page := phones[0].page(); !strings.Contains(page, "What are your quick wins?") {
		t.Fatalf("the phones are not asked for ideas:\n%s", page)
	}
	questionNumber := regexp.MustCompile(`question \d+ of \d+`)
	if onScreen, onPhone := questionNumber.FindString(h.view()), questionNumber.FindString(phones[0].page()); onScreen == "" || onPhone != onScreen {
		t.Errorf("the screen numbers the question %q, the phones %q", onScreen, onPhone)
	}
	if status, body := phones[0].post("idea", url.Values{"question": {"quick-wins"}, "text": {"\x1b[31mName a senior sponsor\x1b[0m\x07"}}); status != http.StatusOK {
		t.Fatalf("idea: %d\n%s", status, body)
	}
	phones[1].post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	v = h.waitView("2 new ideas in the list")
	if !regexp.MustCompile(`\[ \] Name a senior sponsor +from the room`).MatchString(v) || !regexp.MustCompile(`\[ \] Free pizza +from the room`).MatchString(v) {
		t.Errorf("the ideas are not rows of the quick wins, from the room:\n%s", v)
	}
	// They came in above the row the cursor was on, which stays under it:
	// a key pressed as an idea arrives is not taken for the idea.
	if !regexp.MustCompile(`› \[ \] Appoint a senior social mobility sponsor`).MatchString(v) {
		t.Errorf("the cursor left its row as ideas came in:\n%s", v)
	}
	h.press("k", "k")
	if strings.ContainsRune(h.a.View().Content, 0x07) || strings.Contains(h.a.View().Content, "\x1b[31mName") {
		t.Error("an idea's escape sequences reached the terminal")
	}
	if p := waitFile(t, h, func(*plans.Plan) bool { return true }); len(p.Answer("quick-wins").List) != 0 {
		t.Error("an idea reached the plan before it was accepted")
	}
	h.press("x")
	v = h.waitView("1 new idea in the list")
	if !regexp.MustCompile(`\[x\] Name a senior sponsor +from the room`).MatchString(v) {
		t.Errorf("the accepted idea is not labelled as the room's:\n%s", v)
	}
	h.press("j", "d")
	v = h.waitView("phones can send ideas")
	if strings.Contains(v, "[ ] Free pizza") || !strings.Contains(v, "Dropped “Free pizza”") {
		t.Errorf("a dropped idea is still offered, or not said to be dropped:\n%s", v)
	}
	p = waitFile(t, h, func(p *plans.Plan) bool { return len(p.Answer("quick-wins").List) > 0 })
	if got := p.Answer("quick-wins").List; len(got) != 1 || got[0] != "Name a senior sponsor" {
		t.Errorf("quick wins = %q; want only the accepted idea, plain", got)
	}
	if page := phones[0].page(); strings.Contains(page, "<li>Name a senior sponsor</li>") || !strings.Contains(page, `<li><span aria-hidden="true">✓</span> Accepted: Name a senior sponsor</li>`) {
		t.Errorf("the phone still lists its accepted idea as waiting, or is not told it was accepted:\n%s", page)
	}

	// Who to speak with: an idea for an area is a row under its field.
	h.press("n")
	h.waitView("Who do you need to speak with")
	phones[2].post("idea", url.Values{"question": {"speak-with"}, "area": {"workforce"}, "text": {"Jo in HR"}})
	v = h.waitView("Jo in HR")
	if !regexp.MustCompile(`(?s)Workforce.*\[ \] “Jo in HR” +from the room.*Enablers`).MatchString(v) {
		t.Errorf("the idea is not under the workforce's answer:\n%s", v)
	}
	h.press("j", "j", "x") // past Leadership & Culture's field, Workforce's field, onto the idea
	p = waitFile(t, h, func(p *plans.Plan) bool { return p.Answer("speak-with").ByArea["workforce"] != "" })
	if got := p.Answer("speak-with").ByArea["workforce"]; got != "Jo in HR" {
		t.Errorf("speak-with for the workforce = %q", got)
	}
	h.waitView("[x] “Jo in HR”")

	// The decision makers: a line added to the answer.
	h.press("n")
	h.waitView("Who are the decision makers")
	phones[0].post("idea", url.Values{"question": {"decision-makers"}, "text": {"The board"}})
	h.waitView("“The board”")
	h.press("j", "x")
	p = waitFile(t, h, func(p *plans.Plan) bool { return p.Answer("decision-makers").Text != "" })
	if got := p.Answer("decision-makers").Text; got != "The board" {
		t.Errorf("decision makers = %q", got)
	}

	// The project plan asks for no ideas: the phones wait.
	h.press("n")
	h.waitView("What will your project plan look like?")
	if page := phones[0].page(); strings.Contains(page, "Send idea") || !strings.Contains(page, "You are in the room") {
		t.Errorf("the phones are asked for ideas on the project plan:\n%s", page)
	}

	// Quitting stops the server: the phones are told, and nothing listens.
	h.a.c.closeRoom()
	if _, err := http.Get(joinURL); err == nil {
		t.Error("the server still answers after the review ended")
	}
}

// waitFile waits for the plan file to satisfy ok: read each time the app
// has settled, and again as each command ends after that.
func waitFile(t *testing.T, h *roomHarness, ok func(*plans.Plan) bool) *plans.Plan {
	t.Helper()
	deadline := time.After(harnessWait)
	for {
		h.settle()
		p, err := plans.LoadFile(h.path, nil)
		if err == nil && ok(p) {
			return p
		}
		select {
		case c := <-h.ended:
			h.receive(c)
		case <-deadline:
			t.Fatalf("the plan file never got there (last error %v)", err)
		}
	}
}

// The board marks the items where the room's votes spanned the scale.
func TestBoardMarksWhereTheRoomDisagreed(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-vision").Rating = "amber"
	p.Response("lc-vision").Votes = &plans.Votes{Levels: map[string]int{"red": 2, "amber": 1, "green": 3}}
	p.Response("lc-leadership").Rating = "green"
	p.Response("lc-leadership").Votes = &plans.Votes{Levels: map[string]int{"amber": 1, "green": 5}}
	for _, size := range [][2]int{{160, 45}, {100, 30}, {80, 24}} {
		h, _ := rvOpen(t, p, size[0], size[1])
		h.press("b")
		v := h.view()
		if n := strings.Count(v, "split"); n != 1 {
			t.Errorf("%dx%d: the board says split %d times, want once (lc-vision):\n%s", size[0], size[1], n, v)
		}
	}
}

// The time box starts when the review sets off from the join screen, not
// while people are joining; the join screen opened again later (w, for
// someone late) gives the item no more time.
func TestTheTimeboxStartsWhenTheRoomSetsOff(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 100, 30)
	h.waitView("Vote from your phone")
	clock := &testClock{}
	startClocks(h.a, clock, 5, 0)
	clock.advance(180) // three minutes of people joining
	h.press("esc")
	h.waitView("5:00 left")
	clock.advance(30)
	h.press("w")
	h.waitView("Vote from your phone")
	h.press("esc")
	h.waitView("4:30 left")
}

// The join screen says why it chose the address, and which option
// chooses another: the option is never broken inside itself or apart from
// its value (issue 10, review), at any size.
func TestTheJoinScreenKeepsAnOptionWhole(t *testing.T) {
	t.Parallel()
	choice, err := roomsrv.Choose([]roomsrv.Candidate{
		{Addr: netip.MustParseAddr("192.168.1.20"), Interface: "wlan0"},
		{Addr: netip.MustParseAddr("10.0.0.7"), Interface: "eth0"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(choice.Why, "--listen ADDRESS.") {
		t.Fatalf("the reason no longer names the option: %q", choice.Why)
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {160, 45}, {240, 67}} {
		h := startRoomHarnessWhy(t, size[0], size[1], choice.Why)
		v := h.waitView("Vote from your phone")
		if !strings.Contains(v, "--listen ADDRESS.") {
			t.Errorf("%dx%d: the join screen breaks --listen ADDRESS.:\n%s", size[0], size[1], v)
		}
	}
}

// wrapText breaks only between words, keeps an option on the line of its
// value and a sign on the line of its word, and loses nothing: at every
// width, the words read back are the words given.
func TestWrapTextNeverBreaksAWordOrAnOption(t *testing.T) {
	texts := []string{
		roomsrv.ErrNoNetwork.Error(),
		"Phones join at 192.168.1.20: this laptop's address on wlan0. If phones cannot open the page, choose another address with --listen ADDRESS.",
		"⚠ plans/acme-spring-review.yaml changed on disk: not saved. Press R to reload it.",
		"  To save it, free some space on the disk: git commit -m 'Spring review' -- plans/acme.yaml",
	}
	for _, text := range texts {
		for w := 12; w <= 90; w++ {
			lines := wrapText(text, w)
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("width %d: a line of %d cells: %q", w, ansi.StringWidth(l), l)
				}
				for _, opt := range []string{"--listen", "-m", "--"} {
					if f := strings.Fields(l); len(f) > 0 && f[len(f)-1] == opt {
						t.Fatalf("width %d: %s ends a line, apart from its value: %q", w, opt, lines)
					}
				}
			}
			var got []string
			for l := range strings.SplitSeq(strings.Join(lines, " "), "\n") {
				got = append(got, strings.Fields(l)...)
			}
			widest := 0
			for _, u := range signUnits(optionUnits(strings.Fields(text))) { // a sign goes with its word
				widest = max(widest, ansi.StringWidth(u))
			}
			if want := strings.Fields(text); !reflect.DeepEqual(got, want) && w >= widest { // a wider one is cut at the edge
				t.Fatalf("width %d: the words changed:\n%q\nwant\n%q", w, got, want)
			}
		}
	}
}

// The board shows the spread of the room's votes on each tile, where there
// is room for it: each level's shape and count, in its colour, and "split"
// where the votes went from one end of the scale to the other; where even
// the spread does not fit (a line of the list at 80 columns), "split"
// alone (issue 10, review).
func TestBoardShowsTheRoomsSpread(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-vision").Rating = "amber"
	p.Response("lc-vision").Votes = &plans.Votes{Levels: map[string]int{"red": 2, "amber": 1, "green": 3}}
	p.Response("lc-leadership").Rating = "green"
	p.Response("lc-leadership").Votes = &plans.Votes{Levels: map[string]int{"amber": 1, "green": 5}, Unsure: 2}
	for _, tc := range []struct {
		w, h    int
		present bool
		want    []string
		split   int // where the tile has no room for the word beside the spread, the spread shows it
	}{
		{240, 67, true, []string{"split ■2 ▲1 ●3  1 │", "■0 ▲1 ●5 ?2  2 │"}, 1},
		{160, 45, true, []string{"▲ AMBER  split ■2 ▲1 ●3  1 │", "■0 ▲1 ●5 ?2  2 │"}, 1},
		{120, 40, false, []string{"■2 ▲1 ●3  1 │", "■0 ▲1 ●5 ?2  2 │"}, 0},
		{100, 30, true, []string{"split ■2 ▲1 ●3", "■0 ▲1 ●5 ?2"}, 1},
		{80, 24, true, []string{"split A clear D&I vis…"}, 1},
	} {
		h, _ := rvOpen(t, p, tc.w, tc.h)
		if tc.present {
			h.press("P")
		}
		h.press("b")
		v := h.view()
		for _, want := range tc.want {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the board does not show %q:\n%s", tc.w, tc.h, want, v)
			}
		}
		if n := strings.Count(v, "split"); n != tc.split {
			t.Errorf("%dx%d: the board says split %d times, want %d (lc-vision):\n%s", tc.w, tc.h, n, tc.split, v)
		}
		requireFits(t, h, tc.w, tc.h)
	}
}

// A reveal done from the board (v) shows on the board: the item's tile or
// line says how many have voted (a vote coming in redraws that row alone),
// then the spread; the strip says to go back to the item to agree, since
// enter opens the item under the cursor on the board (issue 10, review).
// On a projector's big window the board also shows the vote under the
// tiles in block letters, as the item screen does.
func TestARevealFromTheBoardShowsOnTheBoard(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, h          int
		voted, spread string // on the item's tile or line (the strip says it otherwise)
		big           bool   // and under the tiles in block letters
	}{
		{240, 67, `○ NOT RATED +3 of 3 voted  1 ┃`, `○ NOT RATED +■1 ▲2 ●0  1 ┃`, true},
		{160, 45, `○ NOT RATED +3/3 voted  1 ┃`, `○ NOT RATED +■1 ▲2 ●0  1 ┃`, false},
		{100, 30, `A clear D&I vision +3 of 3 voted`, `A clear D&I vision +■1 ▲2 ●0`, true},
		{80, 24, `A clear… +3 of 3 voted`, `A clear D&I… +■1 ▲2 ●0`, false},
	} {
		h := startRoomHarness(t, tc.w, tc.h)
		h.waitView("Vote from your phone")
		h.press("esc", "P")
		phones := []*roomPhone{h.phone(), h.phone(), h.phone()}
		for _, p := range phones {
			p.join()
		}
		round := h.a.c.room.room.Status().Round
		phones[0].vote("lc-vision", round, "red")
		phones[1].vote("lc-vision", round, "amber")
		h.waitView("2 of 3 voted")
		h.press("b")
		h.waitView("2 of 3 voted")
		board := h.a.screen(screenBoard).(*boardScreen)
		tiles := &board.drawn[0]
		phones[2].vote("lc-vision", round, "amber")
		h.waitView("Room: 3 of 3 voted")
		requireMatch(t, h.view(), tc.voted)
		if &board.drawn[0] != tiles {
			t.Errorf("%dx%d: a vote drew the whole board again", tc.w, tc.h)
		}
		if got := bigShown(h.view(), "3 OF 3 VOTED"); got != tc.big {
			t.Errorf("%dx%d: the count in block letters under the tiles: %v, want %v:\n%s", tc.w, tc.h, got, tc.big, h.view())
		}
		h.press("v")
		v := h.waitView("back to the item to agree") // the spread is said under the tiles, or else in the strip
		requireMatch(t, v, tc.spread)
		if got := bigShown(v, "▲2"); got != tc.big {
			t.Errorf("%dx%d: the spread in block letters under the tiles: %v, want %v:\n%s", tc.w, tc.h, got, tc.big, v)
		}
		if !strings.Contains(v, "esc back to the item to agree ▲ Amber") || strings.Contains(v, "enter agree") {
			t.Errorf("%dx%d: the strip on the board says enter agrees:\n%s", tc.w, tc.h, v)
		}
		h.press("esc")
		h.waitView("enter agree ▲ Amber")
		h.agreeAmber()
		h.press("b")
		requireMatch(t, h.view(), strings.Replace(strings.Replace(tc.spread, "○ NOT RATED", "▲ AMBER", 1), "A clear", "Amber +A clear", 1))
	}
}

// requireMatch fails unless the screen has a match for the pattern.
func requireMatch(t *testing.T, screen, pattern string) {
	t.Helper()
	if !regexp.MustCompile(pattern).MatchString(screen) {
		t.Fatalf("the screen shows nothing like %q:\n%s", pattern, screen)
	}
}

// The room strip keeps the PIN and the whole join address in sight at any
// width the review runs at, while voting, at a question that takes ideas
// and between them: someone who missed the join screen reads them there.
// Cut at the edge ("PIN 4821 · htt…"), nobody could join from it.
func TestTheRoomStripKeepsTheJoinAddressWhole(t *testing.T) {
	t.Parallel()
	for _, w := range []int{60, 64, 72, 80, 100} {
		h := startRoomHarness(t, w, 24)
		h.press("esc")
		join := "PIN 4821 · " + strings.TrimSuffix(h.a.c.room.server.URL(), "/")
		h.waitView("Room: no phones yet")
		h.phone().join()
		for _, at := range []string{"0 of 1 voted", "1 in the room"} {
			if at == "1 in the room" {
				h.press("n", "n", "n", "n") // the area's summary: the phones wait
			}
			h.waitView(at)
			strip := ansi.Strip(h.a.roomStrip())
			if !strings.Contains(strings.ReplaceAll(strip, "\n", " "), join) {
				t.Errorf("%d columns, %s: the strip lacks %q:\n%s", w, at, join, strip)
			}
			requireLinesWithin(t, h.a.roomStrip(), w)
		}
	}
}

// After a reveal from the board in presenter mode, the spread and the call
// to talk it through are said once: by the board's panel under the tiles
// where it fits (the strip then keeps only what to do next, as on the item
// screen), else by the strip (a workshop day, 100x30, found them twice).
func TestTheBoardSaysTheSpreadOnce(t *testing.T) {
	votes := []string{"red", "amber", "amber", "green"}
	for _, tc := range []struct {
		w, h  int
		panel bool
	}{{100, 30, true}, {240, 67, true}, {80, 24, false}} {
		hs, _ := rvOpen(t, rvNewPlan(t), tc.w, tc.h)
		hs.press("P")
		withRoom(t, hs.a, votes...)
		hs.press("b", "v")
		v := hs.view()
		if got := bigShown(v, "▲2"); got != tc.panel {
			t.Errorf("%dx%d: the spread in block letters under the tiles: %v, want %v:\n%s", tc.w, tc.h, got, tc.panel, v)
		}
		for _, once := range []string{"▲ Amber 2", "talk it through"} {
			if n := strings.Count(v, once); n != 1 {
				t.Errorf("%dx%d: %q said %d times, want once:\n%s", tc.w, tc.h, once, n, v)
			}
		}
		if !strings.Contains(v, "esc back to the item to agree ▲ Amber") {
			t.Errorf("%dx%d: the strip lost what to do next:\n%s", tc.w, tc.h, v)
		}
		requireFits(t, hs, tc.w, tc.h)
	}
}

// In the quick wins, the footer names d and x as the room's line does on
// a row from the room ("x accepts, d drops"), and as the list does on the
// others (choose, remove): one word for one key on screen.
func TestTheQuickWinsFooterSaysDropOnAnIdea(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	v := h.waitView("1 new idea in the list")
	if footer := lastLine(v); !strings.Contains(footer, "x choose") || !strings.Contains(footer, "d remove") {
		t.Errorf("on a suggestion, the footer does not say d remove:\n%s", v)
	}
	h.press("k")
	v = h.view()
	if !strings.Contains(v, "› [ ] Free pizza") {
		t.Fatalf("the cursor is not on the idea:\n%s", v)
	}
	footer := lastLine(v)
	if !strings.Contains(footer, "x accept") || !strings.Contains(footer, "d drop") || strings.Contains(footer, "remove") {
		t.Errorf("on an idea from the room, the footer does not say x accept, d drop:\n%s", v)
	}
}

// lastLine is a screen's last line that is not blank.
func lastLine(v string) string {
	lines := strings.Split(strings.TrimRight(v, " \n"), "\n")
	return lines[len(lines)-1]
}

// TestQuitWithVotesOpenAsksFirst: q while phones have voted and nothing
// is agreed would throw the round away and send every phone home; the
// first q says so, a second quits. Another key first keeps the review.
// With nobody voted, q quits at once as everywhere.
func TestQuitWithVotesOpenAsksFirst(t *testing.T) {
	t.Parallel()
	h, _ := startRoomWithOneVote(t, "amber")
	h.press("q")
	if h.a.quitting {
		t.Fatal("q quit with a vote not revealed, without a word")
	}
	v := h.view()
	requireMatch(t, v, `1 vote not revealed yet: q again quits and loses it`)
	h.press("k") // anything else: the review carries on
	if strings.Contains(h.view(), "q again quits") {
		t.Errorf("the warning stayed after another key:\n%s", h.view())
	}
	h.press("q")
	if h.a.quitting {
		t.Fatal("a q after another key quit without asking again")
	}
	// A key every screen shares (help, the board) counts as another key
	// too: q after it asks again.
	for _, k := range []string{"?", "b"} {
		h.press("k", "q", k, "q")
		if h.a.quitting {
			t.Fatalf("q, %s, q quit without asking again", k)
		}
		h.press("esc")
	}
	h.press("k", "v", "q")
	requireMatch(t, h.view(), `no rating agreed yet: q again quits and loses the spread`)
	h.press("q")
	if !h.a.quitting {
		t.Fatal("the second q did not quit")
	}
}

// q with ideas from phones neither accepted nor dropped would lose them
// (the room keeps them in memory only): the first q says so, as it does
// for votes, and the second quits.
func TestQuitWithIdeasWaitingAsksFirst(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Buddy scheme"}})
	h.waitView("2 new ideas in the list")
	h.press("q")
	if h.a.quitting {
		t.Fatal("q quit with two ideas waiting, without a word")
	}
	requireMatch(t, h.view(), `2 ideas from the room, on question 2, not accepted or dropped yet: q again quits and loses them`)
	h.press("q")
	if !h.a.quitting {
		t.Fatal("the second q did not quit")
	}
}

func TestQuitWithNoVotesQuitsAtOnce(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 100, 30)
	h.waitView("Vote from your phone")
	h.press("esc", "q")
	if !h.a.quitting {
		t.Fatalf("q with no votes did not quit:\n%s", h.view())
	}
}

// TestBackToARevealedSpreadAgreesItsMostCommon: a spread revealed, a step
// on and back again: the spread is still there (the room keeps it until a
// rating is agreed), and enter agrees what the strip says, the most
// common vote, not the level the cursor was on before.
func TestBackToARevealedSpreadAgreesItsMostCommon(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("v", "n", "p")
	h.waitView("enter agree ● Green (most common)")
	h.press("enter")
	p := waitFile(t, h, func(p *plans.Plan) bool {
		return p.Response(st.ItemID).Rating != "" && p.Response(st.ItemID).Rating != "unrated"
	})
	if r := p.Response(st.ItemID); r.Rating != "green" || r.Votes == nil || r.Votes.Levels["green"] != 1 {
		t.Errorf("enter after coming back agreed %q with votes %+v, want green with the spread", r.Rating, r.Votes)
	}
}

// startRoomWithAPhone is a review with the room on at 100x30, past the
// join screen, with one phone joined.
func startRoomWithAPhone(t *testing.T) (*roomHarness, *roomPhone) {
	t.Helper()
	h := startRoomHarness(t, 100, 30)
	h.waitView("Vote from your phone")
	h.press("esc")
	phone := h.phone()
	phone.join()
	return h, phone
}

// startRoomAtQuickWins is a review with the room on, past the join
// screen, one phone joined, at the quick wins (the first next-steps
// question), where phones can send ideas.
func startRoomAtQuickWins(t *testing.T) (*roomHarness, *roomPhone) {
	t.Helper()
	h, phone := startRoomWithAPhone(t)
	h.a.c.goToPlace(review.Question(1)) // shown with the next message
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.waitView("phones can send ideas")
	return h, phone
}

// startRoomWithOneVote is a review with the room on, past the join
// screen, and one phone's vote cast on the first item; st is the room as
// the vote opened.
func startRoomWithOneVote(t *testing.T, choice string) (*roomHarness, roomsrv.Status) {
	t.Helper()
	h, phone := startRoomWithAPhone(t)
	st := h.a.c.room.status
	phone.vote(st.ItemID, st.Round, choice)
	h.waitView("1 of 1 voted")
	return h, st
}

// revealAmber reveals the spread of startRoomWithOneVote's Amber vote
// (v) and waits for the projector to offer it.
func (h *roomHarness) revealAmber() {
	h.t.Helper()
	h.press("v")
	h.waitView("enter agree ▲ Amber (most common)")
}

// agreeAmber agrees the Amber spread revealed (enter).
func (h *roomHarness) agreeAmber() {
	h.t.Helper()
	h.press("enter")
	h.waitView("Agreed ▲ Amber")
}

// voteAgain sets the round revealed aside for a new one (V).
func (h *roomHarness) voteAgain() {
	h.t.Helper()
	h.press("V")
	h.waitView("V back to the last round's votes")
}

// TestTheRoomVotesOnTheItemTheBoardOpens: a fully rated plan reopened
// in presenter mode with the room on (the review at its end), past the
// join screen to the board, then b: the projector shows the first item
// ready to rate, and the phones vote on that item, not "nothing to vote
// on" at the end the review was at.
func TestTheRoomVotesOnTheItemTheBoardOpens(t *testing.T) {
	t.Parallel()
	p := rvNewPlan(t)
	for _, e := range p.Checklist.Items() {
		p.Response(e.Item.ID).Rating = "green"
	}
	answerNextSteps(p) // finished: it opens at the end
	h := startRoomHarnessOn(t, 100, 30, p, Options{Present: true}, "Phones join at 127.0.0.1, as --listen asked.")
	h.waitView("Vote from your phone")
	phone := h.phone()
	phone.join()
	h.press("esc")
	h.waitView("21 of 21 rated")
	if st := h.a.c.room.status; st.ItemID != "" {
		t.Fatalf("on the board at the end, the room votes on %q", st.ItemID)
	}
	h.press("b")
	h.waitView("Develop a clear vision for your D&I strategy")
	first := p.Checklist.Items()[0].Item.ID
	if st := h.a.c.room.status; st.ItemID != first || st.Phase != roomsrv.Voting {
		t.Errorf("the screen shows %s ready to rate; the room is at %q (phase %v)", first, st.ItemID, st.Phase)
	}
	if page := phone.page(); strings.Contains(page, "Nothing to vote on") || !strings.Contains(page, "Develop a clear vision") {
		t.Errorf("the projector shows item 1 ready to rate; the phone shows:\n%s", page)
	}
}

// The room's line says how to reach a new idea as well as what x and d do
// to it: in an area's answer the cursor is on the area, where x does
// nothing and tab goes into the text, where x types an x, so "x accepts"
// alone left the facilitator typing x in front of the room.
func TestTheRoomLineSaysHowToReachANewIdea(t *testing.T) {
	t.Parallel()
	h, phone := startRoomWithAPhone(t)
	h.a.c.goToPlace(review.Question(2)) // who to speak with, by area
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.waitView("phones can send ideas")
	phone.post("idea", url.Values{"question": {"speak-with"}, "area": {"workforce"}, "text": {"HR business partner"}})
	h.waitView("1 new idea in the list: ↑/↓ to it, x accepts, d drops")
	h.press("down", "down", "x")
	h.waitView("[x] “HR business partner”")
}

// TestALongIdeaShowsWholeUnderTheCursor: an idea is up to 280
// characters, and its row is cut to one line; the facilitator reads it to
// the room before accepting it, so with the cursor on it the idea shows
// whole: wrapped in its row in an area's answer, and under the list in the
// quick wins (which said two lines of it). Elsewhere the row stays one line.
func TestALongIdeaShowsWholeUnderTheCursor(t *testing.T) {
	t.Parallel()
	idea := "The operations managers at each of our four sites, because shift patterns decide who can get to training, and the rota planners who set them, and the union reps who agreed the last rota change, and the payroll team who know who works nights and weekends"
	for _, tc := range []struct {
		name       string
		question   int
		post       url.Values
		toIdea     string // the key that moves the cursor toward the idea
		onIdea     string
		awayFromIt string
	}{
		{"quick wins", 1, url.Values{"question": {"quick-wins"}}, "up", "› [ ] The operations", "down"},
		{"who to speak with", 2, url.Values{"question": {"speak-with"}, "area": {"workforce"}}, "down", "› [ ] “The operations", "up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h, phone := startRoomWithAPhone(t)
			h.a.c.goToPlace(review.Question(tc.question))
			h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			h.waitView("phones can send ideas")
			tc.post.Set("text", idea)
			phone.post("idea", tc.post)
			v := h.waitView("1 new idea in the list")
			if strings.Contains(v, "weekends") {
				t.Fatalf("the test's idea fits a row uncut; make it longer:\n%s", v)
			}
			for range 12 {
				if strings.Contains(h.view(), tc.onIdea) {
					break
				}
				h.press(tc.toIdea)
			}
			v = h.view()
			if !strings.Contains(v, tc.onIdea) {
				t.Fatalf("the cursor is not on the idea:\n%s", v)
			}
			if words := strings.Fields(strings.Replace(v, "from the room", "", 1)); !strings.Contains(strings.Join(words, " "), idea) {
				t.Errorf("under the cursor, the idea is still cut:\n%s", v)
			}
			if lines := strings.Split(v, "\n"); len(lines) > 24 {
				t.Errorf("80x24: %d lines:\n%s", len(lines), v)
			}
			h.press(tc.awayFromIt)
			if v := h.view(); strings.Contains(v, "weekends") {
				t.Errorf("off the cursor, the idea is shown whole:\n%s", v)
			}
		})
	}
}

// TestTheScreenSaysTheRoomIsFull: the 201st phone was told "The room is
// full" and the facilitator's screen said nothing, so someone with the
// PIN could not join and the facilitator saw no reason. The join screen
// and the review's strip say it as they say a wrong PIN.
func TestTheScreenSaysTheRoomIsFull(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 80, 24)
	h.waitView("Vote from your phone")
	// Each join from the laptop's own address is a phone of its own.
	p := h.phone()
	for range roomsrv.MaxPhones {
		p.join()
	}
	h.waitView("200 phones in the room")
	if status, body := p.post("join", url.Values{"pin": {"4821"}}); status != http.StatusServiceUnavailable || !strings.Contains(body, "The room is full") {
		t.Fatalf("the 201st phone: %d\n%s", status, body)
	}
	v := h.waitView("⚠ The room is full at 200")
	if lines := strings.Split(v, "\n"); len(lines) > 24 {
		t.Errorf("%d lines:\n%s", len(lines), v)
	}

	h.press("esc")
	h.waitView("Room: 0 of 200 voted")
	p.post("join", url.Values{"pin": {"4821"}})
	h.waitView("⚠ The room is full at 200 phones: a phone could not join")
}

// TestTheJoinScreenSaysAWrongPIN: wrong PINs come while people join, with
// the join screen up; it said nothing of them (the review's strip does),
// so a facilitator whose room had paused joining after a burst of wrong
// PINs saw phones turned away and no reason. At 80x24 and on a
// projector.
func TestTheJoinScreenSaysAWrongPIN(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {240, 67}} {
		h := startRoomHarness(t, size[0], size[1])
		h.waitView("Vote from your phone")
		p := h.phone()
		p.post("join", url.Values{"pin": {"1111"}})
		v := h.waitView("Wrong PIN from a phone")
		if lines := strings.Split(v, "\n"); len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines:\n%s", size[0], size[1], len(lines), v)
		}
		p.join()
		h.waitView("1 phone in the room")
	}
}

// TestRevealWaitsForAVote: the strip offers v only once someone has
// voted. Before that, v revealed an empty spread (block-letter noughts on
// the projector, every phone's buttons gone) and offered "V vote again";
// now it reveals nothing and says why, and with no phones in the room
// the strip offers how to join instead.
func TestRevealWaitsForAVote(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 100, 30)
	h.waitView("Vote from your phone")
	h.press("esc")
	v := h.waitView("Room: no phones yet")
	if strings.Contains(v, "reveal the votes") {
		t.Errorf("with no phones in the room, the strip offers v:\n%s", v)
	}
	if !strings.Contains(v, "w how to join") {
		t.Errorf("with no phones in the room, the strip does not offer how to join:\n%s", v)
	}
	h.press("v")
	if st := h.a.c.room.room.Status(); st.Phase != roomsrv.Voting {
		t.Fatalf("v with no phones revealed (phase %v)", st.Phase)
	}
	h.waitView("Nothing to reveal: no phones in the room yet")
	h.press("k")
	if v := h.view(); strings.Contains(v, "Nothing to reveal") {
		t.Errorf("the notice stayed after another key:\n%s", v)
	}

	phone := h.phone()
	phone.join()
	v = h.waitView("Room: 0 of 1 voted")
	if strings.Contains(v, "reveal the votes") || strings.Contains(v, "how to join") {
		t.Errorf("with a phone in and nobody voted, the strip offers v or how to join:\n%s", v)
	}
	h.press("v")
	if st := h.a.c.room.room.Status(); st.Phase != roomsrv.Voting {
		t.Fatalf("v with nobody voted revealed (phase %v)", st.Phase)
	}
	h.waitView("Nothing to reveal yet: nobody has voted")

	st := h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "amber")
	h.waitView("Room: 1 of 1 voted  v reveal the votes")
	h.press("v")
	h.waitView("Votes: ■ Red 0  ▲ Amber 1")
}

// TestTheIdeasLineOffersHowToJoinWithNoPhones: at a question that takes
// ideas, with no phone in the room, the strip offers w (how to join), as
// it does at an item; "phones can send ideas" alone offered nothing that
// could be done. Once a phone is in, it says what phones can do.
func TestTheIdeasLineOffersHowToJoinWithNoPhones(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 100, 30)
	h.waitView("Vote from your phone")
	h.press("esc")
	h.a.c.goToPlace(review.Question(2)) // who to speak with, by area
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	v := h.waitView("Room: no phones yet")
	if !strings.Contains(v, "w how to join") {
		t.Errorf("with no phones in the room, the ideas line does not offer how to join:\n%s", v)
	}
	h.phone().join()
	v = h.waitView("phones can send ideas · 1 in the room")
	if strings.Contains(v, "how to join") {
		t.Errorf("with a phone in, the ideas line still offers how to join:\n%s", v)
	}
}

// TestEnterAgreesWhatTheStripOffers: while the votes are revealed and no
// rating agreed, the strip offers "enter agree …", and enter agrees it:
// after V, a second round for the level the item already has (enter
// there used to go on to the action and agree nothing), and with the
// focus in a field, where enter goes to the next field, the strip offers
// esc back to the rating, and enter there agrees the most common vote,
// though v was pressed in the status field.
func TestEnterAgreesWhatTheStripOffers(t *testing.T) {
	t.Parallel()
	h, phone := startRoomWithAPhone(t)
	h.waitView("Room: 0 of 1 voted")
	st := h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "amber")
	h.waitView("Room: 1 of 1 voted  v reveal the votes")
	h.press("v")
	h.waitView("enter agree ▲ Amber")
	h.agreeAmber()

	// A second round that agrees the same level.
	h.press("V")
	h.waitView("Room: 0 of 1 voted")
	st = h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "amber")
	h.waitView("Room: 1 of 1 voted  v reveal the votes")
	h.press("v")
	h.waitView("enter agree ▲ Amber")
	h.press("enter")
	if got := h.a.c.room.room.Status().Agreed; got != "amber" {
		t.Fatalf("enter offered to agree Amber again and agreed %q", got)
	}
	h.waitView("Agreed ▲ Amber")

	// v pressed in the status field: the strip offers esc back to the
	// rating, where enter agrees the most common vote.
	h.press("V")
	h.waitView("Room: 0 of 1 voted")
	st = h.a.c.room.status
	phone.vote(st.ItemID, st.Round, "green")
	h.waitView("Room: 1 of 1 voted  v reveal the votes")
	it := h.a.screens[screenItem].(*itemScreen)
	h.press("tab") // the action
	for it.focus != focusStatus {
		h.press("tab")
	}
	h.press("v")
	v := h.waitView("Votes: ■ Red 0  ▲ Amber 0  ● Green 1")
	if strings.Contains(v, "enter agree") || !strings.Contains(v, "esc back to the rating to agree ● Green") {
		t.Errorf("in the status field, the strip does not offer esc back to the rating:\n%s", v)
	}
	h.press("esc")
	h.waitView("enter agree ● Green")
	h.press("enter")
	if got := h.a.c.room.room.Status().Agreed; got != "green" {
		t.Fatalf("enter offered to agree Green and agreed %q", got)
	}
}

// TestSteppingBackToAnAgreedItemShowsWhatWasAgreed: the room agreed a
// rating, the facilitator moved on and stepped back to remind the room of
// it. The phones show the spread and the rating agreed, as when it was
// agreed, and the strip offers V for a new round: stepping back opened a
// fresh vote on every phone, for an item already settled.
func TestSteppingBackToAnAgreedItemShowsWhatWasAgreed(t *testing.T) {
	t.Parallel()
	h, st := startRoomWithOneVote(t, "green")
	h.press("v")
	h.waitView("enter agree ● Green (most common)")
	h.press("enter")
	h.waitView("Agreed ● Green")
	waitFile(t, h, func(p *plans.Plan) bool { return p.Response(st.ItemID).Votes != nil })
	h.press("n")
	h.waitView("Room: 0 of 1 voted")
	h.press("p")
	v := h.waitView("Agreed ● Green")
	if !strings.Contains(v, "V vote again") {
		t.Errorf("the strip offers no new round:\n%s", v)
	}
	now := h.a.c.room.room.Status()
	if now.Phase != roomsrv.Revealed || now.ItemID != st.ItemID || now.Agreed != "green" || now.Votes.Total() != 1 {
		t.Fatalf("back at the agreed item, the room is %+v", now)
	}
	phone := h.phone()
	phone.join()
	if page := phone.page(); !strings.Contains(page, "Agreed: ") || strings.Contains(page, "You have not voted yet.") {
		t.Errorf("a phone is asked to vote again on an agreed item:\n%s", page)
	}
	h.press("V") // the room wants another look: a new round
	h.waitView("Room: 0 of 2 voted")
}

// A character two cells wide in a line one cell wide (a name such as 李雷
// where a window leaves almost nothing) goes on a line of its own, over
// the edge, rather than cut to nothing forever: wrapText looped without
// end there.
func TestWrapTextEndsOnAWideCharacterInANarrowLine(t *testing.T) {
	done := make(chan []string, 1)
	go func() { done <- wrapText("李雷 Zoë", 1) }()
	select {
	case lines := <-done:
		if got := strings.Join(lines, ""); got != "李雷Zoë" {
			t.Errorf("wrapText lost or doubled text: %q", lines)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("wrapText never ended on a two-cell character at width 1")
	}
}

// TestQuitWarningOverAnAgreedSpreadNamesTheIdeas: back on an item whose
// spread was agreed (the room shows it revealed, its rating agreed) with
// ideas from phones waiting, q warns of the ideas, which a quit loses;
// the agreed spread is saved in the plan and loses nothing. It warned of
// a spread with "no rating agreed yet".
func TestQuitWarningOverAnAgreedSpreadNamesTheIdeas(t *testing.T) {
	t.Parallel()
	a := &app{c: &common{room: &roomSession{status: roomsrv.Status{
		Phase:  roomsrv.Revealed,
		Agreed: "green",
		Votes:  &plans.Votes{Levels: map[string]int{"green": 2}},
		Ideas:  []roomsrv.Idea{{ID: 1, Text: "Free pizza"}, {ID: 2, Text: "Buddy scheme"}},
	}}}}
	want := "⚠ 2 ideas from the room not accepted or dropped yet: q again quits and loses them"
	if got := a.quitWarning(); got != want {
		t.Errorf("quitWarning() = %q, want %q", got, want)
	}
}

// TestQuitWarningNamesVotesAndIdeasTogether: with votes open and ideas
// from phones waiting, a quit loses both, so q's warning names both. It
// named the votes alone.
func TestQuitWarningNamesVotesAndIdeasTogether(t *testing.T) {
	t.Parallel()
	ideas := []roomsrv.Idea{{ID: 1, Text: "Free pizza"}, {ID: 2, Text: "Buddy scheme"}}
	for _, tc := range []struct {
		name string
		st   roomsrv.Status
		want string
	}{
		{"votes hidden", roomsrv.Status{Phase: roomsrv.Voting, Voted: 3, Ideas: ideas},
			"⚠ 3 votes not revealed yet, and 2 ideas from the room not accepted or dropped yet: q again quits and loses them (v reveals)"},
		{"one vote hidden", roomsrv.Status{Phase: roomsrv.Voting, Voted: 1, Ideas: ideas[:1]},
			"⚠ 1 vote not revealed yet, and 1 idea from the room not accepted or dropped yet: q again quits and loses them (v reveals)"},
		{"spread not agreed", roomsrv.Status{Phase: roomsrv.Revealed, Voted: 2, Votes: &plans.Votes{Levels: map[string]int{"green": 2}}, Ideas: ideas[:1]},
			"⚠ The votes are revealed, no rating agreed yet, and 1 idea from the room not accepted or dropped yet: q again quits and loses the spread and the idea"},
		{"votes alone, as before", roomsrv.Status{Phase: roomsrv.Voting, Voted: 1},
			"⚠ 1 vote not revealed yet: q again quits and loses it (v reveals)"},
	} {
		a := &app{c: &common{room: &roomSession{status: tc.st}}}
		if tc.st.OpenVotes() == 0 {
			t.Fatalf("%s: the case has no votes open", tc.name)
		}
		if got := a.quitWarning(); got != tc.want {
			t.Errorf("%s: quitWarning() =\n%q, want\n%q", tc.name, got, tc.want)
		}
	}
}

// TestQuitWithVotesAndIdeasFitsASmallWindow: ideas sent on the quick wins,
// then back on the first item with a vote cast, q in a 60x16 window: the
// warning names both, wrapped whole above the footer, and the frame keeps
// to the window. It says which question the idea waits on: from an item,
// or the end, the facilitator looked for it question by question.
func TestQuitWithVotesAndIdeasFitsASmallWindow(t *testing.T) {
	t.Parallel()
	h, phone := startRoomAtQuickWins(t)
	first := h.a.c.checklist().Items()[0].Item.ID
	phone.post("idea", url.Values{"question": {"quick-wins"}, "text": {"Free pizza"}})
	h.waitView("1 new idea")
	h.a.c.goToPlace(review.Item(0))
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.waitView("Room: 0 of 1 voted")
	st := h.a.c.room.status
	if st.ItemID != first {
		t.Fatalf("the room votes on %q, not the first item %q", st.ItemID, first)
	}
	phone.vote(st.ItemID, st.Round, "green")
	h.waitView("1 of 1 voted")
	h.press("q")
	if h.a.quitting {
		t.Fatal("q quit with a vote open and an idea waiting")
	}
	v := h.view()
	requireMatch(t, strings.Join(strings.Fields(v), " "), `1 vote not revealed yet, and 1 idea from the room, on question 2, not accepted or dropped yet: q again quits and loses them \(v reveals\)`)
	if lines := strings.Count(v, "\n") + 1; lines > 16 {
		t.Errorf("the frame is %d lines in a 16-line window:\n%s", lines, v)
	}
	h.press("q")
	if !h.a.quitting {
		t.Fatal("the second q did not quit")
	}
}

// TestQuitWarningCountsAnIdeaFromSeveralPhonesOnce: three phones send the
// same quick win; the list offers it once (room.OfferIdeas), and the
// warning on q, which counted every phone's copy ("3 ideas"), says one,
// as the screens and the accessible prompts both do.
func TestQuitWarningCountsAnIdeaFromSeveralPhonesOnce(t *testing.T) {
	t.Parallel()
	st := roomsrv.Status{Ideas: []roomsrv.Idea{
		{ID: 1, QuestionID: "quick-wins", Text: "Free pizza"},
		{ID: 2, QuestionID: "quick-wins", Text: "free pizza"},
		{ID: 3, QuestionID: "quick-wins", Text: "Free pizza"},
		{ID: 4, QuestionID: "decision-makers", Text: "Free pizza"},
	}}
	a := &app{c: &common{room: &roomSession{status: st}}}
	if got, want := a.quitWarning(), "⚠ 2 ideas from the room not accepted or dropped yet: q again quits and loses them"; got != want {
		t.Errorf("quitWarning() = %q, want %q", got, want)
	}
}

// TestQuitWarningNamesTheQuestionsOfTheIdeas: ideas waiting on two
// questions are named by both numbers, in order, each once.
func TestQuitWarningNamesTheQuestionsOfTheIdeas(t *testing.T) {
	t.Parallel()
	c, _ := checklist.Builtin(checklist.DefaultID)
	r, err := roomsrv.New(c, roomsrv.Options{PIN: "4821"})
	if err != nil {
		t.Fatal(err)
	}
	st := roomsrv.Status{Ideas: []roomsrv.Idea{
		{ID: 1, QuestionID: "decision-makers", Text: "The board"},
		{ID: 2, QuestionID: "quick-wins", Text: "Free pizza"},
		{ID: 3, QuestionID: "quick-wins", Text: "Buddy scheme"},
	}}
	a := &app{c: &common{room: &roomSession{room: r, status: st}}}
	want := "⚠ 3 ideas from the room, on questions 2 and 4, not accepted or dropped yet: q again quits and loses them"
	if got := a.quitWarning(); got != want {
		t.Errorf("quitWarning() = %q, want %q", got, want)
	}
}

package room

import (
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// The laptop asleep: the lid closed a moment, or the facilitator's
// laptop too busy to answer. The room's lock held is the laptop stopped
// (SIGSTOP): a phone's request waits in the laptop's queue, the page gives
// up on it after its wait, and when the laptop wakes the request runs, as
// it did with ladder stopped and continued. The laptop wakes when the
// test ends, if the test has not woken it: a test failing while it slept
// ended at go test's timeout, ten minutes on, its server's close waiting
// on the room.
func laptopAsleep(t *testing.T, r *Room) (wake func()) {
	r.mu.Lock()
	var once sync.Once
	wake = func() { once.Do(r.mu.Unlock) }
	t.Cleanup(wake)
	return wake
}

// shortWait makes the page give up on a request after a fifth of a
// second, where a phone waits 15.
func shortWait(p browserPhone) { setWait(p, "0.2") }

// setWait sets how long the page waits for an answer before it gives up
// (data-wait), in seconds.
func setWait(p browserPhone, seconds string) {
	p.Do(chromedp.Evaluate[chromedp.Void](`document.getElementById("room").dataset.wait = "` + seconds + `"`))
}

// TestAnIdeaThatArrivedWhenTheLaptopWokeIsNotNotSent: a phone sent an
// idea while the laptop was asleep, and the page said "Not sent" after
// its wait, the words kept in the box. The laptop woke and took the idea:
// the page listed it under "Your ideas waiting", and went on saying "Not
// sent" over it with its words in the box, until the question changed.
// The person, told both, sent it again or typed it again. Once the page
// lists the idea among the phone's, the warning goes and the box is
// emptied of those words, as when the answer comes in time.
func TestAnIdeaThatArrivedWhenTheLaptopWokeIsNotNotSent(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "asleep-idea")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	shortWait(p)

	wake := laptopAsleep(t, r)
	p.sendIdea("Name a sponsor")
	p.waitText("Not sent")
	wake()
	p.waitText("1 of your ideas is waiting")
	p.WaitFor("the warning gone", `!document.body.innerText.includes("Not sent")`)
	box := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("text").value`))
	if box != "" {
		t.Errorf("the idea arrived and is listed as waiting; the box still holds %q", box)
	}
	if st := r.Status(); len(st.Ideas) != 1 {
		t.Errorf("the facilitator has %d ideas, want 1", len(st.Ideas))
	}
}

// TestAVoteTappedAgainWhileTheLaptopSleptIsNotNotSent: Red is in; the
// person taps Red again to be sure while the laptop is asleep. The page
// gave up and said "Not sent" over "Your vote is in: ■ Red", and kept
// saying it once the laptop woke and the tap arrived: the person took
// their vote as lost. A tap of the vote the page shows as in loses
// nothing: the page says so by saying nothing. A tap of another vote
// still says "Not sent" until the view shows it in.
func TestAVoteTappedAgainWhileTheLaptopSleptIsNotNotSent(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "asleep-vote")
	r.Vote("lc-vision")
	p.waitText("You have not voted yet.")
	p.vote("red")
	p.waitText("Your vote is in: ■ Red")
	shortWait(p)
	answers := &heldRequests{t: t, p: p}
	answers.count()

	wake := laptopAsleep(t, r)
	p.vote("red")
	p.WaitFor("the page giving up", `window.settled >= 1`)
	if text := p.text(); strings.Contains(text, "Not sent") || !strings.Contains(text, "Your vote is in: ■ Red") {
		t.Fatalf("Red tapped again while the laptop slept; Red is in, and the page says:\n%s", text)
	}
	p.vote("green")
	p.waitText("Not sent")
	wake()
	p.waitText("Your vote is in: ● Green")
	p.WaitFor("the warning gone", `!document.body.innerText.includes("Not sent")`)
	waitStatus(t, r, func(st Status) bool { return st.Voted == 1 })
}

// TestJoiningWhileTheLaptopSleptSaysNotSent: twenty people type the PIN at
// once, on the venue's Wi-Fi, and the laptop is busy or asleep a moment.
// Join was a plain form post: the phone waited for as long as its
// browser would, then showed the browser's own error page, which stayed
// there, and the person scanned the code again or gave up. With the
// page's script, Join says "Joining…", gives up after the page's wait
// and says "Not sent" on the room's page, the PIN still typed; tapped
// again it joins, and the page follows the room from there.
func TestJoiningWhileTheLaptopSleptSaysNotSent(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := openPhone(t, b, s, "asleep-join")
	p.waitText("Type the PIN")
	shortWait(p)
	p.recordSaid() // "Joining…" is up for the page's short wait alone

	wake := laptopAsleep(t, r)
	p.join("4821")
	p.waitSaid("Joining")
	p.waitText("Not sent")
	if url := browsertest.Run(p.Phone, chromedp.Evaluate[string](`location.href`)); url != s.URL() {
		t.Fatalf("a join the laptop did not answer took the phone to %s", url)
	}
	pin := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("pin").value`))
	if text := p.text(); pin != "4821" || strings.Contains(text, "Joining") {
		t.Errorf("the join given up on: the PIN box holds %q, and the page says:\n%s", pin, text)
	}
	wake()
	setWait(p, "15") // the laptop awake, as a phone waits
	p.Do(browsertest.Click(chromedp.CSS(`form.join button`)))
	p.waitText("You are in the room")
	if text := p.text(); strings.Contains(text, "Not sent") {
		t.Errorf("joined, and the page says:\n%s", text)
	}
	r.Vote("lc-vision")
	p.waitText("Develop a clear vision")
	p.vote("amber")
	p.waitText("Your vote is in: ▲ Amber")
}

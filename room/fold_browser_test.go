package room

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestYourVoteIsInIsSeenOnASmallPhone: on a 320x568 phone (an iPhone SE
// of the first kind, the smallest still in a room) the item's title, its
// questions and four tall buttons are longer than the screen, and "Your
// vote is in" was under the last of them: a tap on Green, and nothing on
// the screen said it had counted but a small "your vote" on the button.
// The line that says it comes into view, the button tapped still there.
func TestYourVoteIsInIsSeenOnASmallPhone(t *testing.T) {
	t.Parallel()
	p := aSmallPhoneVoting(t)
	for _, choice := range []string{"green", "unsure", "red"} {
		p.waitText("Not sure")
		p.vote(choice)
		p.waitText("Your vote is in")
		if where := p.offScreen("p.status"); where != "" {
			t.Errorf("after %s, \"Your vote is in\" is off the screen: %s", choice, where)
		}
		if where := p.offScreen("#choice-" + choice); where != "" {
			t.Errorf("after %s, the button tapped went off the screen: %s", choice, where)
		}
	}
}

// aSmallPhoneVoting is a phone of 320x568 joined to a room that votes
// on the item with the longest questions: the page at its tallest.
func aSmallPhoneVoting(t *testing.T) browserPhone {
	t.Helper()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := openPhone(t, b, s, "small")
	p.Do(chromedp.EmulateViewport(320, 568, chromedp.EmulateMobile))
	p.waitText("Type the PIN")
	p.join("4821")
	p.waitText("You are in the room")
	r.Vote("lc-vision")
	return p
}

// offScreen is "" where the first element the selector matches is on
// the screen from top to bottom, else where it is: its top and bottom,
// the screen's height, and how far down the page is scrolled of its
// height.
func (p browserPhone) offScreen(selector string) string {
	return browsertest.Run(p.Phone, chromedp.Evaluate[string](`(function (el) {
  var b = el.getBoundingClientRect();
  if (b.top >= 0 && b.bottom <= window.innerHeight + 0.5) return "";
  return b.top + "-" + b.bottom + " of " + window.innerHeight + " at " + window.scrollY + " of " + document.documentElement.scrollHeight;
})(document.querySelector(`+strconv.Quote(selector)+`))`))
}

// TestNotSentIsSeenOnASmallPhone: on the same phone, a vote tapped with
// no Wi-Fi scrolls the page to its status line, under the buttons, and
// then "Not sent" (an alert, at the top of the item) was said above the
// screen's edge: a reader heard it, everyone else saw "Sending your
// vote…" go and nothing said it had not counted. It comes into view.
func TestNotSentIsSeenOnASmallPhone(t *testing.T) {
	t.Parallel()
	p := aSmallPhoneVoting(t)
	p.waitText("Not sure")
	setOffline(t, p, true)
	p.vote("unsure") // the last button, at the bottom
	p.waitText("Not sent: this phone cannot reach the room just now.")
	if where := p.offScreen("#view p.message"); where != "" {
		t.Errorf("\"Not sent\" is off the screen: %s", where)
	}
}

// TestYourVoteIsInIsSeenOnASmallPhoneWithoutJavaScript: with JavaScript
// off the page comes back from the post at its top, and "Your vote is
// in" stayed under the four buttons, below the screen's edge at 320x568.
// The page comes back at the line, the buttons above it.
func TestYourVoteIsInIsSeenOnASmallPhoneWithoutJavaScript(t *testing.T) {
	t.Parallel()
	r, s, p := joinWithoutScript(t)
	p.Do(chromedp.EmulateViewport(320, 568, chromedp.EmulateMobile))
	r.Vote("lc-vision") // the longest questions: the page at its tallest
	p.Do(chromedp.Navigate(s.URL()))
	p.waitText("Develop a clear vision for your D&I strategy")
	for _, c := range []struct{ choice, said string }{{"green", "● Green"}, {"unsure", "? Not sure"}, {"red", "■ Red"}} {
		p.vote(c.choice)
		p.waitText("Your vote is in: " + c.said)
		if where := p.offScreen("p.status"); where != "" {
			t.Errorf("after %s, \"Your vote is in\" is off the screen: %s", c.choice, where)
		}
		if where := p.offScreen("#choice-" + c.choice); where != "" {
			t.Errorf("after %s, the button tapped is off the screen: %s", c.choice, where)
		}
	}
}

package room

import (
	"testing"

	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestAVoteFromThePhonesOtherTabClearsNotSent: a person with the page
// open in two tabs tapped Red in one on a poor Wi-Fi, which said "Not
// sent", and then voted Green in the other, which got through. The first
// tab showed Green as the vote, and still "Not sent" over it: a vote
// lost where the phone's vote is in. A vote of the phone's that came in
// after the tap that failed (from the other tab, or the failed tap
// itself, arrived after the page gave up) now takes the warning away.
func TestAVoteFromThePhonesOtherTabClearsNotSent(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "first-tab")
	other := p.otherTab(s)
	r.Vote("lc-leadership")
	p.waitText("You have not voted yet.")
	other.waitText("You have not voted yet.")

	h := holdRequests(t, p, "*/vote")
	p.vote("amber")
	h.pass(h.next())
	other.waitText("Your vote is in: ▲ Amber")
	p.vote("red")
	h.fail(h.next())
	p.waitText("Not sent")
	other.vote("green")
	other.waitText("Your vote is in: ● Green")
	p.waitText("Your vote is in: ● Green")
	p.WaitFor(`"Not sent" gone`, `!document.body.innerText.includes("Not sent")`)
}

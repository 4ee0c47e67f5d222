package room

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// setOffline cuts a phone's network, or gives it back, as a phone losing
// the room's Wi-Fi does.
func setOffline(t *testing.T, p browserPhone, off bool) {
	t.Helper()
	if _, err := chromedp.Call(p.Context(), network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.Context(), network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}}}); err != nil {
		t.Fatal(err)
	}
}

// A phone that loses the Wi-Fi and votes says on the room's page that
// the vote was not sent, and once the Wi-Fi is back it follows the room
// again and its vote goes in. It left the page for the browser's error
// page, which stayed there when the Wi-Fi came back: the person saw no
// more items and their vote was never counted.
func TestAPhoneThatLosesTheWiFiKeepsTheRoomsPage(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := openPhone(t, b, s, "ana")
	p.join("4821")
	p.waitText("You are in the room")
	r.Vote("lc-leadership")
	p.waitText("Strong leadership")

	setOffline(t, p, true)
	p.vote("red")
	p.waitText("Not sent: this phone cannot reach the room just now.")
	if url := browsertest.Run(p.Phone, chromedp.Evaluate[string](`location.href`)); url != s.URL() {
		t.Fatalf("off the Wi-Fi, a vote took the phone to %s", url)
	}
	axe(t, p, "a vote not sent")
	if st := r.Status(); st.Voted != 0 {
		t.Fatalf("a vote sent with no network was counted: %+v", st)
	}

	setOffline(t, p, false)
	r.Vote("lc-educate-leaders") // the room moved on meanwhile
	p.waitText("Educate senior leaders to get buy-in")
	if text := p.text(); strings.Contains(text, "Not sent") {
		t.Errorf("back on the Wi-Fi, the phone still says the vote was not sent:\n%s", text)
	}
	p.vote("amber")
	p.waitText("Your vote is in: ▲ Amber")
	waitStatus(t, r, func(st Status) bool { return st.Voted == 1 })
}

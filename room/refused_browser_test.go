package room

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestAPhoneWhoseStreamIsRefusedWaitsAndSaysSo: a phone in the room whose
// stream the laptop refuses (it holds all the streams it takes) reloaded
// its page every two seconds for as long as that lasted, with nothing on
// the screen to say why: battery and the venue's Wi-Fi burnt, and the
// person tapping a page that kept going blank. It stays on its page, says
// what is happening, tries again less and less often, and follows the
// room once the laptop takes its stream.
func TestAPhoneWhoseStreamIsRefusedWaitsAndSaysSo(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	r.mu.Lock()
	r.streams = 2 * MaxPhones // every stream the room takes is open
	r.mu.Unlock()
	p := openPhone(t, b, s, "refused")
	browsertest.Run(p.Phone, chromedp.Evaluate[bool](`window.sameLoad = true`))
	p.join("4821")
	p.waitText("Too many connections to the room just now")
	p.waitText("tries again by itself in 4 seconds")
	p.waitText("tries again by itself in 8 seconds")
	if !browsertest.Run(p.Phone, chromedp.Evaluate[bool](`window.sameLoad === true`)) {
		t.Fatal("the page reloaded itself while its stream was refused")
	}
	r.mu.Lock()
	r.streams = 0
	r.mu.Unlock()
	r.Vote("lc-leadership")
	p.waitText("Strong leadership and management driving your D&I strategy")
	if text := p.text(); strings.Contains(text, "Too many connections") {
		t.Errorf("following the room again, the page still says its stream is refused:\n%s", text)
	}
}

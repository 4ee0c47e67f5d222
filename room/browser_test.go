package room

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/browsertest"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the phone page screenshots the README shows")

// browserPhone is a phone tab on the room's page.
type browserPhone struct {
	*browsertest.Phone
}

func openPhone(t *testing.T, b *browsertest.Browser, s *Server, name string) browserPhone {
	t.Helper()
	p := browserPhone{b.Phone(t, name)}
	p.Do(chromedp.Navigate(s.URL()))
	return p
}

// phoneInRoom is a phone that has opened the room's page, seen the PIN
// asked for, and joined with the test server's PIN.
func phoneInRoom(t *testing.T, b *browsertest.Browser, s *Server, name string) browserPhone {
	t.Helper()
	p := openPhone(t, b, s, name)
	p.waitText("Type the PIN")
	p.join("4821")
	p.waitText("You are in the room")
	return p
}

// text is the page's visible text.
func (p browserPhone) text() string {
	return browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.body.innerText`))
}

func (p browserPhone) join(pin string) {
	p.Do(chromedp.SendKeys(chromedp.ID("pin"), pin), browsertest.Click(chromedp.CSS(`form.join button`)))
}

func (p browserPhone) waitText(what string) {
	p.WaitFor(fmt.Sprintf("%q on the page", what), fmt.Sprintf(`document.body.innerText.includes(%q)`, what))
}

func (p browserPhone) vote(choice string) {
	p.Do(browsertest.Click(chromedp.ID("choice-" + choice)))
}

// sendIdea types text into the idea box, over what is there, and sends it.
func (p browserPhone) sendIdea(text string) {
	p.Do(chromedp.SetValue(chromedp.ID("text"), text), browsertest.Click(chromedp.CSS(`form.idea button`)))
}

// otherTab opens the room's page in a second tab of p's phone (the same
// cookies: the page opened twice), in the room as the first.
func (p browserPhone) otherTab(s *Server) browserPhone {
	other := browserPhone{p.Tab("second-tab")}
	other.Do(chromedp.Navigate(s.URL()))
	other.waitText("You are in the room")
	return other
}

// TestPhonesInABrowser is the room as phones see it, in a real browser:
// several phones join with the PIN, follow the facilitator live, vote
// with nothing given away before the reveal, see the spread after it,
// and send an idea that arrives plain.
func TestPhonesInABrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	names := []string{"ana", "bo", "cy"}
	phones := make([]browserPhone, len(names))
	for i, name := range names {
		phones[i] = openPhone(t, b, s, name)
		phones[i].waitText("Type the PIN shown on the screen")
	}
	phones[0].join("1111")
	phones[0].waitText("That PIN is not right")
	for _, p := range phones {
		p.join("4821")
		p.waitText("You are in the room")
	}
	if st := r.Status(); st.Joined != 3 {
		t.Fatalf("the facilitator sees %d phones, want 3", st.Joined)
	}

	// Every phone follows the facilitator to the item, without a reload.
	r.Vote("lc-leadership")
	for _, p := range phones {
		p.waitText("Strong leadership and management driving your D&I strategy")
	}
	if *updateScreenshots {
		writeScreenshot(t, phones[1], "room-phone-vote.png")
	}
	phones[0].vote("red")
	phones[1].vote("amber")
	phones[2].vote("amber")
	phones[0].waitText("Your vote is in: ■ Red")
	phones[0].vote("green") // a change of mind before the reveal
	phones[0].waitText("Your vote is in: ● Green")
	phones[1].waitText("Your vote is in: ▲ Amber")
	phones[2].waitText("Your vote is in: ▲ Amber")
	waitStatus(t, r, func(st Status) bool { return st.Voted == 3 })

	// Nothing before the reveal says how anyone else voted.
	for _, p := range phones {
		text := p.text()
		if strings.Contains(text, "The room's votes") || strings.Contains(text, "Agreed") {
			t.Errorf("%s sees the spread before the reveal:\n%s", p.Name, text)
		}
		html := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
		if strings.Contains(html, `class="spread"`) || strings.Count(html, `aria-pressed="true"`) != 1 {
			t.Errorf("%s's page holds more than its own vote before the reveal", p.Name)
		}
	}

	r.Reveal()
	for _, p := range phones {
		p.waitText("The room's votes")
	}
	spread := phones[1].text()
	for _, want := range []string{"Red\n0", "Amber\n2", "Green\n1", "Not sure\n0", "You voted ▲ Amber."} {
		if !strings.Contains(spread, want) {
			t.Errorf("the spread lacks %q:\n%s", want, spread)
		}
	}
	if strings.Contains(spread, "worth talking through") {
		t.Error("amber and green called a disagreement")
	}

	// A re-vote that splits the room red to green says so.
	r.Revote()
	for _, p := range phones {
		p.waitText("You have not voted yet.")
	}
	phones[0].waitText("Voting again after the discussion")
	axe(t, phones[0], "a vote again")
	phones[0].vote("red")
	phones[1].vote("green")
	phones[2].vote("unsure")
	waitStatus(t, r, func(st Status) bool { return st.Voted == 3 })
	r.Reveal()
	phones[2].waitText("The votes span ■ Red to ● Green: worth talking through before you agree.")
	r.Agree("lc-leadership", "amber")
	for _, p := range phones {
		p.waitText("Agreed: ▲ Amber")
	}
	if *updateScreenshots {
		writeScreenshot(t, phones[2], "room-phone-reveal.png")
	}

	// On to the next item: every phone follows, with a fresh vote.
	r.Vote("lc-educate-leaders")
	for _, p := range phones {
		p.waitText("Educate senior leaders to get buy-in")
		p.waitText("You have not voted yet.")
	}

	// Ideas during the next-steps questions, typed with escapes and HTML.
	r.Ask("quick-wins")
	phones[1].waitText("What are your quick wins?")
	// A keyboard cannot type ESC into a text box; a script or a crafted
	// request can, so set the value directly.
	phones[1].Do(
		chromedp.SendKeys(chromedp.ID("text"), "<b>Name a sponsor</b>"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("text").value += "\u001b[2J\u0007 for each grade"`),
		browsertest.Click(chromedp.CSS(`form.idea button`)),
	)
	phones[1].waitText("1 of your ideas is waiting")
	phones[1].waitText("<b>Name a sponsor</b> for each grade")
	if n := browsertest.Run(phones[1].Phone, chromedp.Evaluate[int](`document.querySelectorAll("#view b").length`)); n != 0 {
		t.Error("an idea's HTML became markup on the page")
	}
	st := r.Status()
	if len(st.Ideas) != 1 || st.Ideas[0].Text != "<b>Name a sponsor</b> for each grade" {
		t.Errorf("the facilitator gets %+v", st.Ideas)
	}
	// The text box is cleared for the next idea, and focused.
	if v := browsertest.Run(phones[1].Phone, chromedp.Value(chromedp.ID("text"))); v != "" {
		t.Errorf("the idea box still holds %q", v)
	}

	// Quitting ladder: every phone is told.
	s.Close()
	for _, p := range phones {
		p.waitText("The room has closed")
	}
}

// joinWithoutScript starts a room and joins it from a phone without
// JavaScript.
func joinWithoutScript(t *testing.T) (*Room, *Server, browserPhone) {
	t.Helper()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := browserPhone{b.Phone(t, "no-script")}
	p.DisableScript()
	p.Do(chromedp.Navigate(s.URL()))
	p.join("4821")
	p.waitText("You are in the room")
	return r, s, p
}

// TestPhonePageWithoutJavaScript: plain forms, a redirect after each
// post, and the same outcome.
func TestPhonePageWithoutJavaScript(t *testing.T) {
	t.Parallel()
	r, s, p := joinWithoutScript(t)
	r.Vote("lc-vision")
	p.Do(chromedp.Navigate(s.URL())) // what "Check again", or the page's own refresh, does
	p.waitText("Develop a clear vision for your D&I strategy")
	p.vote("green")
	p.waitText("Your vote is in: ● Green")
	if st := r.Status(); st.Voted != 1 {
		t.Errorf("voted = %d", st.Voted)
	}
	if has := browsertest.Run(p.Phone, chromedp.Evaluate[bool](`!!document.querySelector('noscript')`)); !has {
		t.Error("the page offers no way to check again without JavaScript")
	}
}

// TestPhonePageIsAccessible checks what a screen reader hears and how the
// page reflows: at 320 px wide and with text at 200%, nothing is wider
// than the screen, and every choice is a real button named by its word.
func TestPhonePageIsAccessible(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := openPhone(t, b, s, "reader")
	p.waitText("Type the PIN")
	axe(t, p, "the PIN page")
	p.join("4821")
	p.waitText("You are in the room")
	axe(t, p, "the waiting page")
	r.Vote("en-policy-job-skills")
	p.waitText("Not sure")
	axe(t, p, "the vote")

	var buttons, live []string
	for _, n := range p.Accessibility() {
		switch n.Role {
		case "button":
			buttons = append(buttons, n.Name)
		case "textbox":
			t.Errorf("unexpected text box %q", n.Name)
		}
		if strings.Contains(n.Name, "■") || strings.Contains(n.Name, "▲") || strings.Contains(n.Name, "●") {
			t.Errorf("a screen reader reads the shape in %s %q", n.Role, n.Name)
		}
	}
	wantButtons := []string{"Red Nothing/Not something you currently do", "Amber Do something in this space but limited", "Green Actively do this", "Not sure"}
	if !slices.Equal(buttons, wantButtons) {
		t.Errorf("buttons a screen reader finds = %q\nwant %q", buttons, wantButtons)
	}
	live = append(live, browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.getElementById("live").getAttribute("aria-live")`)))
	if live[0] != "polite" {
		t.Errorf("no polite live region for updates: %q", live)
	}
	group := browsertest.Run(p.Phone, chromedp.Evaluate[string](`document.querySelector("fieldset legend").innerText`))
	if !strings.Contains(group, "hidden until the reveal") {
		t.Errorf("the buttons' group is labelled %q", group)
	}
	// The next item is announced when it arrives.
	r.Vote("en-policy-manager-kpis")
	last := r.checklist.Areas[len(r.checklist.Areas)-1]
	said := fmt.Sprintf("Vote on %s, item %d of %d", last.Title, len(last.Items), len(last.Items))
	p.WaitFor("the new item announced", fmt.Sprintf(`document.getElementById("live").textContent.startsWith(%q)`, said))

	p.vote("amber")
	p.waitText("Your vote is in")
	axe(t, p, "a vote cast")
	r.Reveal()
	p.waitText("The room's votes")
	axe(t, p, "the reveal")

	noOverflow := `document.documentElement.scrollWidth <= window.innerWidth`
	p.Do(chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile))
	p.WaitFor("no sideways scrolling at 320 px", noOverflow)
	p.Do(chromedp.EmulateViewport(browsertest.PhoneWidth, browsertest.PhoneHeight, chromedp.EmulateMobile),
		chromedp.Evaluate[chromedp.Void](`document.documentElement.style.fontSize = "200%"`))
	p.WaitFor("no sideways scrolling with text at 200%", noOverflow)
	// Zoomed to 200%, a 390 px phone lays the page out in 195 px.
	p.Do(chromedp.EmulateViewport(195, 422, chromedp.EmulateMobile),
		chromedp.Evaluate[chromedp.Void](`document.documentElement.style.fontSize = ""`))
	p.WaitFor("no sideways scrolling at 200% zoom", noOverflow)
	r.Vote("en-data-collect")
	p.waitText("You have not voted yet.")
	small := browsertest.Run(p.Phone, chromedp.Evaluate[float64](`Math.min(...[...document.querySelectorAll("button")].map(b => b.getBoundingClientRect().height))`))
	if small < 44 {
		t.Errorf("the smallest button is %.0f px tall; a finger needs 44", small)
	}
}

// axe runs axe-core's WCAG 2.2 AA rules and best practices on the page,
// and fails on anything serious.
func axe(t *testing.T, p browserPhone, what string) {
	t.Helper()
	for _, v := range browsertest.Axe(t, p.Context()) {
		if v.Serious() || v.Impact == "moderate" {
			t.Errorf("%s: %s", what, v)
		}
	}
}

// waitStatus waits for the facilitator's view of the room to satisfy ok.
func waitStatus(t *testing.T, r *Room, ok func(Status) bool) {
	t.Helper()
	for {
		wake := r.Changed()
		if st := r.Status(); ok(st) {
			return
		}
		select {
		case <-wake:
		case <-r.Closing():
			t.Fatal("the room closed")
		}
	}
}

// writeScreenshot saves a phone's screen for the README.
func writeScreenshot(t *testing.T, p browserPhone, name string) {
	t.Helper()
	path := filepath.Join("..", "docs", name)
	if err := os.WriteFile(path, p.Screenshot(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// TestPhonePageWithoutJavaScriptCanCheckAgain: a phone without JavaScript
// that has not voted (the page does not reload itself then, so as not to
// move under a finger) and one that is writing an idea are not stuck on
// what the facilitator has moved on from: each view offers "Check again".
func TestPhonePageWithoutJavaScriptCanCheckAgain(t *testing.T) {
	t.Parallel()
	r, _, p := joinWithoutScript(t)
	checkAgain := func(want string) {
		t.Helper()
		p.Do(browsertest.Click(chromedp.CSS(`a.button[href="/"]`)))
		p.waitText(want)
	}
	r.Vote("lc-vision")
	checkAgain("Develop a clear vision for your D&I strategy")
	r.Vote("lc-leadership") // the facilitator moves on before this phone votes
	checkAgain("Strong leadership and management driving your D&I strategy")
	r.Ask("quick-wins")
	checkAgain("What are your quick wins?")
	r.Ask("decision-makers")
	checkAgain("Who are the decision makers to help you make this change?")
}

// TestPhoneKeepsTheAreaItSendsIdeasFor: at a question asked per area,
// a person who chose an area and sent an idea sends the next one for the
// same area unless they choose another; each waiting idea says its area.
// The choice used to go back to the first area after every idea (and,
// with the page live, whenever the page updated), so a second idea for
// Enablers went to Leadership & Culture unnoticed.
func TestPhoneKeepsTheAreaItSendsIdeasFor(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	r.Ask("speak-with")
	for _, script := range []bool{true, false} {
		name := map[bool]string{true: "live", false: "no-script"}[script]
		p := browserPhone{b.Phone(t, name)}
		if !script {
			p.DisableScript()
		}
		p.Do(chromedp.Navigate(s.URL()))
		p.join("4821")
		p.waitText("Who do you need to speak with")
		send := func(text string) {
			t.Helper()
			p.Do(chromedp.SendKeys(chromedp.ID("text"), text), browsertest.Click(chromedp.CSS(`form.idea button`)))
			p.waitText(text)
		}
		p.Do(chromedp.SetValue(chromedp.ID("area"), "enablers"))
		send(name + ": the data team")
		if area := browsertest.Run(p.Phone, chromedp.Value(chromedp.ID("area"))); area != "enablers" {
			t.Errorf("%s: after an idea for Enablers the area chosen is %q", name, area)
		}
		send(name + ": the payroll manager")
		p.waitText("Enablers: " + name + ": the payroll manager")
		if !script {
			continue
		}
		// A choice made but not sent yet stays when the page updates
		// under it (here, the facilitator drops an idea).
		p.Do(chromedp.SetValue(chromedp.ID("area"), "workforce"))
		ideas := r.Status().Ideas
		r.settleIdea(ideas[0].ID, false)
		p.waitText("✗ Not taken: Enablers: " + name + ": the data team") // named with its area, as while it waited
		// Said as words alone: "Not taken", not "multiplication x Not
		// taken".
		for _, n := range p.Accessibility() {
			if strings.ContainsAny(n.Name, "✓✗") {
				t.Errorf("%s: a screen reader reads the mark in %s %q", name, n.Role, n.Name)
			}
		}
		if area := browsertest.Run(p.Phone, chromedp.Value(chromedp.ID("area"))); area != "workforce" {
			t.Errorf("%s: the page updated and the area chosen went from Workforce to %q", name, area)
		}
	}
	var areas []string
	for _, idea := range r.Status().Ideas {
		areas = append(areas, idea.Area)
	}
	if want := []string{"enablers", "enablers", "enablers"}; !slices.Equal(areas, want) {
		t.Errorf("the ideas arrive for the areas %q, want %q", areas, want)
	}
}

// TestPhoneShowsKeyboardFocusOnItsVote: someone voting from a keyboard
// (or a switch, or a screen reader's keys) must see where the focus is,
// on the button of their own vote too. That button is outlined to show
// the vote; focused, it must look different again, and by more than a
// colour, since whoever cannot tell the focus colour from the text's
// cannot tell the two outlines apart either.
func TestPhoneShowsKeyboardFocusOnItsVote(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "keys")
	r.Vote("lc-vision")
	p.waitText("Not sure")
	// Vote from the keyboard: the page keeps the focus on the button.
	p.Do(chromedp.Focus(chromedp.ID("choice-amber")), chromedp.KeyEvent("\r"))
	p.waitText("Your vote is in")
	p.WaitFor("the focus back on the vote", `document.activeElement && document.activeElement.id === "choice-amber" && document.activeElement.matches(":focus-visible")`)
	look := `(() => { const s = getComputedStyle(document.getElementById("choice-amber")); return [s.outlineStyle, s.outlineWidth, s.outlineOffset, s.boxShadow.replace(/rgba?\([^)]*\)/g, "")].join(" | "); })()`
	focused := browsertest.Run(p.Phone, chromedp.Evaluate[string](look))
	p.Do(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	unfocused := browsertest.Run(p.Phone, chromedp.Evaluate[string](look))
	if focused == unfocused {
		t.Errorf("the button of one's own vote looks the same focused and not, but for colour: %q", focused)
	}
}

// TestPhoneSaysTheVoteInWords: after a vote and after the reveal, the
// lines that say what this phone voted are read as words, the shape
// beside them hidden from a screen reader as it is on the buttons ("Your
// vote is in: Amber", not "black up-pointing triangle Amber").
func TestPhoneSaysTheVoteInWords(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := phoneInRoom(t, b, s, "words")
	r.Vote("lc-vision")
	p.waitText("Not sure")
	p.vote("amber")
	p.waitText("Your vote is in")
	shapesRead := func(when string) {
		t.Helper()
		for _, n := range p.Accessibility() {
			if strings.ContainsAny(n.Name, "■▲●") {
				t.Errorf("%s: a screen reader reads the shape in %s %q", when, n.Role, n.Name)
			}
		}
	}
	shapesRead("after the vote")
	r.Reveal()
	p.waitText("You voted")
	shapesRead("after the reveal")
}

// A checklist of one's own with five levels and long words, on a 320 px
// phone: after the reveal each level's count stood hard against its word
// ("▲ Planned but not begun0"), a float with nowhere left to go. The word
// wraps in its own column and the count keeps a gap to its right.
func TestTheSpreadKeepsEachCountApartFromALongWord(t *testing.T) {
	t.Parallel()
	r, s := fiveLevelServer(t)
	b := browsertest.Start(t)
	p := openPhone(t, b, s, "small")
	p.Do(chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile))
	p.join("4821")
	p.waitText("You are in the room")
	r.Vote("lc-vision")
	p.waitText("Planned but not begun")
	p.vote("planned")
	p.waitText("Your vote is in")
	r.Reveal()
	p.waitText("The room's votes")
	gaps := browsertest.Run(p.Phone, chromedp.Evaluate[[]float64](`[...document.querySelectorAll(".spread li")].map(li => {
		const word = li.querySelector(".word").getBoundingClientRect(), count = li.querySelector(".count").getBoundingClientRect();
		return count.left - word.right;
	})`))
	if len(gaps) != 6 {
		t.Fatalf("%d rows in the spread, want 6 (five levels and not sure)", len(gaps))
	}
	for i, gap := range gaps {
		if gap < 4 {
			t.Errorf("row %d: the count is %.0f px from its word", i+1, gap)
		}
	}
}

// fiveLevelServer is a room on a checklist of one's own with five levels
// and long words, listening.
func fiveLevelServer(t *testing.T) (*Room, *Server) {
	t.Helper()
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	c := *builtin
	c.Scale = []checklist.Level{
		{Key: "not-started", Label: "Not started", Description: "Nothing in place yet"},
		{Key: "planned", Label: "Planned but not begun", Description: "Agreed, not yet begun"},
		{Key: "partly", Label: "Partly in place", Description: "Some of it"},
		{Key: "mostly", Label: "Mostly in place", Description: "Most of it"},
		{Key: "embedded", Label: "Fully embedded", Description: "Everyone, every time"},
	}
	r, err := New(&c, Options{PIN: "4821"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	s, err := Listen(r, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return r, s
}

// On a phone every level of a five-level scale is a button of its own
// colour, in light and dark mode, and passes axe-core's contrast checks:
// the three middle levels were all amber.
func TestEveryLevelIsAColourOfItsOwnOnAPhone(t *testing.T) {
	t.Parallel()
	r, s := fiveLevelServer(t)
	b := browsertest.Start(t)
	p := openPhone(t, b, s, "colours")
	p.join("4821")
	p.waitText("You are in the room")
	r.Vote("lc-vision")
	p.waitText("Planned but not begun")
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(p.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		colours := browsertest.Run(p.Phone, chromedp.Evaluate[[]string](`[...document.querySelectorAll("button.choice")].map(b => getComputedStyle(b).backgroundColor)`))
		if len(colours) != 6 {
			t.Fatalf("%s: %d choices, want 6 (five levels and not sure)", scheme, len(colours))
		}
		for i := range colours {
			for j := range i {
				if colours[i] == colours[j] {
					t.Errorf("%s: choices %d and %d are both %s", scheme, j+1, i+1, colours[i])
				}
			}
		}
		axe(t, p, scheme+": the vote on five levels")
	}
	p.vote("partly")
	p.waitText("Your vote is in")
	r.Reveal()
	p.waitText("The room's votes")
	axe(t, p, "the reveal of five levels")
}

// TestAPhoneAfterLadderStartsAgain: after a break (ladder quit and
// carried on with the same address), a phone's open page finds the room
// again by itself and asks for the PIN, saying that the PIN is new:
// people who type the PIN they remember from before the break get it
// wrong, and thirty wrong PINs in a minute pause joining for everyone.
func TestAPhoneAfterLadderStartsAgain(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	c, _ := checklist.Builtin(checklist.DefaultID)
	first, err := New(c, Options{PIN: "4821"})
	if err != nil {
		t.Fatal(err)
	}
	s := listenQuick(t, first, "127.0.0.1:0")
	addr := s.Addr()
	p := openPhone(t, b, s, "ana")
	p.join("4821")
	p.waitText("You are in the room")
	first.Vote("lc-leadership") // followed live: the page's stream is open
	p.waitText("Strong leadership and management driving your D&I strategy")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// At a break the page said "The review has ended", and people closed
	// it; it says the room has closed, and to keep the page for a break.
	p.waitText("The room has closed")
	p.waitText("Only a break? Keep this page open")

	again, err := New(c, Options{PIN: "5930"})
	if err != nil {
		t.Fatal(err)
	}
	s2 := listenQuick(t, again, addr)
	defer s2.Close()
	p.waitText("Type the PIN shown on the screen")
	p.waitText("if the review started again, it has a new PIN")
	p.join("5930")
	p.waitText("You are in the room")
	if strings.Contains(p.text(), "new PIN") {
		t.Errorf("the phone, in the room again, still says the PIN is new:\n%s", p.text())
	}
}

// TestAPhoneTypesThePINInItsOwnDigits: the PIN box takes the digits of
// the phone's keyboard, Arabic-Indic on a phone set to Arabic; the page
// refused them before the PIN reached the room ("match the requested
// format"), so that phone could not join at all.
func TestAPhoneTypesThePINInItsOwnDigits(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	_, s := startParallelServer(t)
	p := openPhone(t, b, s, "amal")
	p.waitText("Type the PIN shown on the screen")
	p.join("٤٨٢١")
	p.waitText("You are in the room")
}

// TestALongWordInAnIdeaStaysOnThePhone: an idea with a word longer than
// the screen is wide (a link pasted from a browser) wraps in the phone's
// lists of its ideas, waiting and settled, where it pushed the page wider
// than the phone, so the whole page slid sideways under a thumb.
func TestALongWordInAnIdeaStaysOnThePhone(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	p := openPhone(t, b, s, "link")
	p.Do(chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile))
	p.join("4821")
	p.waitText("You are in the room")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	link := "https://intranet.example.com/hr/policies/progression/" + strings.Repeat("frontline-pathways-", 8) + "2027.pdf"
	p.sendIdea(link) // pasted, not typed key by key (some 600 key events)
	p.waitText("Your ideas waiting")
	wide := func(what string) {
		t.Helper()
		if over := browsertest.Run(p.Phone, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`)); over > 0 {
			t.Errorf("%s: the page is %d px wider than the phone", what, over)
		}
	}
	wide("waiting")
	st := r.Status()
	if len(st.Ideas) != 1 {
		t.Fatalf("the room has %d ideas", len(st.Ideas))
	}
	r.settleIdea(st.Ideas[0].ID, false)
	p.waitText("Not taken:")
	wide("settled")
}

// TestAnIdeaTypedStaysWithItsQuestion: someone half-way through typing an
// idea when the facilitator steps to another question (or back, or to
// the board's item and back again) finds the words in the box when the
// question comes back, as they left them; a key pressed by mistake on the
// laptop emptied every phone's box. Words typed for one question do not
// go into another's box.
func TestAnIdeaTypedStaysWithItsQuestion(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	r, s := startParallelServer(t)
	r.Ask("quick-wins")
	p := openPhone(t, b, s, "slow typist")
	p.join("4821")
	p.waitText("What are your quick wins?")
	typed := "Ask the shift leads which training"
	p.Do(chromedp.SendKeys(chromedp.ID("text"), typed))

	r.Ask("speak-with")
	p.waitText("Who do you need to speak with")
	if v := browsertest.Run(p.Phone, chromedp.Value(chromedp.ID("text"))); v != "" {
		t.Errorf("the words typed for the quick wins are in the next question's box: %q", v)
	}
	r.Vote("lc-leadership")
	p.waitText("Strong leadership")
	r.Ask("quick-wins")
	p.waitText("What are your quick wins?")
	if v := browsertest.Run(p.Phone, chromedp.Value(chromedp.ID("text"))); v != typed {
		t.Errorf("back at the quick wins, the box holds %q, want %q", v, typed)
	}
}

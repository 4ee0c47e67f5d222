//go:build unix

package tui_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/qr/scan"
	"github.com/socialmobility/ladder/plans"
)

var joinURL = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)

// TestRoomEndToEnd is the whole room, as a workshop runs it: ladder in a
// real pseudo-terminal at 80x24 (the smallest screen the room is for),
// and phones as tabs of a real headless Chromium. The QR code on the
// terminal decodes to the join address; three phones join with the PIN,
// vote (one changes its mind), see nothing of the others' votes before
// the reveal, see the spread after it and the agreed rating, follow the
// facilitator to the next item and vote again; during the next-steps
// questions they send ideas, which the facilitator sees in the question's
// list, from the room, and accepts or drops there; quitting ladder tells
// them the room has closed, and the plan file has each item's agreed
// rating with the final round's counts, and the ideas accepted.
func TestRoomEndToEnd(t *testing.T) {
	t.Parallel()
	e2eBinary(t) // skips under -short before a browser starts
	b := browsertest.Start(t)
	dir := t.TempDir()
	path := e2ePlan(t, dir, "acme.yaml", acme)
	e := e2eStart(t, dir, e2eTerm{cols: 80, rows: 24},
		"review", "--today", "2027-03-14", "--room", "--listen", "127.0.0.1:0", "--room-pin", "4821", "plans/acme.yaml")

	screen := e.waitFor("Vote from your phone", "Type the PIN  4821")
	url := joinURL.FindString(screen)
	if url == "" {
		t.Fatalf("no join address on the terminal:\n%s", screen)
	}
	// The words can be on the screen before the last rows of the code: a
	// frame arrives in pieces. Wait for it to read, rather than read the
	// first snapshot (which failed now and then on a loaded machine).
	e.waitUntil("the QR code on the terminal to read "+url, func(screen string) bool {
		got, err := scan.Decode(screen, true)
		return err == nil && got == url
	})

	names := []string{"ana", "bo", "cy"}
	phones := make([]*browsertest.Phone, len(names))
	for i, name := range names {
		p := b.Phone(t, name)
		p.Do(chromedp.Navigate(url))
		waitText(p, "Type the PIN shown on the screen")
		p.Do(chromedp.SendKeys(chromedp.ID("pin"), "4821"), browsertest.Click(chromedp.CSS(`form.join button`)))
		waitText(p, "You are in the room")
		phones[i] = p
	}
	e.waitFor("3 phones in the room")

	e.keys("esc")
	e.waitFor("Develop a clear vision for your D&I strategy", "Room: 0 of 3 voted")
	waitEveryPhone(phones, "Develop a clear vision for your D&I strategy")
	tap(phones[0], "green")
	tap(phones[1], "amber")
	tap(phones[2], "amber")
	waitText(phones[0], "Your vote is in: ● Green")
	tap(phones[0], "red") // a change of mind before the reveal
	waitText(phones[0], "Your vote is in: ■ Red")
	waitText(phones[1], "Your vote is in: ▲ Amber")
	waitText(phones[2], "Your vote is in: ▲ Amber")
	screen = e.waitFor("Room: 3 of 3 voted")
	if strings.Contains(screen, "Votes:") {
		t.Errorf("the terminal shows the spread before the reveal:\n%s", screen)
	}
	for _, p := range phones {
		if text := pageText(p); strings.Contains(text, "The room's votes") {
			t.Errorf("%s sees the spread before the reveal:\n%s", p.Name, text)
		}
	}

	e.keys("v")
	e.waitFor("Votes: ■ Red 1  ▲ Amber 2  ● Green 0", "enter agree ▲ Amber (most common)")
	waitEveryPhone(phones, "The room's votes")
	if text := pageText(phones[2]); !strings.Contains(text, "Amber\n2") || !strings.Contains(text, "Red\n1") {
		t.Errorf("the spread on a phone:\n%s", text)
	}
	e.keys("enter")
	e.waitFor("Agreed ▲ Amber")
	waitEveryPhone(phones, "Agreed: ▲ Amber")

	// The next item: every phone follows. (A rating leaves the focus on
	// the rating, so n moves on.)
	e.waitFor("n/→ next")
	e.keys("n")
	e.waitFor("Strong leadership and management", "Room: 0 of 3 voted")
	for _, p := range phones {
		waitText(p, "Strong leadership and management driving your D&I strategy")
		waitText(p, "You have not voted yet.")
		tap(p, "green")
	}
	e.waitFor("Room: 3 of 3 voted")
	// This one is revealed from the board, which shows it on the item's
	// line, and says to go back to the item to agree.
	e.keys("b")
	screen = e.waitFor("Where we stand", "Room: 3 of 3 voted")
	if !regexp.MustCompile(`2 ○ Unrated +Leaders\S* +3 of 3 voted`).MatchString(screen) {
		t.Errorf("the board's line for the item does not say how many voted:\n%s", screen)
	}
	e.keys("v")
	screen = e.waitFor("Votes: ■ Red 0  ▲ Amber 0  ● Green 3", "esc back to the item to agree ● Green")
	if !regexp.MustCompile(`2 ○ Unrated +Leaders.* +■0 ▲0 ●3`).MatchString(screen) {
		t.Errorf("the board's line for the item does not show the spread:\n%s", screen)
	}
	e.keys("esc")
	e.waitFor("enter agree ● Green")
	e.keys("enter")
	e.waitFor("Agreed ● Green")

	// On to the next steps, by way of the last item (o, end, enter).
	e.keys("o")
	e.waitFor("Overview")
	e.keys("end", "enter")
	e.waitFor("KPIs for managers")
	e.keys("n")
	e.waitFor("Enablers: done")
	e.keys("enter")
	e.waitFor("How many did you get in each area")
	e.keys("n")
	e.waitFor("What are your quick wins?", "phones can send ideas")
	waitEveryPhone(phones, "What are your quick wins?")
	sendIdea(phones[0], "Name a senior sponsor")
	sendIdea(phones[1], "<b>Free pizza</b>")
	screen = e.waitFor("2 new ideas in the list", "Name a senior sponsor", "<b>Free pizza</b>")
	if !regexp.MustCompile(`\[ \] Name a senior sponsor +from the room`).MatchString(screen) {
		t.Errorf("the idea is not a row of the quick wins, from the room:\n%s", screen)
	}
	if got := loadPlan(t, path).Answer("quick-wins").List; len(got) != 0 {
		t.Errorf("ideas reached the plan before they were accepted: %q", got)
	}
	e.keys("k", "k", "x") // up from the first suggestion to the first idea; accept it
	screen = e.waitFor("[x] Name a senior sponsor", "1 new idea in the list")
	if !regexp.MustCompile(`\[x\] Name a senior sponsor +from the room`).MatchString(screen) {
		t.Errorf("the accepted idea is not labelled as the room's:\n%s", screen)
	}
	waitText(phones[0], "Ideas go to the facilitator") // none of its ideas waits any more
	e.keys("j", "d")
	e.waitFor("phones can send ideas")

	e.keys("n")
	e.waitFor("Who do you need to speak with")
	waitText(phones[2], "Who do you need to speak with")
	phones[2].Do(chromedp.SetValue(chromedp.ID("area"), "workforce"))
	sendIdea(phones[2], "Jo in HR")
	e.waitFor("[ ] “Jo in HR”")
	e.keys("j", "j", "x") // Leadership & Culture's answer, Workforce's, then its idea
	e.waitFor("[x] “Jo in HR”")
	text := e.quits()
	waitEveryPhone(phones, "The room has closed")
	// Back from a break, the room is where the phones were told: --listen
	// with the port it took, not 0.
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	// On a line of its own at 80 columns, where the terminal broke it
	// mid-address after the sentence.
	if want := "run:\n  ladder review --room --listen " + host + " plans/acme.yaml"; !strings.Contains(strings.ReplaceAll(text, "\r\n", "\n"), want) {
		t.Errorf("quit mid-review, ladder did not say %q:\n%s", want, tailText(text, 800))
	}

	p := loadPlan(t, path)
	for id, want := range map[string]string{
		"lc-vision":     "amber {red: 1, amber: 2, green: 0, unsure: 0}",
		"lc-leadership": "green {red: 0, amber: 0, green: 3, unsure: 0}",
	} {
		r := p.Response(id)
		if got := r.Rating + " " + votesText(r.Votes); got != want {
			t.Errorf("%s in the plan: %s, want %s", id, got, want)
		}
	}
	if got := p.Answer("quick-wins").List; len(got) != 1 || got[0] != "Name a senior sponsor" {
		t.Errorf("quick wins in the plan: %q, want only the accepted idea", got)
	}
	if got := p.Answer("speak-with").ByArea["workforce"]; got != "Jo in HR" {
		t.Errorf("who to speak with about the workforce: %q", got)
	}
	data, _ := os.ReadFile(path)
	if n := strings.Count(string(data), "votes:"); n != 2 {
		t.Errorf("%d items have votes in the file, want 2", n)
	}
	if strings.Contains(string(data), "127.0.0.1") || strings.Contains(string(data), "4821") {
		t.Error("the plan holds the room's address or PIN")
	}
}

func votesText(v *plans.Votes) string {
	if v == nil {
		return "no votes"
	}
	return fmt.Sprintf("{red: %d, amber: %d, green: %d, unsure: %d}", v.Count("red"), v.Count("amber"), v.Count("green"), v.Unsure)
}

func waitText(p *browsertest.Phone, text string) {
	p.WaitFor(fmt.Sprintf("%q on the page", text), fmt.Sprintf(`document.body.innerText.includes(%q)`, text))
}

// waitEveryPhone waits until every phone's page shows text.
func waitEveryPhone(phones []*browsertest.Phone, text string) {
	for _, p := range phones {
		waitText(p, text)
	}
}

func pageText(p *browsertest.Phone) string {
	return browsertest.Run(p, chromedp.Evaluate[string](`document.body.innerText`))
}

// sendIdea types an idea on a phone and sends it.
func sendIdea(p *browsertest.Phone, text string) {
	p.Do(chromedp.SendKeys(chromedp.ID("text"), text), browsertest.Click(chromedp.CSS(`form.idea button`)))
	waitText(p, "of your ideas")
}

func tap(p *browsertest.Phone, choice string) {
	p.Do(browsertest.Click(chromedp.ID("choice-" + choice)))
}

package accessible

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/room"
	"github.com/socialmobility/ladder/room/roomtest"
)

// roomPIN is the PIN the tests' rooms are opened with.
const roomPIN = "4821"

// roomReview is an accessible review with the room on, running on its
// own goroutine: answers are typed one line at a time, as a facilitator
// would, and what it printed is read as it comes.
type roomReview struct {
	t    *testing.T
	in   *io.PipeWriter
	out  *lockedBuffer
	seen int           // what waitFor has read past
	done chan struct{} // closed when Run returns, with err
	err  error
	url  string // the join address it said
}

// lockedBuffer is output written by the review's goroutine and read by
// the test's.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var joinLine = regexp.MustCompile(`Join address: (http://127\.0\.0\.1:\d+/)\n`)

// startRoomReview opens the plan at path in an accessible review with a
// room on 127.0.0.1 (any free port, PIN roomPIN), and waits for it to say
// where phones join.
func startRoomReview(t *testing.T, path string, interrupt <-chan os.Signal) *roomReview {
	t.Helper()
	pr, pw := io.Pipe()
	rr := &roomReview{t: t, in: pw, out: &lockedBuffer{}, done: make(chan struct{})}
	setup := &room.Setup{Addr: netip.MustParseAddrPort("127.0.0.1:0"), Exact: true, PIN: roomPIN, Why: "Phones join at 127.0.0.1, as --listen asked."}
	go func() {
		defer close(rr.done)
		rr.err = Run(Options{PlanPath: path, Today: today, In: pr, Out: rr.out, Room: setup, Interrupt: interrupt})
	}()
	t.Cleanup(func() {
		pw.Close()
		select {
		case <-rr.done:
		case <-time.After(10 * time.Second):
			t.Error("the review did not end when its input did")
		}
	})
	rr.waitFor("Join address: ")
	m := joinLine.FindStringSubmatch(rr.out.String())
	if m == nil {
		t.Fatalf("no join address said:\n%s", rr.out.String())
	}
	rr.url = m[1]
	return rr
}

// phonesVote joins a phone for each choice and votes it on the item the
// room has open; their connections close with the test.
func (rr *roomReview) phonesVote(choices ...string) []*roomtest.Phone {
	rr.t.Helper()
	var phones []*roomtest.Phone
	for _, choice := range choices {
		p := roomtest.Joined(rr.t, rr.url, roomPIN)
		p.Vote(choice)
		rr.t.Cleanup(p.Close)
		phones = append(phones, p)
	}
	return phones
}

// revealRedGreenGreen waits for the first item's rating, has three
// phones vote Red, Green and Green on it and reveals their spread, the
// review back at the rating.
func (rr *roomReview) revealRedGreenGreen() {
	rr.t.Helper()
	rr.waitFor("Rating: ")
	rr.phonesVote("red", "green", "green")
	rr.answer("reveal")
	rr.waitFor("Rating: ")
}

// waitFor waits until the output, after what was waited for before,
// holds want, and returns the output from there to the end of want.
func (rr *roomReview) waitFor(want string) string {
	rr.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		out := rr.out.String()
		if i := strings.Index(out[rr.seen:], want); i >= 0 {
			from := rr.seen
			rr.seen += i + len(want)
			return out[from:rr.seen]
		}
		if time.Now().After(deadline) {
			rr.t.Fatalf("the review never said %q; after what was read, it said:\n%s", want, out[rr.seen:])
		}
	}
}

// answer types a line at the prompt the review is at.
func (rr *roomReview) answer(line string) {
	rr.t.Helper()
	if _, err := io.WriteString(rr.in, line+"\n"); err != nil {
		rr.t.Fatal(err)
	}
}

// ends waits for the review to end, fails unless its room stopped
// listening, and returns Run's error.
func (rr *roomReview) ends() error {
	rr.t.Helper()
	select {
	case <-rr.done:
	case <-time.After(10 * time.Second):
		rr.t.Fatalf("the review did not end:\n%s", rr.out.String())
	}
	out := rr.out.String()
	assertPlain(rr.t, out)
	if !strings.Contains(out, "The room is closed: phones show that it has closed.") {
		rr.t.Errorf("the review does not say the room closed:\n%s", out)
	}
	host := strings.TrimSuffix(strings.TrimPrefix(rr.url, "http://"), "/")
	if c, err := net.DialTimeout("tcp", host, time.Second); err == nil {
		c.Close()
		rr.t.Errorf("the room still listens on %s after the review ended", host)
	}
	return rr.err
}

// quits types quit, and fails unless the review ends well with its room
// closed, and says the command that carries on with the room where the
// phones were told it is (--listen with the port taken, not 0: back
// from a break, the phones' pages look for it there).
func (rr *roomReview) quits() {
	rr.t.Helper()
	rr.answer("quit")
	if err := rr.ends(); err != nil {
		rr.t.Fatalf("the review ended with %v:\n%s", err, rr.out.String())
	}
	host := strings.TrimSuffix(strings.TrimPrefix(rr.url, "http://"), "/")
	if want := "run: ladder review --accessible --room --listen " + host + " "; !strings.Contains(rr.out.String(), want) {
		rr.t.Errorf("quit, the review does not say %q:\n%s", want, rr.out.String())
	}
}

// saysAll fails unless said (what the review said after what) holds
// every one of want.
func saysAll(t *testing.T, after, said string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(said, w) {
			t.Errorf("after %s, the review does not say %q:\n%s", after, w, said)
		}
	}
}

// TestTheRoomFullIsSaid: the 201st phone is told the room is full; the
// facilitator is told too, as a wrong PIN is, in the room's lines.
func TestTheRoomFullIsSaid(t *testing.T) {
	path := newPlanFile(t, nil)
	rr := startRoomReview(t, path, nil)
	rr.waitFor("Rating: ")
	p := roomtest.New(t, rr.url) // each join from the laptop is a phone of its own
	for range room.MaxPhones {
		p.Join(roomPIN)
	}
	if status, body := p.Post("/join", url.Values{"pin": {roomPIN}}); status != http.StatusServiceUnavailable || !strings.Contains(body, "The room is full") {
		t.Fatalf("the 201st phone: %d\n%s", status, body)
	}
	rr.answer("votes")
	said := rr.waitFor("Rating: ")
	saysAll(t, "votes", said, "Room: The room is full at 200 phones: a phone could not join (a phone gone 10 minutes makes room)\nRoom: 200 phones in the room.\n")
	rr.answer("quit")
}

// TestRoomVotesInAccessibleMode: a facilitator with a screen reader runs
// the room from the accessible prompts. Three phones vote over real HTTP;
// votes says how many, never what; reveal says the spread in words, calls
// out a room that spans red to green, and offers the most common vote as
// what Enter agrees; the rating given takes the final round's counts
// into the plan on disk. quit closes the room.
func TestRoomVotesInAccessibleMode(t *testing.T) {
	before := runtime.NumGoroutine()
	path := newPlanFile(t, nil)
	rr := startRoomReview(t, path, nil)
	said := rr.waitFor("Rating: ")
	saysAll(t, "opening", said,
		"PIN: 4821 (digit by digit: 4 8 2 1)\nPhones join at 127.0.0.1, as --listen asked.\n",
		"Type qr to print a QR code",
		"Recommendation: Develop a clear vision for your D&I strategy",
		"Phones can vote on this item now. At the rating, type votes",
	)

	var phones []*roomtest.Phone
	for _, choice := range []string{"red", "green", "green"} {
		p := roomtest.Joined(t, rr.url, roomPIN)
		p.Vote(choice)
		phones = append(phones, p)
	}
	if status, _ := roomtest.New(t, rr.url).Post("/join", url.Values{"pin": {"0000"}}); status != http.StatusForbidden {
		t.Errorf("a wrong PIN: %d", status)
	}
	rr.answer("votes")
	said = rr.waitFor("Rating: ")
	if !strings.HasPrefix(said, "votes\n3 of 3 voted.") {
		t.Errorf("votes does not say 3 of 3 voted:\n%s", said)
	}
	saysAll(t, "votes", said, "Room: Wrong PIN from a phone (first try)\nRoom: 3 phones in the room.\nRating: ")
	if out := rr.out.String(); strings.Contains(out, "Red 1") || strings.Contains(out, "Green 2") || strings.Contains(out, "Votes:") {
		t.Fatalf("the spread is said before the reveal:\n%s", out)
	}

	rr.answer("reveal")
	said = rr.waitFor("Rating: ")
	saysAll(t, "reveal", said,
		"Votes: Red 1, Amber 0, Green 2, not sure 0.\n",
		"The votes span Red to Green: talk it through before you agree a rating.\n",
		"press Enter to agree Green, the most common vote",
	)
	if strings.Contains(said, "1) Red") {
		t.Errorf("the rating's options are listed again after the reveal:\n%s", said)
	}

	rr.answer("") // Enter agrees Green
	said = rr.waitFor("Action: ")
	if !strings.Contains(said, "Rated Green.\nThe room's votes are kept in the plan beside the rating.\n") {
		t.Errorf("agreeing:\n%s", said)
	}
	r := onDiskPlan(t, path).Response("lc-vision")
	want := &plans.Votes{Levels: map[string]int{"red": 1, "green": 2}}
	if r.Rating != "green" || !r.Votes.Equal(want) {
		t.Errorf("on disk: rating %q, votes %+v; want green with %+v", r.Rating, r.Votes, want)
	}
	if data, _ := os.ReadFile(path); !bytes.Contains(data, []byte("votes:")) {
		t.Errorf("the plan file has no votes:\n%s", data)
	}

	// The next item: a new round, nothing voted yet; revote and a rating
	// given without a reveal keep no votes.
	rr.answer("-") // action
	rr.answer("")  // owner
	rr.answer("")  // due
	rr.answer("")  // notes
	said = rr.waitFor("Rating: ")
	if !strings.Contains(said, "Item 2 of 4 in this area, 2 of 21 in all") || !strings.Contains(said, "Phones can vote on this item now.\n") {
		t.Errorf("item 2:\n%s", said)
	}
	rr.answer("votes")
	if said := rr.waitFor("Rating: "); !strings.HasPrefix(said, "votes\n0 of 3 voted.") {
		t.Errorf("votes on a new item:\n%s", said)
	}

	// Back to item 1, which the room agreed: what was agreed is said, not
	// a new vote (the phones show the agreement too), and revote is how
	// to open one.
	rr.answer("back")
	said = rr.waitFor("Rating: ")
	saysAll(t, "back at the agreed item", said, "Recommendation: Develop a clear vision",
		"The room agreed Green on this item (votes: Red 1, Amber 0, Green 2, not sure 0). Type revote to vote on it again.\n")
	if strings.Contains(said, "Phones can vote on this item now.") {
		t.Errorf("back at an agreed item, phones are said to vote again:\n%s", said)
	}
	rr.answer("") // keeps Green
	for range 4 {
		rr.waitFor(": ")
		rr.answer("")
	}
	said = rr.waitFor("Rating: ")
	if !strings.Contains(said, "Item 2 of 4 in this area") {
		t.Errorf("on to item 2 again:\n%s", said)
	}
	rr.answer("a")
	rr.waitFor("Rated Amber.")
	rr.quits()
	for _, p := range phones {
		p.Close()
	}
	testtool.WaitForGoroutines(t, before)
	if r := onDiskPlan(t, path).Response("lc-leadership"); r.Rating != "amber" || r.Votes != nil {
		t.Errorf("item 2 rated without a reveal: %+v", *r)
	}
}

// TestRoomIdeasInAccessibleMode: during a next-steps question, ideas sent
// from phones are said before the next prompt (made safe), listed by
// ideas, taken into the answer with take N and dropped with drop N; only
// the one taken is in the plan on disk.
func TestRoomIdeasInAccessibleMode(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		for _, e := range p.Checklist.Items() {
			p.Response(e.Item.ID).Rating = "amber"
		}
	})
	rr := startRoomReview(t, path, nil)
	rr.waitFor("Every item is rated, so on to the next steps.")
	phone := roomtest.Joined(t, rr.url, roomPIN)
	rr.waitFor("Question 1 of 5")
	rr.waitFor("Due date: ")
	rr.answer("")
	said := rr.waitFor("Numbers: ")
	if !strings.Contains(said, "Question 2 of 5: What are your quick wins?\nPhones can send ideas for this question now: type ideas") {
		t.Errorf("the quick wins question:\n%s", said)
	}

	phone.SendIdea("quick-wins", "", "Mentoring scheme for juniors")
	phone.SendIdea("quick-wins", "", "Free pizza \x1b[31mon Fridays\x1b]0;pwned\x07")
	rr.answer("ideas")
	said = rr.waitFor("Numbers: ")
	saysAll(t, "ideas", said,
		"Ideas from the room for this question:\n",
		"Idea 1: Mentoring scheme for juniors (waiting: take 1 or drop 1)\n",
		"Idea 2: Free pizza on Fridays (waiting: take 2 or drop 2)\n",
	)
	if data, _ := os.ReadFile(path); bytes.Contains(data, []byte("Mentoring")) || bytes.Contains(data, []byte("pizza")) {
		t.Fatalf("an idea is in the plan before it was taken:\n%s", data)
	}

	rr.answer("take 1")
	said = rr.waitFor("Numbers: ")
	if !strings.Contains(said, "Took idea 1 into the answer: Mentoring scheme for juniors.\n") || !strings.Contains(said, "So far: Mentoring scheme for juniors.") {
		t.Errorf("take 1:\n%s", said)
	}
	rr.answer("drop 2")
	said = rr.waitFor("Numbers: ")
	if !strings.Contains(said, "Dropped idea 2: Free pizza on Fridays. It is not in the plan.\n") {
		t.Errorf("drop 2:\n%s", said)
	}
	rr.answer("take 2")
	if said := rr.waitFor("Numbers: "); !strings.Contains(said, "There is no idea 2 for this question") {
		t.Errorf("take of a dropped idea:\n%s", said)
	}

	// An idea sent while a prompt waits is said before the next one.
	phone.SendIdea("quick-wins", "", "Buddy scheme")
	rr.answer("")
	said = rr.waitFor("Another: ")
	if !strings.Contains(said, "From the room, idea 3: Buddy scheme. Type take 3 to put it into the answer, or drop 3.\n") {
		t.Errorf("a new idea is not said before the next prompt:\n%s", said)
	}
	rr.answer("")
	rr.waitFor("Due date: ")
	rr.answer("")

	// Who to speak with, per area: an idea for Workforce taken while
	// Leadership & Culture is asked is in Workforce's answer, and
	// Leadership & Culture is asked again, not the whole question.
	said = rr.waitFor("\nLeadership & Culture: ")
	if !strings.Contains(said, "Question 3 of 5: Who do you need to speak with") {
		t.Fatalf("question 3:\n%s", said)
	}
	phone.SendIdea("speak-with", "workforce", "Head of HR")
	rr.answer("take 4")
	said = rr.waitFor("\nLeadership & Culture: ")
	if !strings.Contains(said, "Took idea 4 into the answer: Head of HR.\n") || strings.Contains(said, "Question 3 of 5") {
		t.Errorf("take 4 at an area's answer:\n%s", said)
	}
	rr.answer("")
	if said := rr.waitFor("\nWorkforce: "); !strings.Contains(said, "Enter keeps: Head of HR.") {
		t.Errorf("Workforce's answer does not hold the idea taken:\n%s", said)
	}
	rr.answer("")
	rr.waitFor("\nEnablers: ")
	// Buddy scheme waits, neither taken nor dropped: quit says it would
	// be lost, and quit again quits.
	rr.answer("quit")
	if said := rr.waitFor("\nEnablers: "); !strings.Contains(said, "1 idea from the room is not taken or dropped yet: quitting now loses it. Type quit again to quit all the same, or ideas to hear it.\n") {
		t.Errorf("quit with an idea waiting:\n%s", said)
	}
	rr.quits()

	if got := onDiskPlan(t, path).Answer("speak-with").ByArea["workforce"]; got != "Head of HR" {
		t.Errorf("speak with, Workforce, on disk: %q", got)
	}
	got := onDiskPlan(t, path).Answer("quick-wins").List
	if len(got) != 1 || got[0] != "Mentoring scheme for juniors" {
		t.Errorf("quick wins on disk: %q; want the idea taken, and neither the one dropped nor the one left waiting", got)
	}
}

// Without --room, the room's words are answers like any other.
func TestRoomWordsAreAnswersWithoutTheRoom(t *testing.T) {
	path := newPlanFile(t, nil)
	out, err := runReview(t, Options{PlanPath: path}, linesReader([]string{"g", "reveal", "", "", "", "quit"}))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got := onDiskPlan(t, path).Response("lc-vision").Action; got != "reveal" {
		t.Errorf("action %q, want reveal:\n%s", got, out)
	}
	if errors.Is(err, errVoteChanged) || strings.Contains(out, "With the room") {
		t.Errorf("the room is spoken of without it:\n%s", out)
	}
}

// ctrl+c (or a hangup, or SIGTERM) at a prompt closes the room too.
func TestRoomClosesOnInterrupt(t *testing.T) {
	interrupt := make(chan os.Signal, 1)
	rr := startRoomReview(t, newPlanFile(t, nil), interrupt)
	rr.waitFor("Rating: ")
	interrupt <- os.Interrupt
	if err := rr.ends(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Run: %v, want interrupted", err)
	}
	rr.waitFor("Interrupted (ctrl+c). Every answer given is saved")
}

// A tie after the reveal: the screens say Enter agrees "(tied: the lower
// level)"; the prompts called the lower of two levels with as many votes
// each "the most common vote", which a room that just heard 2 and 2 knows
// is not so.
func TestTheRevealSaysWhenTheVotesAreTied(t *testing.T) {
	rr := startRoomReview(t, newPlanFile(t, nil), nil)
	rr.waitFor("Rating: ")
	for _, choice := range []string{"green", "amber", "green", "amber"} {
		roomtest.Joined(t, rr.url, roomPIN).Vote(choice)
	}
	rr.answer("reveal")
	said := rr.waitFor("Rating: ")
	saysAll(t, "reveal", said, "Votes: Red 0, Amber 2, Green 2, not sure 0.\n", "press Enter to agree Amber, the lower of the tied votes")
	if strings.Contains(said, "the most common vote") {
		t.Errorf("a tie is called the most common vote:\n%s", said)
	}
	// Quit with the spread not agreed: asked again, as q on the screens.
	rr.answer("quit")
	said = rr.waitFor("Rating: ")
	saysAll(t, "quit with the spread not agreed", said, "The votes are revealed and no rating is agreed yet: quitting now loses the spread. Type quit again")
	rr.quits()
}

// Quit while phones have voted and nothing is revealed loses their votes
// (the room keeps them in memory only): the screens' first q says so and
// the second quits; the prompts quit at once, with no word of the votes.
// Now the first quit says how many would be lost and asks the question
// again, and quit typed again quits.
func TestQuitWithVotesOpenAsksAgainInAccessibleMode(t *testing.T) {
	rr := startRoomReview(t, newPlanFile(t, nil), nil)
	rr.waitFor("Rating: ")
	for _, choice := range []string{"green", "red"} {
		roomtest.Joined(t, rr.url, roomPIN).Vote(choice)
	}
	rr.answer("quit")
	said := rr.waitFor("Rating: ")
	saysAll(t, "quit with two votes open", said, "2 votes are not revealed yet: quitting now loses them. Type quit again to quit all the same, or reveal, at the rating, to show them.\n")
	if strings.Contains(said, "Stopped.") {
		t.Fatalf("the first quit with votes open quit:\n%s", said)
	}
	rr.quits()
}

// TestQuitNamesVotesAndIdeasTogether: with votes open and ideas from
// phones waiting, a quit loses both, so the prompt names both. It named
// the votes alone; the other cases say what they said.
func TestQuitNamesVotesAndIdeasTogether(t *testing.T) {
	ideas := []room.Idea{{ID: 1, Text: "Free pizza"}, {ID: 2, Text: "Buddy scheme"}}
	for _, tc := range []struct {
		name string
		st   room.Status
		want string
	}{
		{"votes hidden and ideas", room.Status{Phase: room.Voting, Voted: 3, Ideas: ideas},
			"3 votes are not revealed yet, and 2 ideas from the room are not taken or dropped yet: quitting now loses them. Type quit again to quit all the same, or reveal, at the rating, to show the votes."},
		{"spread not agreed and an idea", room.Status{Phase: room.Revealed, Votes: &plans.Votes{Levels: map[string]int{"green": 2}}, Ideas: ideas[:1]},
			"The votes are revealed and no rating is agreed yet, and 1 idea from the room is not taken or dropped yet: quitting now loses the spread and the idea. Type quit again to quit all the same, or agree a rating first."},
		// Votes on an item moved on from, no rating agreed: the room keeps
		// them for coming back, in memory only. quit lost them unsaid.
		{"votes left on another item", room.Status{Phase: room.Voting, Left: []string{"a"}},
			"The votes on item 2, no rating agreed yet: quitting now loses them. Type quit again to quit all the same, or go back to it and agree a rating first."},
		// Votes open here and votes left on items moved on from: a quit
		// loses both, and named only the first.
		{"a spread here and votes left on two items", room.Status{Phase: room.Revealed, Votes: &plans.Votes{Levels: map[string]int{"green": 2}}, Left: []string{"a", "b"}},
			"The votes are revealed and no rating is agreed yet: quitting now loses the spread, and the votes on items 2 and 5, no rating agreed yet. Type quit again to quit all the same, or agree a rating first."},
		{"one vote, an idea and votes left", room.Status{Phase: room.Voting, Voted: 1, Ideas: ideas[:1], Left: []string{"a"}},
			"1 vote is not revealed yet, and 1 idea from the room is not taken or dropped yet: quitting now loses them, and the votes on item 2, no rating agreed yet. Type quit again to quit all the same, or reveal, at the rating, to show the votes."},
		{"an idea and votes left", room.Status{Phase: room.Asking, Ideas: ideas[:1], Left: []string{"a"}},
			"1 idea from the room is not taken or dropped yet: quitting now loses it, and the votes on item 2, no rating agreed yet. Type quit again to quit all the same, or ideas to hear it."},
		{"one vote", room.Status{Phase: room.Voting, Voted: 1},
			"1 vote is not revealed yet: quitting now loses it. Type quit again to quit all the same, or reveal, at the rating, to show it."},
		{"ideas alone", room.Status{Phase: room.Voting, Ideas: ideas},
			"2 ideas from the room are not taken or dropped yet: quitting now loses them. Type quit again to quit all the same, or ideas to hear them."},
		// The same words from several phones are one idea, as ideas lists
		// them (room.OfferIdeas); it counted every phone's copy.
		{"one idea from two phones", room.Status{Phase: room.Asking, Ideas: []room.Idea{{ID: 1, Text: "Free pizza"}, {ID: 2, Text: "FREE PIZZA"}}},
			"1 idea from the room is not taken or dropped yet: quitting now loses it. Type quit again to quit all the same, or ideas to hear it."},
	} {
		left := map[int]string{1: "the votes on item 2, no rating agreed yet", 2: "the votes on items 2 and 5, no rating agreed yet"}[len(tc.st.Left)]
		if got := quitLoses(tc.st, left); got != tc.want {
			t.Errorf("%s: quitLoses() =\n%q, want\n%q", tc.name, got, tc.want)
		}
	}
}

package room

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// clock is a hand-wound clock for the room.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newTestRoom(t *testing.T) (*Room, *clock) {
	t.Helper()
	c, ok := checklist.Builtin(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	clk := &clock{t: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)}
	r, err := New(c, Options{PIN: "4821", Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r, clk
}

func join(t *testing.T, r *Room, from string) string {
	t.Helper()
	tok, err := r.Join("4821", from)
	if err != nil {
		t.Fatalf("join from %s: %v", from, err)
	}
	return tok
}

func TestVotesHiddenUntilReveal(t *testing.T) {
	r, _ := newTestRoom(t)
	phones := []string{join(t, r, "10.0.0.1"), join(t, r, "10.0.0.2"), join(t, r, "10.0.0.3")}
	r.Vote("lc-vision")
	st := r.Status()
	for i, choice := range []string{"red", "amber", "amber"} {
		if err := r.CastVote(phones[i], "lc-vision", st.Round, choice); err != nil {
			t.Fatal(err)
		}
	}
	st = r.Status()
	if st.Voted != 3 || st.Joined != 3 || st.Votes != nil {
		t.Fatalf("before the reveal: %d of %d voted, votes %+v; want 3 of 3 and no counts", st.Voted, st.Joined, st.Votes)
	}
	// Nothing a phone sees before the reveal gives away another's vote.
	r.mu.Lock()
	page := string(render("page", r.view(phones[0])))
	r.mu.Unlock()
	if strings.Contains(page, "Amber 2") || strings.Contains(page, "class=\"spread\"") || !strings.Contains(page, "Your vote is in") {
		t.Errorf("phone page before the reveal shows the spread or not its own vote:\n%s", page)
	}
	v, ok := r.Reveal()
	if !ok || v.Count("red") != 1 || v.Count("amber") != 2 || v.Count("green") != 0 || v.Total() != 3 {
		t.Fatalf("revealed %+v, %v", v, ok)
	}
	if st := r.Status(); st.Votes == nil || !st.Votes.Equal(v) || st.Phase != Revealed {
		t.Errorf("status after the reveal = %+v", st)
	}
}

func TestOneVotePerPhonePerRound(t *testing.T) {
	r, _ := newTestRoom(t)
	a, b := join(t, r, "10.0.0.1"), join(t, r, "10.0.0.2")
	r.Vote("lc-vision")
	round := r.Status().Round
	for _, choice := range []string{"red", "green", "amber", "amber"} {
		if err := r.CastVote(a, "lc-vision", round, choice); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.CastVote(b, "lc-vision", round, Unsure); err != nil {
		t.Fatal(err)
	}
	v, _ := r.Reveal()
	if v.Total() != 2 || v.Count("amber") != 1 || v.Unsure != 1 {
		t.Errorf("a phone that changed its vote three times counted as %+v; want its last vote once", v)
	}
	// A re-vote starts from nothing.
	r.Revote()
	st := r.Status()
	if st.Voted != 0 || st.Round != round+1 || st.Phase != Voting {
		t.Errorf("after a re-vote: %+v", st)
	}
	// A phone still showing the last round is told the vote started
	// again, not that the item is no longer up: it is, on its screen.
	if err := r.CastVote(a, "lc-vision", round, "red"); !errors.Is(err, ErrNewRound) {
		t.Errorf("a vote for the last round after a re-vote: %v, want ErrNewRound", err)
	}
	if err := r.CastVote(a, "lc-vision", st.Round, "green"); err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Reveal(); v.Total() != 1 || v.Count("green") != 1 {
		t.Errorf("second round = %+v", v)
	}
}

func TestRefusedVotes(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	if err := r.CastVote(a, "lc-vision", 0, "red"); !errors.Is(err, ErrNoVote) {
		t.Errorf("vote with nothing up: %v", err)
	}
	r.Vote("lc-vision")
	round := r.Status().Round
	tests := []struct {
		name, token, item, choice string
		round                     int
		want                      error
	}{
		{"not joined", "00000000000000000000000000000000", "lc-vision", "red", round, ErrNotJoined},
		{"not current item", a, "lc-leadership", "red", round, ErrNotCurrent},
		{"old round", a, "lc-vision", "red", round - 1, ErrNewRound},
		{"not a level", a, "lc-vision", "yellow", round, ErrBadChoice},
		{"unrated is not a vote", a, "lc-vision", checklist.Unrated, round, ErrBadChoice},
		{"empty", a, "lc-vision", "", round, ErrBadChoice},
	}
	for _, tc := range tests {
		if err := r.CastVote(tc.token, tc.item, tc.round, tc.choice); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if st := r.Status(); st.Voted != 0 {
		t.Errorf("refused votes counted: %d voted", st.Voted)
	}
	r.Reveal()
	if err := r.CastVote(a, "lc-vision", round, "green"); !errors.Is(err, ErrVoteClosed) {
		t.Errorf("vote after the reveal: %v, want ErrVoteClosed", err)
	}
	if v, _ := r.Reveal(); v.Total() != 0 {
		t.Errorf("a vote after the reveal changed the counts: %+v", v)
	}
}

func TestMovingOnStartsAFreshVote(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	r.Vote("lc-vision")
	if err := r.CastVote(a, "lc-vision", r.Status().Round, "red"); err != nil {
		t.Fatal(err)
	}
	// Coming back to the item on screen keeps the round and its votes.
	r.Vote("lc-vision")
	if st := r.Status(); st.Voted != 1 {
		t.Errorf("putting the same item up again dropped its votes: %+v", st)
	}
	r.Vote("lc-leadership")
	st := r.Status()
	if st.ItemID != "lc-leadership" || st.Voted != 0 || st.Phase != Voting {
		t.Errorf("the next item: %+v", st)
	}
	r.Vote("no-such-item")
	if r.Status().ItemID != "lc-leadership" {
		t.Error("an unknown item was put up for a vote")
	}
	r.Pause()
	if st := r.Status(); st.Phase != Waiting || st.ItemID != "" {
		t.Errorf("after pause: %+v", st)
	}
}

func TestChangedWakesTheFacilitator(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	r.Vote("lc-vision")
	wake := r.Changed()
	select {
	case <-wake:
		t.Fatal("woken before anything changed")
	default:
	}
	if err := r.CastVote(a, "lc-vision", r.Status().Round, "green"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-wake:
	case <-time.After(time.Second):
		t.Fatal("a vote did not wake the facilitator")
	}
	// A vote wakes the facilitator but not every phone: nothing the
	// others see changed (the voter's own pages follow it,
	// TestAVoteShowsInThePhonesOtherTab).
	phones, _ := r.phoneChanged(a)
	if err := r.CastVote(a, "lc-vision", r.Status().Round, "red"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-phones:
		t.Error("a vote woke every phone")
	default:
	}
	r.Reveal()
	select {
	case <-phones:
	default:
		t.Error("the reveal did not wake the phones")
	}
	last := r.Changed()
	r.Close()
	select {
	case <-last:
	default:
		t.Error("closing the room did not wake the facilitator")
	}
}

func TestIdeas(t *testing.T) {
	r, _ := newTestRoom(t)
	a, b := join(t, r, "10.0.0.1"), join(t, r, "10.0.0.2")
	if _, err := r.SendIdea(a, "quick-wins", "", "Sponsor"); !errors.Is(err, ErrNotAsking) {
		t.Errorf("idea with no question open: %v", err)
	}
	r.Ask("quick-wins")
	hostile := "\x1b[2J\x1b]0;owned\x07<script>alert(1)</script>\nAppoint a\tsenior sponsor\u202e"
	idea, err := r.SendIdea(a, "quick-wins", "", hostile)
	if err != nil {
		t.Fatal(err)
	}
	if idea.Text != "<script>alert(1)</script> Appoint a senior sponsor" || !safetext.Safe(idea.Text) {
		t.Errorf("idea text = %q; want it plain, on one line, with no escapes", idea.Text)
	}
	tests := []struct {
		name, token, question, area, text string
		want                              error
	}{
		{"empty", b, "quick-wins", "", " \n\t\x1b[0m ", ErrEmptyIdea},
		{"invisible", b, "quick-wins", "", "\ufeff\u200b \u00ad\u2060", ErrEmptyIdea},
		{"too long", b, "quick-wins", "", strings.Repeat("é", MaxIdeaRunes+1), ErrIdeaTooLong},
		{"other question", b, "decision-makers", "", "The board", ErrNotAsking},
		{"not joined", "nobody", "quick-wins", "", "x", ErrNotJoined},
	}
	for _, tc := range tests {
		if _, err := r.SendIdea(tc.token, tc.question, tc.area, tc.text); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := r.SendIdea(b, "quick-wins", "", strings.Repeat("é", MaxIdeaRunes)); err != nil {
		t.Errorf("an idea of exactly the limit: %v", err)
	}
	st := r.Status()
	if len(st.Ideas) != 2 || st.Ideas[0].ID != idea.ID {
		t.Fatalf("ideas waiting = %+v", st.Ideas)
	}
	got, ok := r.settleIdea(idea.ID, true)
	if !ok || got.Text != idea.Text {
		t.Errorf("take = %+v, %v", got, ok)
	}
	if _, ok := r.settleIdea(idea.ID, true); ok {
		t.Error("an idea was taken twice")
	}
	// A per-area question needs an area of the checklist.
	r.Ask("speak-with")
	if _, err := r.SendIdea(a, "speak-with", "sales", "Bob"); !errors.Is(err, ErrBadArea) {
		t.Errorf("unknown area: %v", err)
	}
	if idea, err := r.SendIdea(a, "speak-with", "workforce", "The HR lead"); err != nil || idea.Area != "workforce" {
		t.Errorf("per-area idea = %+v, %v", idea, err)
	}
}

func TestIdeaBacklogIsCapped(t *testing.T) {
	r, clk := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	r.Ask("quick-wins")
	for i := range MaxIdeasPerPhone {
		if _, err := r.SendIdea(a, "quick-wins", "", "idea "+string(rune('a'+i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.SendIdea(a, "quick-wins", "", "one more"); !errors.Is(err, ErrTooManyIdeas) {
		t.Errorf("idea past one phone's cap: %v", err)
	}
	r.settleIdea(r.Status().Ideas[0].ID, false)
	clk.advance(time.Minute) // past the minute's limit too
	if _, err := r.SendIdea(a, "quick-wins", "", "one more"); err != nil {
		t.Errorf("after the facilitator took one, the phone may send again: %v", err)
	}
}

func TestJoinedCountsPhonesStillAround(t *testing.T) {
	r, clk := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	join(t, r, "10.0.0.2")
	r.Vote("lc-vision")
	if err := r.CastVote(a, "lc-vision", r.Status().Round, "red"); err != nil {
		t.Fatal(err)
	}
	clk.advance(phoneIdle + time.Minute)
	st := r.Status()
	if st.Joined != 1 || st.Voted != 1 {
		t.Errorf("after a long silence: %d of %d; the phone that voted still counts, the silent one not", st.Voted, st.Joined)
	}
	if !r.Known(a) {
		t.Error("a phone that was quiet for a while is forgotten")
	}
}

func TestRoomFull(t *testing.T) {
	r, clk := newTestRoom(t)
	for i := range MaxPhones {
		join(t, r, fmt.Sprintf("10.0.%d.%d", i/250, i%250))
	}
	if _, err := r.Join("4821", "10.0.9.9"); !errors.Is(err, ErrRoomFull) {
		t.Fatalf("join past the cap: %v", err)
	}
	// The phone is told the room is full; so is the facilitator, who
	// would otherwise see someone with the PIN unable to join and no
	// reason on the screen.
	st := r.Status()
	want := "The room is full at 200 phones: a phone could not join (a phone gone 10 minutes makes room)"
	if len(st.Notices) == 0 || st.Notices[len(st.Notices)-1] != want || st.NoticeTotal != 1 {
		t.Errorf("the facilitator is not told the room is full: %q (%d)", st.Notices, st.NoticeTotal)
	}
	clk.advance(phoneIdle + time.Minute)
	if _, err := r.Join("4821", "10.0.9.9"); err != nil {
		t.Errorf("a full room of idle phones should make room: %v", err)
	}
}

// A page that holds anything of one phone's own (here the area it last
// sent an idea for, with nothing else of its own on the page) is never
// kept for the next phone: pageFor's shared cache serves only pages that
// every phone at the same state would be shown.
func TestTheSharedPageCacheKeepsNothingOfOnePhones(t *testing.T) {
	r, _ := newTestRoom(t)
	a, b := join(t, r, "10.0.0.1"), join(t, r, "10.0.0.2")
	r.Ask("speak-with")
	r.mu.Lock()
	r.phones[a].area = "enablers"
	r.mu.Unlock()
	if page := string(r.pageFor(a, "page", "")); !strings.Contains(page, `<option value="enablers" selected>`) {
		t.Fatalf("the phone's own area is not chosen on its page:\n%s", page)
	}
	if page := string(r.pageFor(b, "page", "")); strings.Contains(page, " selected>") {
		t.Errorf("another phone was served the first phone's page:\n%s", page)
	}
}

// A phone that sends the same idea again and again has each copy settled
// by the session at once (it is in the answer already, or waiting), with
// no one deciding anything: the room must not keep a record of every copy
// a hostile phone sends, only of the ideas it still shows.
func TestSettledIdeasAreNotKeptForever(t *testing.T) {
	r, clk := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	r.Ask("quick-wins")
	for range 1000 {
		idea, err := r.SendIdea(a, "quick-wins", "", "Same again")
		if err != nil {
			t.Fatal(err)
		}
		r.settleIdea(idea.ID, true) // as Room.OfferIdeas settles a copy
		clk.advance(time.Minute / MaxIdeasPerMinute)
	}
	if n := r.sentByLen(); n > maxDecided {
		t.Errorf("the room keeps who sent %d ideas; a phone is shown %d", n, maxDecided)
	}
	// A phone that leaves takes its settled ideas with it.
	clk.advance(phoneIdle + time.Minute)
	for i := range MaxPhones {
		join(t, r, fmt.Sprintf("10.1.%d.%d", i/250, i%250))
	}
	if n := r.sentByLen(); n != 0 {
		t.Errorf("after its phone left, the room keeps who sent %d ideas", n)
	}
}

func (r *Room) sentByLen() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.sentBy)
}

// A phone may send MaxIdeasPerMinute ideas in any minute, whatever became
// of them; the next is refused with the wait until the oldest is a minute
// old, and taken once it is.
func TestIdeasPerMinuteAreCapped(t *testing.T) {
	r, clk := newTestRoom(t)
	a, b := join(t, r, "10.0.0.1"), join(t, r, "10.0.0.2")
	r.Ask("quick-wins")
	for i := range MaxIdeasPerMinute {
		idea, err := r.SendIdea(a, "quick-wins", "", "Same again")
		if err != nil {
			t.Fatalf("idea %d: %v", i+1, err)
		}
		r.settleIdea(idea.ID, true) // settled at once: none is waiting
		clk.advance(time.Second)
	}
	_, err := r.SendIdea(a, "quick-wins", "", "Same again")
	var retry *RetryError
	if !errors.As(err, &retry) || !errors.Is(err, ErrIdeasTooFast) || retry.After != time.Minute-MaxIdeasPerMinute*time.Second {
		t.Fatalf("idea past the minute's limit: %v (%+v)", err, retry)
	}
	if _, err := r.SendIdea(b, "quick-wins", "", "Mine"); err != nil {
		t.Errorf("another phone was held back by the first one's ideas: %v", err)
	}
	clk.advance(retry.After)
	if _, err := r.SendIdea(a, "quick-wins", "", "Same again"); err != nil {
		t.Errorf("once the oldest idea is a minute old: %v", err)
	}
}

// Everyone in the room knows the PIN. A phone that joins again from the
// same address (its cookie lost, a second browser, a script joining in a
// loop) takes the place of the one it had, its vote and its ideas with it:
// it gets no second vote, and cannot fill the room to keep others out.
func TestOnePhonePerAddress(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "192.168.1.7")
	r.Vote("lc-vision")
	round := r.Status().Round
	if err := r.CastVote(a, "lc-vision", round, "red"); err != nil {
		t.Fatal(err)
	}
	b := join(t, r, "192.168.1.7")
	if st := r.Status(); st.Joined != 1 || st.Voted != 1 {
		t.Errorf("a phone that joined twice: %d of %d voted, want 1 of 1", st.Voted, st.Joined)
	}
	if err := r.CastVote(a, "lc-vision", round, "amber"); !errors.Is(err, ErrNotJoined) {
		t.Errorf("the replaced token still votes: %v", err)
	}
	for range 3 * MaxPhones {
		join(t, r, "192.168.1.66") // never ErrRoomFull
	}
	c := join(t, r, "192.168.1.8")
	for _, tok := range []string{b, c} {
		if err := r.CastVote(tok, "lc-vision", round, "green"); err != nil {
			t.Fatal(err)
		}
	}
	if st := r.Status(); st.Joined != 3 {
		t.Errorf("%d phones in the room, want 3 (one per address)", st.Joined)
	}
	if v, _ := r.Reveal(); v.Total() != 2 || v.Count("green") != 2 {
		t.Errorf("votes = %+v, want the two phones' green", v)
	}

	// Its waiting ideas go with it, and so do the limits on them.
	r.Ask("quick-wins")
	for i := range MaxIdeasPerPhone {
		if _, err := r.SendIdea(c, "quick-wins", "", fmt.Sprint("idea ", i)); err != nil {
			t.Fatal(err)
		}
	}
	d := join(t, r, "192.168.1.8")
	if _, err := r.SendIdea(d, "quick-wins", "", "one more"); !errors.Is(err, ErrTooManyIdeas) {
		t.Errorf("joining again lifted the cap on waiting ideas: %v", err)
	}
	r.settleIdea(r.Status().Ideas[0].ID, true)
	r.mu.Lock()
	decided := r.phones[d].decided
	r.mu.Unlock()
	if len(decided) != 1 || !decided[0].Taken {
		t.Errorf("the phone that joined again is not told of its idea: %+v", decided)
	}

	// The laptop itself is no stranger: tabs on it are phones of their own.
	join(t, r, "127.0.0.1")
	join(t, r, "127.0.0.1")
	if st := r.Status(); st.Joined != 5 {
		t.Errorf("%d phones in the room, want 5 (two on the laptop)", st.Joined)
	}
}

// People behind one router (a guest Wi-Fi, a phone's hotspot) share an
// address, so each joining pushes the last one out. The facilitator is
// told once, on the third such push in five minutes; one person who lost
// their page, or opened it in a second browser, is not reported.
func TestPhonesSharingAnAddressAreToldToTheFacilitator(t *testing.T) {
	r, clk := newTestRoom(t)
	onPage := func(tok string) {
		t.Helper()
		if _, err := r.openStream(tok); err != nil {
			t.Fatal(err)
		}
	}
	shared := func() int {
		n := 0
		for _, s := range r.Status().Notices {
			if strings.Contains(s, "share the address 10.0.0.9") {
				n++
			}
		}
		return n
	}
	// One person, page closed each time: never a notice.
	for range 5 {
		join(t, r, "10.0.0.8")
	}
	// Two pushes of a phone on the page, then ten minutes' quiet: the
	// count starts again.
	onPage(join(t, r, "10.0.0.9"))
	onPage(join(t, r, "10.0.0.9"))
	onPage(join(t, r, "10.0.0.9"))
	if shared() != 0 {
		t.Fatal("told after two pushes")
	}
	clk.advance(10 * time.Minute)
	onPage(join(t, r, "10.0.0.9"))
	onPage(join(t, r, "10.0.0.9"))
	if shared() != 0 {
		t.Fatal("pushes ten minutes apart were counted together")
	}
	onPage(join(t, r, "10.0.0.9"))
	if shared() != 1 {
		t.Fatalf("notices %q", r.Status().Notices)
	}
	onPage(join(t, r, "10.0.0.9"))
	if shared() != 1 || r.Status().NoticeTotal != 1 {
		t.Fatalf("told again: %q", r.Status().Notices)
	}
}

// A facilitator who steps back to the item before (to remind the room of
// it) and on again finds the votes cast on this one still there, hidden,
// and each phone still shows its own: nobody votes twice. The same holds
// for a spread revealed and not yet agreed. Once agreed, Vote on the item
// is a fresh vote (the review recalls what was agreed instead: Recall).
func TestSteppingBackAndOnKeepsAnOpenVote(t *testing.T) {
	r, _ := newTestRoom(t)
	a, b := join(t, r, "10.0.0.1"), join(t, r, "10.0.0.2")
	r.Vote("lc-leadership")
	round := r.Status().Round
	for tok, choice := range map[string]string{a: "red", b: "green"} {
		if err := r.CastVote(tok, "lc-leadership", round, choice); err != nil {
			t.Fatal(err)
		}
	}
	r.Vote("lc-vision") // back one
	if st := r.Status(); st.ItemID != "lc-vision" || st.Voted != 0 {
		t.Fatalf("the item before: %+v", st)
	}
	r.Vote("lc-leadership") // and on again
	st := r.Status()
	if st.Phase != Voting || st.Voted != 2 {
		t.Fatalf("coming back to an open vote lost it: %+v", st)
	}
	if page := string(r.pageFor(a, "view", "")); !strings.Contains(page, `aria-pressed="true"`) {
		t.Errorf("the phone no longer shows its own vote:\n%s", page)
	}
	// A changed vote is taken in the round the phone's page now shows.
	if err := r.CastVote(b, "lc-leadership", st.Round, "amber"); err != nil {
		t.Fatal(err)
	}
	v, _ := r.Reveal()
	if v.Total() != 2 || v.Levels["red"] != 1 || v.Levels["amber"] != 1 {
		t.Fatalf("the spread after coming back: %+v", v)
	}

	// Revealed, then a look elsewhere (a question, the phones waiting):
	// the spread is still there to agree.
	r.Pause()
	r.Vote("lc-leadership")
	if st := r.Status(); st.Phase != Revealed || st.Votes.Total() != 2 {
		t.Fatalf("coming back to a revealed spread lost it: %+v", st)
	}
	r.Agree("lc-leadership", "amber")
	r.Vote("lc-vision")
	r.Vote("lc-leadership")
	if st := r.Status(); st.Phase != Voting || st.Voted != 0 {
		t.Errorf("coming back to an agreed item is a fresh vote: %+v", st)
	}
}

// TestRecallShowsWhatWasAgreed: back at an item the room agreed on, its
// plan's counts and rating are what the phones show, in a new round (a
// page from before is refused), and Revote opens a fresh vote. A vote
// left open on the item since comes back instead; an item with no counts
// is put up for a vote; counts with the rating cleared since are a spread
// to agree again.
func TestRecallShowsWhatWasAgreed(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	agreed := &plans.Votes{Levels: map[string]int{"amber": 3, "green": 1}}
	r.Vote("lc-vision")
	before := r.Status().Round
	r.Recall("lc-leadership", "amber", agreed)
	st := r.Status()
	if st.Phase != Revealed || st.ItemID != "lc-leadership" || st.Agreed != "amber" || !st.Votes.Equal(agreed) || st.Round == before {
		t.Fatalf("recalled: %+v", st)
	}
	if err := r.CastVote(a, "lc-leadership", st.Round, "red"); err == nil {
		t.Error("a vote was taken on a recalled, agreed item")
	}
	if page := string(r.pageFor(a, "view", "")); !strings.Contains(page, "Agreed: ") {
		t.Errorf("the phone does not show the rating agreed:\n%s", page)
	}
	r.Revote()
	if st := r.Status(); st.Phase != Voting || st.Voted != 0 || st.Votes != nil {
		t.Fatalf("a new round after a recall: %+v", st)
	}

	// A vote left open on the item comes back, not the old agreement.
	if err := r.CastVote(a, "lc-leadership", r.Status().Round, "green"); err != nil {
		t.Fatal(err)
	}
	r.Vote("lc-vision")
	r.Recall("lc-leadership", "amber", agreed)
	if st := r.Status(); st.Phase != Voting || st.Voted != 1 {
		t.Errorf("the open vote was not brought back: %+v", st)
	}

	r.Recall("lc-culture", "green", nil)
	if st := r.Status(); st.Phase != Voting || st.ItemID != "lc-culture" {
		t.Errorf("an item without counts: %+v", st)
	}
	r.Recall("lc-vision", "unrated", agreed)
	if st := r.Status(); st.Phase != Revealed || st.Agreed != "" || st.Votes.Total() != 4 {
		t.Errorf("counts with the rating cleared: %+v", st)
	}
}

// TestRecallWithdrawsAnAgreementClearedSince: the item up, its spread
// agreed, and the rating cleared on the facilitator's screen (x): the
// spread stays, nothing is agreed, and the phones hear of it.
func TestRecallWithdrawsAnAgreementClearedSince(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	r.Vote("lc-vision")
	round := r.Status().Round
	if err := r.CastVote(a, "lc-vision", round, "green"); err != nil {
		t.Fatal(err)
	}
	r.Reveal()
	r.Agree("lc-vision", "green")
	woken := r.Changed()
	r.Recall("lc-vision", "unrated", &plans.Votes{Levels: map[string]int{"green": 1}})
	st := r.Status()
	if st.Phase != Revealed || st.Agreed != "" || st.Votes.Total() != 1 || st.Round != round {
		t.Fatalf("after the rating was cleared: %+v", st)
	}
	select {
	case <-woken:
	default:
		t.Error("the room did not wake for the agreement withdrawn")
	}
	if page := string(r.pageFor(a, "view", "")); strings.Contains(page, "Agreed: ") {
		t.Errorf("the phone still shows a rating agreed:\n%s", page)
	}
	// Recalled again while the rating is still cleared: nothing changes.
	r.Recall("lc-vision", "unrated", &plans.Votes{Levels: map[string]int{"green": 1}})
	if st := r.Status(); st.Phase != Revealed || st.Round != round {
		t.Errorf("recalled again: %+v", st)
	}
}

// TestASpreadThePlanHoldsIsNotLostOnQuit: a spread recalled from the plan
// with its rating cleared, or agreed and then cleared, is in the plan
// already; a quit loses nothing of it, and the first q asked again all
// the same ("q again quits and loses the spread"). A spread just
// revealed, never agreed, is still in memory only.
func TestASpreadThePlanHoldsIsNotLostOnQuit(t *testing.T) {
	r, _ := newTestRoom(t)
	a := join(t, r, "10.0.0.1")
	counts := &plans.Votes{Levels: map[string]int{"green": 1}}
	r.Recall("lc-vision", "unrated", counts)
	if st := r.Status(); st.Phase != Revealed || st.QuitLoses() {
		t.Errorf("a spread recalled from the plan would be lost: %+v", st)
	}

	r.Vote("lc-leadership")
	if err := r.CastVote(a, "lc-leadership", r.Status().Round, "green"); err != nil {
		t.Fatal(err)
	}
	r.Reveal()
	if st := r.Status(); !st.QuitLoses() {
		t.Errorf("a spread just revealed is not in memory only: %+v", st)
	}
	r.Agree("lc-leadership", "green")
	r.Recall("lc-leadership", "unrated", counts) // the rating cleared
	if st := r.Status(); st.Agreed != "" || st.QuitLoses() {
		t.Errorf("a spread agreed and cleared would be lost: %+v", st)
	}
	r.Revote()
	if err := r.CastVote(a, "lc-leadership", r.Status().Round, "red"); err != nil {
		t.Fatal(err)
	}
	r.Reveal()
	if st := r.Status(); !st.QuitLoses() {
		t.Errorf("a new round revealed is not in memory only: %+v", st)
	}
}

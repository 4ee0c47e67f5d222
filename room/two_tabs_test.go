package room

import (
	"strings"
	"testing"
)

// TestAVoteShowsInThePhonesOtherTab: a person who scanned the QR code
// twice has the page open in two tabs. They voted in one; the other still
// said "You have not voted yet." with no button pressed, until the
// facilitator moved on, and someone looking at it thought the vote lost.
// Each of the phone's pages now follows its vote, and its ideas, as they
// follow the facilitator; another phone's page is not sent anything.
func TestAVoteShowsInThePhonesOtherTab(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	other := joinedPhone(t, s)
	r.Vote("lc-vision")
	first, second, elsewhere := p.stream(), p.stream(), other.stream()
	defer first.close()
	defer second.close()
	defer elsewhere.close()
	for _, st := range []*stream{first, second, elsewhere} {
		if v := st.next(t); !strings.Contains(v, "You have not voted yet.") {
			t.Fatalf("a page opens on:\n%s", v)
		}
	}
	woken := wokenPhones(r)
	p.mustVote("lc-vision", r.Status().Round, "green")
	if n := woken(); n != 1 {
		t.Errorf("a vote woke the pages of %d phones, want the voter's only", n)
	}
	for i, st := range []*stream{first, second} {
		if v := st.next(t); !strings.Contains(v, "Your vote is in") {
			t.Errorf("tab %d shows:\n%s", i+1, v)
		}
	}
	r.Ask("quick-wins")
	for _, st := range []*stream{first, second, elsewhere} {
		st.next(t)
	}
	woken = wokenPhones(r)
	p.SendIdea("quick-wins", "", "Name a sponsor")
	if n := woken(); n != 1 {
		t.Errorf("an idea woke the pages of %d phones, want the sender's only", n)
	}
	for i, st := range []*stream{first, second} {
		if v := st.next(t); !strings.Contains(v, "Name a sponsor") {
			t.Errorf("tab %d, after an idea, shows:\n%s", i+1, v)
		}
	}
	select {
	case v := <-elsewhere.events:
		t.Errorf("another phone was sent a view:\n%s", v)
	default:
	}
}

// wokenPhones takes each phone's wake-up for its own pages, and returns
// how many of them have been woken since. (A stream woken with nothing
// new for its page sends nothing, so another phone's stream alone cannot
// tell a phone woken for nothing.)
func wokenPhones(r *Room) func() int {
	r.mu.Lock()
	var tokens []string
	for tok := range r.phones {
		tokens = append(tokens, tok)
	}
	r.mu.Unlock()
	var wakes []<-chan struct{}
	for _, tok := range tokens {
		_, mine := r.phoneChanged(tok)
		wakes = append(wakes, mine)
	}
	return func() int {
		n := 0
		for _, w := range wakes {
			select {
			case <-w:
				n++
			default:
			}
		}
		return n
	}
}

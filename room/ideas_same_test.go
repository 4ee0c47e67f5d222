package room

import (
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// TestTheSameIdeaTypedTwiceIsOneIdea: in a room, two people send the same
// quick win, one with a capital and one without ("Mentoring scheme" and
// "mentoring scheme"). They were two ideas: the facilitator, accepting
// both, put the quick win in the plan twice, or, dropping the second,
// told its sender on their phone "Not taken" for an idea the plan holds.
// Now the second is the first's copy, as the same words exactly were:
// one offer, and both phones hear what the facilitator does with it.
func TestTheSameIdeaTypedTwiceIsOneIdea(t *testing.T) {
	r, s, a, b, session := twoPhonesSendQuickWins(t, "Mentoring scheme for frontline staff", "mentoring scheme for FRONTLINE staff")
	offered := session.Ideas("quick-wins", "")
	if len(offered) != 1 {
		t.Fatalf("the same idea in other capitals is offered %d times: %+v", len(offered), offered)
	}
	// Nothing is decided yet: the second sender's copy waits with the first
	// (it was settled at once as taken, and its phone said "Accepted").
	if _, body := b.Get("/"); strings.Contains(body, "Accepted") || !strings.Contains(body, "1 of your ideas is waiting") {
		t.Errorf("the second sender hears of a decision before any:\n%s", body)
	}
	if _, ok := r.AcceptIdea(session, offered[0].ID); !ok {
		t.Fatal("the session did not know the idea")
	}
	if got := session.Plan().Answer("quick-wins").List; !slices.Equal(got, []string{"Mentoring scheme for frontline staff"}) {
		t.Errorf("quick wins: %q", got)
	}
	for name, p := range map[string]*testPhone{"the first sender": a, "the second sender": b} {
		if _, body := p.Get("/"); !strings.Contains(body, "Accepted: ") || strings.Contains(body, "Not taken") {
			t.Errorf("%s is not told the idea is in the plan:\n%s", name, body)
		}
	}
	if n := len(r.Status().Ideas); n != 0 {
		t.Errorf("%d ideas still wait after the one idea was accepted", n)
	}
	// Taken back out of the answer, then put back: both phones follow (the
	// copy said "Accepted" of an idea no longer in the plan).
	r.WithdrawIdea(session, offered[0].ID)
	if _, body := b.Get("/"); !strings.Contains(body, "Not taken: mentoring scheme") {
		t.Errorf("the second sender is not told the idea was taken back out:\n%s", body)
	}
	r.AcceptIdea(session, offered[0].ID)
	if _, body := b.Get("/"); !strings.Contains(body, "Accepted: mentoring scheme") {
		t.Errorf("the second sender is not told the idea is back in:\n%s", body)
	}

	// Dropped, the copies go with it: not offered again as a new idea.
	c := joinedPhone(t, s)
	for _, p := range []*testPhone{a, b, c} {
		sendQuickWin(t, p, "Free pizza")
	}
	r.OfferIdeas(session, r.Status().Ideas)
	offered = session.Ideas("quick-wins", "")
	i := slices.IndexFunc(offered, func(o review.IdeaOffer) bool { return o.Text == "Free pizza" })
	if i < 0 || slices.ContainsFunc(offered[i+1:], func(o review.IdeaOffer) bool { return o.Text == "Free pizza" }) {
		t.Fatalf("Free pizza from three phones is not offered once: %+v", offered)
	}
	r.DropIdea(session, offered[i].ID)
	r.OfferIdeas(session, r.Status().Ideas)
	if n := len(r.Status().Ideas); n != 0 {
		t.Errorf("%d copies of a dropped idea still wait: %+v", n, r.Status().Ideas)
	}
	for _, p := range []*testPhone{a, b, c} {
		if _, body := p.Get("/"); !strings.Contains(body, "Not taken: Free pizza") {
			t.Errorf("a sender of the dropped idea is not told:\n%s", body)
		}
	}
}

// TestAnIdeaSentTwiceFromAPhoneIsOneIdea: Send tapped twice (a slow
// network, an impatient thumb), or the same words sent again while the
// first wait. The second was a new idea, which the session settled at once
// as a copy: the phone listed the idea as waiting and as "✓ Accepted"
// together, before the facilitator had decided anything.
func TestAnIdeaSentTwiceFromAPhoneIsOneIdea(t *testing.T) {
	r, s := startServer(t)
	a := joinedPhone(t, s)
	session := newSession(t, r)
	r.Ask("quick-wins")
	for _, text := range []string{"Free pizza on Fridays", "Free pizza on Fridays", "free pizza on fridays"} {
		sendQuickWin(t, a, text)
	}
	ideas := r.Status().Ideas
	if len(ideas) != 1 {
		t.Fatalf("one idea sent three times is %d ideas: %+v", len(ideas), ideas)
	}
	r.OfferIdeas(session, ideas)
	_, body := a.Get("/")
	if strings.Contains(body, "Accepted") || !strings.Contains(body, "1 of your ideas is waiting") {
		t.Errorf("the phone does not show its one idea waiting, undecided:\n%s", body)
	}
	// Once it is decided, the same words again are a new idea: the person
	// insists after a drop, and it is the facilitator's call again.
	r.DropIdea(session, ideas[0].ID)
	sendQuickWin(t, a, "Free pizza on Fridays")
	if n := len(r.Status().Ideas); n != 1 {
		t.Errorf("after a drop, the same idea sent again is %d ideas waiting, want 1", n)
	}
}

// twoPhonesSendQuickWins has phone a send the quick win first and phone
// b second, to a room asking for quick wins, and offers the ideas waiting
// to a review of a new plan.
func twoPhonesSendQuickWins(t *testing.T, first, second string) (r *Room, s *Server, a, b *testPhone, session *review.Session) {
	t.Helper()
	r, s = startServer(t)
	a, b = joinedPhone(t, s), joinedPhone(t, s)
	session = newSession(t, r)
	r.Ask("quick-wins")
	sendQuickWin(t, a, first)
	sendQuickWin(t, b, second)
	r.OfferIdeas(session, r.Status().Ideas)
	return r, s, a, b, session
}

// newSession is a review of a new plan in a temporary folder, on the
// room's checklist, for the room's ideas to go into.
func newSession(t *testing.T, r *Room) *review.Session {
	t.Helper()
	session, err := review.Create(review.NewPlan{
		Path: filepath.Join(t.TempDir(), "acme.yaml"), Organisation: "Acme", Title: "Spring",
		Checklist: r.Checklist(), Today: plans.Date{Year: 2027, Month: 3, Day: 1},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return session
}

// sendQuickWin sends an idea for the quick wins from a phone, as its page
// does without script.
func sendQuickWin(t *testing.T, p *testPhone, text string) {
	t.Helper()
	if status, body := p.Post("/idea", url.Values{"question": {"quick-wins"}, "text": {text}}); status != http.StatusSeeOther {
		t.Fatalf("idea %q: %d\n%s", text, status, body)
	}
}

package room

import (
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/review"
)

// The facilitator typed "Mentoring scheme" among the quick wins, and a
// phone sends "mentoring scheme": the same idea in other capitals, which
// the room takes as one idea since 7c5e68c. The answer's own words were
// compared exactly, so the phone's idea was offered as new, and accepted
// the plan held the quick win twice. It is settled at once, as the same
// words exactly are, and its phone hears it is in the plan.
func TestAnIdeaTheAnswerHoldsInOtherCapitalsIsNotOfferedAgain(t *testing.T) {
	r, phone, session := answerHoldsWhatAPhoneSends(t)
	for _, offer := range session.Ideas("quick-wins", "") {
		if !offer.Chosen {
			t.Errorf("%q is offered as not in the answer, which holds it in other capitals", offer.Text)
			if _, ok := r.AcceptIdea(session, offer.ID); !ok {
				t.Fatal("the session did not know the idea")
			}
		}
	}
	if got := session.Plan().Answer("quick-wins").List; !slices.Equal(got, []string{"Mentoring scheme"}) {
		t.Errorf("quick wins: %q", got)
	}
	if _, body := phone.Get("/"); !strings.Contains(body, "Accepted: mentoring SCHEME") {
		t.Errorf("the phone is not told its idea is in the plan:\n%s", body)
	}
	if n := len(r.Status().Ideas); n != 0 {
		t.Errorf("%d ideas still wait", n)
	}
}

// answerHoldsWhatAPhoneSends types "Mentoring scheme" among the quick
// wins, and has a phone send "mentoring SCHEME", offered to the session.
func answerHoldsWhatAPhoneSends(t *testing.T) (*Room, *testPhone, *review.Session) {
	t.Helper()
	r, s := startServer(t)
	phone := joinedPhone(t, s)
	session := newSession(t, r)
	session.AddToList("quick-wins", "Mentoring scheme")
	r.Ask("quick-wins")
	sendQuickWin(t, phone, "mentoring SCHEME")
	r.OfferIdeas(session, r.Status().Ideas)
	return r, phone, session
}

// Taken back out, the idea leaves the answer in whichever capitals the
// answer held it: the phone was told "Not taken" of an idea the plan
// still held.
func TestAnIdeaTakenOutLeavesTheAnswerInAnyCapitals(t *testing.T) {
	r, phone, session := answerHoldsWhatAPhoneSends(t)
	offered := session.Ideas("quick-wins", "")
	if len(offered) != 1 {
		t.Fatalf("offered: %+v", offered)
	}
	r.WithdrawIdea(session, offered[0].ID)
	if got := session.Plan().Answer("quick-wins").List; len(got) != 0 {
		t.Errorf("quick wins after the idea was taken out: %q", got)
	}
	if _, body := phone.Get("/"); !strings.Contains(body, "Not taken: mentoring SCHEME") {
		t.Errorf("the phone is not told its idea was taken out:\n%s", body)
	}
}

// One phone's keyboard writes "é" as one character, another's as "e" and
// a combining accent: the same words to the eye, and to the facilitator,
// who was offered "Café culture" twice and, accepting both, had a plan
// with the quick win twice, each looking like the other. An idea is kept
// in its composed form (NFC), and the two are one idea.
func TestTheSameIdeaWithAccentsComposedOrNotIsOneIdea(t *testing.T) {
	r, _, _, b, session := twoPhonesSendQuickWins(t, "Caf\u00e9 culture", "Cafe\u0301 culture")
	offered := session.Ideas("quick-wins", "")
	if len(offered) != 1 {
		t.Fatalf("the same idea, its accent composed or not, is offered %d times: %+v", len(offered), offered)
	}
	r.AcceptIdea(session, offered[0].ID)
	if got := session.Plan().Answer("quick-wins").List; !slices.Equal(got, []string{"Caf\u00e9 culture"}) {
		t.Errorf("quick wins: %+q", got)
	}
	if _, body := b.Get("/"); !strings.Contains(body, "Accepted: Caf\u00e9 culture") {
		t.Errorf("the second sender is not told the idea is in the plan:\n%s", body)
	}
}

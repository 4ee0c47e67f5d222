package room

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A phone's ideas still waiting on another question are named with it:
// "Your ideas waiting" under "Who do you need to speak with …" listed a
// quick win sent at question 2 as it was, "Mentoring scheme for junior
// staff", read as sent for the question on the phone now. This
// question's own ideas are listed as they were.
func TestIdeasWaitingOnAnotherQuestionAreNamedWithIt(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	r.Ask("quick-wins")
	sendQuickWin(t, p, "Mentoring scheme for junior staff")
	r.Ask("speak-with")
	if status, body := p.Post("/idea", url.Values{"question": {"speak-with"}, "area": {"workforce"}, "text": {"Jo in HR"}}); status != http.StatusSeeOther {
		t.Fatalf("idea: %d\n%s", status, body)
	}
	_, body := p.Get("/")
	for _, want := range []string{"<li>Question 2: Mentoring scheme for junior staff</li>", "<li>Workforce: Jo in HR</li>"} {
		if !strings.Contains(body, want) {
			t.Errorf("at question 3, the phone's ideas waiting lack %q:\n%s", want, body)
		}
	}
	r.Ask("decision-makers")
	if _, body := p.Get("/"); !strings.Contains(body, "<li>Question 3, Workforce: Jo in HR</li>") {
		t.Errorf("at question 4, an idea for an area of question 3 is not named with its question:\n%s", body)
	}
}

// An idea settled at another question is named with it too: "✓
// Accepted: Mentoring scheme for junior staff" under "Who do you need to
// speak with …" read as a person accepted for this question. One settled
// at this question is listed by its words alone, as the page's script
// matches them.
func TestIdeasSettledAtAnotherQuestionAreNamedWithIt(t *testing.T) {
	r, _, a, _, session := twoPhonesSendQuickWins(t, "Mentoring scheme for junior staff", "Lunch and learn")
	offered := session.Ideas("quick-wins", "")
	if len(offered) != 2 {
		t.Fatalf("offered %+v", offered)
	}
	for _, idea := range offered {
		if _, ok := r.AcceptIdea(session, idea.ID); !ok {
			t.Fatal("the session did not know the idea")
		}
	}
	if _, body := a.Get("/"); !strings.Contains(body, "Accepted: Mentoring scheme for junior staff</li>") {
		t.Errorf("at question 2, the idea settled there is not listed by its words:\n%s", body)
	}
	r.Ask("speak-with")
	if _, body := a.Get("/"); !strings.Contains(body, "Accepted: Question 2: Mentoring scheme for junior staff</li>") {
		t.Errorf("at question 3, an idea settled at question 2 is not named with it:\n%s", body)
	}
}

// At a question asked per area, an idea settled there is named with its
// area, as one waiting is: "✓ Accepted: Jo in HR" under "Who do you need
// to speak with" did not say for which area it was taken, where the
// same phone's "Workforce: Jo in HR" had been waiting a moment before.
func TestIdeasSettledAtAPerAreaQuestionCarryTheirArea(t *testing.T) {
	r, s := startServer(t)
	p := joinedPhone(t, s)
	session := newSession(t, r)
	r.Ask("speak-with")
	if status, body := p.Post("/idea", url.Values{"question": {"speak-with"}, "area": {"workforce"}, "text": {"Jo in HR"}}); status != http.StatusSeeOther {
		t.Fatalf("idea: %d\n%s", status, body)
	}
	r.OfferIdeas(session, r.Status().Ideas)
	offered := session.Ideas("speak-with", "workforce")
	if len(offered) != 1 {
		t.Fatalf("offered %+v", offered)
	}
	if _, ok := r.AcceptIdea(session, offered[0].ID); !ok {
		t.Fatal("the session did not know the idea")
	}
	if _, body := p.Get("/"); !strings.Contains(body, "Accepted: Workforce: Jo in HR</li>") {
		t.Errorf("the idea accepted for Workforce is not named with its area:\n%s", body)
	}
}

package room

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A phone sends two names at once for an area, "Ana; Ben": an area's
// answer is its names with "; " between, so accepted it became two names,
// and the idea was no longer seen in the answer. The list offered it as
// not chosen, x took it in again (the names twice), and taken out it
// stayed in the plan while its phone heard "Not taken".
func TestAnIdeaOfTwoNamesForAnAreaIsTakenOutWhole(t *testing.T) {
	r, s := startServer(t)
	phone := joinedPhone(t, s)
	session := newSession(t, r)
	r.Ask("speak-with")
	if status, body := phone.Post("/idea", url.Values{"question": {"speak-with"}, "area": {"workforce"}, "text": {"Ana; Ben"}}); status != http.StatusSeeOther {
		t.Fatalf("idea: %d\n%s", status, body)
	}
	r.OfferIdeas(session, r.Status().Ideas)
	offered := session.Ideas("speak-with", "workforce")
	if len(offered) != 1 {
		t.Fatalf("offered: %+v", offered)
	}
	r.AcceptIdea(session, offered[0].ID)
	if got := session.Ideas("speak-with", "workforce"); len(got) != 1 || !got[0].Chosen {
		t.Errorf("accepted, the idea is offered as not chosen: %+v", got)
	}
	r.WithdrawIdea(session, offered[0].ID)
	if got := session.Plan().Answer("speak-with").ByArea["workforce"]; got != "" {
		t.Errorf("taken out, the answer still holds %q", got)
	}
	if _, body := phone.Get("/"); !strings.Contains(body, "Not taken: ") {
		t.Errorf("the phone is not told its idea was taken out:\n%s", body)
	}
}

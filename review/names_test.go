package review_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// Names and words pasted from a Mac come decomposed: "Zoë" as Z, o, e
// and a combining diaeresis. They look the same as the composed ones a
// Windows keyboard types, so a plan must not hold both: a care home's
// owner "Zoë Ångström" was offered twice among the owners, ladder status
// counted her twice, and a quick win pasted again was kept twice. What
// is typed is stored composed (NFC); what the file holds already is
// left as written (no churn), and compared composed.
func TestTypedWordsAreStoredComposed(t *testing.T) {
	const (
		zoe    = "Zoë Ångström"
		zoeNFD = "Zoe\u0308 A\u030angstro\u0308m"
		cafe   = "Café culture"
	)
	s := workshopSession(t)
	items := s.Checklist().Items()
	s.Save(s.SetOwner(items[0].Item.ID, zoe))
	s.Save(s.SetOwner(items[1].Item.ID, zoeNFD))
	s.Save(s.SetAction(items[1].Item.ID, "Cafe\u0301 team re\u0301sume\u0301s"))
	s.Save(s.SetList("quick-wins", []string{cafe, "Cafe\u0301 culture"}))
	p := onDisk(t, s)
	if got := p.Items[items[1].Item.ID]; got.Owner != zoe || got.Action != "Café team résumés" {
		t.Errorf("owner %q, action %q stored; want them composed: %q, %q", got.Owner, got.Action, zoe, "Café team résumés")
	}
	if got := p.FollowUps["quick-wins"].List; !slices.Equal(got, []string{cafe}) {
		t.Errorf("quick wins %q, want one %q", got, cafe)
	}
	if got := s.OwnerSuggestions(); !slices.Equal(got, []string{"Ana", "Ben", "Sam Patel", zoe}) {
		t.Errorf("owner suggestions %q", got)
	}

	// A plan written by hand on a Mac keeps its decomposed owner as
	// written, and offers her once among the names.
	path := s.Path()
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), "owner: "+zoe, "owner: "+zoeNFD, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = review.Open(path, nil, plans.Date{Year: 2027, Month: 3, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Plan().Items[items[0].Item.ID].Owner; got != zoeNFD {
		t.Fatalf("the file's owner read as %q", got)
	}
	if got := s.OwnerSuggestions(); len(got) != 4 {
		t.Errorf("owner suggestions %q: Zoë more than once", got)
	}
}

// TestATabInTextOfSeveralLinesIsFourSpaces: a tab pasted into the
// screens' notes (or a free-text answer) becomes four spaces in their
// text area, and the accessible prompts hand the session the line as
// typed: the session makes the tab four spaces too, so the same bytes
// make the same plan in either front end.
func TestATabInTextOfSeveralLinesIsFourSpaces(t *testing.T) {
	for clean, f := range map[string]func(string) string{"CleanNotes": review.CleanNotes, "CleanText": review.CleanText} {
		if got, want := f("Ana\tto chase\n\tBen"), "Ana    to chase\n    Ben"; got != want {
			t.Errorf("%s: %q, want %q", clean, got, want)
		}
	}
}

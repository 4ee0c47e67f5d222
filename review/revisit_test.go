package review_test

import (
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// TestClearRatingAndRevisit: a rating can be taken back to unrated, and an
// item flagged to revisit and unflagged (issue 10.8); each is saved, and
// setting what is already there changes nothing.
func TestClearRatingAndRevisit(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	sn, err := s.Rate(id, "amber")
	if err != nil {
		t.Fatal(err)
	}
	s.Save(sn)
	sn, err = s.ClearRating(id)
	if err != nil || sn == nil {
		t.Fatalf("clearing: %v, %v", sn, err)
	}
	s.Save(sn)
	if got := onDisk(t, s).Response(id).Rating; got != checklist.Unrated {
		t.Fatalf("rating on disk = %q after clearing", got)
	}
	if sn, _ := s.ClearRating(id); sn != nil {
		t.Error("clearing an unrated item made a snapshot")
	}
	if s.Resume().Index != 0 {
		t.Error("the review does not resume at the item cleared")
	}

	sn, err = s.SetRevisit(id, true)
	if err != nil || sn == nil {
		t.Fatalf("flagging: %v, %v", sn, err)
	}
	s.Save(sn)
	p := onDisk(t, s)
	if !p.Response(id).Revisit || len(p.Revisits()) != 1 || p.Revisits()[0].Item.ID != id {
		t.Fatalf("on disk: revisit %v, revisits %v", p.Response(id).Revisit, p.Revisits())
	}
	if sn, _ := s.SetRevisit(id, true); sn != nil {
		t.Error("flagging a flagged item made a snapshot")
	}
	sn, _ = s.SetRevisit(id, false)
	s.Save(sn)
	if onDisk(t, s).Response(id).Revisit {
		t.Error("the flag is still on disk after taking it off")
	}
	if _, err := s.SetRevisit("no-such-item", true); err == nil {
		t.Error("flagging an item that is not in the checklist")
	}
}

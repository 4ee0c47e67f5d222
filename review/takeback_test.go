package review_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// A rating taken back (the r of "order new laptops" typed on the
// overview) leaves the file as it was before the rating, byte for byte:
// the rating, and the checklist version the plan says it was reviewed
// against, which the rating brought up to date. Taken back to what the
// plan holds already, nothing is written.
func TestARatingTakenBackLeavesThePlanAsItWas(t *testing.T) {
	path, before := planOfAMovedChecklist(t) // the first rating records version 2
	s, err := review.Open(path, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := firstItem(s)
	mark := s.MarkRating(id)
	for _, level := range []string{"red", "green", "amber"} { // "rga" of "organise"
		sn, err := s.Rate(id, level)
		if err != nil {
			t.Fatal(err)
		}
		s.Record(sn.Write())
	}
	if got, _ := os.ReadFile(path); bytes.Equal(got, before) {
		t.Fatal("the ratings did not reach the file")
	}
	sn := s.TakeBack(mark)
	if sn == nil {
		t.Fatal("nothing to write after the ratings were taken back")
	}
	s.Record(sn.Write())
	if got, _ := os.ReadFile(path); !bytes.Equal(got, before) {
		t.Errorf("the file after the ratings were taken back:\n%s\nwant, as before them:\n%s", got, before)
	}
	if sn := s.TakeBack(mark); sn != nil {
		t.Error("taken back a second time, the plan is written again for nothing")
	}
	if sn := s.TakeBack(s.MarkRating(id)); sn != nil {
		t.Error("a rating taken back to what it is writes the plan")
	}
}

// A rating taken back never writes over what someone else changed since:
// the file changed on disk, the take-back is a conflict like any save,
// and once the file is reloaded (the person's choice), the mark made
// before takes nothing back: the rating the file holds now stays, though
// it is not the one before the rating.
func TestARatingTakenBackLeavesAnotherPersonsChangeAlone(t *testing.T) {
	s := newSession(t)
	defer s.Close()
	id := firstItem(s)
	mark := s.MarkRating(id)
	sn, err := s.Rate(id, "red")
	if err != nil {
		t.Fatal(err)
	}
	if o := s.Save(sn); o.Err != nil {
		t.Fatal(o.Err)
	}
	theirs := onDisk(t, s)
	theirs.Response(id).Rating = "green"
	data := plans.Encode(theirs)
	if err := os.WriteFile(s.Path(), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if o := s.Save(s.TakeBack(mark)); !o.Conflict() {
		t.Fatalf("the take-back over a file changed on disk: %+v, want a conflict", o)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if sn := s.TakeBack(mark); sn != nil {
		s.Save(sn)
		t.Error("a mark made before the reload took back a rating of the file reloaded")
	}
	if got := s.Plan().Response(id).Rating; got != "green" {
		t.Errorf("after the reload and the take-back the item is rated %q, want the file's green", got)
	}
	if got, _ := os.ReadFile(s.Path()); !bytes.Equal(got, data) {
		t.Errorf("the file someone else wrote was written over:\n%s", got)
	}
}

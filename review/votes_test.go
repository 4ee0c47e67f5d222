package review_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func TestSetVotes(t *testing.T) {
	s := newSession(t)
	v := &plans.Votes{Levels: map[string]int{"red": 1, "amber": 5, "green": 2}}
	sn := s.SetVotes("lc-vision", v)
	if sn == nil {
		t.Fatal("votes on an item without any made no change")
	}
	if o := s.Save(sn); o.Err != nil {
		t.Fatal(o.Err)
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("    votes: {red: 1, amber: 5, green: 2, unsure: 0}\n")) {
		t.Errorf("the votes are not in the file:\n%s", data)
	}
	v.Levels["red"] = 9
	if s.Plan().Response("lc-vision").Votes.Count("red") != 1 {
		t.Error("the session keeps the caller's votes, not a copy")
	}
	if s.SetVotes("lc-vision", &plans.Votes{Levels: map[string]int{"red": 1, "amber": 5, "green": 2}}) != nil {
		t.Error("the same counts again made a snapshot")
	}
	if s.SetVotes("no-such-item", v) != nil {
		t.Error("votes for an unknown item made a snapshot")
	}
	if sn := s.SetVotes("lc-vision", nil); sn == nil || s.Plan().Response("lc-vision").Votes != nil {
		t.Error("nil did not clear the votes")
	}
}

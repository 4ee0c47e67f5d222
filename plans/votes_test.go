package plans

import (
	"bytes"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/testtool"
)

func votedPlan(t *testing.T) *Plan {
	t.Helper()
	p := blankPlan()
	r := p.Response("lc-leadership")
	r.Rating = "amber"
	r.Votes = &Votes{Levels: map[string]int{"red": 1, "amber": 5, "green": 2}}
	p.Response("lc-vision").Votes = &Votes{Levels: map[string]int{}, Unsure: 3}
	return p
}

func TestVotesRoundTrip(t *testing.T) {
	p := votedPlan(t)
	data := Encode(p)
	want := "  lc-leadership:\n    rating: amber\n    votes: {red: 1, amber: 5, green: 2, unsure: 0}\n    action:\n"
	if !bytes.Contains(data, []byte(want)) {
		t.Errorf("votes are not written beside the rating, on one line; want\n%s\nin\n%s", want, data)
	}
	if !bytes.Contains(data, []byte("    votes: {red: 0, amber: 0, green: 0, unsure: 3}\n")) {
		t.Error("every level should be written, even with no votes")
	}
	if n := bytes.Count(data, []byte("votes:")); n != 2 {
		t.Errorf("%d items have votes in the file, want 2 (items nobody voted on have no votes line)", n)
	}
	q, err := Parse("plan.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Response("lc-leadership").Votes; !got.Equal(p.Response("lc-leadership").Votes) {
		t.Errorf("votes after loading = %+v", got)
	}
	if q.Response("lc-culture").Votes != nil {
		t.Error("an item with no votes line has votes after loading")
	}
	if again := Encode(q); !bytes.Equal(again, data) {
		t.Errorf("load then encode changes the file:\n%s", testtool.FirstDifference(data, again))
	}
}

func TestVotesWrittenByHandLoad(t *testing.T) {
	// A block mapping, keys in another order, a level left out: all read,
	// and written back in the canonical form.
	plan := strings.Replace(validPlan, "    rating: red\n", "    rating: red\n    votes:\n      unsure: 1\n      green: 2\n", 1)
	p, err := Parse("plan.yaml", []byte(plan), nil)
	if err != nil {
		t.Fatal(err)
	}
	v := p.Response("lc-vision").Votes
	if v == nil || v.Count("green") != 2 || v.Count("red") != 0 || v.Count(VoteUnsure) != 1 || v.Total() != 3 {
		t.Fatalf("votes = %+v", v)
	}
	if !bytes.Contains(Encode(p), []byte("    votes: {red: 0, amber: 0, green: 2, unsure: 1}\n")) {
		t.Error("hand-written votes are not written back in the canonical form")
	}
}

func TestVotesBadInput(t *testing.T) {
	tests := []struct{ name, votes, want string }{
		{"unknown level", "{red: 1, yellow: 2}", `11:21: item lc-vision votes: "yellow" is not one of red, amber, green, unsure (did you mean "amber"?`},
		{"negative", "{red: -1}", "11:18: item lc-vision votes red should be a count from 0 to 100000, found -1"},
		{"not a number", "{red: many}", `11:18: item lc-vision votes red should be a whole number, found "many"`},
		{"a list", "[1, 5, 2]", "11:12: item lc-vision votes should be a mapping"},
		{"duplicate", "{red: 1, red: 2}", `11:21: duplicate key "red" in item lc-vision votes`},
		{"huge", "{green: 99999999999}", "item lc-vision votes green should be a count from 0 to 100000"},
		// A key from a hostile file is quoted as an excerpt, as every
		// value is: it was printed whole, a thousand letters and a
		// right-to-left override turning the line round.
		{"long key", "\n      " + strings.Repeat("x", 1000) + "\u202e: -1", `item lc-vision votes "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" should be a count`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := strings.Replace(validPlan, "    rating: red\n", "    rating: red\n    votes: "+tc.votes+"\n", 1)
			_, err := Parse("plan.yaml", []byte(plan), nil)
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestVotesSpreadAndMostCommon(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	tests := []struct {
		levels   map[string]int
		unsure   int
		common   string
		disagree bool
		spread   string
	}{
		{map[string]int{"red": 1, "amber": 5, "green": 2}, 0, "amber", true, "■ 1  ▲ 5  ● 2  ? 0"},
		{map[string]int{"amber": 3, "green": 3}, 1, "amber", false, "■ 0  ▲ 3  ● 3  ? 1"},
		{map[string]int{"red": 2, "green": 2}, 0, "red", true, "■ 2  ▲ 0  ● 2  ? 0"},
		{map[string]int{"green": 4}, 0, "green", false, "■ 0  ▲ 0  ● 4  ? 0"},
		{map[string]int{}, 4, "", false, "■ 0  ▲ 0  ● 0  ? 4"},
	}
	for _, tc := range tests {
		v := &Votes{Levels: tc.levels, Unsure: tc.unsure}
		common, ok := v.MostCommon(c)
		if common != tc.common || ok != (tc.common != "") {
			t.Errorf("%v: most common = %q, %v; want %q", tc.levels, common, ok, tc.common)
		}
		if got := v.Disagree(c); got != tc.disagree {
			t.Errorf("%v: disagree = %v", tc.levels, got)
		}
		if got := v.Spread(c); got != tc.spread {
			t.Errorf("%v: spread = %q, want %q", tc.levels, got, tc.spread)
		}
	}
}

func TestCloneCopiesVotes(t *testing.T) {
	p := votedPlan(t)
	cp := p.Clone()
	cp.Response("lc-leadership").Votes.Levels["red"] = 9
	if p.Response("lc-leadership").Votes.Levels["red"] != 1 {
		t.Error("changing the clone's votes changed the plan's")
	}
}

// BenchmarkParseVoted parses a 21-item plan with every item rated, with
// and without the room's votes on every item: a voted plan must read as
// fast (the fast YAML path reads the votes' one-line form).
func BenchmarkParseVoted(b *testing.B) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	for _, voted := range []bool{false, true} {
		p := New(c, "Org", "T", Date{2027, 1, 1})
		for _, e := range c.Items() {
			r := p.Response(e.Item.ID)
			r.Rating = "amber"
			if voted {
				r.Votes = &Votes{Levels: map[string]int{"red": 1, "amber": 5, "green": 2}}
			}
		}
		data := Encode(p)
		b.Run(map[bool]string{false: "without", true: "with-votes"}[voted], func(b *testing.B) {
			for range b.N {
				if _, err := Parse("p.yaml", data, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

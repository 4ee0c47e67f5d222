package plans

import (
	"bytes"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// TestRevisitRoundTrip: an item flagged to revisit (issue 10.8) says so
// under its rating, and only then: a plan with no flags is written as
// before.
func TestRevisitRoundTrip(t *testing.T) {
	p := blankPlan()
	before := Encode(p)
	p.Response("lc-leadership").Rating = "amber"
	p.Response("lc-leadership").Revisit = true
	p.Response("lc-culture").Revisit = true
	data := Encode(p)
	want := "  lc-leadership:\n    rating: amber\n    revisit: true\n    action:\n"
	if !bytes.Contains(data, []byte(want)) {
		t.Errorf("want\n%s\nin\n%s", want, data)
	}
	if n := bytes.Count(data, []byte("revisit:")); n != 2 {
		t.Errorf("%d revisit lines, want 2", n)
	}
	if bytes.Contains(before, []byte("revisit")) {
		t.Error("a plan with nothing flagged mentions revisit")
	}
	q, err := Parse("plan.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Response("lc-leadership").Revisit || !q.Response("lc-culture").Revisit || q.Response("lc-vision").Revisit {
		t.Error("the flags did not come back as written")
	}
	if again := Encode(q); !bytes.Equal(again, data) {
		t.Errorf("load then encode changes the file:\n%s", testtool.FirstDifference(data, again))
	}
	cl := q.Clone()
	cl.Response("lc-culture").Revisit = false
	if !q.Response("lc-culture").Revisit {
		t.Error("changing a clone's flag changed the plan's")
	}
}

func TestRevisitBadInput(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"yes", `11:14: item lc-vision revisit should be true or false, found "yes"`},
		{"1", `11:14: item lc-vision revisit should be true or false, found "1"`},
		{"[true]", `item lc-vision revisit should be true or false`},
	} {
		plan := strings.Replace(validPlan, "    rating: red\n", "    rating: red\n    revisit: "+tc.value+"\n", 1)
		_, err := Parse("plan.yaml", []byte(plan), nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("revisit: %s: error %v, want %s", tc.value, err, tc.want)
		}
	}
	for _, v := range []string{"false", ""} {
		plan := strings.Replace(validPlan, "    rating: red\n", "    rating: red\n    revisit: "+v+"\n", 1)
		p, err := Parse("plan.yaml", []byte(plan), nil)
		if err != nil || p.Response("lc-vision").Revisit {
			t.Errorf("revisit: %q: %v, flag %v", v, err, p != nil && p.Response("lc-vision").Revisit)
		}
	}
}

package plans_test

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

func addStep(id int, text string) edit {
	return func(p *plans.Plan) {
		steps := &p.Answer("project-plan").Steps
		*steps = append(*steps, plans.Step{ID: id, Text: text, Owner: "Bo", Status: plans.StatusTodo})
	}
}

func removeStep(id int) edit {
	return func(p *plans.Plan) {
		a := p.Answer("project-plan")
		a.Steps = slices.DeleteFunc(a.Steps, func(s plans.Step) bool { return s.ID == id })
	}
}

func addQuickWin(s string) edit {
	return func(p *plans.Plan) { p.Answer("quick-wins").List = append(p.Answer("quick-wins").List, s) }
}

// TestMergeFieldByField is the merge driver's promise (ladder merge): what
// two branches change is all kept, whatever lines it is on, and only a
// field both changed differently is a conflict. Each case gives the plan
// both changes make, applied one after the other.
func TestMergeFieldByField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		a, b  edit
		want  edit // nil: a then b
		fails []string
	}{
		{name: "same item, status and notes", a: func(p *plans.Plan) { p.Response("lc-vision").Status = plans.StatusDone }, b: setNotes("lc-vision", "Agreed")},
		{name: "a quick win each, at the end", a: addQuickWin("Sponsor"), b: addQuickWin("Mentors")},
		{name: "a step each, at the end", a: addStep(10, "Book the room"), b: addStep(11, "Order the cake")},
		{name: "one step closed, another added after it", a: editStep(3, func(s *plans.Step) { s.Status = plans.StatusDone }), b: addStep(11, "Order the cake")},
		{name: "a step removed, another's owner changed", a: removeStep(1), b: editStep(2, func(s *plans.Step) { s.Owner = "Jo" })},
		{name: "a quick win removed, one added", a: edits(addQuickWin("Sponsor"), addQuickWin("Mentors")), b: nil},
		{name: "steps reordered on one side, a step's owner changed on the other", a: editStep(2, func(s *plans.Step) { s.Owner = "Jo" }), b: func(p *plans.Plan) {
			steps := p.Answer("project-plan").Steps
			steps[0], steps[2] = steps[2], steps[0]
		}},
		{name: "the same change on both", a: rate("lc-vision", "red"), b: rate("lc-vision", "red"), want: rate("lc-vision", "red")},
		{name: "the same owner changed two ways", a: func(p *plans.Plan) { p.Response("lc-vision").Owner = "Sam" }, b: func(p *plans.Plan) { p.Response("lc-vision").Owner = "Jo" },
			fails: []string{`the owner of "Develop a clear vision for your D&I strategy"`}},
		{name: "a step removed on one, changed on the other", a: removeStep(2), b: editStep(2, func(s *plans.Step) { s.Owner = "Jo" }),
			fails: []string{`the step "Step from wf-interventions": changed on one side, removed on the other`}},
	}
	base := mergeBase(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tc.b == nil { // b removes what a's base had: a starts from it
				start := applyEdits(t, base, tc.a)
				ours := applyEdits(t, start, func(p *plans.Plan) { p.Answer("quick-wins").List = []string{"Mentors"} })
				theirs := applyEdits(t, start, addQuickWin("Buddies"))
				got := merge(t, start, ours, theirs)
				if want := applyEdits(t, start, func(p *plans.Plan) { p.Answer("quick-wins").List = []string{"Mentors", "Buddies"} }); !bytes.Equal(got.Ours, want) {
					t.Errorf("merged:\n%s", testtool.FirstDifference(want, got.Ours))
				}
				return
			}
			ours, theirs := applyEdits(t, base, tc.a), applyEdits(t, base, tc.b)
			got := merge(t, base, ours, theirs)
			if !slices.Equal(got.Conflicts, tc.fails) {
				t.Fatalf("conflicts %q, want %q", got.Conflicts, tc.fails)
			}
			if len(tc.fails) > 0 {
				if !bytes.Equal(got.Ours, ours) || !bytes.Equal(got.Theirs, theirs) || !bytes.Equal(got.Base, base) {
					t.Errorf("a conflict's three sides are not the sides as they were:\n%s\n%s\n%s", testtool.FirstDifference(ours, got.Ours), testtool.FirstDifference(theirs, got.Theirs), testtool.FirstDifference(base, got.Base))
				}
				return
			}
			want := applyEdits(t, base, tc.a, tc.b)
			if tc.want != nil {
				want = applyEdits(t, base, tc.want)
			}
			if !bytes.Equal(got.Ours, want) || !bytes.Equal(got.Theirs, want) || !bytes.Equal(got.Base, want) {
				t.Errorf("merged:\n%s", testtool.FirstDifference(want, got.Ours))
			}
		})
	}
}

func merge(t *testing.T, base, ours, theirs []byte) plans.Merged {
	t.Helper()
	var loaded [3]*plans.Plan
	for i, data := range [][]byte{base, ours, theirs} {
		p, err := plans.Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		loaded[i] = p
	}
	m, err := plans.Merge(loaded[0], loaded[1], loaded[2])
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A comment written on each branch cannot be kept by a merge that writes
// the plan afresh from one side's comments: Merge says so, and the driver
// leaves the plan to git's merge by lines.
func TestMergeRefusesCommentsChangedOnBothSides(t *testing.T) {
	t.Parallel()
	base := mergeBase(t)
	ours := bytes.Replace(base, []byte("  lc-vision:\n"), []byte("  # Sam's\n  lc-vision:\n"), 1)
	theirs := bytes.Replace(base, []byte("  lc-leadership:\n"), []byte("  # Jo's\n  lc-leadership:\n"), 1)
	var loaded [3]*plans.Plan
	for i, data := range [][]byte{base, ours, theirs} {
		p, err := plans.Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		loaded[i] = p
	}
	if _, err := plans.Merge(loaded[0], loaded[1], loaded[2]); !errors.Is(err, plans.ErrCommentsChangedOnBothSides) {
		t.Fatalf("Merge: %v, want ErrCommentsChangedOnBothSides", err)
	}
	// One side's comment, the other's rating: both kept.
	theirs = applyEdits(t, base, rate("lc-leadership", "green"))
	loaded[2], _ = plans.Parse("plan.yaml", theirs, nil)
	m, err := plans.Merge(loaded[0], loaded[1], loaded[2])
	if err != nil {
		t.Fatal(err)
	}
	if want := applyEdits(t, ours, rate("lc-leadership", "green")); !bytes.Equal(m.Ours, want) {
		t.Errorf("merged:\n%s", testtool.FirstDifference(want, m.Ours))
	}
}

// Quick wins (or participants) put in a new order on one branch keep it,
// whichever branch it is, with the other branch's addition placed after
// the entry it follows there, as a project plan's steps do.
func TestMergeKeepsAListMovedOnOneSide(t *testing.T) {
	t.Parallel()
	start := applyEdits(t, mergeBase(t), addQuickWin("Sponsor"), addQuickWin("Mentors"), addQuickWin("Buddies"))
	moved := applyEdits(t, start, func(p *plans.Plan) { p.Answer("quick-wins").List = []string{"Buddies", "Sponsor", "Mentors"} })
	added := applyEdits(t, start, addQuickWin("Open days"))
	want := applyEdits(t, start, func(p *plans.Plan) {
		p.Answer("quick-wins").List = []string{"Buddies", "Open days", "Sponsor", "Mentors"}
	})
	for _, sides := range []struct {
		name         string
		ours, theirs []byte
	}{{"moved on theirs", added, moved}, {"moved on ours", moved, added}} {
		got := merge(t, start, sides.ours, sides.theirs)
		if len(got.Conflicts) > 0 || !bytes.Equal(got.Ours, want) {
			t.Errorf("%s: conflicts %q, merged:\n%s", sides.name, got.Conflicts, testtool.FirstDifference(want, got.Ours))
		}
	}
}

// Every field of a plan that a person can change on a branch is merged:
// a change to it on the branch being merged in is in the merge, beside a
// change made on the current branch. The merge's results start as copies
// of the current branch's plan, so a field the merger does not name would
// keep the current branch's value, dropping the other's change without a
// conflict; a field added to Plan, Response, Answer or Step fails here
// until it is merged (plans/merge.go) and given a change below.
func TestMergeTakesEveryFieldChangedOnTheirs(t *testing.T) {
	t.Parallel()
	day := plans.Date{Year: 2027, Month: 6, Day: 30}
	changes := map[string]edit{
		// Merge refuses sides whose schema or checklist differ
		// (TestMergeRefusesDifferentChecklists), and Items, FollowUps
		// and Checklist hold what the fields below change.
		"Plan.Schema": nil, "Plan.ChecklistRef": nil, "Plan.Items": nil, "Plan.FollowUps": nil, "Plan.Checklist": nil,

		"Plan.Organisation":   func(p *plans.Plan) { p.Organisation = "Acme Group" },
		"Plan.Title":          func(p *plans.Plan) { p.Title = "Autumn review" },
		"Plan.Date":           func(p *plans.Plan) { p.Date = day },
		"Plan.Facilitator":    func(p *plans.Plan) { p.Facilitator = "Kim" },
		"Plan.Participants":   func(p *plans.Plan) { p.Participants = append(p.Participants, "Lee") },
		"Plan.PreviousReview": func(p *plans.Plan) { p.PreviousReview = "../2026/acme.yaml" },
		"Plan.NextReview":     func(p *plans.Plan) { p.NextReview = "../2028/acme.yaml" },

		"Response.Rating":  rate("lc-vision", "amber"),
		"Response.Votes":   vote("wf-interventions", "green", 0, 1, 4, 0),
		"Response.Revisit": func(p *plans.Plan) { p.Response("lc-vision").Revisit = true },
		"Response.Action":  func(p *plans.Plan) { p.Response("lc-vision").Action = "Write the vision" },
		"Response.Owner":   func(p *plans.Plan) { p.Response("lc-vision").Owner = "Jo" },
		"Response.Due":     func(p *plans.Plan) { p.Response("lc-vision").Due = day },
		"Response.Status":  func(p *plans.Plan) { p.Response("lc-vision").Status = plans.StatusDoing },
		"Response.Notes":   setNotes("lc-vision", "Agreed"),

		"Answer.Text":   func(p *plans.Plan) { p.Answer("decision-makers").Text = "The board" },
		"Answer.List":   addQuickWin("Mentors"),
		"Answer.ByArea": func(p *plans.Plan) { p.Answer("speak-with").ByArea = map[string]string{"workforce": "HR"} },
		"Answer.Steps":  addStep(10, "Book the room"),
		"Answer.Due":    func(p *plans.Plan) { p.Answer("counts").Due = day },

		"Step.ID":     editStep(2, func(s *plans.Step) { s.ID = 99 }),
		"Step.Text":   editStep(2, func(s *plans.Step) { s.Text = "Ask the staff" }),
		"Step.Owner":  editStep(2, func(s *plans.Step) { s.Owner = "Jo" }),
		"Step.Due":    editStep(2, func(s *plans.Step) { s.Due = day }),
		"Step.Status": editStep(2, func(s *plans.Step) { s.Status = plans.StatusDone }),
		"Step.From":   editStep(2, func(s *plans.Step) { s.From = "lc-leadership" }),
	}
	for _, v := range []any{plans.Plan{}, plans.Response{}, plans.Answer{}, plans.Step{}} {
		typ := reflect.TypeOf(v)
		for _, f := range reflect.VisibleFields(typ) {
			if _, ok := changes[typ.Name()+"."+f.Name]; f.IsExported() && !ok {
				t.Errorf("%s.%s is not merged field by field: merge it in plans/merge.go and give it a change here", typ.Name(), f.Name)
			}
		}
	}
	base := mergeBase(t)
	ours := applyEdits(t, base, setNotes("en-data-collect", "Ours"))
	for name, change := range changes {
		if change == nil {
			continue
		}
		theirs := applyEdits(t, base, change)
		if bytes.Equal(theirs, base) {
			t.Errorf("%s: the change leaves the plan as it was", name)
			continue
		}
		got := merge(t, base, ours, theirs)
		if want := applyEdits(t, ours, change); len(got.Conflicts) > 0 || !bytes.Equal(got.Ours, want) {
			t.Errorf("%s changed on theirs: conflicts %q, merged:\n%s", name, got.Conflicts, testtool.FirstDifference(want, got.Ours))
		}
	}
}

// Sides that follow different checklists, or versions of one, cannot have
// their items matched up: Merge says so, whichever side moved, and the
// driver leaves the plan to git's merge by lines.
func TestMergeRefusesDifferentChecklists(t *testing.T) {
	t.Parallel()
	base := mergeBase(t)
	for side := range 3 {
		var loaded [3]*plans.Plan
		for i := range loaded {
			p, err := plans.Parse("plan.yaml", base, nil)
			if err != nil {
				t.Fatal(err)
			}
			loaded[i] = p
		}
		loaded[side].ChecklistRef.Version += ".1"
		if _, err := plans.Merge(loaded[0], loaded[1], loaded[2]); !errors.Is(err, plans.ErrNotTheSamePlan) {
			t.Errorf("version moved on side %d: Merge: %v, want ErrNotTheSamePlan", side, err)
		}
	}
}

// A quick win written a second time on one branch, or one of two alike
// removed, is a change like any other: the merge keeps it, where entries
// matched by their words alone took the second for the first.
func TestMergeCountsEntriesAlike(t *testing.T) {
	t.Parallel()
	start := applyEdits(t, mergeBase(t), addQuickWin("Mentors"), addQuickWin("Sponsor"))
	twice := applyEdits(t, start, addQuickWin("Mentors"))
	list := func(l ...string) edit { return func(p *plans.Plan) { p.Answer("quick-wins").List = l } }
	for _, tc := range []struct {
		name                     string
		base, ours, theirs, want []byte
	}{
		{"written again on ours", start, applyEdits(t, start, addQuickWin("Mentors")), applyEdits(t, start, addQuickWin("Buddies")),
			applyEdits(t, start, list("Mentors", "Sponsor", "Mentors", "Buddies"))},
		{"written again on theirs", start, applyEdits(t, start, addQuickWin("Buddies")), applyEdits(t, start, addQuickWin("Mentors")),
			applyEdits(t, start, list("Mentors", "Sponsor", "Buddies", "Mentors"))},
		{"one of two alike removed on ours", twice, applyEdits(t, twice, list("Mentors", "Sponsor")), applyEdits(t, twice, addQuickWin("Buddies")),
			applyEdits(t, start, list("Mentors", "Sponsor", "Buddies"))},
		{"one of two alike removed on theirs", twice, applyEdits(t, twice, addQuickWin("Buddies")), applyEdits(t, twice, list("Mentors", "Sponsor")),
			applyEdits(t, start, list("Mentors", "Sponsor", "Buddies"))},
	} {
		got := merge(t, tc.base, tc.ours, tc.theirs)
		if len(got.Conflicts) > 0 || !bytes.Equal(got.Ours, tc.want) {
			t.Errorf("%s: conflicts %q, merged:\n%s", tc.name, got.Conflicts, testtool.FirstDifference(tc.want, got.Ours))
		}
	}
}

// A branch can add thousands of quick wins, participants and steps to a
// plan (a stranger's pull request, or a list pasted in): the merge takes
// a moment, where it compared every entry with every other and took 51 s
// for 30,000 quick wins added on each side of a plan under 512 KiB, git's
// merge waiting on it. Most of each side is one list, as long as a plan
// allows, so that the scans would fail here on a quick machine too: with
// 6,000 entries in each of two lists they took 5 s at load 21, the limit;
// with 26,000 quick wins, 8.6 s at load 13 (this merge: 0.3 s).
func TestMergeOfLongListsTakesAMoment(t *testing.T) {
	const wins, n = 26000, 2000 // quick wins, and participants, added on each side
	words := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = prefix + strconv.Itoa(i)
		}
		return out
	}
	base := applyEdits(t, mergeBase(t), func(p *plans.Plan) {
		p.Participants = words("b", n)
		p.Answer("quick-wins").List = words("b", n)
	})
	side := func(prefix string, firstID int) edit {
		return func(p *plans.Plan) {
			p.Participants = append(words(prefix, n), p.Participants...)
			p.Answer("quick-wins").List = append(p.Answer("quick-wins").List, words(prefix, wins)...)
			steps := &p.Answer("project-plan").Steps
			for i := range n / 4 {
				*steps = append(*steps, plans.Step{ID: firstID + i, Text: prefix + " step", Status: plans.StatusTodo})
			}
		}
	}
	var loaded [3]*plans.Plan
	for i, data := range [][]byte{base, applyEdits(t, base, side("o", 1000)), applyEdits(t, base, side("t", 100000))} {
		p, err := plans.Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		loaded[i] = p
	}
	type result struct {
		m   plans.Merged
		err error
	}
	done := make(chan result, 1)
	go func() {
		m, err := plans.Merge(loaded[0], loaded[1], loaded[2])
		done <- result{m, err}
	}()
	select {
	case r := <-done:
		if r.err != nil || len(r.m.Conflicts) > 0 {
			t.Fatalf("%v %q", r.err, r.m.Conflicts)
		}
		for what, want := range map[string]int{"- o": wins + n, "- t": wins + n, "- b": 2 * n, "step: o step": n / 4, "step: t step": n / 4} {
			if got := bytes.Count(r.m.Ours, []byte(what)); got != want {
				t.Errorf("merged plan has %q %d times, want %d", what, got, want)
			}
		}
		if !bytes.Contains(r.m.Ours, []byte("  - o1999\n  - t0\n")) || !bytes.Contains(r.m.Ours, []byte("      - o25999\n      - t0\n")) {
			t.Error("the sides' additions are not ours' then theirs'")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the merge of long lists took over 5 s")
	}
}

package plans_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

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

package workforce

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// shares builds a table whose grades have the given working-class shares,
// 100 reported answers each, split evenly otherwise.
func shares(ws ...int) *Table {
	d := &Data{Threshold: 10}
	for i, w := range ws {
		rest := 100 - w
		d.Grades = append(d.Grades, Grade{Name: fmt.Sprintf("G%d", i+1), Counts: Counts{w, rest / 2, rest - rest/2, 10, 10}})
	}
	return Protect(d)
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		shares []int
		want   Pattern
		fall   int
		step   int
	}{
		{[]int{45, 43, 41, 12}, CliffEdge, 33, 29},
		{[]int{45, 37, 28, 20}, Pyramid, 25, 9},
		{[]int{60, 45, 30, 15}, Pyramid, 45, 15}, // every step 15: none is most of the fall
		{[]int{45, 40, 35, 20}, CliffEdge, 25, 15},
		{[]int{40, 38, 36, 33}, NoFall, 7, 3},
		{[]int{20, 30, 40}, NoFall, -20, -10},
		{[]int{40, 20}, Falls, 20, 20},
		{[]int{40}, TooFewGrades, 0, 0},
	} {
		r := Read(shares(tc.shares...))
		if r.Pattern != tc.want || (r.Pattern != TooFewGrades && (r.Fall != tc.fall || r.Step != tc.step)) {
			t.Errorf("%v: pattern %d fall %d step %d, want %d %d %d", tc.shares, r.Pattern, r.Fall, r.Step, tc.want, tc.fall, tc.step)
		}
	}
	r := Read(shares(45, 43, 41, 12))
	if r.StepAt != 2 || r.Points[r.StepAt].Grade != "G3" || r.Points[r.StepAt+1].Share != 12 {
		t.Errorf("the cliff is between G3 and G4: %+v", r)
	}
}

func TestReadUsesOnlyShownShares(t *testing.T) {
	// The third grade has 6 working-class answers: its share is not
	// shown, so the reading skips it and says so.
	d := &Data{Threshold: 10, Grades: []Grade{
		{Name: "Junior", Counts: Counts{50, 30, 20, 10, 10}},
		{Name: "Middle", Counts: Counts{40, 30, 30, 10, 10}},
		{Name: "Senior", Counts: Counts{6, 30, 64, 10, 10}},
		{Name: "Director", Counts: Counts{10, 20, 70, 10, 10}},
	}}
	tab := Protect(d)
	r := Read(tab)
	senior := slices.IndexFunc(r.Points, func(p Point) bool { return p.Grade == "Senior" })
	if senior < 0 || !r.Points[senior].AtMost || r.Points[senior].Share != 9 {
		t.Errorf("Senior's 6 of 100 is not shown: the reading knows only that it is 9%% or less: %+v", r)
	}
	if len(r.Points)+len(r.Skipped) != 4 {
		t.Errorf("every grade is either read or skipped: %+v", r)
	}
	for _, p := range r.Points {
		row := tab.Grades[slices.IndexFunc(tab.Grades, func(r Row) bool { return r.Name == p.Grade })]
		if s, ok := row.Share(WorkingClass); !p.AtMost && (!ok || s != p.Share) {
			t.Errorf("%s: read %d%%, shown %d%% (%v)", p.Grade, p.Share, s, ok)
		}
		if p.AtMost && row.Groups[WorkingClass].Shown {
			t.Errorf("%s: a bound where the share is shown", p.Grade)
		}
	}
}

func TestRowShares(t *testing.T) {
	tab := Protect(&Data{Threshold: 10, Grades: []Grade{
		{Name: "A", Headcount: 200, Counts: Counts{41, 30, 29, 10, 5}},
		{Name: "B", Headcount: 50, Counts: Counts{3, 20, 30, 0, 1}},
		{Name: "C", Headcount: 90, Counts: Counts{20, 25, 30, 2, 0}},
	}})
	a := tab.Grades[0]
	if s, ok := a.Share(WorkingClass); !ok || s != 41 {
		t.Errorf("A working class %d %v", s, ok)
	}
	// 115 of 200: 58%, or to ten points when the exact responses would
	// give a small group away.
	if r, ok := a.ResponseRate(); !(ok && r == 58) && !(a.Banded && a.RateBand == [2]int{50, 59}) {
		t.Errorf("A response rate %d %v, band %v %v (115 of 200)", r, ok, a.RateBand, a.Banded)
	}
	if r, ok := tab.Grades[2].ResponseRate(); tab.Grades[2].Responses.Shown && (!ok || r != 86) {
		t.Errorf("C response rate %d %v (77 of 90)", r, ok)
	}
	b := tab.Grades[1]
	if _, ok := b.Share(WorkingClass); ok {
		t.Error("B's 3 working-class answers must not be shown as a share")
	}
	if h, ok := b.HiddenShare(); ok && h == 6 {
		t.Errorf("the hidden share alone must not be the small group's: %d", h)
	}
}

func TestBenchmark(t *testing.T) {
	b, err := ParseBenchmark("uk.benchmark.yaml", []byte("source: A survey, 2026\nworking_class: 39%\nintermediate: 24\nprofessional: 37.0%\n"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Source != "A survey, 2026" || b.Share(WorkingClass) != 39 || b.Share(Intermediate) != 24 || b.Share(Professional) != 37 {
		t.Errorf("%+v", b)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"working_class: 39%\nintermediate: 24%\nprofessional: 37%\n", "b.yaml:1:1: the benchmark does not name its source"},
		{"source: S\nworking_class: 39%\nintermediate: 24%\nprofessional: 17%\n", "b.yaml:1:1: the three shares add up to 80%, not 100%"},
		{"source: S\nworking_class: lots\nintermediate: 24%\nprofessional: 37%\n", `b.yaml:2:16: working_class should be a percentage from 0% to 100%, found "lots"`},
		{"source: S\nworking_class: 39%\nintermediate: 24%\n", "b.yaml:1:1: the benchmark has no professional share"},
		{string(BenchmarkTemplate()), "b.yaml:23:1: the benchmark does not name its source"},
	} {
		_, err := ParseBenchmark("b.yaml", []byte(tc.yaml))
		var fe *strictyaml.FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got  %v\nwant %s", err, tc.want)
		}
	}
}

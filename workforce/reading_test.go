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
		fall   int // the biggest fall from a grade to a more senior one
		step   int // the biggest fall between neighbouring grades
		stepAt int // where that step starts
	}{
		{[]int{45, 43, 41, 12}, CliffEdge, 33, 29, 2},
		{[]int{45, 37, 28, 20}, Pyramid, 25, 9, 1},
		{[]int{60, 45, 30, 15}, Pyramid, 45, 15, 0}, // every step 15: none is most of the fall
		{[]int{45, 40, 35, 20}, CliffEdge, 25, 15, 2},
		{[]int{40, 38, 36, 33}, NoFall, 7, 3, 2},
		{[]int{20, 30, 40}, NoFall, 0, -10, 0}, // it only rises
		{[]int{40, 20}, Falls, 20, 20, 0},
		{[]int{40}, TooFewGrades, 0, 0, 0},
		// A cliff in the middle is a cliff edge, even when the share
		// rises again above it: the most junior and the most senior grade
		// alike do not make it "no fall".
		{[]int{45, 15, 15, 45}, CliffEdge, 30, 30, 0},
		{[]int{30, 45, 15, 45}, CliffEdge, 30, 30, 1},
		{[]int{20, 50, 45, 20}, CliffEdge, 30, 25, 2},
		// A steady fall that turns up again is still a pyramid, down to
		// where it turns.
		{[]int{50, 42, 34, 26, 45}, Pyramid, 24, 8, 0},
		// Up and down by less than 10 points: no fall.
		{[]int{30, 38, 31, 36}, NoFall, 7, 7, 1},
	} {
		r := Read(shares(tc.shares...))
		if r.Pattern != tc.want || (r.Pattern != TooFewGrades && (r.Fall != tc.fall || r.Step != tc.step || r.StepAt != tc.stepAt)) {
			t.Errorf("%v: pattern %d fall %d step %d at %d, want %d %d %d at %d", tc.shares, r.Pattern, r.Fall, r.Step, r.StepAt, tc.want, tc.fall, tc.step, tc.stepAt)
		}
	}
	r := Read(shares(45, 43, 41, 12))
	if r.StepAt != 2 || r.Points[r.StepAt].Grade != "G3" || r.Points[r.StepAt+1].Share != 12 {
		t.Errorf("the cliff is between G3 and G4: %+v", r)
	}
	// The biggest fall runs from the highest share to the lowest after it.
	r = Read(shares(50, 42, 34, 26, 45))
	if r.FallFrom != 0 || r.FallTo != 3 {
		t.Errorf("the pyramid falls from G1 to G4: %+v", r)
	}
	r = Read(shares(20, 50, 45, 20))
	if r.FallFrom != 1 || r.FallTo != 3 {
		t.Errorf("the fall is from G2 to G4: %+v", r)
	}
}

// A cliff in the middle whose lower side is hidden (fewer working-class
// answers than the threshold) is read from the bound the chart shows:
// fewer than 10 of 100 is 9% or less, so the fall is at least 36 points.
func TestReadCliffToABound(t *testing.T) {
	d := &Data{Threshold: 10, Grades: []Grade{
		{Name: "Junior", Counts: Counts{45, 30, 25, 10, 10}},
		{Name: "Middle", Counts: Counts{5, 30, 65, 10, 10}},
		{Name: "Senior", Counts: Counts{45, 30, 25, 10, 10}},
	}}
	r := Read(Protect(d))
	if r.Pattern != CliffEdge || r.StepAt != 0 || !r.Points[1].AtMost || r.Step != 36 {
		t.Errorf("a cliff from 45%% to at most 9%%, then back: %+v", r)
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

// A grade whose working-class share is hidden is known only as a bound:
// 6 of 21 answers is "fewer than 10", so "43% or less". From 50% that is
// a fall of at least 7 points, but the share may be 0%: the reading must
// not say there is no fall (a small firm's senior grades are usually the
// small ones, and a real 28-point cliff there read as "no fall").
func TestReadDoesNotCallAFallToABoundNoFall(t *testing.T) {
	d := &Data{Threshold: 10, Grades: []Grade{
		{Name: "Staff", Counts: Counts{22, 10, 12, 0, 3}},
		{Name: "Senior", Counts: Counts{6, 5, 10, 0, 2}},
	}}
	r := Read(Protect(d))
	if len(r.Points) != 2 || !r.Points[1].AtMost || r.Points[1].Share != 43 {
		t.Fatalf("Senior is read as 43%% or less: %+v", r)
	}
	if r.Pattern != FallHidden || r.HiddenFrom != 0 || r.HiddenTo != 1 || r.Fall != 7 {
		t.Errorf("pattern %d, fall %d, hidden from %d to %d; want FallHidden (%d), at least 7 from Staff to Senior", r.Pattern, r.Fall, r.HiddenFrom, r.HiddenTo, FallHidden)
	}
	// Shares that are all shown and fall by less than 10 are still no fall.
	if r := Read(shares(40, 38, 36, 33)); r.Pattern != NoFall {
		t.Errorf("40, 38, 36, 33: pattern %d, want NoFall", r.Pattern)
	}
}

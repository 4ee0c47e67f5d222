package workforce

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// show lays a protected row out as "wc int prof excl | reported responses",
// with "<10" for a small hidden figure and "--" for one hidden to protect
// another.
func show(r Row) string {
	f := func(x Figure) string {
		switch {
		case x.Shown:
			return fmt.Sprint(x.Value)
		case x.Small:
			return "<10"
		}
		return "--"
	}
	return strings.Join([]string{f(r.Groups[0]), f(r.Groups[1]), f(r.Groups[2]), f(r.Excluded), "|", f(r.Reported), f(r.Responses)}, " ")
}

func grades(counts ...Counts) *Data {
	d := &Data{Threshold: 10}
	for i, c := range counts {
		d.Grades = append(d.Grades, Grade{Name: fmt.Sprintf("G%d", i+1), Counts: c})
	}
	return d
}

func TestProtectShowsWhatIsSafe(t *testing.T) {
	tab := Protect(grades(Counts{40, 30, 20, 5, 6}, Counts{20, 25, 30, 10, 2}))
	// Every group count is 20 or more; the excluded answers (11, 12)
	// are at the threshold or over it.
	for _, r := range append(tab.Grades, tab.Total) {
		if strings.Contains(show(r), "<") || strings.Contains(show(r), "-") {
			t.Errorf("%s: %s, want every figure shown", r.Name, show(r))
		}
	}
	if got := show(tab.Total); got != "60 55 50 23 | 165 188" {
		t.Errorf("total %s", got)
	}
}

func TestProtectHidesSmallFiguresAndWhatWouldGiveThemAway(t *testing.T) {
	// The senior grade has 3 working-class answers. Hiding the 3 alone
	// would not do: its grade's reported total less the other two
	// groups gives it back, and so does the all-grades total less the
	// other grades.
	d := grades(Counts{40, 30, 20, 10, 2}, Counts{30, 25, 30, 10, 0}, Counts{3, 12, 30, 10, 1})
	tab := Protect(d)
	if !tab.Grades[2].Groups[WorkingClass].Small || tab.Grades[2].Groups[WorkingClass].Shown {
		t.Fatalf("the 3 is shown: %s", show(tab.Grades[2]))
	}
	assertNothingWorkedOut(t, d, tab)
	// The hiding is limited: the first grade keeps its shares.
	for _, g := range Reported {
		if _, ok := tab.Grades[0].Share(g); !ok {
			t.Errorf("grade 1 lost its %s share: %s", g.Name(), show(tab.Grades[0]))
		}
	}
}

func TestProtectSmallGradeAndSmallEmployer(t *testing.T) {
	// A grade of 6 answers is shown with its neighbour, not alone, and
	// so is one whose three groups are all under 10.
	for _, d := range []*Data{
		grades(Counts{40, 30, 20, 10, 2}, Counts{2, 3, 1, 0, 0}),
		grades(Counts{40, 30, 20, 10, 2}, Counts{30, 25, 30, 10, 0}, Counts{1, 3, 6, 0, 1}),
	} {
		tab := Protect(d)
		last := tab.Grades[len(tab.Grades)-1]
		small := d.Grades[len(d.Grades)-1].Name
		if want := d.Grades[len(d.Grades)-2].Name + " + " + small; last.Name != want || strings.Join(last.Joined, ",") != small {
			t.Errorf("last row %q (joined %v), want %q", last.Name, last.Joined, want)
		}
		if got := show(last); strings.Contains(got, "<") || strings.Contains(got, "-") {
			t.Errorf("the joined row can show everything: %s", got)
		}
		if len(tab.Grades) != len(d.Grades)-1 {
			t.Errorf("%d rows", len(tab.Grades))
		}
	}
	// The most junior grade joins the one above it.
	tab := Protect(grades(Counts{2, 3, 1, 0, 0}, Counts{40, 30, 20, 10, 2}, Counts{30, 25, 30, 10, 0}))
	if tab.Grades[0].Name != "G1 + G2" || strings.Join(tab.Grades[0].Members, ",") != "G1,G2" {
		t.Errorf("first row %+v", tab.Grades[0])
	}
	// A grade in the middle joins its smaller neighbour, so that the big
	// grade beside it keeps its own row: an organisation of 80 team
	// members and a few dozen more senior people still has two rows to
	// read a pattern from, not one.
	tab = Protect(grades(Counts{25, 13, 19, 13, 10}, Counts{7, 8, 3, 2, 10}, Counts{6, 3, 5, 2, 4}, Counts{1, 1, 3, 1, 0}))
	if len(tab.Grades) != 2 || tab.Grades[0].Name != "G1" || tab.Grades[1].Name != "G2 + G3 + G4" {
		var names []string
		for _, r := range tab.Grades {
			names = append(names, r.Name)
		}
		t.Errorf("rows %q, want G1 and G2 + G3 + G4", names)
	}
	// Each of the three is too small alone, and each is said to be.
	if j := strings.Join(tab.Grades[len(tab.Grades)-1].Joined, ","); j != "G2,G3,G4" {
		t.Errorf("joined %q, want G2,G3,G4", j)
	}
	tab = Protect(grades(Counts{20, 15, 12, 0, 0}, Counts{3, 2, 1, 0, 0}, Counts{40, 30, 30, 0, 0}))
	if tab.Grades[0].Name != "G1 + G2" || tab.Grades[1].Name != "G3" {
		t.Errorf("rows %q and %q, want G1 + G2 (the smaller neighbour) and G3", tab.Grades[0].Name, tab.Grades[1].Name)
	}
	// A neighbour too small to show alone itself is joined first, however
	// many answers it has outside the three groups: it has nothing of
	// its own to lose.
	tab = Protect(grades(Counts{12, 10, 3, 0, 0}, Counts{3, 3, 3, 0, 0}, Counts{9, 9, 9, 10, 10}))
	if len(tab.Grades) != 2 || tab.Grades[0].Name != "G1" || tab.Grades[1].Name != "G2 + G3" {
		t.Errorf("rows %q..., want G1 and G2 + G3", tab.Grades[0].Name)
	}
	small := Protect(grades(Counts{2, 3, 1, 1, 0}))
	if !small.SmallEmployer() || show(small.Total) != "<10 <10 <10 <10 | <10 <10" {
		t.Errorf("7 answers in all: %s", show(small.Total))
	}
	withHeadcount := &Data{Threshold: 10, Grades: []Grade{{Name: "All", Headcount: 8, Counts: Counts{2, 3, 1, 1, 0}}}}
	if !Protect(withHeadcount).SmallEmployer() {
		t.Error("8 employees is a small employer")
	}
	if Protect(grades(Counts{20, 30, 10, 10, 0})).SmallEmployer() {
		t.Error("70 answers is not a small employer")
	}
}

func TestProtectSmallGroupsAddedUp(t *testing.T) {
	// Two grades with 3 and 4 working-class answers: hiding both is not
	// enough when the column total less the shown grades gives their sum,
	// a group of 7.
	d := grades(Counts{40, 30, 20, 10, 12}, Counts{35, 25, 30, 10, 0}, Counts{3, 25, 40, 10, 1}, Counts{4, 20, 50, 10, 0})
	tab := Protect(d)
	assertNothingWorkedOut(t, d, tab)
	hidden := 0
	for _, r := range tab.Grades {
		if !r.Groups[WorkingClass].Shown {
			hidden += r.Groups[WorkingClass].Value
		}
	}
	if tab.Total.Groups[WorkingClass].Shown && hidden < 10 {
		t.Errorf("the hidden working-class figures add up to %d, which the total gives away", hidden)
	}
}

func TestProtectHigherThreshold(t *testing.T) {
	d := grades(Counts{40, 30, 15, 10, 2}, Counts{30, 25, 30, 10, 0})
	d.Threshold = 20
	tab := Protect(d)
	if f := tab.Grades[0].Groups[Professional]; f.Shown || !f.Small {
		t.Errorf("15 is under a threshold of 20: %+v", f)
	}
	assertNothingWorkedOut(t, d, tab)
	// A file cannot say 5 (Parse refuses it), and Protect never goes
	// below 10 anyway.
	d = grades(Counts{40, 30, 20, 7, 0}, Counts{30, 25, 30, 10, 0})
	d.Threshold = 5
	if f := Protect(d).Grades[0].Excluded; f.Shown || !f.Small {
		t.Errorf("7 is under 10, whatever the file says: %+v", f)
	}
}

// TestProtectAgainstEveryReading checks random small tables against a
// reader who knows every shown figure, that hidden small figures are under
// the threshold and the others at it or over, and each grade's headcount:
// by trying every combination of hidden figures, no small figure may turn
// out to have only one possible value.
func TestProtectAgainstEveryReading(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 10))
	checked := 0
	for trial := 0; trial < 400; trial++ {
		d := &Data{Threshold: 10}
		for g := range 1 + rng.IntN(3) {
			var c Counts
			for k := range c {
				if rng.IntN(3) == 0 {
					c[k] = rng.IntN(10)
				} else {
					c[k] = 8 + rng.IntN(18)
				}
			}
			head := 0
			if rng.IntN(3) == 0 {
				head = c.Responses() + rng.IntN(3)
			}
			d.Grades = append(d.Grades, Grade{Name: fmt.Sprint("G", g), Headcount: head, Counts: c})
		}
		tab := Protect(d)
		if assertNothingWorkedOut(t, d, tab) {
			checked++
		}
		if t.Failed() {
			t.Fatalf("trial %d: %+v", trial, d.Grades)
		}
	}
	if checked < 300 {
		t.Errorf("only %d of 400 tables were small enough to check", checked)
	}
}

// assertNothingWorkedOut enumerates every table consistent with what tab
// shows and reports any small hidden figure that has only one possible
// value. It returns false if the table was too big to enumerate.
func assertNothingWorkedOut(t *testing.T, d *Data, tab *Table) bool {
	t.Helper()
	const span = 60 // values tried above the threshold for a hidden figure that is not small
	rows := append(append([]Row{}, tab.Grades...), tab.Total)
	T := tab.Threshold
	figs := func(r Row) [tableCols]Figure {
		return [tableCols]Figure{r.Groups[0], r.Groups[1], r.Groups[2], r.Excluded, r.Reported, r.Responses}
	}
	fits := func(f Figure, v, cap int) bool {
		switch {
		case f.Shown:
			return v == f.Value
		case cap > 0 && v > cap:
			return false
		case f.Small:
			return v >= 0 && v < T
		}
		return v >= T
	}
	rowValues := func(c [4]int) [tableCols]int {
		rep := c[0] + c[1] + c[2]
		return [tableCols]int{c[0], c[1], c[2], c[3], rep, rep + c[3]}
	}
	rowFits := func(r Row, c [4]int) bool {
		cap := 0
		if r.Headcount > 0 && r.Headcount >= r.Responses.Value {
			cap = r.Headcount
		}
		v, f := rowValues(c), figs(r)
		if r.Banded {
			if rate := v[colResponses] * 100 / r.Headcount; rate < r.RateBand[0] || rate > r.RateBand[1] {
				return false
			}
		}
		for i := range tableCols {
			if !fits(f[i], v[i], cap) {
				return false
			}
		}
		return true
	}
	// Every combination of a grade's four cells that fits its row.
	// When the all-grades row shows its four cells, one grade is fixed by
	// the others: the one with most to try is worked out, not tried.
	derived := -1
	if tf := figs(tab.Total); tf[0].Shown && tf[1].Shown && tf[2].Shown && tf[3].Shown {
		most := -1
		for g, r := range tab.Grades {
			hidden := 0
			fr := figs(r)
			for _, f := range fr[:4] {
				if !f.Shown {
					hidden++
				}
			}
			if hidden > most {
				derived, most = g, hidden
			}
		}
	}
	options := make([][][4]int, len(tab.Grades))
	total := 1
	for g, r := range tab.Grades {
		if g == derived {
			continue
		}
		f := figs(r)
		values := func(k int) []int {
			switch {
			case f[k].Shown:
				return []int{f[k].Value}
			case f[k].Small:
				out := make([]int, T)
				for v := range T {
					out[v] = v
				}
				return out
			}
			out := make([]int, span)
			for v := range span {
				out[v] = T + v
			}
			return out
		}
		// The row's shown totals fix the last cells: no need to try them.
		for _, a := range values(0) {
			for _, b := range values(1) {
				cs := values(2)
				if f[colReported].Shown {
					cs = []int{f[colReported].Value - a - b}
				}
				for _, c := range cs {
					if c < 0 || !fits(f[colReported], a+b+c, 0) {
						continue
					}
					es := values(3)
					switch {
					case f[colResponses].Shown:
						es = []int{f[colResponses].Value - a - b - c}
					case f[colReported].Shown && f[colExcluded].Shown:
						es = []int{f[colExcluded].Value}
					}
					for _, e := range es {
						if cells := [4]int{a, b, c, e}; rowFits(r, cells) {
							options[g] = append(options[g], cells)
						}
					}
				}
			}
		}
		total *= len(options[g])
		if total > 2_000_000 {
			return false
		}
	}
	// possible[r][col] collects the values each figure can take.
	possible := make([][tableCols]map[int]bool, len(rows))
	for r := range rows {
		for c := range tableCols {
			possible[r][c] = map[int]bool{}
		}
	}
	pick := make([][4]int, len(tab.Grades))
	found := 0
	var walk func(g int)
	walk = func(g int) {
		if g == derived {
			walk(g + 1)
			return
		}
		if g == len(tab.Grades) {
			if derived >= 0 {
				tf := figs(tab.Total)
				for k := range 4 {
					pick[derived][k] = tf[k].Value
					for o := range pick {
						if o != derived {
							pick[derived][k] -= pick[o][k]
						}
					}
				}
				if !rowFits(tab.Grades[derived], pick[derived]) {
					return
				}
			}
			var sum [4]int
			for _, c := range pick {
				for k := range 4 {
					sum[k] += c[k]
				}
			}
			if !rowFits(tab.Total, sum) {
				return
			}
			found++
			for r, c := range append(append([][4]int{}, pick...), sum) {
				for col, v := range rowValues(c) {
					possible[r][col][v] = true
				}
			}
			return
		}
		for _, c := range options[g] {
			pick[g] = c
			walk(g + 1)
		}
	}
	walk(0)
	if found == 0 {
		t.Errorf("no table fits what is shown, not even the real one: %+v", d.Grades)
		return true
	}
	for r, row := range rows {
		for col, f := range figs(row) {
			if f.Small && !f.Shown && len(possible[r][col]) < 2 {
				t.Errorf("%s column %d: the hidden %d can be worked out (%s)", row.Name, col, f.Value, show(row))
			}
		}
	}
	return true
}

// A headcount given for one grade only is not the organisation's: the
// all-grades row has no headcount, so no response rate (157 answers of a
// "headcount" of 30 was 523%), and an employer of 150 is not taken for
// one under the threshold because its smallest grade's headcount is.
func TestProtectTotalHeadcountOnlyWhenEveryGradeHasOne(t *testing.T) {
	d := grades(Counts{40, 30, 20, 5, 6}, Counts{20, 25, 30, 10, 2}, Counts{3, 2, 1, 0, 0})
	d.Grades[2].Headcount = 8
	tab := Protect(d)
	if tab.Total.Headcount != 0 {
		t.Errorf("all-grades headcount %d, want none: only one grade has one", tab.Total.Headcount)
	}
	if rate, ok := tab.Total.ResponseRate(); ok {
		t.Errorf("all-grades response rate %d%%, want none", rate)
	}
	if tab.SmallEmployer() {
		t.Error("an employer with 194 answers is taken for one under the threshold")
	}

	for i := range d.Grades {
		d.Grades[i].Headcount = d.Grades[i].Counts.Responses() + 10
	}
	tab = Protect(d)
	if rate, ok := tab.Total.ResponseRate(); !ok || tab.Total.Headcount != 194+30 {
		t.Errorf("every grade has a headcount: all-grades headcount %d, rate %d%% (%v); want 224", tab.Total.Headcount, rate, ok)
	}
}

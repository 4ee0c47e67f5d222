package workforce

import (
	"math"
	"slices"
	"strings"
)

// The anonymity threshold, enforced. A figure under the threshold is never
// shown; and because a table also shows totals, hiding the small figures
// is not enough: subtracting the shown figures of a row from its total
// would give a hidden one back. So Protect also hides as few other
// figures as it can until no figure under the threshold can be worked out
// from what is shown, by adding and subtracting rows and columns, or
// because the hidden figures of a row leave only one possibility (two
// hidden figures under 10 that must add up to 18 are 9 and 9).
//
// The published table has, for each grade and for all grades together,
// the counts of the three reported groups and of the excluded answers
// (Other and I prefer not to say, together), the reported total (what
// shares are shares of) and the responses (reported plus excluded).
// Shares and response rates are shown only where the counts they come
// from are, so they give nothing away that the counts would not.

// Figure is one published number.
type Figure struct {
	Value int
	// Shown is false when the figure is hidden.
	Shown bool
	// Small marks a hidden figure under the threshold ("fewer than 10");
	// a hidden figure that is not small is hidden so that a small one
	// cannot be worked out from it.
	Small bool
}

// Column of the published table.
const (
	colWorkingClass = iota
	colIntermediate
	colProfessional
	colExcluded // Other and I prefer not to say together
	colReported // the three reported groups together
	colResponses
	tableCols
)

// Row is one grade's published figures, or neighbouring grades' shown
// together, or all grades'.
type Row struct {
	// Name is the grade's, or the grades' joined: "Manager + Director".
	Name string
	// Members are the grades in the row; Joined are those among them too
	// small to be shown on their own.
	Members, Joined []string
	Headcount       int // 0 when not known
	// Groups are the counts of the three reported groups, indexed by
	// Group (WorkingClass, Intermediate, Professional).
	Groups [3]Figure
	// Excluded is Other and I prefer not to say together.
	Excluded  Figure
	Reported  Figure
	Responses Figure
	// RateBand is the response rate to ten points, in per cent (from,
	// to), given when Banded: the responses are hidden but the rate can
	// still be shown this far.
	RateBand [2]int
	Banded   bool
}

// Table is a data file's figures as they may be published.
type Table struct {
	Threshold int
	Grades    []Row
	Total     Row
}

// Protect works out which figures of a data file can be shown. A grade
// that could show nothing on its own (fewer responses than the threshold,
// or fewer than the threshold in each of the three groups) is first
// joined to a neighbour (one too small itself, else the smaller, else
// the grade below it) and shown with it as one row ("Manager + Director"): hiding it alone would
// also take the neighbour's figures, to stop them giving it away.
func Protect(d *Data) *Table {
	threshold := max(d.Threshold, MinThreshold)
	bands := joinSmallGrades(d.Grades, threshold)
	grades := make([]Grade, len(bands))
	for i, b := range bands {
		grades[i] = b.Grade
	}
	p := newProtector(grades, threshold)
	p.protect()
	t := &Table{Threshold: threshold, Grades: make([]Row, len(bands))}
	for r, b := range bands {
		t.Grades[r] = p.row(r, b.Name, b.Headcount)
		t.Grades[r].Members, t.Grades[r].Joined = b.members, b.joined
	}
	// The organisation's headcount is known only when every grade's is:
	// one grade's alone would give a rate over 100%, or an employer of
	// hundreds taken for one under the threshold.
	head, known := d.Headcount()
	if !known {
		head = 0
	}
	t.Total = p.row(len(bands), "All grades", head)
	return t
}

// band is one row of the published table: a grade, or neighbouring grades
// shown together.
type band struct {
	Grade
	members []string
	joined  []string // the members too small to show alone
}

func joinSmallGrades(grades []Grade, threshold int) []band {
	bands := make([]band, len(grades))
	for i, g := range grades {
		bands[i] = band{Grade: g, members: []string{g.Name}}
	}
	tooSmall := func(b band) bool {
		c := b.Counts
		return c.Responses() < threshold ||
			(c[WorkingClass] < threshold && c[Intermediate] < threshold && c[Professional] < threshold)
	}
	for len(bands) > 1 {
		i := slices.IndexFunc(bands, tooSmall)
		if i < 0 {
			break
		}
		j := neighbourToJoin(bands, i, tooSmall)
		lo, hi := min(i, j), max(i, j)
		merged := band{members: append(slices.Clone(bands[lo].members), bands[hi].members...)}
		// The members too small to show alone, in grade order: all of a
		// band too small as a whole (the small one, and its neighbour when
		// that is too small too), and those already joined in the other.
		joined := func(b band) []string {
			if tooSmall(b) {
				return b.members
			}
			return b.joined
		}
		merged.joined = append(slices.Clone(joined(bands[lo])), joined(bands[hi])...)
		for k := range merged.Counts {
			merged.Counts[k] = bands[lo].Counts[k] + bands[hi].Counts[k]
		}
		if bands[lo].Headcount > 0 && bands[hi].Headcount > 0 {
			merged.Headcount = bands[lo].Headcount + bands[hi].Headcount
		}
		merged.Name = joinNames(merged.members)
		bands = slices.Replace(bands, lo, hi+1, merged)
	}
	return bands
}

// neighbourToJoin is the band that band i, too small to show alone,
// joins: a neighbour too small to show alone itself, which has nothing
// of its own to lose; else the neighbour with fewer responses; the grade
// below on a tie. Joining the smaller one keeps a big grade on its own
// row: a few team leaders joined to eighty team members would take the
// most junior grade's shares, and with them, often, the whole chart.
func neighbourToJoin(bands []band, i int, tooSmall func(band) bool) int {
	switch {
	case i == 0:
		return 1
	case i == len(bands)-1:
		return i - 1
	}
	below, above := bands[i-1], bands[i+1]
	if tooSmall(below) != tooSmall(above) {
		if tooSmall(above) {
			return i + 1
		}
		return i - 1
	}
	if above.Counts.Responses() < below.Counts.Responses() {
		return i + 1
	}
	return i - 1
}

// joinNames names grades shown together: "Manager + Director" (a "+"
// rather than "and", which grade names and sentences about them use).
func joinNames(names []string) string { return strings.Join(names, " + ") }

// protector holds the table as terms (every figure of every row, the
// total row last) and the linear equations that tie them together.
type protector struct {
	threshold int
	rows      int
	value     []int
	hidden    []bool
	small     []bool
	// cap is an upper bound a reader knows for a term (a grade's
	// responses cannot exceed its headcount); -1 when none.
	cap []int
	// head is each row's headcount, 0 when not known.
	head []int
	// band is, for a hidden responses figure, the range of response rates
	// shown in its place (per cent, inclusive), when that range keeps every
	// small figure safe.
	band      map[int][2]int
	equations [][]term // each sums to zero
	// onEquations lists, for each term, the equations it is in.
	onEquations [][]int
}

type term struct {
	index int
	coef  float64
}

func newProtector(grades []Grade, threshold int) *protector {
	rows := len(grades) + 1
	p := &protector{threshold: threshold, rows: rows}
	n := rows * tableCols
	p.value, p.hidden, p.small, p.cap = make([]int, n), make([]bool, n), make([]bool, n), make([]int, n)
	p.head, p.band = make([]int, rows), map[int][2]int{}
	all := &Data{Grades: grades}
	total := all.Total()
	for r := range rows {
		c, head := total, 0
		if r < len(grades) {
			c, head = grades[r].Counts, grades[r].Headcount
		} else if h, known := all.Headcount(); known {
			head = h
		}
		p.head[r] = head
		vals := [tableCols]int{c[WorkingClass], c[Intermediate], c[Professional], c.Excluded(), c.Reported(), c.Responses()}
		for col, v := range vals {
			i := r*tableCols + col
			p.value[i] = v
			p.cap[i] = -1
			if head > 0 && head >= c.Responses() {
				p.cap[i] = head
			}
		}
	}
	at := func(r, col int) int { return r*tableCols + col }
	for r := range rows {
		p.equations = append(p.equations,
			[]term{{at(r, colWorkingClass), 1}, {at(r, colIntermediate), 1}, {at(r, colProfessional), 1}, {at(r, colReported), -1}},
			[]term{{at(r, colReported), 1}, {at(r, colExcluded), 1}, {at(r, colResponses), -1}})
	}
	for col := range tableCols {
		eq := []term{{at(rows-1, col), -1}}
		for r := range rows - 1 {
			eq = append(eq, term{at(r, col), 1})
		}
		p.equations = append(p.equations, eq)
	}
	p.onEquations = make([][]int, n)
	for e, eq := range p.equations {
		for _, t := range eq {
			p.onEquations[t.index] = append(p.onEquations[t.index], e)
		}
	}
	return p
}

func (p *protector) row(r int, name string, headcount int) Row {
	fig := func(col int) Figure {
		i := r*tableCols + col
		return Figure{Value: p.value[i], Shown: !p.hidden[i], Small: p.small[i]}
	}
	b, banded := p.band[r*tableCols+colResponses]
	return Row{
		RateBand:  b,
		Banded:    banded,
		Name:      name,
		Headcount: headcount,
		Groups:    [3]Figure{fig(colWorkingClass), fig(colIntermediate), fig(colProfessional)},
		Excluded:  fig(colExcluded),
		Reported:  fig(colReported),
		Responses: fig(colResponses),
	}
}

// protect hides every figure under the threshold, then, while one of them
// can still be worked out, hides the cheapest other figures that stop it.
func (p *protector) protect() {
	for i, v := range p.value {
		if v < p.threshold {
			p.hidden[i], p.small[i] = true, true
		}
	}
	for {
		x := p.exposed()
		if x < 0 {
			break
		}
		for _, i := range p.coverFor(x) {
			p.hidden[i] = true
		}
	}
	p.rateBands()
}

// rateBands gives each row whose responses had to be hidden a response
// rate to ten points ("70-79%") in place of the exact one, where that
// still lets no small figure be worked out: a grade's response rate
// matters more than its exact number of responses.
func (p *protector) rateBands() {
	for r := range p.rows {
		i := r*tableCols + colResponses
		h := p.head[r]
		if !p.hidden[i] || p.small[i] || h <= 0 || p.value[i] > h {
			continue
		}
		lo := min(p.value[i]*100/h/10*10, 90)
		p.band[i] = [2]int{lo, min(lo+9, 100)}
		if lo == 90 {
			p.band[i] = [2]int{90, 100}
		}
		if p.exposed() >= 0 {
			delete(p.band, i)
		}
	}
}

// bandCounts is the range of responses a band of response rates allows
// for a headcount: the counts whose rate, rounded down, is in the band.
func bandCounts(b [2]int, head int) (lo, hi int) {
	lo = (b[0]*head + 99) / 100
	hi = ((b[1]+1)*head - 1) / 100
	if b[1] >= 100 {
		hi = head
	}
	return lo, hi
}

// coverFor picks the figures to hide so that small figure x can no
// longer be worked out. It weighs two kinds of cover, cheapest first: one
// more figure from an equation of x's, or a rectangle (a partner of x in
// its row, and the same two columns in another row: the pattern that
// leaves every row and column with two unknowns that can trade places).
// When none is enough on its own, it hides the cheapest single figure and
// lets the next round go on from there.
func (p *protector) coverFor(x int) []int {
	var best []int
	bestCost := -1
	try := func(set []int) {
		cost := 0
		for _, i := range set {
			cost += p.cost(i)
		}
		if bestCost >= 0 && cost >= bestCost {
			return
		}
		for _, i := range set {
			p.hidden[i] = true
		}
		fixed := !p.isExposed(x)
		for _, i := range set {
			p.hidden[i] = false
		}
		if fixed {
			best, bestCost = set, cost
		}
	}
	singles := p.shownNeighbours(x)
	for _, c := range singles {
		try([]int{c})
	}
	r, col := x/tableCols, x%tableCols
	for _, partner := range rowPartners[col] {
		for other := range p.rows {
			if other == r {
				continue
			}
			var set []int
			for _, i := range []int{r*tableCols + partner, other*tableCols + col, other*tableCols + partner} {
				if !p.hidden[i] {
					set = append(set, i)
				}
			}
			if len(set) > 0 {
				try(set)
			}
		}
	}
	if best != nil {
		return best
	}
	if len(singles) == 0 {
		// x is worked out through other equations: any shown figure
		// will do.
		for i := range p.value {
			if !p.hidden[i] {
				singles = append(singles, i)
			}
		}
	}
	cheapest := singles[0]
	for _, c := range singles {
		if p.cost(c) < p.cost(cheapest) {
			cheapest = c
		}
	}
	return []int{cheapest}
}

// rowPartners lists, for each column, the columns it shares a row
// equation with: a group count with the other groups and the reported
// total; the excluded answers with the reported total and the responses.
var rowPartners = [tableCols][]int{
	colWorkingClass: {colIntermediate, colProfessional, colReported},
	colIntermediate: {colWorkingClass, colProfessional, colReported},
	colProfessional: {colWorkingClass, colIntermediate, colReported},
	colExcluded:     {colReported, colResponses},
	colReported:     {colWorkingClass, colIntermediate, colProfessional, colExcluded, colResponses},
	colResponses:    {colReported, colExcluded},
}

// shownNeighbours lists the shown figures that share an equation with x.
func (p *protector) shownNeighbours(x int) []int {
	var out []int
	for _, e := range p.onEquations[x] {
		for _, t := range p.equations[e] {
			if !p.hidden[t.index] && !slices.Contains(out, t.index) {
				out = append(out, t.index)
			}
		}
	}
	return out
}

// cost ranks what is lost by hiding a figure: the excluded answers least
// (they are in no share), then a group's count (one share), then a
// grade's responses (its response rate, which can still be shown to ten
// points), then its reported total (all its shares). Within a kind, a
// smaller figure costs less, except in the all-grades row, whose figures
// go first: the grades' shares are what the chart and the reading are
// for, and the all-grades row, the sum of theirs, is the one a reader can
// best do without. (Hiding another grade's figures instead would often
// take most of a small organisation's chart.)
func (p *protector) cost(i int) int {
	weight := [tableCols]int{colExcluded: 0, colWorkingClass: 1, colIntermediate: 1, colProfessional: 1, colResponses: 2, colReported: 3}[i%tableCols]
	if i/tableCols == p.rows-1 {
		return weight * maxCount
	}
	return weight*maxCount + p.value[i]
}

// exposed returns a small hidden figure that can be worked out, or -1.
func (p *protector) exposed() int {
	s := p.solve()
	for i := range p.value {
		if p.small[i] && s.pinned(i) {
			return i
		}
	}
	return -1
}

func (p *protector) isExposed(x int) bool { return p.solve().pinned(x) }

// solution is what a reader can know of the hidden figures from the shown
// ones: which are fixed by the equations, bounds for each, and which are
// part of a group of them whose sum is known and under the threshold (two
// hidden figures in a column whose total less the shown ones is 7: a group
// of 7 people, even if neither figure is known).
type solution struct {
	determined map[int]bool
	inSmallSum map[int]bool
	lo, hi     []float64
}

func (s *solution) pinned(i int) bool {
	return s.determined[i] || s.inSmallSum[i] || s.lo[i] == s.hi[i]
}

// solve finds what can be worked out: the hidden figures the linear
// equations fix, by Gaussian elimination over the hidden figures, and the
// bounds that follow from the equations (original and eliminated) given
// that every figure is at least 0, a small one at most threshold-1, a
// hidden one that is not small at least the threshold, and a grade's
// responses at most its headcount.
func (p *protector) solve() *solution {
	var unknowns []int
	column := map[int]int{}
	for i, h := range p.hidden {
		if h {
			column[i] = len(unknowns)
			unknowns = append(unknowns, i)
		}
	}
	// Each equation over the hidden figures, with the shown ones moved
	// to the right-hand side.
	width := len(unknowns) + 1
	var matrix [][]float64
	for _, eq := range p.equations {
		row := make([]float64, width)
		any := false
		for _, t := range eq {
			if j, ok := column[t.index]; ok {
				row[j] += t.coef
				any = true
			} else {
				row[width-1] -= t.coef * float64(p.value[t.index])
			}
		}
		if any {
			matrix = append(matrix, row)
		}
	}
	reduced := rref(slices.Clone(matrix), width-1)
	s := &solution{determined: map[int]bool{}, inSmallSum: map[int]bool{}, lo: make([]float64, len(p.value)), hi: make([]float64, len(p.value))}
	for _, row := range append(slices.Clone(matrix), reduced...) {
		p.smallSum(s, row, unknowns)
	}
	for _, row := range reduced {
		nonzero := 0
		for j := range width - 1 {
			if math.Abs(row[j]) > eps {
				nonzero++
			}
		}
		if nonzero == 1 {
			for j := range width - 1 {
				if math.Abs(row[j]) > eps {
					s.determined[unknowns[j]] = true
				}
			}
		}
	}
	for i := range p.value {
		switch {
		case !p.hidden[i]:
			s.lo[i], s.hi[i] = float64(p.value[i]), float64(p.value[i])
		case p.small[i]:
			s.lo[i], s.hi[i] = 0, float64(p.threshold-1)
		default:
			s.lo[i], s.hi[i] = float64(p.threshold), math.Inf(1)
		}
		if p.hidden[i] && p.cap[i] >= 0 {
			s.hi[i] = math.Min(s.hi[i], float64(p.cap[i]))
		}
		if b, ok := p.band[i]; ok {
			lo, hi := bandCounts(b, p.head[i/tableCols])
			s.lo[i], s.hi[i] = math.Max(s.lo[i], float64(lo)), math.Min(s.hi[i], float64(hi))
		}
	}
	s.propagate(append(matrix, reduced...), unknowns)
	return s
}

const eps = 1e-9

// smallSum marks the figures of an equation that says a sum of hidden
// figures (each counted once, all with the same sign) is a number from 1
// to threshold-1.
func (p *protector) smallSum(s *solution, row []float64, unknowns []int) {
	var members []int
	sign := 0.0
	for j, a := range row[:len(row)-1] {
		if math.Abs(a) < eps {
			continue
		}
		if math.Abs(math.Abs(a)-1) > eps || (sign != 0 && a != sign) {
			return
		}
		sign = a
		members = append(members, unknowns[j])
	}
	if len(members) < 2 {
		return
	}
	sum := row[len(row)-1] / sign
	if sum >= 1-eps && sum <= float64(p.threshold-1)+eps {
		for _, m := range members {
			s.inSmallSum[m] = true
		}
	}
}

// propagate tightens the bounds of the hidden figures, equation by
// equation, until nothing changes: in a + b + c = k, a is at least
// k - max(b) - max(c) and at most k - min(b) - min(c). Counts are whole
// numbers, so bounds are rounded inwards.
func (s *solution) propagate(equations [][]float64, unknowns []int) {
	for pass := 0; pass < 100; pass++ {
		changed := false
		for _, row := range equations {
			rhs := row[len(row)-1]
			for j, a := range row[:len(row)-1] {
				if math.Abs(a) < eps {
					continue
				}
				// a*x_j = rhs - sum over the others.
				lo, hi := rhs, rhs
				for k, b := range row[:len(row)-1] {
					if k == j || math.Abs(b) < eps {
						continue
					}
					u := unknowns[k]
					if b > 0 {
						lo -= b * s.hi[u]
						hi -= b * s.lo[u]
					} else {
						lo -= b * s.lo[u]
						hi -= b * s.hi[u]
					}
				}
				if a < 0 {
					lo, hi = hi, lo
				}
				lo, hi = lo/a, hi/a
				u := unknowns[j]
				if !math.IsNaN(lo) && !math.IsInf(lo, 0) {
					if l := math.Ceil(lo - eps); l > s.lo[u] {
						s.lo[u], changed = l, true
					}
				}
				if !math.IsNaN(hi) && !math.IsInf(hi, 0) {
					if h := math.Floor(hi + eps); h < s.hi[u] {
						s.hi[u], changed = h, true
					}
				}
			}
		}
		if !changed {
			return
		}
	}
}

// rref reduces a matrix (the last column being the right-hand side) to
// reduced row echelon form over its first n columns, dropping zero rows.
func rref(m [][]float64, n int) [][]float64 {
	for i := range m {
		m[i] = slices.Clone(m[i])
	}
	r := 0
	for c := 0; c < n && r < len(m); c++ {
		pivot := -1
		for i := r; i < len(m); i++ {
			if math.Abs(m[i][c]) > eps && (pivot < 0 || math.Abs(m[i][c]) > math.Abs(m[pivot][c])) {
				pivot = i
			}
		}
		if pivot < 0 {
			continue
		}
		m[r], m[pivot] = m[pivot], m[r]
		f := m[r][c]
		for j := range m[r] {
			m[r][j] /= f
		}
		for i := range m {
			if i != r && math.Abs(m[i][c]) > eps {
				f := m[i][c]
				for j := range m[i] {
					m[i][j] -= f * m[r][j]
				}
			}
		}
		r++
	}
	return m[:r]
}

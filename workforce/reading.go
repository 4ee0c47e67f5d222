package workforce

import "math"

// Share is a reported group's share of a row's reported answers, in whole
// per cent, when its count and the row's reported total are shown.
func (r Row) Share(g Group) (int, bool) {
	f := r.Groups[g]
	if !f.Shown || !r.Reported.Shown || r.Reported.Value == 0 {
		return 0, false
	}
	return percent(f.Value, r.Reported.Value), true
}

// HiddenShare is the share of a row's reported answers that are in
// hidden groups, together: what the chart draws as one hatched piece.
// It gives nothing away, being the reported total less the shown counts.
func (r Row) HiddenShare() (int, bool) {
	if !r.Reported.Shown || r.Reported.Value == 0 {
		return 0, false
	}
	hidden := r.Reported.Value
	any := false
	for _, f := range r.Groups {
		if f.Shown {
			hidden -= f.Value
		} else {
			any = true
		}
	}
	if !any {
		return 0, false
	}
	return percent(hidden, r.Reported.Value), true
}

// ResponseRate is responses as a share of the headcount, in whole per
// cent, when both are known and the responses are shown.
func (r Row) ResponseRate() (int, bool) {
	if !r.Responses.Shown || r.Headcount <= 0 {
		return 0, false
	}
	return percent(r.Responses.Value, r.Headcount), true
}

func percent(part, whole int) int {
	return int(math.Floor(float64(part)*100/float64(whole) + 0.5))
}

// SmallEmployer reports whether the organisation has fewer employees than
// the threshold (by its headcount, or by its responses when the headcount
// is not known): it cannot report its own workforce's data at all, and
// the guide says what to do instead (SmallEmployerAdvice).
func (t *Table) SmallEmployer() bool {
	if t.Total.Headcount > 0 {
		return t.Total.Headcount < t.Threshold
	}
	return t.Total.Responses.Value < t.Threshold
}

// SmallEmployerAdvice is the guide's advice, word for word, for a
// workforce under the anonymity threshold.
const SmallEmployerAdvice = "If your workforce has less than 10 employees, you can still collect the data at the application stage from all candidates and look at trends over time to find out whether you are attracting people from a range of backgrounds."

// TooFewAnswers reports whether fewer people answered than the threshold,
// so that no figure at all can be shown: a workforce too small to report
// on (SmallEmployer), or one whose response rate is too low.
func (t *Table) TooFewAnswers() bool {
	return t.SmallEmployer() || t.Total.Responses.Value < t.Threshold
}

// ResponseRateAdvice is the guide's advice, word for word, on getting a
// good response rate: what a workforce of 10 or more with fewer answers
// than that needs.
var ResponseRateAdvice = []string{
	"The value and subsequent use of the data you collect is dependent on getting a good response rate. How to get a good response rate:",
	"- Make sure people understand why you are asking the question.",
	"- Use senior leaders to communicate how this will be used to drive greater diversity.",
	"- Provide a variety of opportunities for employees to disclose data year-round.",
	"- Set and share an achievable target response rate internally.",
	"- Encourage and support areas of the business where response rates are low.",
}

// Pattern is what the working-class share does from the most junior grade
// to the most senior: the guide's "cliff edge" (a sudden fall at one
// level) and "pyramid" (a slow fall).
type Pattern int

const (
	// TooFewGrades: fewer than two grades have a working-class share
	// shown, so there is nothing to read.
	TooFewGrades Pattern = iota
	// NoFall: from no grade to a more senior one does the share fall by
	// FallPoints or more.
	NoFall
	// Falls: it falls by FallPoints or more, but over two grades only,
	// too few to tell a cliff edge from a pyramid.
	Falls
	// Pyramid: it falls by FallPoints or more, slowly: no one step is a
	// cliff edge.
	Pyramid
	// CliffEdge: one step between neighbouring grades falls by
	// CliffPoints or more and is most of the biggest fall, whatever the
	// grades after it do.
	CliffEdge
	// FallHidden: the shares shown fall by less than FallPoints, but a
	// grade's share is known only as a bound ("43% or less") that may
	// hide a fall of FallPoints or more: the chart cannot tell, so the
	// reading must not say there is no fall.
	FallHidden
)

// The rule that reads the pattern, in percentage points of the
// working-class share. The README explains it, and every reading shows
// the numbers it used.
const (
	// FallPoints: a biggest fall (from any grade to a more senior one)
	// smaller than this is no fall.
	FallPoints = 10
	// CliffPoints: a step between neighbouring grades must fall by at
	// least this to be a cliff edge...
	CliffPoints = 15
	// CliffPercent: ...and be at least this per cent of the biggest fall.
	CliffPercent = 50
)

// bound is the most a grade's working-class share can be when it is not
// shown because it is small: threshold-1 of the shown reported answers,
// rounded up.
func bound(g Row, threshold int) (int, bool) {
	f := g.Groups[WorkingClass]
	if !f.Small || !g.Reported.Shown || g.Reported.Value == 0 {
		return 0, false
	}
	return min((100*(threshold-1)+g.Reported.Value-1)/g.Reported.Value, 100), true
}

// Point is one grade's working-class share, as the reading used it.
type Point struct {
	Grade string
	Share int // whole per cent, as shown
	// AtMost marks a share that is not shown, because the grade has fewer
	// working-class answers than the threshold, but that is known to be at
	// most Share: fewer than 10 of the grade's 60 answers is 15% or less.
	// The reading uses that bound, which is all the chart itself tells.
	AtMost bool
}

// Reading is the pattern found and the numbers that found it.
type Reading struct {
	Pattern Pattern
	// Points are the grades with a working-class share shown, junior to
	// senior; Skipped are the grades without one (too few answers).
	Points  []Point
	Skipped []string
	// Fall is the biggest fall from a grade to a more senior one: from
	// Points[FallFrom] to Points[FallTo]. 0 when the share never falls.
	Fall, FallFrom, FallTo int
	// Step is the biggest fall between neighbouring points, at index
	// StepAt (from Points[StepAt] to Points[StepAt+1]).
	Step, StepAt int
	// HiddenFrom and HiddenTo, for FallHidden, are the shown share and
	// the bound after it that may hide the biggest fall.
	HiddenFrom, HiddenTo int
}

// Read finds the pattern in the working-class shares that the table
// shows. It uses only shown shares, rounded as shown, so that anyone can
// check it from the chart, and it can give nothing away that the chart
// does not.
//
// It looks for the biggest fall anywhere, not only from the most junior
// grade to the most senior: a share that falls from 45% to 15% at one
// level and rises to 45% again above it has a cliff edge in the middle.
func Read(t *Table) Reading {
	var r Reading
	for _, g := range t.Grades {
		if s, ok := g.Share(WorkingClass); ok {
			r.Points = append(r.Points, Point{Grade: g.Name, Share: s})
		} else if most, ok := bound(g, t.Threshold); ok && len(r.Points) > 0 && most < r.Points[len(r.Points)-1].Share {
			// A bound tells something only when it is below the share
			// before it: then the share is known to fall at least that far.
			r.Points = append(r.Points, Point{Grade: g.Name, Share: most, AtMost: true})
		} else {
			r.Skipped = append(r.Skipped, g.Name)
		}
	}
	if len(r.Points) < 2 {
		r.Pattern = TooFewGrades
		return r
	}
	r.Step = math.MinInt
	for i, from := range r.Points {
		// A fall from a bound may be smaller than it looks, or none: only
		// a fall from a shown share counts.
		if from.AtMost {
			continue
		}
		if i+1 < len(r.Points) {
			if d := from.Share - r.Points[i+1].Share; d > r.Step {
				r.Step, r.StepAt = d, i
			}
		}
		for j := i + 1; j < len(r.Points); j++ {
			if d := from.Share - r.Points[j].Share; d > r.Fall {
				r.Fall, r.FallFrom, r.FallTo = d, i, j
			}
		}
	}
	if r.Step == math.MinInt {
		r.Step = 0 // every step starts from a bound: none is known to fall
	}
	switch {
	case r.Fall < FallPoints && r.hiddenFall():
		r.Pattern = FallHidden
	case r.Fall < FallPoints:
		r.Pattern = NoFall
	case len(r.Points) == 2:
		r.Pattern = Falls
	case r.Step >= CliffPoints && r.Step*100 >= CliffPercent*r.Fall:
		r.Pattern = CliffEdge
	default:
		r.Pattern = Pyramid
	}
	return r
}

// hiddenFall reports whether a bound may hide a fall of FallPoints or
// more: a grade's hidden share may be as low as 0%, so a bound after a
// shown share of FallPoints or more may be that far below it. It sets
// HiddenFrom and HiddenTo to the shown share and the bound with the
// biggest fall possible.
func (r *Reading) hiddenFall() bool {
	found := false
	for j, to := range r.Points {
		if !to.AtMost {
			continue
		}
		for i, from := range r.Points[:j] {
			if from.AtMost || from.Share < FallPoints {
				continue
			}
			if !found || from.Share > r.Points[r.HiddenFrom].Share {
				r.HiddenFrom, r.HiddenTo, found = i, j, true
			}
		}
	}
	return found
}

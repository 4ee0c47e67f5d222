package render

import (
	"fmt"
	"strings"
)

// The history chart is a stacked column per commit, oldest on the left,
// in the colours and shapes of the area charts, with a legend in words.
// Each column carries its commit, date and counts as a tooltip; a table
// of the same numbers sits folded under the chart for screen readers and
// anyone who wants the figures (it is left out of print).
const (
	historyWidth  = 600.0
	historyLeft   = 28.0 // room for the axis numbers
	historyTop    = 8.0
	historyPlot   = 96.0 // the height of the columns' area
	historyLegend = 18.0
	historyMaxBar = 36.0
	// historyMarkTab is the side of the white tab that carries a level's
	// shape on a piece of a column, as segmentTag's does on an area's bar;
	// a piece needs a unit of room around it.
	historyMarkTab = 12.0
)

type htmlHistory struct {
	Commits     int
	Height      float64
	Columns     []htmlColumn
	Max         int
	TopY, BaseY string
	AxisY       string // the baseline of the axis labels
	RightX      string
	LeftX       string
	FirstDate   string
	LastDate    string
	Legend      []htmlLabel
	Summary     string
	Actions     string // what the actions done are counted of
	Rows        []htmlHistoryRow
	Levels      []htmlLevel
	ProblemSpan int // the columns a problem takes: the levels' and Done's
	Since       string
	Uncommitted bool
	Changes     []htmlChangeSection
	// Carried are the dashed lines where the plan was carried on from an
	// earlier review: its columns are on the left of the line.
	CarryLines []htmlCarryLine
}

// htmlCarryLine is a dashed line between two columns of the history chart,
// where the plan was carried on from the review on its left, with its
// words ("carried on from plans/2026/acme.yaml").
type htmlCarryLine struct {
	X, TextX, Anchor string
	Words            string
}

type htmlColumn struct {
	Title   string
	Problem bool
	X, W    string
	Bars    []htmlBar
}

type htmlBar struct {
	Class      string
	Word       string
	Count      int
	X, Y, W, H string
	Mark       *htmlMark // nil on a piece too small for one
}

// htmlMark is a level's shape on a white tab, centred in a piece of a
// history column.
type htmlMark struct {
	Class      string
	Shape      htmlShape
	X, Y, W, H string
}

// historyMark puts the level's shape on a piece x,y w by h of a column
// where there is room, so that the columns read without colour.
func historyMark(class string, r reportRating, x, y, w, h float64) *htmlMark {
	const tab, shape = historyMarkTab, historyMarkTab - 4
	if w < tab+2 || h < tab+2 {
		return nil
	}
	tx, ty := x+(w-tab)/2, y+(h-tab)/2
	return &htmlMark{Class: class, Shape: shapeOf(r.mark, tx+2, ty+2, shape),
		X: num(tx), Y: num(ty), W: num(tab), H: num(tab)}
}

type htmlHistoryRow struct {
	Date, Commit, Subject, Problem string
	Counts                         []int
	Done                           string // "3 of 8"
}

func htmlHistoryOf(h *reportHistory) *htmlHistory {
	out := &htmlHistory{
		Commits: len(h.points), Max: h.max, Levels: levelsOf(h.scale), ProblemSpan: len(h.scale) + 1,
		Since: h.since, Uncommitted: h.uncommitted,
	}
	base := historyTop + historyPlot
	out.TopY, out.BaseY = num(historyTop), num(base)
	out.AxisY = num(base + 13)
	out.LeftX, out.RightX = num(historyLeft), num(historyWidth)
	out.Height = base + 20 + historyLegend
	slot := (historyWidth - historyLeft) / float64(len(h.points))
	barW := min(historyMaxBar, max(slot*0.75, 0.5))
	for i, pt := range h.points {
		if i > 0 && h.points[i-1].review != "" && h.points[i-1].review != pt.review {
			out.CarryLines = append(out.CarryLines, carriedLine(historyLeft+float64(i)*slot, h.points[i-1].review))
		}
		subject := pt.subject
		if pt.review != "" {
			subject = oneLine(subject) + " (" + pt.review + ")"
		}
		row := htmlHistoryRow{Date: pt.date, Commit: pt.commit, Subject: subject, Problem: pt.problem, Counts: pt.counts,
			Done: fmt.Sprintf("%d of %d", pt.actions.Done, pt.actions.Total)}
		out.Rows = append(out.Rows, row)
		col := htmlColumn{X: num(historyLeft + float64(i)*slot + (slot-barW)/2), W: num(barW)}
		if pt.counts == nil {
			col.Problem = true
			col.Title = fmt.Sprintf("%s, commit %s: %s", pt.date, pt.commit, pt.problem)
			if pt.review != "" {
				col.Title = pt.review + ", " + col.Title
			}
			out.Columns = append(out.Columns, col)
			continue
		}
		y := base
		var words []string
		for li, n := range pt.counts {
			r := h.scale[li]
			words = append(words, fmt.Sprintf("%d %s", n, r.word))
			if n == 0 || h.max == 0 {
				continue
			}
			bh := historyPlot * float64(n) / float64(h.max)
			y -= bh
			class := levelOf(r).Class
			col.Bars = append(col.Bars, htmlBar{Class: class, Word: r.word, Count: n, X: col.X, Y: num(y), W: col.W, H: num(bh),
				Mark: historyMark(class, r, historyLeft+float64(i)*slot+(slot-barW)/2, y, barW, bh)})
		}
		col.Title = fmt.Sprintf("%s, commit %s: %s; %s", pt.date, pt.commit, strings.Join(words, ", "), actionsDone(pt.actions))
		if pt.review != "" {
			col.Title = pt.review + ", " + col.Title
		}
		if pt.subject != "" {
			col.Title += " (" + oneLine(pt.subject) + ")"
		}
		out.Columns = append(out.Columns, col)
	}
	out.FirstDate, out.LastDate = h.points[0].date, h.points[len(h.points)-1].date
	slotW := (historyWidth - historyLeft) / float64(len(h.scale))
	for i, r := range h.scale {
		lx := historyLeft + float64(i)*slotW
		ly := base + 22
		out.Legend = append(out.Legend, htmlLabel{
			Class: levelOf(r).Class, Word: r.word,
			Shape: shapeOf(r.mark, lx, ly+1, 11),
			TextX: num(lx + 16), TextY: num(ly + 11),
		})
	}
	out.Summary = historySummary(h)
	out.Actions = "The actions are " + actionsCounted + "."
	out.Changes = htmlChangesOf(h.changes)
	return out
}

// carriedLine is the dashed line at x where the plan was carried on from
// review, its words on the side of it with room: a path longer than the
// chart has room for is cut short there (the figure's caption and the
// table under it have it whole).
func carriedLine(x float64, review string) htmlCarryLine {
	const room = 40 // characters of the label's 11px text in half the chart
	words := "carried on from " + review
	if r := []rune(words); len(r) > room {
		words = string(r[:room-1]) + "…"
	}
	c := htmlCarryLine{X: num(x), Words: words, TextX: num(x + 4), Anchor: "start"}
	if x > historyLeft+(historyWidth-historyLeft)/2 {
		c.TextX, c.Anchor = num(x-4), "end"
	}
	return c
}

// historySummary says in words what the chart shows: from the first
// counts to the last.
func historySummary(h *reportHistory) string {
	var first, last *historyPoint
	for i := range h.points {
		if h.points[i].counts != nil {
			if first == nil {
				first = &h.points[i]
			}
			last = &h.points[i]
		}
	}
	s := fmt.Sprintf("Rating counts at each of the %s that changed the plan, oldest first.", countNoun(len(h.points), "commit"))
	switch {
	case h.shallow && len(h.points) == 1:
		s = "Rating counts at the newest commit that changed the plan."
	case h.shallow:
		s = fmt.Sprintf("Rating counts at each of the %d newest commits that changed the plan, oldest first.", len(h.points))
	case len(h.points) == 1:
		s = "Rating counts at the one commit that changed the plan."
	}
	switch n, reviews := carriedExtent(h.points); {
	case n == 1: // not "the first 1, … are of"
		s = strings.TrimSuffix(s, ".") + "; the first, " + strings.Replace(reviews, " are of ", " is of ", 1) + "."
	case n > 0:
		s = strings.TrimSuffix(s, ".") + fmt.Sprintf("; the first %d, %s.", n, reviews)
	}
	if h.merges {
		s += " A pull request merged with a merge commit is one commit, the plan as the merge left it."
	}
	words := func(pt *historyPoint) string {
		parts := make([]string, len(pt.counts))
		for i, n := range pt.counts {
			parts[i] = fmt.Sprintf("%d %s", n, h.scale[i].word)
		}
		return strings.Join(parts, ", ") + "; " + actionsDone(pt.actions)
	}
	switch {
	case first == nil:
	case first == last:
		s += fmt.Sprintf(" On %s: %s.", first.date, words(first))
	default:
		s += fmt.Sprintf(" On %s: %s. On %s: %s.", first.date, words(first), last.date, words(last))
	}
	if h.shallow {
		// The oldest commit at hand would read as the plan's start: the
		// reader of the page, who cannot fetch the rest, is told.
		s += " Older commits are not shown: the report was made from a copy of the repository that has only the newest (a shallow clone)."
	}
	return s
}

// carriedExtent is how many of the first points are commits of the
// reviews the plan carried on from, and where they are and whose in words
// ("left of the dashed line, are of plans/2026/acme.yaml, ...").
func carriedExtent(points []historyPoint) (int, string) {
	var reviews []string
	n := 0
	for _, pt := range points {
		if pt.review == "" {
			break
		}
		if len(reviews) == 0 || reviews[len(reviews)-1] != pt.review {
			reviews = append(reviews, pt.review)
		}
		n++
	}
	if len(reviews) == 1 {
		return n, "left of the dashed line, are of " + reviews[0] + ", the review it carried on from, up to where it was carried on"
	}
	return n, "left of the last dashed line, are of the reviews it carried on from, oldest first (" +
		strings.Join(reviews, ", ") + "), each up to where it was carried on, a dashed line where it was"
}

// htmlChangeSection is one section of "what changed", as the Markdown
// diff lays it out.
type htmlChangeSection struct {
	Title   string
	Note    string
	Changes []htmlChange
	Counts  *htmlCounts
}

type htmlChange struct {
	Name, Value string
	// Sides are Value's sides of "old → new", each drawn apart (<bdi>):
	// between two right-to-left names the arrow took their direction and
	// the line read "new → old". Nil when Value is no such change.
	Sides []string
	Sub   []htmlChange
}

type htmlCounts struct {
	Corner  string   // the heading above the rows' names: Area, or Grade
	Columns []string // the columns' headings: the levels, or the data's
	Rows    []htmlCountsRow
}

type htmlCountsRow struct {
	Name  string // the row's heading: an area, or a grade
	Cells []string
}

func htmlChangesOf(sections []diffSection) []htmlChangeSection {
	var out []htmlChangeSection
	for _, s := range sections {
		hs := htmlChangeSection{Title: s.title(), Note: s.note()}
		if s.kind == sectionCounts || s.kind == sectionNewCounts {
			t := &htmlCounts{Corner: "Area", Columns: s.counts.levels}
			for _, r := range s.counts.rows {
				t.Rows = append(t.Rows, htmlCountsRow{Name: r.area, Cells: r.cells(len(t.Columns))})
			}
			hs.Counts = t
		}
		for _, r := range s.ratings {
			hs.Changes = append(hs.Changes, htmlChange{Name: capitalise(r.direction),
				Value: fmt.Sprintf("%s (%s): %s → %s", r.title, r.area, r.oldLabel, r.newLabel)})
		}
		for _, l := range s.lines {
			hs.Changes = append(hs.Changes, htmlChangeOf(l))
		}
		out = append(out, hs)
	}
	return out
}

func htmlChangeOf(l line) htmlChange {
	c := htmlChange{Name: capitalise(l.name), Value: l.value}
	if l.name == "" {
		c.Value = capitalise(l.value)
	}
	if sides := strings.Split(c.Value, " → "); len(sides) > 1 {
		c.Sides = sides
	}
	for _, s := range l.sub {
		c.Sub = append(c.Sub, htmlChangeOf(s))
	}
	return c
}

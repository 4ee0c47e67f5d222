package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/workforce"
)

// Colour paints a piece of the chart in a group's colour (hidden is -1).
// Nil paints nothing: shapes and words carry the chart on their own.
type Colour func(g workforce.Group, s string) string

// hiddenPiece stands for the groups hidden in a bar, in Colour calls.
const hiddenPiece workforce.Group = -1

// The shapes of the chart, one per group, so that it reads without colour:
// a solid block for working class, a shade for intermediate, a light shade
// for professional, dots for what is hidden.
var (
	groupShapes = [3]string{"█", "▒", "░"}
	hiddenShape = "·"
)

// minTextWidth is the narrowest layout; a narrower terminal wraps it.
// Under oneLineChartWidth a grade's name goes above its bar, and a table
// wider than the terminal is written as a list, a line per row.
const (
	minTextWidth      = 24
	oneLineChartWidth = 44
)

// WorkforceText lays a data file out for a terminal of the given width: a
// stacked bar per grade from junior to senior (each group a shape, a word
// in the legend and a colour), the reading with its rule and numbers, and
// the response rates against the target.
func WorkforceText(w *workforce.Loaded, cols int, colour Colour) []byte {
	return workforceText(w, cols, colour, false)
}

// WorkforceWords is WorkforceText for a screen reader: each grade's shares
// said in a sentence instead of a bar of blocks (which a screen reader
// reads out one block at a time), every table row a line that names its
// figures, and every hidden figure said in words ("fewer than 10", "not
// shown") instead of "<10" and "--".
func WorkforceWords(w *workforce.Loaded, cols int) []byte {
	return workforceText(w, cols, nil, true)
}

func workforceText(w *workforce.Loaded, cols int, colour Colour, words bool) []byte {
	return workforceDocText(buildWorkforce(w), cols, colour, words)
}

// workforceDocText is workforceText of the data as built for a report.
func workforceDocText(doc workforceDoc, cols int, colour Colour, words bool) []byte {
	if colour == nil {
		colour = func(_ workforce.Group, s string) string { return s }
	}
	cols = max(cols, minTextWidth)
	var b strings.Builder
	wrap := func(indent, s string) {
		for _, l := range wrapAtSpaces(s, cols-len(indent)) {
			b.WriteString(indent + l + "\n")
		}
	}
	head := "Workforce data: " + doc.safeName()
	switch {
	case doc.collected != "" && words:
		head += ", collected " + spoken(doc.collected) // not a sum of three numbers
	case doc.collected != "":
		head += ", collected " + doc.collected
	}
	wrap("", head)
	wrap("", "The key question: "+workforce.KeyQuestion)
	b.WriteByte('\n')
	if doc.small {
		for i, a := range doc.tooFew {
			if i > 0 {
				b.WriteByte('\n')
			}
			wrap("", a.intro())
			for _, q := range a.quote {
				item, ok := strings.CutPrefix(q, "- ")
				if !ok {
					wrap("  ", q)
					continue
				}
				for j, l := range wrapAtSpaces(item, cols-4) {
					b.WriteString(map[bool]string{true: "  - ", false: "    "}[j == 0] + l + "\n")
				}
			}
		}
		return []byte(b.String())
	}
	if words {
		chartWords(doc, wrap)
	} else {
		textChart(&b, doc, cols, colour, wrap)
	}
	b.WriteByte('\n')
	wrap("", "Reading: "+doc.reading.sentence)
	wrap("  ", "How it is read: "+doc.reading.rule)
	wrap("  ", "The numbers: "+doc.reading.numbers)
	if doc.bench != nil {
		b.WriteByte('\n')
		textBenchmark(&b, doc, cols, words, wrap)
	} else if doc.benchNote != "" {
		b.WriteByte('\n')
		wrap("", "Benchmark: "+doc.benchNote)
	}
	b.WriteByte('\n')
	textResponses(&b, doc, cols, words, wrap)
	b.WriteByte('\n')
	wrap("", hiddenLegend(doc.threshold, !words))
	// Last year's figures beside this year's come after the legend, as in
	// the Markdown and the web page: they may name a threshold changed
	// since, which the legend says the reason for.
	if s := doc.since; s != nil {
		b.WriteByte('\n')
		wrap("", s.heading()+":")
		switch {
		case s.small != "":
			wrap("  ", s.small)
		case words:
			wrap("  ", s.intro())
			for _, l := range s.sentences() {
				wrap("  ", l)
			}
			if len(s.notes) > 0 {
				wrap("  ", strings.Join(s.notes, " "))
			}
		default:
			wrap("  ", s.intro())
			textTable(&b, s.table(), cols, false)
			wrap("  ", s.legend())
		}
	}
	return []byte(b.String())
}

func (doc workforceDoc) safeName() string { return plain(doc.name) }

func textChart(b *strings.Builder, doc workforceDoc, cols int, colour Colour, wrap func(indent, s string)) {
	wrap("", "Share of each group by grade, junior to senior (of the answers in the three groups)")
	legend := make([]string, 0, 4)
	for _, g := range workforce.Reported {
		legend = append(legend, colour(g, groupShapes[g])+" "+g.Name())
	}
	legend = append(legend, colour(hiddenPiece, hiddenShape)+" hidden")
	writeLegend(b, legend, cols)
	b.WriteByte('\n')

	rows := append(append([]wfRow{}, doc.rows...), doc.total)
	rows[len(rows)-1].name = "All grades"
	nameW := 0
	for _, r := range rows {
		nameW = max(nameW, width(plain(r.name)))
	}
	nameW = min(nameW, max(12, cols/4))
	const numbersW = 17 // "█100% ▒100% ░100%"
	barW := max(10, cols-nameW-2-2-numbersW)
	line := func(name, bar, numbers string) {
		name = ansi.Truncate(plain(name), nameW, "…")
		b.WriteString(name + strings.Repeat(" ", nameW-width(name)) + "  " + bar)
		if numbers != "" {
			b.WriteString("  " + numbers)
		}
		b.WriteByte('\n')
	}
	if cols < oneLineChartWidth {
		// The name on a line of its own, then the bar, indented, with the
		// numbers beside it where at least ten cells of bar are left, or
		// under it.
		barW = cols - 2 - 2 - numbersW
		numbersBeside := barW >= 10
		if !numbersBeside {
			barW = cols - 2
		}
		line = func(name, bar, numbers string) {
			b.WriteString(ansi.Truncate(plain(name), cols, "…") + "\n")
			switch {
			case numbers == "":
				wrap("  ", bar)
			case numbersBeside:
				b.WriteString("  " + bar + "  " + numbers + "\n")
			default:
				b.WriteString("  " + bar + "\n  " + numbers + "\n")
			}
		}
	}
	for _, r := range rows {
		if r.noBar {
			line(r.name, r.why, "")
			continue
		}
		weights := []float64{0, 0, 0, float64(r.hidden)}
		var nums []string
		for _, g := range workforce.Reported {
			s := r.shares[g]
			if s.shown {
				weights[g] = float64(s.value)
			}
			nums = append(nums, colour(g, groupShapes[g])+shareWord(s, doc.threshold, true))
		}
		line(r.name, bar(weights, barW, colour), strings.Join(nums, " "))
	}
	if doc.bench != nil {
		var nums []string
		for _, g := range workforce.Reported {
			nums = append(nums, colour(g, groupShapes[g])+fmt.Sprintf("%.0f%%", doc.bench.shares[g]))
		}
		line("Benchmark", bar([]float64{doc.bench.shares[0], doc.bench.shares[1], doc.bench.shares[2], 0}, barW, colour), strings.Join(nums, " "))
	}
	for _, j := range doc.joined {
		wrap("", j)
	}
}

// chartWords says the chart's rows as sentences, junior to senior:
// "Team member: working class 46%, intermediate 31%, professional 23%."
func chartWords(doc workforceDoc, wrap func(indent, s string)) {
	wrap("", "Share of each group by grade, junior to senior (of the answers in the three groups):")
	rows := append(append([]wfRow{}, doc.rows...), doc.total)
	rows[len(rows)-1].name = "All grades"
	for _, r := range rows {
		if r.noBar {
			wrap("", plain(r.name)+": "+r.why+".")
			continue
		}
		var shares []string
		for _, g := range workforce.Reported {
			shares = append(shares, g.Name()+" "+shareWord(r.shares[g], doc.threshold, false))
		}
		wrap("", plain(r.name)+": "+strings.Join(shares, ", ")+".")
	}
	if doc.bench != nil {
		var shares []string
		for _, g := range workforce.Reported {
			shares = append(shares, fmt.Sprintf("%s %.0f%%", g.Name(), doc.bench.shares[g]))
		}
		wrap("", "Benchmark: "+strings.Join(shares, ", ")+".")
	}
	for _, j := range doc.joined {
		wrap("", j)
	}
}

// bar draws weights (the three groups, then the hidden ones) as cells of
// their shapes, width cells in all, by largest remainder so the pieces add
// up exactly.
func bar(weights []float64, cells int, colour Colour) string {
	if colour == nil {
		colour = func(_ workforce.Group, s string) string { return s }
	}
	total := 0.0
	for _, w := range weights {
		total += w
	}
	if total <= 0 {
		return ""
	}
	pieces := make([]int, len(weights))
	rest := make([]float64, len(weights))
	used := 0
	for i, w := range weights {
		exact := w / total * float64(cells)
		pieces[i] = int(math.Floor(exact))
		rest[i] = exact - float64(pieces[i])
		used += pieces[i]
	}
	for ; used < cells; used++ {
		best := 0
		for i := range rest {
			if rest[i] > rest[best] {
				best = i
			}
		}
		pieces[best]++
		rest[best] = -1
	}
	var b strings.Builder
	for i, n := range pieces {
		if n == 0 {
			continue
		}
		shape, g := hiddenShape, hiddenPiece
		if i < 3 {
			shape, g = groupShapes[i], workforce.Group(i)
		}
		b.WriteString(colour(g, strings.Repeat(shape, n)))
	}
	return b.String()
}

func textBenchmark(b *strings.Builder, doc workforceDoc, cols int, words bool, wrap func(indent, s string)) {
	wrap("", "Benchmark: "+plain(doc.bench.source))
	cells := [][]string{{"Group", "All grades", "Benchmark", "Difference"}}
	for _, g := range workforce.Reported {
		cells = append(cells, []string{capitalise(g.Name()), shareWord(doc.bench.yours[g], doc.threshold, !words), benchShare(doc.bench.shares[g]), doc.bench.difference(g)})
	}
	textTable(b, cells, cols, words)
}

func textResponses(b *strings.Builder, doc workforceDoc, cols int, words bool, wrap func(indent, s string)) {
	title := "Responses"
	if doc.target > 0 {
		title += fmt.Sprintf(" (target response rate %d%%)", doc.target)
	}
	wrap("", title)
	header := []string{"Grade", "Responses", "Excluded"}
	heads := !doc.noHeadcounts()
	if heads {
		header = append(header, "Headcount", "Rate")
	}
	cells := [][]string{header}
	rows := append(append([]wfRow{}, doc.rows...), doc.total)
	rows[len(rows)-1].name = "All grades"
	for _, r := range rows {
		name := plain(r.name)
		if !words {
			// A column's width; said a line a grade, a name is whole.
			name = ansi.Truncate(name, 24, "…")
		}
		row := []string{name, figureWord(r.row.Responses, doc.threshold, !words), figureWord(r.row.Excluded, doc.threshold, !words)}
		if heads {
			row = append(row, r.headcount(), r.rateOr(hiddenWord(false, doc.threshold, !words)))
		}
		cells = append(cells, row)
	}
	textTable(b, cells, cols, words)
	if len(doc.below) > 0 {
		wrap("", "Below the target: "+plain(strings.Join(doc.below, ", "))+".")
	}
	wrap("", "Excluded: the answers Other and I prefer not to say, which the guide excludes from the shares or reports separately.")
	if n := doc.headcountsNote(); n != "" {
		wrap("", n)
	} else if doc.someWithoutHeadcount {
		wrap("", "A grade without a headcount has no response rate: add headcount: to the data file, or give --headcount to ladder data import.")
	}
}

// writeLegend writes the legend's entries three spaces apart, on as many
// lines as cols needs.
func writeLegend(b *strings.Builder, entries []string, cols int) {
	at := 0
	for i, e := range entries {
		switch {
		case i == 0:
		case at+3+ansi.StringWidth(e) <= cols:
			b.WriteString("   ")
			at += 3
		default:
			b.WriteByte('\n')
			at = 0
		}
		b.WriteString(e)
		at += ansi.StringWidth(e)
	}
	b.WriteByte('\n')
}

// textTable writes rows under a header row, indented by two, in columns;
// when that is wider than cols, each row becomes a line of its own that
// names its figures: "Team member: responses 132, excluded 12, ...", as
// it does always when named (for a screen reader, which reads a table's
// columns as one run of figures).
func textTable(b *strings.Builder, rows [][]string, cols int, named bool) {
	total := 2
	for i := range rows[0] {
		w := 0
		for _, row := range rows {
			w = max(w, width(row[i]))
		}
		total += w + 2
	}
	if total-2 <= cols && !named {
		writeTable(b, "  ", rows)
		return
	}
	// The pieces are kept whole ("rate 80-89%" is not broken at its
	// hyphen), and a row's second and later lines hang under its name.
	header := rows[0]
	for _, row := range rows[1:] {
		line, indent := "  "+row[0]+":", "    "
		for i, cell := range row[1:] {
			piece := strings.ToLower(header[i+1]) + " " + cell
			if i < len(row)-2 {
				piece += ","
			}
			if width(line)+1+width(piece) > cols {
				b.WriteString(line + "\n")
				lines := wrapAtSpaces(piece, cols-len(indent))
				for _, l := range lines[:len(lines)-1] {
					b.WriteString(indent + l + "\n")
				}
				line = indent + lines[len(lines)-1]
				continue
			}
			line += " " + piece
		}
		b.WriteString(line + "\n")
	}
}

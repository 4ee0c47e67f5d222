package render

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// The workforce data, as `ladder data show` prints it in a terminal and as
// the report's data section lays it out in Markdown. buildWorkforce decides
// everything that is said, from the protected table only (workforce.Protect):
// no figure the anonymity threshold hides can reach a writer, whatever the
// format. The writers only lay it out.

// workforceDoc is what a data section says.
type workforceDoc struct {
	name                 string
	collected            string
	threshold            int
	small                bool // fewer answers than the threshold: nothing can be shown
	tooFew               []wfAdvice
	rows                 []wfRow
	total                wfRow
	target               int
	below                []string // grades under the target response rate: "Manager (45%)"
	belowRows            []string // the names of those grades, in the same order
	someWithoutHeadcount bool     // some grade has no headcount
	joined               []string // "Director is shown as Manager and Director: ..."
	reading              wfReading
	bench                *wfBenchmark
	benchNote            string
	since                *wfSince // last year's figures beside these, a year on
}

// wfAdvice is a paragraph of what to do when nothing can be shown, and
// the guide's words it quotes, a paragraph or a list item a line. The
// paragraph is why nothing is shown, a whole sentence, then the lead-in
// to the quote.
type wfAdvice struct {
	why, lead string
	quote     []string
}

// intro is the paragraph before the quote.
func (a wfAdvice) intro() string { return strings.TrimSpace(a.why + " " + a.lead) }

// tooFewWords says why nothing can be shown, and what the guide advises:
// for fewer than 10 people, collecting the data from applicants; for
// fewer than 10 answers from more people, a better response rate. With no
// headcount ladder cannot tell which, and says both.
func tooFewWords(t *workforce.Table) []wfAdvice {
	hidden := "so no figure can be shown without identifying someone."
	small := []string{workforce.SmallEmployerAdvice}
	advice := "The guide's advice (" + workforce.Source + "):"
	switch heads := t.Total.Headcount; {
	case t.SmallEmployer() && heads > 0:
		return []wfAdvice{{fmt.Sprintf("Fewer than %d people in all, %s", t.Threshold, hidden), advice, small}}
	case heads > 0:
		return []wfAdvice{{fmt.Sprintf("Fewer than %d of your %d people answered, %s", t.Threshold, heads, hidden),
			"More of them need to answer; the guide's advice (" + workforce.Source + "):", workforce.ResponseRateAdvice}}
	}
	return []wfAdvice{
		{fmt.Sprintf("Fewer than %d answers in all, %s", t.Threshold, hidden), advice, small},
		{"", fmt.Sprintf("If your workforce has %d people or more, more of them need to answer (give each grade's headcount with ladder data import --headcount to see the response rate):", t.Threshold),
			workforce.ResponseRateAdvice},
	}
}

// wfRow is one grade's line of the chart and the table.
type wfRow struct {
	name string
	row  workforce.Row
	// shares are the three groups' shares as shown ("" when hidden),
	// and why a share is hidden ("fewer than 10", "not shown").
	shares [3]wfShare
	hidden int  // the share of the hidden groups together, when some are hidden
	noBar  bool // nothing of the row can be drawn
	why    string
	rate   string // "73%", "" when not known
}

// headcount is the row's headcount as the tables show it.
func (r wfRow) headcount() string {
	if r.row.Headcount > 0 {
		return fmt.Sprint(r.row.Headcount)
	}
	return "not set"
}

// noHeadcounts says whether no grade has a headcount: the tables then
// leave out the Headcount and Rate columns, which would say "not set" and
// "not known" on every row, and say so once instead (headcountsNote).
func (doc workforceDoc) noHeadcounts() bool {
	for _, r := range doc.rows {
		if r.row.Headcount > 0 {
			return false
		}
	}
	return true
}

// headcountsNote says, when no grade has a headcount, that there is no
// response rate and how to give the headcounts; "" when some grade has
// one.
func (doc workforceDoc) headcountsNote() string {
	if !doc.noHeadcounts() {
		return ""
	}
	return "No grade has a headcount, so there is no response rate. To show one, give each grade's headcount (everyone in the grade) " +
		"with ladder data import --headcount \"Manager=25\", or as headcount: under each grade in the data file."
}

// rateOr is the row's response rate, or unknown when it is not known.
func (r wfRow) rateOr(unknown string) string {
	if r.rate == "" {
		return unknown
	}
	return r.rate
}

// targetNote says the target response rate and the grades below it, or
// nothing when there is no target.
func (doc workforceDoc) targetNote() string {
	if doc.target == 0 {
		return ""
	}
	t := fmt.Sprintf("Target response rate: %d%%.", doc.target)
	if len(doc.below) > 0 {
		t += " Below it: " + strings.Join(doc.below, ", ") + "."
	}
	return t
}

type wfShare struct {
	shown bool
	value int
	small bool
}

type wfReading struct {
	sentence string
	rule     string
	numbers  string
}

type wfBenchmark struct {
	source string
	shares [3]float64
	yours  [3]wfShare
}

func buildWorkforce(w *workforce.Loaded) workforceDoc {
	t := workforce.Protect(w.Data)
	// Grade names and the benchmark's source come from files anyone may
	// have edited: made safe once, here, for every format.
	for i := range t.Grades {
		g := &t.Grades[i]
		g.Name = plain(g.Name)
		for j := range g.Joined {
			g.Joined[j] = plain(g.Joined[j])
		}
	}
	doc := workforceDoc{
		name:      w.Path,
		collected: w.Data.Collected,
		threshold: t.Threshold,
		small:     t.TooFewAnswers(),
		target:    w.Data.Target,
	}
	if doc.small {
		doc.tooFew = tooFewWords(t)
	}
	for _, r := range t.Grades {
		doc.rows = append(doc.rows, newWFRow(r, t.Threshold))
		if r.Headcount <= 0 {
			doc.someWithoutHeadcount = true
		}
		if rate, ok := r.ResponseRate(); ok && doc.target > 0 && rate < doc.target {
			doc.below = append(doc.below, fmt.Sprintf("%s (%d%%)", r.Name, rate))
			doc.belowRows = append(doc.belowRows, r.Name)
		} else if r.Banded && doc.target > 0 && r.RateBand[1] < doc.target {
			doc.below = append(doc.below, fmt.Sprintf("%s (%d-%d%%)", r.Name, r.RateBand[0], r.RateBand[1]))
			doc.belowRows = append(doc.belowRows, r.Name)
		}
		if len(r.Joined) > 0 {
			doc.joined = append(doc.joined, fmt.Sprintf("%s %s shown as %s: too few answers to show alone.", joinList(r.Joined), isAre(len(r.Joined)), r.Name))
		}
	}
	doc.total = newWFRow(t.Total, t.Threshold)
	r := workforce.Read(t)
	doc.reading = readingWords(r)
	if r.Pattern == workforce.TooFewGrades && len(r.Points) == 0 && !anyShown(doc.total.shares) {
		// A small team (12 people, all answering): more grades would not
		// help, since even all grades together show no share.
		doc.reading.sentence = fmt.Sprintf("no pattern can be read: no group's share can be shown, even for all grades together, "+
			"as each would rest on fewer than %d answers or let one be worked out. That is usual in a small workforce: "+
			"the counts are kept in the data file, for the core team to compare year on year.", t.Threshold)
	}
	if w.Benchmark != nil {
		doc.bench = &wfBenchmark{source: plain(w.Benchmark.Source), shares: w.Benchmark.Shares, yours: doc.total.shares}
	}
	if w.Last != nil {
		doc.since = buildSince(w.LastPath, w.Last, w.Data, &doc)
	}
	if w.BenchmarkErr != nil {
		doc.benchNote = fmt.Sprintf("%s does not load, so there is no comparison: ladder check %s lists its problems.", w.BenchmarkPath, plans.CommandPath(w.BenchmarkPath))
	}
	return doc
}

func newWFRow(r workforce.Row, threshold int) wfRow {
	out := wfRow{name: r.Name, row: r}
	for _, g := range workforce.Reported {
		v, ok := r.Share(g)
		out.shares[g] = wfShare{shown: ok, value: v, small: r.Groups[g].Small}
	}
	out.hidden, _ = r.HiddenShare()
	switch {
	case !r.Responses.Shown && r.Responses.Small:
		out.noBar, out.why = true, fmt.Sprintf("fewer than %d responses: not shown", threshold)
	case !r.Reported.Shown && r.Reported.Small:
		out.noBar, out.why = true, fmt.Sprintf("fewer than %d answers in the three groups: not shown", threshold)
	case !r.Reported.Shown:
		out.noBar, out.why = true, fmt.Sprintf("not shown, so that a group of fewer than %d cannot be worked out", threshold)
	case r.Reported.Value == 0:
		out.noBar, out.why = true, "no answers in the three groups"
	}
	if rate, ok := r.ResponseRate(); ok {
		out.rate = strconv.Itoa(rate) + "%"
	} else if r.Banded {
		out.rate = fmt.Sprintf("%d-%d%%", r.RateBand[0], r.RateBand[1])
	}
	return out
}

// readingWords says the pattern in words, with the rule and the numbers it
// used, so that nobody has to take it on trust.
func readingWords(r workforce.Reading) wfReading {
	var out wfReading
	out.rule = fmt.Sprintf("A fall of less than %d points in the working-class share, from any grade shown to a more senior one, is no fall. "+
		"A bigger fall is a cliff edge when one step between neighbouring grades falls by %d points or more and is at least %d%% of the biggest fall, "+
		"even if the share rises again above it; it is a pyramid when no step does.", workforce.FallPoints, workforce.CliffPoints, workforce.CliffPercent)
	var pts []string
	for _, p := range r.Points {
		pts = append(pts, p.Grade+" "+shareOf(p))
	}
	numbers := "Working-class share by grade: " + strings.Join(pts, ", ")
	if len(pts) == 0 {
		numbers = "No grade has its working-class share shown"
	}
	if len(r.Skipped) > 0 {
		numbers += fmt.Sprintf(" (not shown, so left out: %s)", strings.Join(r.Skipped, ", "))
	}
	numbers += "."
	if len(r.Points) >= 2 {
		if r.Fall > 0 {
			top, bottom := r.Points[r.FallFrom], r.Points[r.FallTo]
			numbers += fmt.Sprintf(" Biggest fall: %s, %s to %s.", bounded(r.Fall, bottom.AtMost, top.AtMost), top.Grade, bottom.Grade)
		} else {
			numbers += " Biggest fall: none, no grade's share is below a more junior grade's."
		}
		from, to := r.Points[r.StepAt], r.Points[r.StepAt+1]
		switch {
		case r.Step <= 0:
			numbers += " Biggest step: none, no grade's share is below the grade's before it."
		case r.Fall > 0:
			numbers += fmt.Sprintf(" Biggest step: %s, %s to %s (%d%% of the fall).", bounded(r.Step, to.AtMost, from.AtMost), from.Grade, to.Grade, r.Step*100/r.Fall)
		default:
			numbers += fmt.Sprintf(" Biggest step: %s, %s to %s.", bounded(r.Step, to.AtMost, from.AtMost), from.Grade, to.Grade)
		}
	}
	out.numbers = numbers
	first, last := workforce.Point{}, workforce.Point{}
	if len(r.Points) > 0 {
		first, last = r.Points[0], r.Points[len(r.Points)-1]
	}
	switch r.Pattern {
	case workforce.TooFewGrades:
		out.sentence = "not enough grades have a working-class share shown to read a pattern: it takes two or more."
	case workforce.NoFall:
		verb := "goes"
		if last.Share > first.Share {
			verb = "rises"
		}
		out.sentence = fmt.Sprintf("no fall: the working-class share %s from %s (%s) to %s (%s).", verb, shareOf(first), first.Grade, shareOf(last), last.Grade)
	case workforce.FallHidden:
		from, to := r.Points[r.HiddenFrom], r.Points[r.HiddenTo]
		out.sentence = fmt.Sprintf("cannot tell: the working-class share falls from %s (%s) to %s (%s), at least %s and perhaps %d or more: %s has too few working-class answers to show its share.",
			shareOf(from), from.Grade, shareOf(to), to.Grade, points(from.Share-to.Share), workforce.FallPoints, to.Grade)
		out.rule += " A share not shown, for too few working-class answers, is known only as the most it can be: it may be as low as 0%."
	case workforce.Falls:
		out.sentence = fmt.Sprintf("the working-class share falls from %s (%s) to %s (%s); two grades are too few to tell a cliff edge from a pyramid.", shareOf(first), first.Grade, shareOf(last), last.Grade)
	case workforce.CliffEdge:
		from, to := r.Points[r.StepAt], r.Points[r.StepAt+1]
		out.sentence = fmt.Sprintf("cliff edge between %s and %s: the working-class share falls from %s to %s%s.", from.Grade, to.Grade, shareOf(from), shareOf(to), risesAgain(r, r.StepAt+1))
	case workforce.Pyramid:
		top, bottom := r.Points[r.FallFrom], r.Points[r.FallTo]
		out.sentence = fmt.Sprintf("pyramid: the working-class share falls steadily from %s to %s over %s grades%s.", shareOf(top), shareOf(bottom), numberWord(r.FallTo-r.FallFrom+1), risesAgain(r, r.FallTo))
	}
	return out
}

// risesAgain says where the share rises again, by FallPoints or more, in
// the grades above the one at index low: ", then rises again to 45%
// (Director)", or "" when it does not.
func risesAgain(r workforce.Reading, low int) string {
	best := -1
	for i := low + 1; i < len(r.Points); i++ {
		if !r.Points[i].AtMost && (best < 0 || r.Points[i].Share > r.Points[best].Share) {
			best = i
		}
	}
	if best < 0 || r.Points[best].Share-r.Points[low].Share < workforce.FallPoints {
		return ""
	}
	return fmt.Sprintf(", then rises again to %s (%s)", shareOf(r.Points[best]), r.Points[best].Grade)
}

// shareOf is a reading's share: "41%", or "15% or less" for a grade with
// fewer working-class answers than the threshold.
func shareOf(p workforce.Point) string {
	if p.AtMost {
		return fmt.Sprintf("%d%% or less", p.Share)
	}
	return fmt.Sprintf("%d%%", p.Share)
}

func joinList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// bounded is a fall in points, "at least" when it falls to a share known
// only as a bound, "at most" when it falls from one.
func bounded(n int, toBound, fromBound bool) string {
	switch {
	case toBound && !fromBound:
		return "at least " + points(n)
	case fromBound && !toBound:
		return "at most " + points(n)
	case fromBound && toBound:
		return "not known (" + points(n) + " between two bounds)"
	}
	return points(n)
}

func points(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d point", n)
	}
	return fmt.Sprintf("%d points", n)
}

func numberWord(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

// figureWord is a count as a table shows it, or why it is hidden.
func figureWord(f workforce.Figure, threshold int, short bool) string {
	if f.Shown {
		return strconv.Itoa(f.Value)
	}
	return hiddenWord(f.Small, threshold, short)
}

// shareWord is a share as a table shows it: "45%", or why it is hidden.
func shareWord(s wfShare, threshold int, short bool) string {
	if s.shown {
		return strconv.Itoa(s.value) + "%"
	}
	return hiddenWord(s.small, threshold, short)
}

// hiddenWord says why a figure is hidden: under the threshold ("fewer
// than 10", "<10"), or to keep one that is from being worked out ("not
// shown", "--").
func hiddenWord(small bool, threshold int, short bool) string {
	switch {
	case small && short:
		return "<" + strconv.Itoa(threshold)
	case small:
		return "fewer than " + strconv.Itoa(threshold)
	case short:
		return "--"
	}
	return "not shown"
}

// ThresholdWhy is why there is an anonymity threshold, in plain words,
// said where a format first names it, and by ladder data's help.
const ThresholdWhy = "so that no one's answer can be told from the figures"

// hiddenLegend explains the two ways a figure is hidden, and why there is
// a threshold.
func hiddenLegend(threshold int, short bool) string {
	if short {
		return fmt.Sprintf("<%d: fewer than %d, the anonymity threshold: no group of fewer than %d is shown, %s. --: not shown, so that such a group cannot be worked out by subtraction.", threshold, threshold, threshold, ThresholdWhy)
	}
	return fmt.Sprintf("\"Fewer than %d\" is a group under the anonymity threshold: no group of fewer than %d is shown, %s. \"Not shown\" is a figure hidden so that such a group cannot be worked out by subtraction from the others.", threshold, threshold, ThresholdWhy)
}

func (b *wfBenchmark) difference(g workforce.Group) string {
	y := b.yours[g]
	if !y.shown {
		return "not shown"
	}
	d := float64(y.value) - b.shares[g]
	switch {
	case d > 0.5:
		return fmt.Sprintf("%s points above", trimFloat(d))
	case d < -0.5:
		return fmt.Sprintf("%s points below", trimFloat(-d))
	}
	return "about the same"
}

func trimFloat(f float64) string { return strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64) }

func benchShare(f float64) string { return trimFloat(f) + "%" }

// WorkforceSummary is what the review shows beside an item about the
// data: when the answers were collected, the response rate against the
// target, and the pattern found, in a few plain lines (no chart), from
// the same protected table as every other view.
func WorkforceSummary(w *workforce.Loaded) []string {
	doc := buildWorkforce(w)
	head := "Your workforce data (" + plain(doc.name)
	if doc.collected != "" {
		head += ", collected " + doc.collected
	}
	lines := doc.summary(head + ")")
	if doc.small {
		return lines // ladder data show would show no more
	}
	return append(lines, "The chart, the rule and the numbers: ladder data show "+plain(plans.CommandPath(doc.name)))
}

// WorkforceForRoom is WorkforceSummary for a room (presenter mode, on a
// projector): the same protected figures and reading, in the same words,
// without the data file's name and the command that shows the rest,
// which are the facilitator's.
func WorkforceForRoom(w *workforce.Loaded) []string {
	doc := buildWorkforce(w)
	head := "Workforce data"
	if doc.collected != "" {
		head += " collected " + doc.collected
	}
	return doc.summary(head)
}

// summary is the summary's lines, the first after head, without the
// command that shows the rest.
func (doc workforceDoc) summary(head string) []string {
	if doc.small {
		// Why nothing is shown is a line of its own, and each piece of the
		// guide's advice one line with its lead-in: the review's panel
		// draws the lines that fit whole, and at 80x24 it drew the why with
		// "The guide's advice (...):" on its end and no advice after it.
		why := doc.tooFew[0].why
		lines := []string{head + ": " + strings.ToLower(why[:1]) + why[1:]}
		for _, a := range doc.tooFew {
			words := []string{a.lead}
			for _, q := range a.quote {
				words = append(words, strings.TrimPrefix(q, "- "))
			}
			lines = append(lines, strings.Join(words, " "))
		}
		return lines
	}
	total := doc.total.row
	var parts []string
	if total.Responses.Shown {
		parts = append(parts, countNoun(total.Responses.Value, "response"))
	}
	switch {
	case doc.total.rate != "":
		rate := "a response rate of " + doc.total.rate
		if doc.target > 0 {
			rate += fmt.Sprintf(" against a target of %d%%", doc.target)
		}
		parts = append(parts, rate)
	case total.Headcount <= 0:
		parts = append(parts, "no response rate (the data file has no headcounts)")
	}
	if len(parts) == 0 {
		parts = append(parts, "the responses are not shown, so that a small group cannot be worked out")
	}
	lines := []string{head + ": " + strings.Join(parts, ", ") + "."}
	if len(doc.below) > 0 {
		lines = append(lines, "Below the target: "+strings.Join(doc.below, ", ")+".")
	}
	return append(lines, capitalise(doc.reading.sentence))
}

// WorkforceForPlan is what the review shows beside an item about the data,
// given what workforce.Load made of the plan's data file: the summary, or,
// with no data file yet, the next step, or where to find what is wrong
// with it.
func WorkforceForPlan(planPath string, l *workforce.Loaded, err error) []string {
	path := workforce.PathFor(planPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if note := workforce.StrayNote(planPath); note != "" {
			return []string{"No workforce data beside this plan, but " + note + "."}
		}
		return []string{
			"No workforce data yet. Ask the key question, \"" + workforce.KeyQuestion + "\", then count the answers by grade:",
			"ladder data import responses.csv --plan " + plain(plans.CommandPath(planPath)) + " (ladder data --help says how).",
		}
	case err != nil:
		return []string{"Your workforce data (" + plain(path) + ") does not load: ladder check " + plain(plans.CommandPath(path)) + " says why."}
	}
	return WorkforceSummary(l)
}

// anyShown reports whether any of the three groups' shares is shown.
func anyShown(s [3]wfShare) bool {
	for _, v := range s {
		if v.shown {
			return true
		}
	}
	return false
}

package render

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// ReportWords returns a plan's report as plain sentences, one to a line,
// for a screen reader or a braille display at a terminal (ladder report
// with ACCESSIBLE set, or --format text). It says what the Markdown says,
// in the same order, without what a speech engine reads as noise: the
// summary table is a line per area that names each count, a rating is its
// word alone (a shape is read as "black square"), dates are spelt out
// ("28 February 2027", not a sum of three numbers), and there are no
// Markdown marks, bullets or indents. Lines are not wrapped here: at a
// terminal ladder report fits them to its width at spaces (cli), and a
// braille display or a file wraps them at its own.
func ReportWords(p *plans.Plan, today plans.Date, opts ...ReportOption) []byte {
	return writeReportWords(buildReport(p, today, opts...))
}

// ReportWordsWithData is ReportWords with the plan's workforce data, said
// as ladder data show says it for a screen reader.
func ReportWordsWithData(p *plans.Plan, today plans.Date, w *workforce.Loaded, opts ...ReportOption) []byte {
	doc := buildReport(p, today, opts...)
	wd := buildWorkforce(w)
	doc.workforce = &wd
	return writeReportWords(doc)
}

// reportWords writes lines of a words report.
type reportWords struct{ b strings.Builder }

// say writes one line, made safe for a terminal, its marks and dates said
// as words.
func (w *reportWords) say(s string) { w.b.WriteString(spoken(plain(s)) + "\n") }

// blank separates one part of the report from the next.
func (w *reportWords) blank() { w.b.WriteByte('\n') }

func writeReportWords(doc reportDoc) []byte {
	var w reportWords
	w.say("Report: " + sentence(doc.title))
	for _, d := range doc.details {
		w.say(wordsDetail(d))
	}
	w.blank()
	w.say("Ratings by area:")
	levels := make([]string, len(doc.levels))
	for i, l := range doc.levels {
		levels[i] = unmarked(l)
	}
	for _, r := range doc.summary {
		name := r.area
		if r.total {
			name = "All areas"
		}
		n := len(r.counts) - 1 // the last count is the number of items
		parts := make([]string, n)
		for i := range n {
			parts[i] = levels[i] + " " + strconv.Itoa(r.counts[i])
		}
		w.say(name + ", " + countNoun(r.counts[n], "item") + ": " + strings.Join(parts, ", ") + ".")
	}
	wordsOverdue(&w, doc)
	wordsCarried(&w, doc)
	wordsDisagreed(&w, doc)
	total := 0
	for _, a := range doc.areas {
		for _, g := range a.groups {
			total += len(g.items)
		}
	}
	seq := 0
	for ai, a := range doc.areas {
		w.blank()
		w.say(fmt.Sprintf("Area %d of %d: %s.", ai+1, len(doc.areas), a.title))
		for _, g := range a.groups {
			if g.title != "" {
				w.say("Group: " + sentence(g.title))
			}
			for _, it := range g.items {
				seq++
				rated := "Rated " + it.answer.rating.word + "."
				if it.answer.rating.level < 0 {
					rated = "Not rated."
				}
				w.say(fmt.Sprintf("Item %d of %d: %s %s", seq, total, sentence(it.title), rated))
				for _, d := range it.details {
					w.say(wordsDetail(d))
				}
			}
		}
	}
	wordsAdvice(&w, doc)
	if len(doc.nextSteps) > 0 {
		w.blank()
		w.say(fmt.Sprintf("Next steps, %s.", countNoun(len(doc.nextSteps), "question")))
		for i, n := range doc.nextSteps {
			w.say(fmt.Sprintf("Question %d of %d: %s", i+1, len(doc.nextSteps), n.question))
			wordsNextStep(&w, n)
		}
	}
	if doc.workforce != nil {
		w.blank()
		// As data show says it for a screen reader, unwrapped.
		w.b.WriteString(spoken(string(workforceDocText(*doc.workforce, math.MaxInt32, nil, true))))
	}
	w.blank()
	w.say("Source: " + strings.Join(doc.credits, " "))
	return []byte(w.b.String())
}

// wordsDetail is "Name: value." with the facts about the value after it
// as sentences: "Action: Write the vision. Owner: Ana. Due: 31 March
// 2027, overdue." Notes keep their lines, joined by a slash.
func wordsDetail(d detail) string {
	s := d.name + ": " + sentence(wordsValue(d))
	for _, m := range d.more {
		s += " " + m.name + ": " + sentence(wordsValue(m))
	}
	return s
}

func wordsValue(d detail) string {
	var lines []string
	for _, l := range strings.Split(d.value, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	v := strings.Join(lines, " / ")
	switch {
	case d.overdue:
		v += ", overdue"
	case d.handedOn:
		v += ", " + handedOnWords
	}
	return v
}

// wordsCarried says, as the Markdown does above the areas, what came from
// the earlier reviews and is still open, then what was let go.
func wordsCarried(w *reportWords, doc reportDoc) {
	if open := carriedOpen(doc); len(open) > 0 {
		w.blank()
		w.say(fmt.Sprintf("Carried on and still open, %d:", len(open)))
		wordsCarriedEntries(w, open)
	}
	if len(doc.notCarried) > 0 {
		w.blank()
		w.say(fmt.Sprintf("Not carried on, %d. %s", len(doc.notCarried), notCarriedIntro(doc)))
		wordsCarriedEntries(w, doc.notCarried)
	}
}

// wordsCarriedEntries: "1. Print the posters, a project-plan step: Ana,
// no due date; from the review of 3 March 2025 (2 reviews ago)."
func wordsCarriedEntries(w *reportWords, list []htmlCarried) {
	for i, c := range list {
		e := strings.Join(strings.Fields(c.Text), " ")
		if e == "" {
			e = "(no description)"
		}
		switch {
		case c.Step:
			e += ", a project-plan step"
		case c.What != "" && c.Repeats > 0:
			e += " (" + c.What + "; " + c.AlsoSteps() + ")"
		case c.What != "":
			e += " (" + c.What + ")"
		case c.Repeats > 0:
			e += ", " + c.AlsoSteps()
		}
		e += ": "
		if c.Owner != "" {
			e += c.Owner + ", "
		}
		if c.Due == "" {
			e += "no due date"
		} else {
			e += wordsValue(detail{value: "due " + c.Due, overdue: c.Overdue, handedOn: c.HandedOn})
		}
		if c.Carried != "" {
			e += "; " + c.Carried
		}
		w.say(strconv.Itoa(i+1) + ". " + sentence(e))
	}
}

// wordsDisagreed names the items the room's votes spread across the
// whole scale, as the Markdown does.
func wordsDisagreed(w *reportWords, doc reportDoc) {
	var entries []string
	for _, a := range doc.areas {
		for _, g := range a.groups {
			for _, it := range g.items {
				if it.answer.disagreed() {
					entries = append(entries, it.title+" ("+a.title+"): "+unmarked(votesInWords(it.answer.votes)))
				}
			}
		}
	}
	if len(entries) == 0 {
		return
	}
	w.blank()
	w.say("Where the room disagreed: the votes went from one end of the scale to the other on these items.")
	for i, e := range entries {
		w.say(strconv.Itoa(i+1) + ". " + sentence(e))
	}
}

// wordsNextStep says a question's answer, in the shape its kind asks for.
func wordsNextStep(w *reportWords, n nextStep) {
	switch n.kind {
	case checklist.KindCounts, checklist.KindPerArea, checklist.KindList:
		if len(n.entries) == 0 {
			w.say("Not answered yet.")
			break
		}
		for i, e := range n.entries {
			if n.kind == checklist.KindList {
				w.say(strconv.Itoa(i+1) + ". " + e.value) // a list's entries have no names
			} else {
				w.say(wordsDetail(e))
			}
		}
	case checklist.KindText:
		if strings.TrimSpace(n.text) == "" {
			w.say("Not answered yet.")
		} else {
			for _, l := range strings.Split(strings.TrimSpace(n.text), "\n") {
				w.say(l)
			}
		}
	case checklist.KindPlan:
		wordsSteps(w, n.steps)
	}
	if !n.due.IsZero() {
		w.say("Due: " + n.due.String() + ".")
	}
}

// wordsSteps: "1. Due 4 December 2026, overdue: Set KPIs. Owner: Pat.
// Status: to do. Recommendation: Do you have KPIs for managers…?"
func wordsSteps(w *reportWords, steps []reportStep) {
	if len(steps) == 0 {
		w.say("No steps yet.")
		return
	}
	w.say(fmt.Sprintf("The project plan, %s, by due date:", countNoun(len(steps), "step")))
	for i, s := range steps {
		text := strings.Join(strings.Fields(s.text), " ")
		if text == "" {
			text = "(no description)"
		}
		e := fmt.Sprintf("%d. %s: %s", i+1, s.when(), sentence(text))
		if s.owner != "" {
			e += " Owner: " + sentence(s.owner)
		}
		e += " Status: " + s.status + "."
		if s.carried != "" {
			e += " Carried on: " + sentence(s.carried)
		}
		if s.from != "" {
			e += " Recommendation: " + sentence(s.from)
		}
		w.say(e)
	}
}

// markNoise are the rating shapes, each with the space after it, and the
// arrow of a change: a speech engine reads them as "black square" and
// "right arrow", and the word beside each says it all.
var markNoise = strings.NewReplacer(
	"■ ", "", "▲ ", "", "◆ ", "", "★ ", "", "✚ ", "", "● ", "", plans.MarkUnrated+" ", "",
	" → ", " to ",
)

// unmarked is s without the rating shapes; a change's arrow is "to".
func unmarked(s string) string { return markNoise.Replace(s) }

// numberDate is a date written as digits, YYYY-MM-DD.
var numberDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// spoken is s with its rating shapes and arrows said as words (unmarked)
// and each date in digits spelt out ("28 February 2027"), but not a date
// that is part of a file's name (plans/2026/2026-11-30-acme.yaml), which
// is typed as it is.
func spoken(s string) string {
	s = unmarked(s)
	return replaceMatches(s, numberDate, func(m string, before, after byte) string {
		if partOfName(before) || partOfName(after) {
			return m
		}
		d, err := plans.ParseDate(m)
		if err != nil {
			return m
		}
		return spokenDate(d)
	})
}

// partOfName reports whether c, beside a date, makes it part of a word or
// a file's name. A full stop after a date ends a sentence unless a letter
// follows, which the caller's byte cannot show: ".yaml" is caught by the
// hyphen or slash before such a date in ladder's names.
func partOfName(c byte) bool {
	return c == '-' || c == '/' || c == '_' || c == '\\' ||
		('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// replaceMatches replaces each match of re in s with what fn makes of it,
// given the bytes before and after the match (0 at either end).
func replaceMatches(s string, re *regexp.Regexp, fn func(m string, before, after byte) string) string {
	var b strings.Builder
	last := 0
	for _, loc := range re.FindAllStringIndex(s, -1) {
		var before, after byte
		if loc[0] > 0 {
			before = s[loc[0]-1]
		}
		if loc[1] < len(s) {
			after = s[loc[1]]
		}
		b.WriteString(s[last:loc[0]])
		b.WriteString(fn(s[loc[0]:loc[1]], before, after))
		last = loc[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

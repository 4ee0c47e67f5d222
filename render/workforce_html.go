package render

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// htmlWorkforce is the HTML report's data section: the chart as a table,
// in the same words as the Markdown section, from the same protected table.
type htmlWorkforce struct {
	Intro   string
	Columns []string // the headings of the cells after the grade's name
	Small   string   // for a workforce under the threshold: the guide's advice instead of a table
	Rows    []htmlWorkforceRow
	Notes   []string
	Reading string
	Rule    string
	Numbers string
	Bench   *htmlBenchmark
	// BenchNote says why there is no comparison: the benchmark file does
	// not load.
	BenchNote string
	// Since is last year's figures beside this year's, a year on.
	Since *htmlSince
}

// htmlSince is the last review's shares and responses beside this year's.
type htmlSince struct {
	Heading, Intro, Small string
	Columns               []string
	Rows                  []htmlWorkforceRow
	Legend                string
}

// htmlBenchmark is the whole workforce's shares beside the benchmark's.
type htmlBenchmark struct {
	Source string
	Rows   []htmlBenchmarkRow
}

type htmlBenchmarkRow struct {
	Group, Yours, Benchmark, Difference string
}

type htmlWorkforceRow struct {
	Name  string
	Cells []string // the three groups, the excluded answers, the responses, the headcount, the rate
}

// ReportHTMLWithData is ReportHTML with a section for the plan's
// workforce data.
func ReportHTMLWithData(p *plans.Plan, today plans.Date, h *ReportHistory, w *workforce.Loaded, opts ...ReportOption) []byte {
	page := htmlPageOf(buildReport(p, today, opts...), buildReportHistory(p, h))
	page.Workforce = htmlWorkforceOf(buildWorkforce(w))
	if page.History != nil && page.History.Since != "" && h.DataCompared {
		page.History.Changes = append(page.History.Changes, htmlDataChanges(w.Path, h.DataBase, w.Data)...)
	}
	return writeHTMLPage(page)
}

// htmlDataChanges is how the workforce data changed since the commit
// "what changed" compares the plan with, as sections of it: the shares
// and the responses that changed, as ladder diff tables them, then the
// settings and the reading. Nothing when the data is the same; one line
// when only counts kept hidden changed, or when the data was removed (the
// page has no data section).
func htmlDataChanges(name string, then, now *workforce.Data) []htmlChangeSection {
	if then == nil && now == nil || then != nil && now != nil && bytes.Equal(workforce.Encode(then), workforce.Encode(now)) {
		return nil
	}
	intro := cmp.Or(dataFileFate(name, then, now), "The workforce data, "+name+", changed too")
	switch {
	case now == nil:
		return []htmlChangeSection{{Title: "Workforce data", Note: intro + "."}}
	case then == nil:
		return []htmlChangeSection{{Title: "Workforce data", Note: intro + addedNothingBefore + ": its figures are under Workforce data above."}}
	}
	d := workforceChanges(then, now)
	if !d.changed() {
		return []htmlChangeSection{{Title: "Workforce data", Note: intro + ", but in no figure this report shows: only counts kept hidden under the anonymity threshold changed."}}
	}
	var out []htmlChangeSection
	for i, rows := range [][][]string{d.shares, d.responses} {
		if len(rows) == 0 {
			continue
		}
		header := [][]string{wfShareHeader, wfResponseHeader}[i]
		s := htmlChangeSection{
			Title:  "Workforce data: " + []string{"shares by grade", "responses"}[i],
			Counts: &htmlCounts{Corner: header[0], Columns: header[1:]},
		}
		if len(out) == 0 {
			s.Note = intro + ": each grade's " + []string{"shares", "responses"}[i] + " then → now. " + wfLegend(d.threshold)
		}
		for _, r := range rows {
			s.Counts.Rows = append(s.Counts.Rows, htmlCountsRow{Name: r[0], Cells: r[1:]})
		}
		out = append(out, s)
	}
	var lines []htmlChange
	for _, st := range d.settings {
		lines = append(lines, htmlChangeOf(line{name: st[0], value: st[1]}))
	}
	if d.readings[0] != d.readings[1] {
		lines = append(lines, htmlChange{Name: "Reading before", Value: d.readings[0]}, htmlChange{Name: "Reading now", Value: d.readings[1]})
	}
	if len(lines) > 0 {
		s := htmlChangeSection{Title: "Workforce data", Changes: lines}
		if len(out) == 0 {
			s.Note = intro + "."
		}
		out = append(out, s)
	}
	return out
}

func htmlWorkforceOf(doc workforceDoc) *htmlWorkforce {
	h := &htmlWorkforce{Intro: fmt.Sprintf("Answers to the key question, %q, counted by grade in %s", workforce.KeyQuestion, doc.name)}
	if doc.collected != "" {
		h.Intro += ", collected " + doc.collected
	}
	h.Intro += "."
	if doc.small {
		var words []string
		for _, a := range doc.tooFew {
			words = append(words, a.intro())
			for _, q := range a.quote {
				words = append(words, strings.TrimPrefix(q, "- "))
			}
		}
		h.Small = strings.Join(words, " ")
		return h
	}
	h.Columns = []string{"Working class", "Intermediate", "Professional", "Excluded", "Responses"}
	heads := !doc.noHeadcounts()
	if heads {
		h.Columns = append(h.Columns, "Headcount", "Rate")
	}
	rows := append(append([]wfRow{}, doc.rows...), doc.total)
	for i, r := range rows {
		name := r.name
		if i == len(rows)-1 {
			name = "All grades"
		}
		row := htmlWorkforceRow{Name: name}
		for _, g := range workforce.Reported {
			row.Cells = append(row.Cells, countAndShare(r.row.Groups[g], r.shares[g], doc.threshold))
		}
		row.Cells = append(row.Cells, figureWord(r.row.Excluded, doc.threshold, false), figureWord(r.row.Responses, doc.threshold, false))
		if heads {
			row.Cells = append(row.Cells, r.headcount(), r.rateOr("not known"))
		}
		h.Rows = append(h.Rows, row)
	}
	h.Notes = append([]string{"Each group's cell is a count, with its share of the grade's answers in the three groups. " +
		hiddenLegend(doc.threshold, false) + " Excluded: the answers Other and I prefer not to say."}, doc.joined...)
	if t := doc.targetNote(); t != "" {
		h.Notes = append(h.Notes, t)
	}
	if n := doc.headcountsNote(); n != "" {
		h.Notes = append(h.Notes, n)
	}
	h.Reading = capitalise(doc.reading.sentence)
	h.Rule, h.Numbers = doc.reading.rule, doc.reading.numbers
	if b := doc.bench; b != nil {
		h.Bench = &htmlBenchmark{Source: b.source}
		for _, g := range workforce.Reported {
			h.Bench.Rows = append(h.Bench.Rows, htmlBenchmarkRow{capitalise(g.Name()), shareWord(b.yours[g], doc.threshold, false),
				benchShare(b.shares[g]), b.difference(g)})
		}
	}
	h.BenchNote = doc.benchNote
	if s := doc.since; s != nil {
		h.Since = &htmlSince{Heading: s.heading(), Intro: s.intro(), Small: s.small, Legend: s.legend()}
		t := s.table()
		h.Since.Columns = t[0][1:]
		for _, row := range t[1:] {
			h.Since.Rows = append(h.Since.Rows, htmlWorkforceRow{Name: row[0], Cells: row[1:]})
		}
	}
	return h
}

package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// WorkforceMarkdown lays a data file out as a Markdown section whose
// heading is at the given level (2 inside a report, 1 on its own): the
// chart as a table of counts and shares per grade, the responses, the
// reading with its rule and numbers, and the benchmark.
func WorkforceMarkdown(w *workforce.Loaded, level int) []byte {
	var m markdown
	mdWorkforce(&m, buildWorkforce(w), level)
	return m.bytes()
}

func mdWorkforce(m *markdown, doc workforceDoc, level int) {
	m.heading(level, "Workforce data")
	intro := mdText(fmt.Sprintf("Answers to the key question, %q, counted by grade in", workforce.KeyQuestion)) + " " + mdCode(doc.name)
	if doc.collected != "" {
		intro += ", collected " + doc.collected
	}
	m.para(intro + ".")
	if doc.small {
		for _, a := range doc.tooFew {
			m.para(mdText(a.intro()))
			var quote []string
			for i, q := range a.quote {
				// A blank line of the quote between paragraphs, and
				// before a list, as Markdown wants.
				if i > 0 && !(strings.HasPrefix(q, "- ") && strings.HasPrefix(a.quote[i-1], "- ")) {
					quote = append(quote, ">")
				}
				if item, ok := strings.CutPrefix(q, "- "); ok {
					quote = append(quote, wrapMarkdown(mdText(item), "> - ", ">   ")...)
				} else {
					quote = append(quote, wrapMarkdown(mdText(q), "> ", "> ")...)
				}
			}
			m.raw(quote)
		}
		return
	}
	m.heading(level+1, "Shares by grade, junior to senior")
	rows := append(append([]wfRow{}, doc.rows...), doc.total)
	var cells [][]string
	for i, r := range rows {
		name := mdText(r.name)
		if i == len(rows)-1 {
			name = "**All grades**"
		}
		row := []string{name}
		for _, g := range workforce.Reported {
			row = append(row, countAndShare(r.row.Groups[g], r.shares[g], doc.threshold))
		}
		cells = append(cells, row)
	}
	m.table([]string{"Grade", "Working class", "Intermediate", "Professional"}, []bool{false, true, true, true}, cells)
	m.para(mdText("Each cell is a count, with its share of the grade's answers in the three groups. " + hiddenLegend(doc.threshold, false) + " " + strings.Join(doc.joined, " ")))

	m.heading(level+1, "Responses")
	heads := !doc.noHeadcounts()
	cells = nil
	for i, r := range rows {
		name := mdText(r.name)
		if i == len(rows)-1 {
			name = "**All grades**"
		}
		row := []string{name, figureWord(r.row.Excluded, doc.threshold, false), figureWord(r.row.Responses, doc.threshold, false)}
		if heads {
			row = append(row, r.headcount(), r.rateOr("not known"))
		}
		cells = append(cells, row)
	}
	header, right := []string{"Grade", "Excluded", "Responses"}, []bool{false, true, true}
	if heads {
		header, right = append(header, "Headcount", "Rate"), append(right, true, true)
	}
	m.table(header, right, cells)
	var notes []string
	if t := doc.targetNote(); t != "" {
		notes = append(notes, t)
	}
	notes = append(notes, "Excluded: the answers Other and I prefer not to say, which the guide excludes from the shares or reports separately.")
	if n := doc.headcountsNote(); n != "" {
		notes = append(notes, n)
	}
	m.para(mdText(strings.Join(notes, " ")))

	m.heading(level+1, "Reading")
	m.para(mdText(capitalise(doc.reading.sentence)))
	m.list([]string{field("How it is read", mdText(doc.reading.rule)), field("The numbers", mdText(doc.reading.numbers))})

	if s := doc.since; s != nil {
		m.heading(level+1, s.heading())
		if s.small != "" {
			m.para(mdText(s.small))
		} else {
			m.para(mdText(s.intro()))
			t := s.table()
			m.table(t[0], []bool{false, true, true, true, true}, mdCells(t[1:]))
			m.para(mdText(s.legend()))
		}
	}

	if doc.bench != nil {
		m.heading(level+1, "Benchmark")
		m.para(field("Source", mdText(doc.bench.source)))
		cells = nil
		for _, g := range workforce.Reported {
			cells = append(cells, []string{capitalise(g.Name()), shareWord(doc.bench.yours[g], doc.threshold, false),
				benchShare(doc.bench.shares[g]), doc.bench.difference(g)})
		}
		m.table([]string{"Group", "All grades", "Benchmark", "Difference"}, []bool{false, true, true, false}, cells)
	} else if doc.benchNote != "" {
		m.para(field("Benchmark", mdText(doc.benchNote)))
	}
}

// ReportMarkdownWithData is ReportMarkdown with a section for the plan's
// workforce data (the chart as a table, the responses, the reading, the
// benchmark) before the credits.
func ReportMarkdownWithData(p *plans.Plan, today plans.Date, w *workforce.Loaded, opts ...ReportOption) []byte {
	doc := buildReport(p, today, opts...)
	wd := buildWorkforce(w)
	doc.workforce = &wd
	return writeReportMarkdown(doc)
}

// countAndShare is "45 (41%)", or why it is hidden.
func countAndShare(f workforce.Figure, s wfShare, threshold int) string {
	if !f.Shown {
		return figureWord(f, threshold, false)
	}
	if !s.shown {
		return fmt.Sprint(f.Value)
	}
	return fmt.Sprintf("%d (%d%%)", f.Value, s.value)
}

package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/workforce"
)

// The report a year on: last year's shares and responses beside this
// year's, grade by grade, as a board asks "has it changed?". Each year's
// figures are protected in their own table, by their own threshold, as the
// history and the diff show them: nothing under either threshold is shown.

// wfSince is last year's figures beside this year's, laid out once for
// every format.
type wfSince struct {
	// about names last year's data: "plans/acme-2026.data.yaml, collected
	// 2026-03-10".
	about string
	// rows are each grade's cells, this year's grades first, then any
	// gone since, then All grades: its name, then per column the two
	// years' figures (short words: "<10", "--").
	rows []wfSinceRow
	// small says why nothing is compared: last year had too few answers.
	small     string
	notes     []string
	threshold int
}

type wfSinceRow struct {
	name string
	// cells[j] is column j's figure last time and now; "" where the
	// grade is not in that year's data.
	cells [][2]string
	long  [][2]string // the same, in words ("fewer than 10")
}

var wfSinceHeader = []string{"Grade", "Working class", "Intermediate", "Professional", "Responses"}

// buildSince sets last year's data beside this year's, whose figures
// nowDoc already holds.
func buildSince(lastPath string, last, now *workforce.Data, nowDoc *workforceDoc) *wfSince {
	lastDoc := buildWorkforce(&workforce.Loaded{Path: lastPath, Data: last})
	docs := [2]*workforceDoc{&lastDoc, nowDoc}
	s := &wfSince{about: plain(lastPath), threshold: max(threshOf(last), threshOf(now))}
	if last.Collected != "" {
		s.about += ", collected " + last.Collected
	}
	if docs[0].small {
		s.small = fmt.Sprintf("The last review's data (%s) had too few answers to show anything, so there is nothing to set beside this year's.", s.about)
		return s
	}
	order, pairs := pairRows(docs)
	cells := func(r *wfRow, threshold int, short bool) []string {
		if r == nil {
			return make([]string, len(wfSinceHeader)-1)
		}
		var out []string
		for _, g := range workforce.Reported {
			out = append(out, shareWord(r.shares[g], threshold, short))
		}
		return append(out, figureWord(r.row.Responses, threshold, short))
	}
	for _, name := range order {
		p := pairs[name].rows
		both := func(short bool) [][2]string {
			o, n := cells(p[0], docs[0].threshold, short), cells(p[1], docs[1].threshold, short)
			c := make([][2]string, len(o))
			for j := range o {
				c[j] = [2]string{o[j], n[j]}
			}
			return c
		}
		s.rows = append(s.rows, wfSinceRow{name: name, cells: both(true), long: both(false)})
	}
	for _, c := range gradeChanges(last, now, docs) {
		s.notes = append(s.notes, c[0]+": "+c[1]+".")
	}
	if docs[0].threshold != docs[1].threshold {
		s.notes = append(s.notes, fmt.Sprintf("The anonymity threshold was %d and is %d: each year's figures are hidden by its own.", docs[0].threshold, docs[1].threshold))
	}
	return s
}

// cell is "46% → 49%", one figure where the two are the same, or
// "(none) → 49%" where the grade is in one year's data only.
func sinceCell(c [2]string) string {
	switch {
	case c[0] == c[1]:
		return c[0]
	case c[0] == "":
		return "(none) → " + c[1]
	case c[1] == "":
		return c[0] + " → (none)"
	}
	return c[0] + " → " + c[1]
}

// heading is the part's heading in every format.
func (s *wfSince) heading() string { return "Workforce data since the last review" }

// intro says what is set beside what.
func (s *wfSince) intro() string {
	return fmt.Sprintf("The last review's figures (%s) beside this year's, as last time → now: each group's share of a grade's answers in the three groups, and the responses.", s.about)
}

// table is the rows as a table's cells, with the header first.
func (s *wfSince) table() [][]string {
	out := [][]string{wfSinceHeader}
	for _, r := range s.rows {
		row := []string{r.name}
		for _, c := range r.cells {
			row = append(row, sinceCell(c))
		}
		out = append(out, row)
	}
	return out
}

// sentences says each row in words, for the words report: "Manager:
// working class fewer than 10 last time, 33% now; intermediate 30% both
// times; ...".
func (s *wfSince) sentences() []string {
	var out []string
	for _, r := range s.rows {
		var parts []string
		switch {
		case r.long[0][0] == "":
			out = append(out, r.name+": not in the last review's data.")
			continue
		case r.long[0][1] == "":
			out = append(out, r.name+": not in this year's data.")
			continue
		}
		for j, c := range r.long {
			what := strings.ToLower(wfSinceHeader[j+1])
			if c[0] == c[1] {
				parts = append(parts, fmt.Sprintf("%s %s both times", what, c[0]))
			} else {
				parts = append(parts, fmt.Sprintf("%s %s last time, %s now", what, c[0], c[1]))
			}
		}
		out = append(out, r.name+": "+strings.Join(parts, "; ")+".")
	}
	return out
}

// legend explains the short words and lists the notes.
func (s *wfSince) legend() string {
	return strings.Join(append([]string{wfLegend(s.threshold)}, s.notes...), " ")
}

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
	// order and pairs are each grade's figures in the two years, this
	// year's grades first, then any gone since, then All grades
	// (pairRows).
	order []string
	pairs map[string]*wfPair
	// small says why nothing is compared: last year had too few answers.
	small     string
	notes     []string
	threshold int
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
	s.order, s.pairs = pairRows(docs)
	for _, c := range gradeChanges(last, now, docs) {
		s.notes = append(s.notes, c[0]+": "+c[1]+".")
	}
	if docs[0].threshold != docs[1].threshold {
		s.notes = append(s.notes, fmt.Sprintf("The anonymity threshold was %d and is %d: each year's figures are hidden by its own.", docs[0].threshold, docs[1].threshold))
	}
	return s
}

// sinceCells are a year's figures in the columns after Grade, in short
// words ("<10", "--") or in words ("fewer than 10").
func sinceCells(r wfRow, threshold int, short bool) []string {
	var out []string
	for _, g := range workforce.Reported {
		out = append(out, shareWord(r.shares[g], threshold, short))
	}
	return append(out, figureWord(r.row.Responses, threshold, short))
}

// heading is the part's heading in every format.
func (s *wfSince) heading() string { return "Workforce data since the last review" }

// intro says what is set beside what.
func (s *wfSince) intro() string {
	return fmt.Sprintf("The last review's figures (%s) beside this year's, as last time → now: each group's share of a grade's answers in the three groups, and the responses.", s.about)
}

// table is the rows as a table's cells, with the header first: "46% →
// 49%", one figure where the two are the same, or "(none) → 49%" where
// the grade is in one year's data only (changedRow).
func (s *wfSince) table() [][]string {
	out := [][]string{wfSinceHeader}
	short := func(r wfRow, threshold int) []string { return sinceCells(r, threshold, true) }
	for _, name := range s.order {
		row, _ := changedRow(name, s.pairs[name], short)
		out = append(out, row)
	}
	return out
}

// sentences says each row in words, for the words report: "Manager:
// working class fewer than 10 last time, 33% now; intermediate 30% both
// times; ...".
func (s *wfSince) sentences() []string {
	var out []string
	for _, name := range s.order {
		p := s.pairs[name]
		switch {
		case p.rows[0] == nil:
			out = append(out, name+": not in the last review's data.")
			continue
		case p.rows[1] == nil:
			out = append(out, name+": not in this year's data.")
			continue
		}
		last, now := sinceCells(*p.rows[0], p.threshold[0], false), sinceCells(*p.rows[1], p.threshold[1], false)
		var parts []string
		for j := range last {
			what := strings.ToLower(wfSinceHeader[j+1])
			if last[j] == now[j] {
				parts = append(parts, fmt.Sprintf("%s %s both times", what, last[j]))
			} else {
				parts = append(parts, fmt.Sprintf("%s %s last time, %s now", what, last[j], now[j]))
			}
		}
		out = append(out, name+": "+strings.Join(parts, "; ")+".")
	}
	return out
}

// legend explains the short words and lists the notes.
func (s *wfSince) legend() string {
	return strings.Join(append([]string{wfLegend(s.threshold)}, s.notes...), " ")
}

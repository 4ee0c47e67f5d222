package render

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A screen reader reading the Markdown report in a terminal says "black
// square Red", "vertical line, dash dash dash, colon" for each cell of the
// summary table, "star star Action colon star star", "right arrow" and
// "2026 minus 11 minus 30". The words report says the same report in
// sentences, one to a line: the summary a line per area that names each
// count, each item with its number in the whole checklist and its rating
// by its word, dates spelt out, no shapes, tables or Markdown marks.
func TestReportWordsHaveNoMarksTablesOrNumberDates(t *testing.T) {
	for _, name := range []string{"golden", "report-all"} {
		t.Run(name, func(t *testing.T) {
			p := loadFixture(t, filepath.Join("..", "plans", "testdata", name+".yaml"))
			checkSpoken(t, string(ReportWords(p, reportToday)))
		})
	}
	p, earlier := carriedFixture(t, "2027")
	got := ReportWords(p, reportToday, CarriedOnFrom(earlier))
	checkSpoken(t, string(got))
	checkGolden(t, "carried-2027.txt", got)
}

// checkSpoken fails on what a speech engine reads as noise.
func checkSpoken(t *testing.T, got string) {
	t.Helper()
	for _, noise := range []string{"■", "▲", "●", "○", "◆", "→", "**", "\x1b"} {
		if strings.Contains(got, noise) {
			t.Errorf("the words report has %q:\n%s", noise, got)
		}
	}
	// Text from the plan may hold a | or **: the fixtures' does, to
	// test the Markdown's escaping, so it is not looked for inside a line.
	// A date as digits, not inside a file's name (acme-2026.yaml).
	numberDate := regexp.MustCompile(`(^|[\s(:,])\d{4}-\d{2}-\d{2}([\s).,;]|$)`)
	for _, l := range strings.Split(got, "\n") {
		if numberDate.MatchString(l) {
			t.Errorf("a date in digits: %q", l)
		}
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "|") {
			t.Errorf("a line laid out as Markdown: %q", l)
		}
	}
}

// The summary is a sentence per area that names each count, and each
// item says its number in the whole checklist (as the review's item N
// goes to it) and its rating in a word.
func TestReportWordsSayTheSummaryAndItemsInSentences(t *testing.T) {
	p := loadFixture(t, filepath.Join("..", "plans", "testdata", "golden.yaml"))
	got := string(ReportWords(p, reportToday))
	perArea, total := p.Counts()
	var wants []string
	for _, ac := range perArea {
		wants = append(wants, ac.Area.Title+", "+countNoun(ac.Counts.Total(), "item")+": "+spokenCounts(p, ac.Counts)+".")
	}
	wants = append(wants, "All areas, "+countNoun(total.Total(), "item")+": "+spokenCounts(p, total)+".")
	entries := p.Checklist.Items()
	first := entries[0]
	wants = append(wants, "Item 1 of "+strconv.Itoa(len(entries))+": "+first.Item.Title+". ")
	checkContains(t, "the words report", got, wants...)
	if !strings.Contains(got, "\nDate of review: "+spokenDate(p.Date)+".\n") {
		t.Errorf("the date of the review is not spelt out:\n%s", got)
	}
}

// spokenCounts is "Red 1, Amber 2, Green 0, Unrated 3", as the accessible
// review says counts.
func spokenCounts(p *plans.Plan, n plans.Counts) string {
	var parts []string
	for i, l := range p.Checklist.Scale {
		parts = append(parts, l.Label+" "+strconv.Itoa(n.ByLevel[i]))
	}
	return strings.Join(append(parts, "Unrated "+strconv.Itoa(n.Unrated)), ", ")
}

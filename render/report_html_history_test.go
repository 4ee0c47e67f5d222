package render

import (
	"strings"
	"testing"
)

// TestHistoryBarsCarryTheirShape: in the history chart, every piece of a
// column tall and wide enough carries its level's shape on a white tab,
// inside the piece, so that the columns read in greyscale and without
// colour, as the area charts do; smaller pieces carry none (the legend,
// each column's tooltip and the table of counts still give them).
func TestHistoryBarsCarryTheirShape(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	chart := htmlHistoryOf(buildReportHistory(p, h))
	marked := 0
	for _, col := range chart.Columns {
		for _, bar := range col.Bars {
			x, y, w, hh := atof(t, bar.X), atof(t, bar.Y), atof(t, bar.W), atof(t, bar.H)
			if w < historyMarkTab+2 || hh < historyMarkTab+2 {
				if bar.Mark != nil {
					t.Errorf("%s: the %v-by-%v piece for %s carries a shape it has no room for", col.Title, w, hh, bar.Word)
				}
				continue
			}
			m := bar.Mark
			if m == nil {
				t.Errorf("%s: the %v-by-%v piece for %s has no shape", col.Title, w, hh, bar.Word)
				continue
			}
			marked++
			mx, my, mw, mh := atof(t, m.X), atof(t, m.Y), atof(t, m.W), atof(t, m.H)
			if mx < x || my < y || mx+mw > x+w || my+mh > y+hh {
				t.Errorf("%s: the tab for %s (%v,%v %vx%v) is not inside its piece (%v,%v %vx%v)", col.Title, bar.Word, mx, my, mw, mh, x, y, w, hh)
			}
			if m.Class != bar.Class || m.Shape.X < mx || m.Shape.Y < my {
				t.Errorf("%s: the tab for %s lacks its level's shape inside it", col.Title, bar.Word)
			}
		}
	}
	if marked == 0 {
		t.Error("no piece of any column carries a shape")
	}
}

// TestHistorySummaryOfOneCommit: a plan committed once has one column in
// its history chart, and the words under it say so once, not "each of the
// 1 commit" and its counts twice over.
func TestHistorySummaryOfOneCommit(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	h.Entries, h.Base, h.BaseEntry = h.Entries[3:], nil, 0
	got := historySummary(buildReportHistory(p, h))
	want := "Rating counts at the one commit that changed the plan. On 2027-02-02: 7 Red, 8 Amber, 4 Green, 2 Unrated."
	if got != want {
		t.Errorf("the summary of one commit:\ngot  %s\nwant %s", got, want)
	}
	// A failed commit and one that loaded: the counts are said once too.
	h, _ = historyOf(t, p)
	h.Entries = h.Entries[1:3]
	got = historySummary(buildReportHistory(p, h))
	if strings.Count(got, " On ") != 1 || !strings.HasPrefix(got, "Rating counts at each of the 2 commits") {
		t.Errorf("one commit of two loaded: %s", got)
	}
}

package render

import (
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

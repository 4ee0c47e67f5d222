package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// On a small window the board's list went to two columns to show every
// item at once even where the scale's long words left each title a few
// cells: the cross-industry toolkit at 60x16 read "▲ Developing  Analyse
// p…". A list takes more columns only where each keeps a title's worth
// (listTitleRoom); else it is one column that scrolls, as the progression
// checklist's is at 60x16.
func TestTheBoardsListKeepsTitlesReadableInColumns(t *testing.T) {
	t.Parallel()
	for _, c := range checklist.Builtins() {
		p := plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})
		for _, size := range [][2]int{{60, 16}, {80, 24}, {100, 30}} {
			h, s := openBoard(t, p, size[0], size[1], false)
			v := oneSpaced(h.view())
			if !s.layout.list {
				continue // tiles: TestBoardShowsEveryItemAsATile
			}
			if l := s.layout; l.perRow > 1 {
				if room := s.listTitleWidth(l.cellWidth); room < listTitleRoom {
					t.Errorf("%s %dx%d: %d columns leave a title %d cells:\n%s", c.ID, size[0], size[1], l.perRow, room, v)
				}
			}
			// The cursor's line: its item is named whole, by title or
			// short title, on the board (the line under the board names
			// it in full anyway).
			line := ""
			for _, l := range strings.Split(h.view(), "\n") {
				if strings.Contains(l, "○ Unrated") {
					line = l
					break
				}
			}
			it := c.Items()[0].Item
			if !strings.Contains(line, it.Title) && !strings.Contains(line, it.ShortTitle()) {
				t.Errorf("%s %dx%d: the first item is not named whole (%q):\n%s", c.ID, size[0], size[1], it.ShortTitle(), v)
			}
		}
	}
}

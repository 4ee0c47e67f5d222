package tui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// A scale's own words are often longer than Red, Amber and Green: the
// cross-industry toolkit's Developing and Optimising, a checklist of one's
// own with Leading the way. These tests rate every item round the scale
// and look at every screen that lines ratings up in a column.

// wideScaleCase is a plan rated round a scale with long words, and how to
// open it.
type wideScaleCase struct {
	name string
	c    *checklist.Checklist
	dir  string
	path string
	list string // the checklist file, for a checklist of one's own
}

func wideScaleCases(t *testing.T) []wideScaleCase {
	t.Helper()
	ci, ok := checklist.Builtin("smc-cross-industry-progression")
	if !ok {
		t.Fatal("the cross-industry checklist is not built in")
	}
	_, _, fivePath := fiveLevelPlan(t)
	five, err := checklist.Resolve(fivePath)
	if err != nil {
		t.Fatal(err)
	}
	var out []wideScaleCase
	for _, tc := range []struct {
		name, list string
		c          *checklist.Checklist
	}{{"cross-industry", "", ci}, {"five levels", fivePath, five}} {
		p := plans.New(tc.c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})
		for i, e := range tc.c.Items() {
			p.Response(e.Item.ID).Rating = tc.c.Scale[i%len(tc.c.Scale)].Key
		}
		dir, path := rvWritePlan(t, p)
		out = append(out, wideScaleCase{tc.name, tc.c, dir, path, tc.list})
	}
	return out
}

func (tc wideScaleCase) open(t *testing.T, w, h int) *rvHarness {
	t.Helper()
	return rvStart(t, Options{PlanPath: tc.path, Dir: tc.dir, Checklist: tc.list}, w, h)
}

// titleColumn is where an item's title starts in a line, or -1.
func titleColumn(line, title string) int {
	line = ansi.Strip(line)
	at := strings.Index(line, title[:min(len(title), 8)])
	if at < 0 {
		return -1
	}
	return ansi.StringWidth(line[:at])
}

// The overview and the board's list put the rating's shape and word in a
// column ten cells wide, made for "○ Unrated": "▲ Developing" pushed its
// title two cells right, and the overview's lines ran past the window
// and broke in two at 80 columns.
func TestRatingColumnsFitTheScalesLongestWord(t *testing.T) {
	for _, tc := range wideScaleCases(t) {
		for _, w := range []int{80, 100} {
			h := tc.open(t, w, 30)
			h.press("o")
			ov := h.a.screen(screenOverview).(*overviewScreen)
			col := -1
			for i, r := range ov.rows {
				if r.entry < 0 || r.action {
					continue
				}
				line := ov.row(&h.a.c.styles, i, w)
				if lw := ansi.StringWidth(line); lw > w {
					t.Errorf("%s, %d columns: an overview line of %d cells: %q", tc.name, w, lw, ansi.Strip(line))
				}
				at := titleColumn(line, ov.entries[r.entry].Item.Title)
				if col < 0 {
					col = at
				}
				if at != col {
					t.Errorf("%s, %d columns: overview title at column %d, not %d: %q", tc.name, w, at, col, ansi.Strip(line))
				}
			}

			h.press("esc", "b")
			board := h.a.screen(screenBoard).(*boardScreen)
			list := boardLayout{list: true, heading: true, perRow: 1, cellWidth: w}
			col = -1
			for _, a := range tc.c.Areas {
				for i, it := range a.Items {
					line := board.listCell(&h.a.c.styles, list, &a, i, false)
					if lw := ansi.StringWidth(line); lw != w {
						t.Errorf("%s, %d columns: a board list line of %d cells: %q", tc.name, w, lw, ansi.Strip(line))
					}
					at := titleColumn(line, it.Title)
					if at < 0 {
						at = titleColumn(line, it.ShortTitle())
					}
					if col < 0 {
						col = at
					}
					if at != col {
						t.Errorf("%s, %d columns: board title at column %d, not %d: %q", tc.name, w, at, col, ansi.Strip(line))
					}
				}
			}
		}
	}
}

// A tile's top line holds the rating's word and the item's number: with
// "▲ DEVELOPING" the number no longer fitted and was dropped, so the
// board no longer said which item a tile was.
func TestEveryTileShowsItsNumberBesideALongWord(t *testing.T) {
	for _, tc := range wideScaleCases(t) {
		for _, size := range [][2]int{{100, 30}, {120, 40}} {
			for _, present := range []bool{false, true} {
				h := tc.open(t, size[0], size[1])
				if present {
					h.press("P")
				}
				h.press("b")
				h.view() // the board chooses its layout as it draws
				board := h.a.screen(screenBoard).(*boardScreen)
				if board.layout.list {
					continue
				}
				for _, a := range tc.c.Areas {
					for i := range a.Items {
						tile := ansi.Strip(board.tile(&h.a.c.styles, board.layout, &a, i, false))
						top := strings.Trim(strings.Split(tile, "\n")[1], "│┃ ")
						if !strings.HasSuffix(top, " "+strconv.Itoa(i+1)) {
							t.Errorf("%s %dx%d present=%v: %s item %d's tile does not show its number: %q", tc.name, size[0], size[1], present, a.ID, i+1, top)
						}
					}
				}
			}
		}
	}
}

// The area's counts line up whatever the words' length: they were padded
// to twelve cells, and "● Leading the way" pushed its count out of line.
func TestAreaSummaryCountsLineUp(t *testing.T) {
	for _, tc := range wideScaleCases(t) {
		h := tc.open(t, 80, 24)
		h.run(navigate(screenAreaSummary, 0))
		if h.a.active != screenAreaSummary {
			t.Fatalf("%s: screen %d, not the area summary", tc.name, h.a.active)
		}
		labels := []string{plans.Label(tc.c, checklist.Unrated)}
		for _, l := range tc.c.Scale {
			labels = append(labels, plans.Label(tc.c, l.Key))
		}
		col, n := -1, 0
		for _, l := range h.a.screen(screenAreaSummary).(*areasummaryScreen).lines() {
			l = strings.TrimRight(ansi.Strip(l), " ")
			if !slices.ContainsFunc(labels, func(label string) bool { return strings.HasPrefix(l, "  "+label+" ") }) {
				continue
			}
			n++
			at := ansi.StringWidth(l) // the count is one digit, at the end
			if col < 0 {
				col = at
			}
			if at != col {
				t.Errorf("%s: the count ends at column %d, not %d: %q", tc.name, at, col, l)
			}
		}
		if n != len(labels) {
			t.Errorf("%s: %d count lines, want %d", tc.name, n, len(labels))
		}
	}
}

// The counts table (the next-steps question and the summary) and the
// summary's legend fit a laptop's window: with five long words they ran
// past 80 columns and the window broke them, "○" on one line and
// "Unrated" on the next, each row's last count alone on a line.
func TestCountsTableAndLegendFitTheWindow(t *testing.T) {
	for _, tc := range wideScaleCases(t) {
		for _, w := range []int{80, 60} {
			h := tc.open(t, w, 24)
			for _, part := range []struct{ name, text string }{
				{"counts table", countsTable(h.a.c, w)},
				{"every item", ratingBoard(h.a.c, w)},
			} {
				text := ansi.Strip(part.text)
				for _, l := range strings.Split(text, "\n") {
					if lw := ansi.StringWidth(l); lw > w {
						t.Errorf("%s, %d columns: a %s line of %d cells: %q", tc.name, w, part.name, lw, l)
					}
				}
				// Every level is still named by its shape and its word.
				for _, l := range tc.c.Scale {
					if !strings.Contains(strings.Join(strings.Fields(text), " "), plans.Label(tc.c, l.Key)) {
						t.Errorf("%s, %d columns: the %s does not name %q:\n%s", tc.name, w, part.name, plans.Label(tc.c, l.Key), text)
					}
				}
			}
		}
	}
}

// The counts table, the summary's every-item board and the overview name
// each area by its title, or, where the title does not fit (the Building
// Blocks' areas are a sentence), by its short title: they cut "Create a
// compelling, shared vision of soc…" mid-word, and the overview lost the
// area's tally.
func TestCountsTableNamesAreasInWholeWords(t *testing.T) {
	c, p := rvPlanOf(t, "smc-building-blocks")
	for _, w := range []int{80, 60} {
		h, _ := rvOpen(t, p, w, 24)
		for _, part := range []struct {
			name string
			text string
			head int // lines above the first area's
		}{{"counts table", countsTable(h.a.c, w), 1}, {"every item", ratingBoard(h.a.c, w), 0}} {
			text := ansi.Strip(part.text)
			if strings.Contains(text, "…") {
				t.Errorf("%d columns: a name in the %s is cut:\n%s", w, part.name, text)
			}
			lines := strings.Split(text, "\n")
			for i, a := range c.Areas {
				if name := lines[i+part.head]; !strings.HasPrefix(name, a.Title+"  ") && !strings.HasPrefix(name, a.Short+"  ") {
					t.Errorf("%d columns: %s row %q does not name %q or %q", w, part.name, name, a.Title, a.Short)
				}
			}
		}
		// The overview's area rows keep their tally (it was cut off).
		h.press("o")
		h.requireView("Vision  ■ 0  ▲ 0  ● 0  ○ 8")
	}
}

// A tile flagged to revisit says "⚑ 3" where it said "3": two cells more
// beside the rating's word, and the number was dropped from tiles the
// board had made only just wide enough for the word and the number (an
// unrated tile at 80 columns, a long word at any width).
func TestAFlaggedTileKeepsItsNumber(t *testing.T) {
	t.Parallel()
	rag := rvNewPlan(t)
	dir, path := rvWritePlan(t, rag)
	cases := append(wideScaleCases(t), wideScaleCase{"red/amber/green, unrated", rag.Checklist, dir, path, ""})
	for _, tc := range cases {
		var sizes [][2]int // every layout of tiles, about
		for w := 60; w <= 200; w += 6 {
			for _, h := range []int{30, 40, 56} {
				sizes = append(sizes, [2]int{w, h})
			}
		}
		for _, size := range sizes {
			h := tc.open(t, size[0], size[1])
			for _, e := range tc.c.Items() {
				if _, err := h.a.c.session.SetRevisit(e.Item.ID, true); err != nil {
					t.Fatal(err)
				}
			}
			h.press("b")
			h.view() // the board chooses its layout as it draws
			board := h.a.screen(screenBoard).(*boardScreen)
			if board.layout.list {
				continue // the list shows the flag after the title
			}
			for _, a := range tc.c.Areas {
				for i := range a.Items {
					if !h.a.c.plan().Items[a.Items[i].ID].Revisit {
						t.Fatalf("%s: %s item %d was not flagged", tc.name, a.ID, i+1)
					}
					tile := ansi.Strip(board.tile(&h.a.c.styles, board.layout, &a, i, false))
					top := strings.Trim(strings.Split(tile, "\n")[1], "│┃ ")
					if !strings.HasSuffix(top, revisitMark+" "+strconv.Itoa(i+1)) {
						t.Errorf("%s %dx%d: %s item %d's flagged tile does not show its number: %q", tc.name, size[0], size[1], a.ID, i+1, top)
					}
				}
			}
		}
	}
}

// An area's summary scrolls by the lines it counts: the "Next:" line
// naming a sentence-long area was left for the frame to break in two, so
// the page thought it fitted and its last line went off the window with
// nothing to say so (the Building Blocks' culture area at 80x24). Every
// item shows, or the page says it scrolls.
func TestAreaSummaryShowsEveryItemOrSaysItScrolls(t *testing.T) {
	c, p := rvPlanOf(t, "smc-building-blocks")
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h, _ := rvOpen(t, p, size[0], size[1])
		for i, a := range c.Areas {
			h.run(h.a.show(screenAreaSummary, i))
			requireFits(t, h, size[0], size[1])
			v := h.view()
			if strings.Contains(v, "to scroll") {
				continue
			}
			for _, it := range a.Items {
				if !strings.Contains(oneSpaced(v), oneSpaced(it.Title)) {
					t.Errorf("%dx%d, area %s: %q is off the window, and nothing says the page scrolls:\n%s", size[0], size[1], a.ID, it.Title, v)
				}
			}
		}
	}
}

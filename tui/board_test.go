package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

func TestBoardOpensFromEveryScreenAndGoesBack(t *testing.T) {
	for _, tc := range []struct {
		name string
		to   func(h *rvHarness)
		want screenID
	}{
		{"item", func(h *rvHarness) {}, screenItem},
		{"item, status field", func(h *rvHarness) { h.press("tab", "tab", "tab", "tab") }, screenItem},
		{"overview", func(h *rvHarness) { h.press("o") }, screenOverview},
		{"help", func(h *rvHarness) { h.press("?") }, screenHelp},
		{"advice", func(h *rvHarness) { h.press("i") }, screenGuidance},
		{"area summary", func(h *rvHarness) { h.press("p", "n") }, screenAreaSummary},
		{"next steps", func(h *rvHarness) { h.run(navigate(screenFollowUp, 1)) }, screenFollowUp},
		{"summary", func(h *rvHarness) { h.run(navigate(screenSummary, 0)) }, screenSummary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, back := range []string{"esc", "b"} {
				h, _ := rvOpen(t, rvGoldenPlan(t), 120, 40)
				tc.to(h)
				if h.a.active != tc.want {
					t.Fatalf("screen %d, want %d", h.a.active, tc.want)
				}
				before := h.view()
				h.press("b")
				if h.a.active != screenBoard {
					t.Fatalf("b showed screen %d, not the board:\n%s", h.a.active, h.view())
				}
				h.requireView("Where we stand", "4 of 21 rated", "L E A D E R S H I P")
				h.press(back)
				if h.a.active != tc.want {
					t.Fatalf("%s on the board went to screen %d, not %d", back, h.a.active, tc.want)
				}
				if h.view() != before {
					t.Fatalf("the screen changed on the way back:\n%s\nwas:\n%s", h.view(), before)
				}
			}
		})
	}
}

func TestBoardKeyTypesWhileTyping(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("r", "tab", "b", "esc")
	if h.a.active != screenItem {
		t.Fatalf("b while typing showed screen %d", h.a.active)
	}
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "b" {
		t.Fatalf("action = %q, want the b typed", got)
	}
	// On the start screen (no plan open) there is no board.
	hs := rvStart(t, Options{Dir: t.TempDir()}, 80, 24)
	hs.press("b")
	if hs.a.active == screenBoard {
		t.Fatal("a board without a plan")
	}
}

func TestBoardShowsEveryItemAsATile(t *testing.T) {
	h, _ := rvOpen(t, rvGoldenPlan(t), 120, 40)
	h.press("b")
	v := h.view()
	words := strings.Count(v, "■ RED") + strings.Count(v, "▲ AMBER") + strings.Count(v, "● GREEN") + strings.Count(v, "○ NOT RATED")
	if words != 21 {
		t.Fatalf("%d tiles with a rating word, want 21:\n%s", words, v)
	}
	if n := strings.Count(v, "╭") + strings.Count(v, "┏"); n != 21 {
		t.Fatalf("%d tiles, want 21:\n%s", n, v)
	}
	h.requireView(
		"L E A D E R S H I P   &   C U L T U R E    ■ 1   ▲ 2   ● 1   ○ 0",
		"W O R K F O R C E    ■ 0   ▲ 0   ● 0   ○ 2",
		"E N A B L E R S    ■ 0   ▲ 0   ● 0   ○ 15",
		"■ RED", "A clear D&I vision", // the first item, by its short title
		"› Workforce · item 1 of 2: Business as usual", // the selected item, named in full
	)
	// The cursor starts on the item the review is at, in a heavy box.
	if strings.Count(v, "┏") != 1 || !strings.Contains(v, "┃ ○ NOT RATED") {
		t.Fatalf("the current item is not the one in a heavy box:\n%s", v)
	}
}

func TestBoardAdaptsToTheWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		h, _ := rvOpen(t, rvGoldenPlan(t), size[0], size[1])
		h.press("b")
		requireFits(t, h, size[0], size[1])
		v := h.view()
		tiles := strings.Contains(v, "╭")
		if wantTiles := size[1] >= 40; tiles != wantTiles {
			t.Errorf("%dx%d: tiles %v, want %v:\n%s", size[0], size[1], tiles, wantTiles, v)
		}
		if size[1] < 20 {
			// The smallest window scrolls the list, the cursor in view.
			h.requireView("lines 1–", "› Workforce · item 1 of 2: Business as usual", "›  1 ○ Unrated  Business as usual")
			continue
		}
		if !tiles {
			// The compact list still shows every item with its word.
			n := strings.Count(v, "■ Red") + strings.Count(v, "▲ Amber") + strings.Count(v, "● Green") + strings.Count(v, "○ Unrated")
			if n != 21 {
				t.Errorf("%dx%d: %d items in the list, want 21:\n%s", size[0], size[1], n, v)
			}
		}
	}
}

func TestBoardCursorOpensAnItem(t *testing.T) {
	h, _ := rvOpen(t, rvGoldenPlan(t), 120, 40) // at Workforce, item 1
	h.press("b", "right", "down", "enter")
	// right: Workforce 2; down: Enablers, the same column (2).
	it := h.item()
	if e := it.entry(); e.Area.ID != "enablers" || e.Ref.Index != 1 {
		t.Fatalf("opened %s item %d", e.Area.ID, e.Ref.Index+1)
	}
	h.press("b", "up", "up", "left", "enter")
	if e := h.item().entry(); e.Area.ID != "leadership-culture" || e.Ref.Index != 0 {
		t.Fatalf("opened %s item %d", e.Area.ID, e.Ref.Index+1)
	}
	// s goes to the summary.
	h.press("b", "s")
	if h.a.active != screenSummary {
		t.Fatalf("s showed screen %d", h.a.active)
	}
}

func TestBoardIsTheEndInPresenterMode(t *testing.T) {
	for _, present := range []bool{false, true} {
		h, _ := rvOpen(t, rvGoldenPlan(t), 120, 40)
		if present {
			h.press("P")
		}
		h.run(navigate(screenFollowUp, len(h.a.c.checklist().FollowUps)-1))
		h.press("n")
		want := screenSummary
		if present {
			want = screenBoard
		}
		if h.a.active != want {
			t.Fatalf("present %v: after the last question, screen %d, want %d", present, h.a.active, want)
		}
		if present {
			h.requireView("W H E R E   W E   S T A N D")
			// esc goes back to the last question; s to the summary.
			h.press("esc")
			if h.a.active != screenFollowUp {
				t.Fatalf("esc on the end board went to screen %d", h.a.active)
			}
			h.press("n", "s")
			h.requireView("The end")
		}
	}
}

func TestBoardScrollsALongChecklist(t *testing.T) {
	h := longHarness(t, 1000, 80, 24)
	h.press("b")
	requireFits(t, h, 80, 24)
	h.requireView("lines 1–")
	for range 40 {
		h.press("down")
	}
	requireFits(t, h, 80, 24)
	if !strings.Contains(h.view(), "› ") {
		t.Fatalf("the cursor scrolled out of the window:\n%s", h.view())
	}
}

// longHarness opens a filled-in plan of a generated n-item checklist.
func longHarness(t *testing.T, n, w, h int) *rvHarness {
	t.Helper()
	dir := t.TempDir()
	opts := Options{Dir: dir, PlanPath: filepath.Join(dir, "plan.yaml"), Checklist: filepath.Join(dir, "checklist.yaml")}
	if err := os.WriteFile(opts.Checklist, checklisttest.YAML(n), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := createPlan(opts.PlanPath, checklisttest.FilledPlan(checklisttest.Generate(n), 1)); err != nil {
		t.Fatal(err)
	}
	return rvStart(t, opts, w, h)
}

// From 80 columns down to the narrowest window, in both layouts, the
// board's footer keeps the way back and the way to open an item, and
// drops the less useful hints first (at 60 columns it had dropped the way
// back and kept the arrows); each key of the board's help says what it
// does, once.
func TestBoardFooterKeepsTheWayBack(t *testing.T) {
	for _, present := range []bool{false, true} {
		for w := 80; w >= minWidth; w-- {
			h, _ := openBoard(t, rvGoldenPlan(t), w, 24, present)
			lines := strings.Split(strings.TrimRight(h.view(), "\n"), "\n")
			footer := lines[len(lines)-1]
			want := []string{"esc/b back", "enter open", "? help", "q save & quit"}
			if w == 80 {
				want = append(want, "move")
			}
			for _, want := range want {
				if !strings.Contains(footer, want) {
					t.Errorf("at %d columns (presenter mode %v) the footer lacks %q: %q", w, present, want, footer)
				}
			}
		}
	}
	h, _ := openBoard(t, rvGoldenPlan(t), 80, 24, false)
	h.press("?")
	h.requireView("previous item", "next item", "up a row", "down a row")
	h.refuseView("move up / down", "move down")
}

// The board fits the window on every built-in checklist, wherever the
// cursor is: the selected item named in full below the tiles wraps within
// the width (the cross-industry checklist's long titles overflowed a line
// at 80 columns, so the terminal broke it again and the board moved).
func TestTheBoardFitsTheWindowOnEveryChecklist(t *testing.T) {
	t.Parallel()
	for _, c := range checklist.Builtins() {
		id := c.ID
		p := plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})
		for _, size := range [][2]int{{80, 24}, {100, 30}} {
			for _, present := range []bool{false, true} {
				h, board := openBoard(t, p, size[0], size[1], present)
				for i := range c.Len() {
					// The app breaks a line too wide for the window again,
					// so the parts are measured before it does.
					for _, l := range board.footer(h.a.c.width) {
						if w := ansi.StringWidth(l); w > h.a.c.width {
							t.Fatalf("%s %dx%d, item %d: the footer has a line of %d cells in %d: %q", id, size[0], size[1], i+1, w, h.a.c.width, l)
						}
					}
					lines := strings.Split(h.view(), "\n")
					if len(lines) > size[1] {
						t.Fatalf("%s %dx%d, item %d: %d lines", id, size[0], size[1], i+1, len(lines))
					}
					for _, l := range lines {
						if w := ansi.StringWidth(l); w > size[0] {
							t.Fatalf("%s %dx%d, item %d: a line of %d cells: %q", id, size[0], size[1], i+1, w, l)
						}
					}
					h.press("right")
				}
			}
		}
	}
}

// The Building Blocks' areas are a sentence long: an area's heading on the
// board names it whole, by its title or else its short title, never cut
// mid-word ("…SOCIO-ECONOMIC D…"), and keeps its tally.
func TestBoardNamesSentenceLongAreasInWholeWords(t *testing.T) {
	c, p := rvPlanOf(t, "smc-building-blocks")
	for _, size := range [][2]int{{80, 24}, {60, 16}, {120, 40}} {
		for _, present := range []bool{false, true} {
			h, board := openBoard(t, p, size[0], size[1], present)
			for _, l := range []boardLayout{board.layout, {list: true, perRow: 1, cellWidth: size[0]}} {
				for i := range c.Areas {
					a := &c.Areas[i]
					spaced := !l.list && board.everyAreaNameSpaced(&h.a.c.styles, size[0])
					head := ansi.Strip(strings.Join(board.areaHead(&h.a.c.styles, l, a, size[0], spaced), "\n"))
					name, _, _ := strings.Cut(head, "■") // the tally begins with the first level
					name = strings.TrimSpace(name)
					whole := []string{strings.ToUpper(a.Title), strings.ToUpper(a.ShortTitle()), letterSpaced(strings.ToUpper(a.Title)), letterSpaced(strings.ToUpper(a.ShortTitle()))}
					if !slices.Contains(whole, name) || !strings.Contains(head, "○ "+strconv.Itoa(len(a.Items))) {
						t.Errorf("%dx%d present %v list %v: area %q is headed %q", size[0], size[1], present, l.list, a.ID, head)
					}
				}
			}
		}
	}
}

// The selected item's line below the board says where the item is as the
// item screen does ("item 1 of 8"), set apart from the area and from the
// item's title: a sentence-long area ran into the item ("…across your
// business 1: Ensure…"). Where the area's title would leave the item's
// title cut, the area goes by its short title.
func TestBoardNamesTheSelectedItemClearly(t *testing.T) {
	h, _ := rvOpen(t, rvGoldenPlan(t), 80, 24)
	h.press("b")
	h.requireView("› Workforce · item 1 of 2: Business as usual")
	h.press("right", "down") // Enablers 2, which has a group
	h.requireView("› Enablers · item 2 of 15 · Data: ")

	c, p := rvPlanOf(t, "smc-building-blocks")
	for _, w := range []int{80, 120} {
		h, _ := rvOpen(t, p, w, 24)
		h.press("b")
		board := h.a.screen(screenBoard).(*boardScreen)
		for i, e := range c.Items() {
			board.cursor = i
			named := oneSpaced(ansi.Strip(strings.Join(board.footer(w), "\n")))
			place := fmt.Sprintf(" · item %d of %d", e.Ref.Index+1, len(e.Area.Items))
			if !strings.HasPrefix(named, "› "+e.Area.Title+place) && !strings.HasPrefix(named, "› "+e.Area.ShortTitle()+place) {
				t.Errorf("%d columns, %s: the footer reads %q", w, e.Item.ID, named)
			}
			if title := oneSpaced(e.Item.Title); !strings.Contains(named, ": "+title) && len(wrapText("› "+e.Area.ShortTitle()+place+": "+title, w-2)) <= 2 {
				t.Errorf("%d columns, %s: the footer cuts a title that fits two lines: %q", w, e.Item.ID, named)
			}
		}
	}
}

// openBoard opens plan p's board in a w×h window, in presenter mode when
// present is true.
func openBoard(t *testing.T, p *plans.Plan, w, ht int, present bool) (*rvHarness, *boardScreen) {
	t.Helper()
	h, _ := rvOpen(t, p, w, ht)
	if present {
		h.press("P")
	}
	h.press("b")
	return h, h.a.screen(screenBoard).(*boardScreen)
}

// A checklist of one's own with one sentence-long area among short ones:
// the presenter's board headed the short areas in block letters (or
// letter-spaced capitals) and the long one in plain capitals, two styles
// of heading on one screen. Every area's heading takes the style that
// fits them all.
func TestTheBoardHeadsEveryAreaAlike(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "checklist", "builtin", "smc-progression.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "id: smc-progression", "id: one-long-area", 1)
	text = strings.Replace(text, "title: Leadership & Culture", `title: "Arweinyddiaeth a diwylliant sefydliadol: Leadership and organisational culture across every site"`, 1)
	list := filepath.Join(t.TempDir(), "long.yaml")
	if err := os.WriteFile(list, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := checklist.Resolve(list)
	if err != nil {
		t.Fatal(err)
	}
	dir, path := rvWritePlan(t, plans.New(c, "Cwmni", "Bach", plans.Date{Year: 2027, Month: 3, Day: 1}))
	for _, size := range [][2]int{{100, 30}, {160, 45}, {240, 67}} {
		h := rvStart(t, Options{PlanPath: path, Dir: dir, Checklist: list}, size[0], size[1])
		h.press("P", "b")
		v := h.view()
		long := strings.Contains(v, "A R W E I N Y D D")
		for _, short := range []string{"WORKFORCE", "ENABLERS"} {
			if spaced := strings.Contains(v, letterSpaced(short)); spaced != long {
				t.Errorf("%dx%d: %s letter-spaced %v, the long area %v:\n%s", size[0], size[1], short, spaced, long, v)
			}
			if !strings.Contains(v, short) && !strings.Contains(v, letterSpaced(short)) {
				t.Errorf("%dx%d: %s in block letters beside an area in capitals:\n%s", size[0], size[1], short, v)
			}
		}
	}
}

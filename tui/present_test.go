package tui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

func TestPresenterModeTogglesWithPAndF5(t *testing.T) {
	p := rvGoldenPlan(t)
	h, path := rvOpen(t, p, 120, 40)
	h.requireView("Workforce  item 1 of 2", "[r/1] ■ Red", "acme.yaml")

	h.press("P")
	if !h.a.c.present {
		t.Fatal("P did not turn presenter mode on")
	}
	// The projector layout: the area letter-spaced, the recommendation in
	// its box, the tally, the rating badge, one line of keys; no path.
	h.requireView("W O R K F O R C E", "item 1 of 2", "■ 0   ▲ 0   ● 0   ○ 2",
		"┏━", "NOT RATED YET", "b board", "i advice (", "P leave presenter mode")
	requireBig(t, h, "Business as usual")
	// Before a rating, every level with what it means (issue 10.3).
	h.requireView("› ■ Red     Nothing/Not something you currently do",
		"  ▲ Amber   Do something in this space but limited", "  ● Green   Actively do this")
	h.refuseView("acme.yaml", "[r/1]")

	// Rating works as ever, and the badge shows it big, in block capitals.
	h.press("a")
	requireBig(t, h, "▲ AMBER")
	h.requireView("Do something in this space but limited", "■ Red   › ▲ Amber     ● Green", "tab write the action")
	h.press("tab")
	h.requireView("› Action")
	if got := loadPlan(t, path).Response("wf-business-as-usual").Rating; got != "amber" {
		t.Fatalf("rating on disk = %q", got)
	}
	// While typing, P is a letter; f5 still toggles.
	h.press("P")
	if !h.a.c.present {
		t.Fatal("P typed into the action turned presenter mode off")
	}
	h.press("f5")
	if h.a.c.present {
		t.Fatal("f5 did not turn presenter mode off while typing")
	}
	h.press("esc")
	if got := loadPlan(t, path).Response("wf-business-as-usual").Action; got != "P" {
		t.Fatalf("action on disk = %q, want the P typed", got)
	}
	h.requireView("Workforce  item 1 of 2", "✓ saved to", "acme.yaml")
	h.refuseView("W O R K F O R C E")

	// --present starts in it.
	h2 := rvStart(t, Options{PlanPath: path, Dir: "plans", Present: true}, 120, 40)
	h2.requireView("W O R K F O R C E")
}

func TestPresenterModeShowsTheStatusLineOnlyForProblems(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 140, 40) // wide enough for the notice to name the whole path
	h.press("P", "g")
	h.typeText("Ours")
	h.press("tab")
	h.refuseView("saved", "acme.yaml")

	saveTheirs(t, path, func(p *plans.Plan) { p.Response("en-data-collect").Rating = "red" })
	h.typeText("Sam")
	h.press("tab")
	h.requireView("⚠ Not saved: the plan file changed on disk", "R", "reload", "C", "copy")
	// The room sees what happened and the choice, not where the file is.
	h.refuseView("acme.yaml", filepath.Base(filepath.Dir(path))+"/")
	// Nor where it is once the choice is made: the notice that says what
	// became of the plan names the file on a laptop, not on a projector.
	h.press("R")
	h.requireView("✓ reloaded the plan file as it is on disk")
	h.refuseView("acme.yaml", filepath.Base(filepath.Dir(path))+"/")
	saveTheirs(t, path, func(p *plans.Plan) { p.Response("en-data-collect").Rating = "green" })
	h.press("esc", "a")
	h.requireView("Not saved: the plan file changed on disk")
	h.press("C")
	h.requireView("✓ your plan is now in a copy beside the file; the changed file was left as it was")
	h.refuseView("acme.yaml", filepath.Base(filepath.Dir(path))+"/")
	h.press("P") // the facilitator, at the laptop, is told where
	h.requireView("your plan is now in " + strings.TrimSuffix(path, ".yaml") + ".copy-1.yaml")
}

// requireBig fails unless the screen shows text in block letters (one
// line of them: every row, one under the other, in the same columns).
func requireBig(t *testing.T, h *rvHarness, text string) {
	t.Helper()
	if !bigShown(h.view(), text) {
		t.Fatalf("the screen does not show %q in block letters:\n%s", text, h.view())
	}
}

// bigShown reports whether view shows text in block letters.
func bigShown(view, text string) bool {
	rows, ok := bigLine(strings.ToUpper(text))
	if !ok {
		return false
	}
	if big, ok := bigDouble(strings.ToUpper(text)); ok && strings.Contains(view, big[0]) {
		rows = big
	}
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		at := strings.Index(l, rows[0])
		if at < 0 || i+len(rows) > len(lines) {
			continue
		}
		col := len([]rune(l[:at]))
		found := true
		for j, r := range rows[1:] {
			next := []rune(lines[i+1+j])
			found = found && col <= len(next) && strings.HasPrefix(string(next[col:]), r)
		}
		if found {
			return true
		}
	}
	return false
}

// requireFits fails unless the screen fits w×h.
func requireFits(t *testing.T, h *rvHarness, w, ht int) {
	t.Helper()
	lines := strings.Split(h.view(), "\n")
	if len(lines) > ht {
		t.Fatalf("%dx%d: %d lines:\n%s", w, ht, len(lines), h.view())
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Fatalf("%dx%d: a line of %d cells: %q", w, ht, n, l)
		}
	}
}

// TestPresenterGoldens: presenter mode and the board at the sizes of a
// laptop (80x24) and of a 1080p projector with a large font (100x30) and
// a small one (240x67): the item rated, with the clocks; the item before
// a rating, with what each level means; the board; and, at 100x30, the
// other screens of a session in presenter mode's frame. The item is also
// kept in colour at 100x30 (the goldens are otherwise as NO_COLOR draws
// them), where the clocks must be in the text colour, not dim grey.
func TestPresenterGoldens(t *testing.T) {
	rated := func(w, h int) func(t *testing.T) *app {
		return func(t *testing.T) *app {
			p := rvGoldenPlan(t)
			p.Response("wf-business-as-usual").Rating = "green"
			p.Response("lc-leadership").Revisit = true
			a := rvGoldenApp(t, p, w, h, "P", "a", "tab")
			hs := &rvHarness{t: t, a: a}
			hs.typeText("Open accelerator roles to everyone ✨")
			hs.press("tab")
			hs.typeText("Ngozi Adébáyọ̀")
			hs.press("esc")
			clock := &testClock{}
			startClocks(a, clock, 5, 90)
			clock.advance(92) // 3:28 left
			return a
		}
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {240, 67}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("item-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "left", rated(w, h))
		})
		t.Run(fmt.Sprintf("item-unrated-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Which level fits", func(t *testing.T) *app {
				return rvGoldenApp(t, rvGoldenPlan(t), w, h, "P")
			})
		})
		t.Run(fmt.Sprintf("board-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "of 21 rated", func(t *testing.T) *app {
				p := rvGoldenPlan(t)
				p.Response("lc-leadership").Revisit = true
				a := rvGoldenApp(t, p, w, h, "P")
				clock := &testClock{}
				startClocks(a, clock, 5, 90)
				clock.advance(92)
				hs := &rvHarness{t: t, a: a}
				hs.press("b", "down")
				return a
			})
		})
	}
	t.Run("item-colour-100x30", func(t *testing.T) {
		rvGoldenIn(t, colorprofile.ANSI, 100, 30, "left", rated(100, 30))
	})
	for _, tc := range []struct {
		name, want string
		keys       []string
	}{
		{"advice", "Advice from the source", []string{"i"}},
		{"area-summary", "Leadership & Culture: done", []string{"p", "n"}},
		{"next-steps", "need to speak with", nil},
		{"summary", "How many in each area", nil},
	} {
		t.Run(tc.name+"-100x30", func(t *testing.T) {
			rvGolden(t, 100, 30, tc.want, func(t *testing.T) *app {
				a := rvGoldenApp(t, rvGoldenPlan(t), 100, 30, append([]string{"P"}, tc.keys...)...)
				hs := &rvHarness{t: t, a: a}
				switch tc.name {
				case "next-steps":
					hs.run(navigate(screenFollowUp, 2))
				case "summary":
					hs.run(navigate(screenSummary, 0))
				}
				startClocks(a, &testClock{}, 0, 90)
				return a
			})
		})
	}
}

// dimGrey finds text drawn in the dim grey of the 16 colours (bright
// black, SGR 90) or faint (SGR 2), which a washed-out projector loses.
var dimGrey = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:90|2)(?:;[0-9;]*)?m`)

// The board in presenter mode shows the clocks (issue 10, review): the
// session's, and the item's time box while the review is at an item,
// named; redrawn every second without drawing the tiles again (only the
// cursor's rows are redrawn on a key, BENCHMARKS.md), and in the same
// rows whatever they say, so the tiles never move.
func TestTheBoardInPresenterModeShowsTheClocks(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {160, 45}, {240, 67}} {
		w, ht := size[0], size[1]
		h, _ := rvOpen(t, rvGoldenPlan(t), w, ht) // at Workforce 1, Business as usual
		clock := &testClock{}
		startClocks(h.a, clock, 5, 90)
		h.press("P", "b")
		h.requireView("session 1:30:00", "5:00 left")
		if w >= 100 {
			h.requireView("session 1:30:00 · 17 items · 5:17 each", "Business as usual: 5:00 left")
		}
		requireFits(t, h, w, ht)
		board := h.a.screen(screenBoard).(*boardScreen)
		tiles := &board.drawn[0]
		before := strings.Split(h.view(), "\n")
		clock.advance(61)
		tick(h)
		h.requireView("session 1:28:59", "3:59 left")
		if &board.drawn[0] != tiles {
			t.Errorf("%dx%d: a tick of the clock drew the whole board again", w, ht)
		}
		after := strings.Split(h.view(), "\n")
		changed := 0
		for i := range min(len(before), len(after)) {
			if before[i] != after[i] {
				changed++
			}
		}
		if len(before) != len(after) || changed != 1 {
			t.Errorf("%dx%d: a tick changed %d lines, want the clocks' line alone:\n%s", w, ht, changed, h.view())
		}
		// Past the time box, and with the clocks paused, they say so.
		clock.advance(240)
		tick(h)
		h.requireView("time's up (+0:01)")
		h.press("t")
		h.requireView("paused")
	}

	// At the end of the review (the board after the last question), the
	// session's clock alone: no item is being timed.
	h, _ := rvOpen(t, rvGoldenPlan(t), 100, 30)
	startClocks(h.a, &testClock{}, 5, 90)
	h.press("P")
	h.run(navigate(screenFollowUp, len(h.a.c.checklist().FollowUps)-1))
	h.press("n")
	if h.a.active != screenBoard {
		t.Fatalf("the end is screen %d, not the board", h.a.active)
	}
	h.requireView("session 1:30:00")
	h.refuseView("left")
	// Without clocks, no clocks.
	h, _ = rvOpen(t, rvGoldenPlan(t), 100, 30)
	h.press("P", "b")
	h.refuseView("session", "left")
}

// Presenter mode uses no dim grey for anything a person must read (issue
// 10, review): not the board's "4 of 21 rated", not the ○ unrated mark,
// not the tiles' numbers, not an empty field's placeholder, not the key
// hints, on any screen of a session; the laptop's screens keep their
// quieter grey for what is secondary.
func TestPresenterModeHasNoDimGrey(t *testing.T) {
	screens := []struct {
		name string
		keys []string
		nav  tea.Cmd
	}{
		{"item", nil, nil},
		{"item, typing the action", []string{"tab"}, nil},
		{"item, typing the notes", []string{"tab", "tab", "tab", "tab", "tab"}, nil},
		{"board", []string{"b"}, nil},
		{"advice", []string{"i"}, nil},
		{"overview", []string{"o"}, nil},
		{"help", []string{"?"}, nil},
		{"area summary", []string{"p", "n"}, nil},
		{"next steps", nil, navigate(screenFollowUp, 1)},
		{"summary", nil, navigate(screenSummary, 0)},
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {240, 67}} {
		for _, sc := range screens {
			h, _ := rvOpen(t, rvGoldenPlan(t), size[0], size[1])
			startClocks(h.a, &testClock{}, 5, 90)
			h.press("P")
			h.press(sc.keys...)
			h.run(sc.nav)
			raw := h.a.View().Content
			if at := dimGrey.FindStringIndex(raw); at != nil {
				t.Errorf("%dx%d %s: dim grey at %q:\n%s", size[0], size[1], sc.name, ansi.Strip(raw[at[0]:min(len(raw), at[1]+40)]), h.view())
			}
			// The same screen on a laptop has its grey: the test sees it.
			h.press("f5")
			if sc.name == "board" && !dimGrey.MatchString(h.a.View().Content) {
				t.Errorf("%dx%d: the ordinary board has no grey: the test cannot see it", size[0], size[1])
			}
		}
	}
}

// The questions and the levels grow with the window as the recommendation
// does (issue 10.2, review): at 240x67 the questions, "NOT RATED YET", each
// level and what it means are in block letters, and after a rating what
// the level means, so that the window is used and the room can read them
// (it had 39 empty rows of 67). At 160x45 the levels' words are in block
// letters and what they mean in bold beside them; at 100x30 and 80x24
// nothing crowds: the levels stay one line each.
func TestPresenterQuestionsAndLevelsGrowWithTheWindow(t *testing.T) {
	levels := []string{"■ RED", "▲ AMBER", "● GREEN"}
	meanings := []string{"NOTHING/NOT SOMETHING YOU CURRENTLY DO", "DO SOMETHING IN THIS SPACE BUT LIMITED", "ACTIVELY DO THIS"}
	requireBigAll := func(h *rvHarness, texts ...string) {
		t.Helper()
		for _, text := range texts {
			requireBig(t, h, text)
		}
	}
	blank := func(h *rvHarness) int {
		n := 0
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.TrimSpace(l) == "" {
				n++
			}
		}
		return n
	}

	h, _ := rvOpen(t, rvNewPlan(t), 240, 67)
	h.press("P")
	requireBigAll(h, "DO YOU BUILD PROGRESSION", "DO YOU USE DATA TO HELP", "○ NOT RATED YET")
	requireBigAll(h, levels...)
	requireBigAll(h, meanings...)
	h.press("a")
	requireBigAll(h, "▲ AMBER", "DO SOMETHING IN THIS SPACE BUT LIMITED")
	h.press("x") // back to unrated
	// Every kind of item fills the window: two questions, four, nine
	// (ordinary text: they do not fit in block letters), none.
	for _, pos := range []int{0, 4, 5, 6} {
		h.run(navigate(screenItem, pos))
		requireFits(t, h, 240, 67)
		requireBigAll(h, levels...)
		if n := blank(h); n > 28 { // Business as usual had 39 before the questions and levels grew
			t.Errorf("item %d at 240x67: %d empty rows of 67:\n%s", pos+1, n, h.view())
		}
	}

	h, _ = rvOpen(t, rvNewPlan(t), 160, 45)
	h.press("P")
	requireFits(t, h, 160, 45)
	requireBigAll(h, levels...)
	h.requireView("Nothing/Not something you currently do", "Actively do this")

	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("P")
		requireFits(t, h, size[0], size[1])
		h.requireView("› ■ Red     Nothing/Not something you currently do")
		if bigShown(h.view(), "■ RED") {
			t.Errorf("%dx%d: the levels in block letters crowd a small window:\n%s", size[0], size[1], h.view())
		}
	}
}

// The layout works out how tall the rating part is for every air it tries
// rather than drawing it; the sum must be the drawing's, or the screen
// overflows or leaves a gap.
func TestPresentRatingHeightIsItsDrawing(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {160, 45}, {240, 67}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("P")
		s := h.item()
		for _, rating := range []string{"", "r", "a", "g"} {
			if rating != "" {
				h.press(rating)
			}
			rated := s.response().Rated()
			for _, air := range presentAirs {
				got, want := s.ratingHeight(air, rated), countLines(s.presentRating(&h.a.c.styles, h.a.c.width, air))
				if got != want {
					t.Errorf("%dx%d, rated %v, %+v: ratingHeight %d, drawn %d", size[0], size[1], rated, air, got, want)
				}
			}
		}
	}
}

// One style for headings in presenter mode (issue 10, review): on a big
// window every heading is in block letters (the item screen's area, the
// board's heading and its areas, the other screens' names), and none in
// letter-spaced capitals; on a smaller one, all in letter-spaced capitals.
func TestPresenterHeadingsAreAlike(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		big  bool
	}{{240, 67, true}, {160, 45, true}, {100, 30, false}} {
		h, _ := rvOpen(t, rvGoldenPlan(t), tc.w, tc.h) // at Workforce 1
		h.press("P")
		check := func(where string, headings ...string) {
			t.Helper()
			v := h.view()
			for _, heading := range headings {
				if big, spaced := bigShown(v, heading), strings.Contains(v, letterSpaced(heading)); big != tc.big || spaced == tc.big {
					t.Errorf("%dx%d %s: %q in block letters %v, letter-spaced %v:\n%s", tc.w, tc.h, where, heading, big, spaced, v)
				}
			}
		}
		check("item", "WORKFORCE")
		h.press("i")
		check("advice", "ADVICE")
		h.press("esc", "b")
		check("board", "WHERE WE STAND")
		if tc.w == 240 {
			check("board", "LEADERSHIP & CULTURE", "WORKFORCE", "ENABLERS")
		}
	}
}

// In presenter mode an area's summary is headed by the area's name; a
// sentence-long one (the Building Blocks') was cut on the projector
// ("… AND INCLUSION …") above the same title given whole: it is headed by
// its short title instead. A title that fits is unchanged.
func TestAreaSummaryInPresenterModeIsNotHeadedByACutTitle(t *testing.T) {
	c, p := rvPlanOf(t, "smc-building-blocks")
	h, _ := rvOpen(t, p, 80, 24)
	h.press("P")
	for i, want := range map[int]string{0: "V I S I O N", 1: "W I D E N   Y O U R   T A L E N T   P O O L"} {
		h.run(h.a.show(screenAreaSummary, i))
		head := strings.SplitN(h.view(), "\n", 2)[0]
		if !strings.Contains(head, want) || strings.Contains(head, "…") {
			t.Errorf("area %d: the heading is %q, not %q", i+1, head, want)
		}
		h.requireView(c.Areas[i].Title[:min(30, len(c.Areas[i].Title))])
	}
}

// In presenter mode at 60x16 every Building Blocks item fits before a
// rating, with its levels shown: under the longest recommendations the
// levels with their meanings ran two lines past the window, and the frame
// cut what followed (the line saying how to fill in the action). The
// levels go on one line there instead, as after a rating.
func TestEveryItemFitsASmallProjectorWindowBeforeARating(t *testing.T) {
	c, p := rvPlanOf(t, "smc-building-blocks")
	h, _ := rvOpen(t, p, 60, 16)
	h.press("P")
	for _, e := range c.Items() {
		h.run(navigate(screenItem, e.Ref.Seq))
		v := h.a.screen(screenItem).view()
		if n := countLines(v); n > h.a.c.height {
			t.Errorf("%s: %d lines in a body of %d:\n%s", e.Item.ID, n, h.a.c.height, ansi.Strip(v))
		}
		for _, level := range []string{"■ Red", "▲ Amber", "● Green"} {
			if !strings.Contains(ansi.Strip(v), level) {
				t.Errorf("%s: the level %q is not shown", e.Item.ID, level)
			}
		}
	}
}

// BenchmarkPresenterFollowUpKeypress measures one key (Update and View) on
// the next-steps questions in presenter mode, on a filled-in plan of the
// embedded checklist, at a projector's sizes: moving through the quick
// wins and the project plan's steps.
//
//	go test ./tui/ -run '^$' -bench 'PresenterFollowUpKeypress' -benchmem -count 5
func BenchmarkPresenterFollowUpKeypress(b *testing.B) {
	for _, size := range [][2]int{{160, 45}, {240, 67}} {
		for _, bc := range []struct {
			name string
			at   int
		}{{"quick-wins", 1}, {"speak-with", 2}, {"project-plan", 4}} {
			b.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], bc.name), func(b *testing.B) {
				a := benchApp(b, 0, size[0], size[1])
				fuShow(b, a, screenFollowUp, bc.at)
				fuPress(b, a, "P")
				benchKeys(b, a, keyMsgs([]string{"down", "up"}))
			})
		}
	}
}

// TestThePresentersActionLineKeepsTheDueDateWhole: at 100x30 the
// action, owner and due date share one line (so that the room sees the
// questions). A long action used to push the owner and the due date off
// its end ("· Ow…"), or cut a date in half, which is wrong information;
// the action's end is shortened first, and the owner, the due date and
// its lateness stay whole.
func TestThePresentersActionLineKeepsTheDueDateWhole(t *testing.T) {
	for _, c := range []struct {
		name, owner string
		ownerShown  bool
	}{
		{"the owner too", "Ana Smith", true},
		// With a long owner as well, something has to give: the owner,
		// before the due date and how late it is.
		{"a long owner", "Sam Okonkwo-Fairweather of the Bristol bakery", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := rvNewPlan(t)
			first := p.Checklist.Items()[0].Item.ID
			r := p.Response(first) // not rated yet: the review opens on it
			r.Action = "Write a one-page vision for why progression matters here and share it with every team"
			r.Owner = c.owner
			r.Due = plans.Date{Year: 2027, Month: 2, Day: 1}
			dir, path := rvWritePlan(t, p)
			h := rvStart(t, Options{PlanPath: path, Dir: dir, Present: true}, 100, 30)
			h.requireView("Action Write a one-page")
			due := "Due " + r.Due.Friendly() + "  ⚠ " + lateWords(r.Due, r.Status, rvToday)
			var line string
			for _, l := range strings.Split(h.view(), "\n") {
				if strings.Contains(l, "Action ") {
					line = l
				}
			}
			want := []string{due, "Action Write a one-page"}
			if c.ownerShown {
				want = append(want, "Owner "+c.owner)
			}
			for _, w := range want {
				if !strings.Contains(line, w) {
					t.Errorf("the action line lacks %q:\n%s", w, line)
				}
			}
			if w := ansi.StringWidth(line); w > 100 {
				t.Errorf("the action line is %d cells wide in a window of 100", w)
			}
		})
	}
}

// A facilitator's plans folder holds other clients' plans: on the
// projector the start screen names only the plan chosen (the review under
// way, which the list opens on), and each other one as "Another review"
// with its progress and date; moving to one names it, and P, presenter
// mode off, names them all.
func TestPresenterStartNamesOnlyTheChosenPlan(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir, Present: true}, 100, 30)
	h.requireView("東京 Bakery 🍞: Autumn review", "Another review", "14/21 rated · Mon 1 Mar 2027")
	if v := h.view(); strings.Contains(v, "Acme") {
		t.Fatalf("the projector names another client's plan:\n%s", v)
	}
	h.press("down")
	h.requireView("Acme Café Ltd: Spring review", "Another review", "2/21 rated · Wed 10 Mar 2027")
	if v := h.view(); strings.Contains(v, "東京") {
		t.Fatalf("the projector names a plan not chosen:\n%s", v)
	}
	h.press("P")
	h.requireView("Acme Café Ltd: Spring review", "東京 Bakery 🍞: Autumn review")
	if v := h.view(); strings.Contains(v, "Another review") {
		t.Fatalf("presenter mode off, a plan is still not named:\n%s", v)
	}
}

package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// squeeze drops every space and line break, so text wrapped on screen can
// be compared with the text it came from.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// guidanceText is the whole advice screen for the item at pos, every line
// of it (it scrolls), as text.
func guidanceText(t *testing.T, h *rvHarness, pos int) string {
	t.Helper()
	h.run(navigate(screenItem, pos))
	h.press("i")
	if h.a.active != screenGuidance {
		t.Fatalf("i on item %d showed screen %d:\n%s", pos+1, h.a.active, h.view())
	}
	text := ansi.Strip(strings.Join(h.a.screen(screenGuidance).(*guidanceScreen).draw(), "\n"))
	h.press("esc")
	return text
}

func TestEveryItemShowsItsAdviceWithItsSource(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	c := h.a.c.checklist()
	for _, e := range c.Items() {
		text := squeeze(guidanceText(t, h, e.Ref.Seq))
		if len(e.Item.Guidance) == 0 {
			t.Errorf("%s: no advice", e.Item.ID)
		}
		for _, p := range e.Item.Guidance {
			for what, want := range map[string]string{"text": p.Text, "source": p.Source, "section": p.Section} {
				if !strings.Contains(text, squeeze(want)) {
					t.Errorf("%s: the advice screen does not show the passage's %s %q", e.Item.ID, what, want)
				}
			}
		}
		for _, sg := range e.Area.IfAllYouDo {
			if !strings.Contains(text, squeeze(sg.Text)) || !strings.Contains(text, squeeze(sg.Source)) {
				t.Errorf("%s: the suggestion %q or its source is missing", e.Item.ID, sg.Text)
			}
		}
		if !strings.Contains(text, squeeze(c.Licence)) || !strings.Contains(c.Licence, "Open Government Licence") {
			t.Errorf("%s: no licence line", e.Item.ID)
		}
	}
}

// The checklists' area introductions are the source's advice for the
// whole area: the advice screen of every item shows its area's, word for
// word, credited to the checklist's document and the area, and the item
// screen says there is advice to see (the Building Blocks' items have no
// passages of their own: i showed nothing and the hint was hidden). The
// advice screen gives a long area's name whole.
func TestAdviceShowsTheAreasIntroduction(t *testing.T) {
	for _, id := range []string{"smc-building-blocks", "smc-cross-industry-progression"} {
		c, p := rvPlanOf(t, id)
		h, _ := rvOpen(t, p, 80, 24)
		for _, e := range c.Items() {
			if e.Area.Intro == "" {
				t.Fatalf("%s: area %s has no introduction", id, e.Area.ID)
			}
			h.run(navigate(screenItem, e.Ref.Seq))
			h.requireView(fmt.Sprintf("i  advice from the source (%d)", len(e.Item.Guidance)+1))
			// Presenter mode's footer counts the same.
			if !slices.ContainsFunc(h.item().presentHelp(), func(b key.Binding) bool {
				return b.Help().Desc == fmt.Sprintf("advice (%d)", len(e.Item.Guidance)+1)
			}) {
				t.Fatalf("%s: presenter mode's keys do not count the area's introduction as advice", e.Item.ID)
			}
			text := guidanceText(t, h, e.Ref.Seq)
			for what, want := range map[string]string{
				"heading": "About this area", "introduction": e.Area.Intro,
				"credit": "— " + c.Title + ", “" + e.Area.Title + "”", "area": e.Area.Title + " · item",
			} {
				if !strings.Contains(squeeze(text), squeeze(want)) {
					t.Fatalf("%s: the advice screen lacks the area's %s %q:\n%s", e.Item.ID, what, want, text)
				}
			}
			// It does not say there is no advice above the area's.
			if strings.Contains(text, "has no advice for this item.") {
				t.Fatalf("%s: the advice screen says there is none:\n%s", e.Item.ID, text)
			}
		}
	}
}

func TestAdviceOpensAndReturnsWithEverythingAsItWas(t *testing.T) {
	for _, present := range []bool{false, true} {
		t.Run(fmt.Sprintf("present=%v", present), func(t *testing.T) {
			h, path := rvOpen(t, rvNewPlan(t), 80, 24)
			if present {
				h.press("P")
			} else {
				h.requireView("i  advice from the source (3)")
			}
			// Rate, write an action and an owner, a due date, and stop on
			// the status.
			h.press("a", "tab")
			h.typeText("Vision day with Zoë")
			h.press("tab")
			h.typeText("Sam")
			h.press("tab")
			h.typeText("31 Mar")
			h.press("tab")
			it := h.item()
			if it.focus != focusStatus {
				t.Fatalf("focus %d, want the status", it.focus)
			}
			before := h.view()

			h.press("i")
			h.requireView("Advice from the source", "Develop a clear vision", "A good strategy links several parts")
			h.press("down", "down", "end", "home")
			h.press("esc")
			if h.a.active != screenItem || it.focus != focusStatus {
				t.Fatalf("esc from the advice: screen %d, focus %d", h.a.active, it.focus)
			}
			if after := h.view(); after != before {
				t.Fatalf("the item screen changed:\n%s\nwas:\n%s", after, before)
			}
			if it.due.value() != "2027-03-31" {
				t.Fatalf("the due date typed is now %q", it.due.value())
			}
			// i also closes it.
			h.press("i", "i")
			if h.a.active != screenItem {
				t.Fatalf("i on the advice went to screen %d", h.a.active)
			}
			r := loadPlan(t, path).Response("lc-vision")
			if r.Rating != "amber" || r.Action != "Vision day with Zoë" || r.Owner != "Sam" || r.Due.String() != "2027-03-31" {
				t.Fatalf("on disk: %+v", *r)
			}
		})
	}
}

func TestAdviceKeyTypesWhileTyping(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("r", "tab", "i")
	if h.a.active != screenItem || h.item().action.value() != "i" {
		t.Fatalf("i while typing: screen %d, action %q", h.a.active, h.item().action.value())
	}
}

func TestAdviceScrollsAndFits(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("i")
		requireFits(t, h, size[0], size[1])
		if size[1] < 40 {
			h.requireView("lines 1–")
			h.press("end")
			if !strings.Contains(squeeze(h.view()), squeeze(h.a.c.checklist().Licence)) {
				t.Fatalf("%dx%d: the end of the advice has no licence line:\n%s", size[0], size[1], h.view())
			}
			requireFits(t, h, size[0], size[1])
		}
	}
}

func TestRatingLettersLeaveTheBoardAndAdviceKeysAlone(t *testing.T) {
	for _, k := range []string{"b", "i"} {
		if !reservedKey(k) {
			t.Errorf("%s is not reserved: a scale level starting with it would take it", k)
		}
	}
}

func TestGuidanceGolden(t *testing.T) {
	rvGolden(t, 80, 24, "Advice from the source", func(t *testing.T) *app {
		return rvGoldenApp(t, rvGoldenPlan(t), 80, 24, "i")
	})
}

// In presenter mode the advice starts under the frame's heading, in the
// same column, at every size: the frame centres the screen, and the text
// is not centred a second time inside it.
func TestAdviceInPresenterModeLinesUpWithItsHeading(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {160, 45}, {240, 67}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("P", "i")
		h.requireView("Advice from the source")
		col := func(text string) int {
			for _, line := range strings.Split(h.view(), "\n") {
				if i := strings.Index(line, text); i >= 0 {
					return ansi.StringWidth(line[:i])
				}
			}
			t.Fatalf("%dx%d: %q is not on the screen:\n%s", size[0], size[1], text, h.view())
			return -1
		}
		if first, big := col("Advice from the source"), firstInk(h.view()); first != big {
			t.Errorf("%dx%d: the advice starts at column %d, the frame's heading at %d:\n%s", size[0], size[1], first, big, h.view())
		}
	}
}

// firstInk is the column of the first non-blank cell of the first
// non-blank line: where the frame's heading begins.
func firstInk(view string) int {
	for _, line := range strings.Split(view, "\n") {
		plain := ansi.Strip(line)
		if trimmed := strings.TrimLeft(plain, " "); trimmed != "" {
			return ansi.StringWidth(plain) - ansi.StringWidth(trimmed)
		}
	}
	return -1
}

// The advice screen ends by crediting the checklist's wording: it said
// only "Contains public sector information licensed under the Open
// Government Licence v3.0", never whose, and on the Building Blocks and
// the cross-industry toolkit, which have no passages of advice to credit,
// the Social Mobility Commission was named nowhere on the screen.
func TestAdviceCreditsTheChecklistsSource(t *testing.T) {
	for _, c := range checklist.Builtins() {
		p := plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})
		h, _ := rvOpen(t, p, 100, 30)
		text := squeeze(guidanceText(t, h, 0))
		for _, want := range []string{c.Source, c.Licence, "Social Mobility Commission", "Open Government Licence v3.0"} {
			if !strings.Contains(text, squeeze(want)) {
				t.Errorf("%s: the advice screen does not credit %q:\n%s", c.ID, want, text)
			}
		}
	}
}

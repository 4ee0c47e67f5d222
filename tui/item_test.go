package tui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// A rating saves at once and leaves the focus on the rating: no field
// takes letters until the person goes to it (issue 12.5, 10.1), so n
// after a rating moves on and never writes "n" into the action.
func TestRatingKeysSaveAtOnceAndKeepTheKeysForMoving(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{"r"}, "red"},
		{[]string{"a"}, "amber"},
		{[]string{"g"}, "green"},
		{[]string{"1"}, "red"},
		{[]string{"2"}, "amber"},
		{[]string{"3"}, "green"},
		{[]string{"down", "enter"}, "amber"},
		{[]string{"down", "down", "down", "enter"}, "green"},
		{[]string{"j", "k", "enter"}, "red"},
	} {
		t.Run(strings.Join(tc.keys, ","), func(t *testing.T) {
			h, path := rvOpen(t, rvNewPlan(t), 80, 24)
			h.press(tc.keys...)
			if got := loadPlan(t, path).Response("lc-vision").Rating; got != tc.want {
				t.Fatalf("rating on disk = %q, want %q", got, tc.want)
			}
			it := h.item()
			if it.focus != focusRating || h.a.screen(screenItem).typing() {
				t.Fatalf("focus = %d after rating, want the rating (no field typing)", it.focus)
			}
			h.requireView("1 of 21 rated", "✓ [", "tab write the action", "? help", "q save & quit")
			h.refuseView("› Action")
			h.press("enter") // enter on the chosen level: on to the action
			if it.focus != focusAction || !h.a.screen(screenItem).typing() {
				t.Fatalf("focus = %d after enter, want the action field", it.focus)
			}
			h.requireView("› Action")
			h.press("esc", "n")
			h.requireView("item 2 of 4")
			if got := loadPlan(t, path).Response("lc-vision"); got.Action != "" || got.Rating != tc.want {
				t.Fatalf("after the rating and n: %+v", *got)
			}
		})
	}
}

func TestItemScreenShowsWhereWeAreAndTheScale(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-vision").Rating = "green"
	p.Response("lc-leadership").Rating = "red"
	h, _ := rvOpen(t, p, 80, 24)
	// Resumes at the first unrated item: the third of Leadership & Culture.
	h.requireView(
		"Leadership & Culture", "item 3 of 4", "2 of 21 rated",
		" ●  ■ [○] ○ ", // the strip: shape for each rating, the current one in brackets
		"Educate senior leaders to get buy-in",
		"• Do your leaders support people with an intersectional approach?",
		"■ Red", "Nothing/Not something you currently do",
		"▲ Amber", "Do something in this space but limited",
		"● Green", "Actively do this",
	)
	// Enablers items show their group.
	h.press("o", "end", "enter")
	h.requireView("Enablers › Policies and processes", "item 15 of 15", "│")
}

func TestFieldsAreSavedOnLeavingThemAndKeptExactly(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("a", "enter") // enter on the rated level goes on to the action
	h.typeText("Write the vision with Zoë & 李雷 🚀")
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "" {
		t.Fatalf("the action was saved before leaving the field: %q", got)
	}
	h.press("tab")
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "Write the vision with Zoë & 李雷 🚀" {
		t.Fatalf("action on disk = %q", got)
	}
	h.typeText("Ånne O'Neil")
	h.press("enter") // enter moves on from a one-line field, and saves it
	h.typeText("2w")
	h.requireView("→ Sun 28 Mar 2027")
	h.press("tab")
	h.press("right") // status: todo → doing, saved at once
	h.press("tab")
	h.typeText("first line\nsecond line: ü")
	h.press("shift+tab") // back to status, which saves the notes

	r := loadPlan(t, path).Response("lc-vision")
	want := plans.Response{Rating: "amber", Action: "Write the vision with Zoë & 李雷 🚀", Owner: "Ånne O'Neil",
		Due: plans.Date{Year: 2027, Month: 3, Day: 28}, Status: plans.StatusDoing, Notes: "first line\nsecond line: ü"}
	if *r != want {
		t.Fatalf("on disk:\n%+v\nwant\n%+v", *r, want)
	}
	h.requireView("Write the vision with Zoë & 李雷 🚀", "Ånne O'Neil", "2027-03-28", "(•) doing", "first line")
}

func TestDueDatesAreReadTheWayPeopleTypeThem(t *testing.T) {
	for _, tc := range []struct {
		typed string
		shown string
		want  plans.Date
	}{
		{"2027-03-31", "→ Wed 31 Mar 2027", plans.Date{Year: 2027, Month: 3, Day: 31}},
		{"31/03/2027", "→ Wed 31 Mar 2027", plans.Date{Year: 2027, Month: 3, Day: 31}},
		{"31 Mar 2027", "→ Wed 31 Mar 2027", plans.Date{Year: 2027, Month: 3, Day: 31}},
		{"2w", "→ Sun 28 Mar 2027", plans.Date{Year: 2027, Month: 3, Day: 28}},
		{"3m", "→ Mon 14 Jun 2027", plans.Date{Year: 2027, Month: 6, Day: 14}},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			h, path := rvOpen(t, rvNewPlan(t), 80, 24)
			h.press("r", "tab", "tab", "tab")
			h.typeText(tc.typed)
			h.requireView(tc.shown)
			h.press("tab")
			if got := loadPlan(t, path).Response("lc-vision").Due; got != tc.want {
				t.Fatalf("due on disk = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAnImpossibleDateIsRefusedInPlaceAndKept(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("r", "tab", "tab", "tab")
	h.typeText("31/02/2027")
	h.requireView(`"31/02/2027" is not a real date`)
	// tab, enter, shift+tab and esc keep the person in the field at the
	// first try, saying why and how to go on: the text and the message
	// stay, nothing is saved (issue 12.2). The next try leaves the field,
	// the date still unsaved, rather than trapping them in it.
	for _, k := range []string{"tab", "enter", "shift+tab", "esc"} {
		h.press(k)
		if h.item().focus != focusDue {
			t.Fatalf("%s left the field with a date that is not one", k)
		}
		h.requireView("is not a date, so it is not saved", "Press "+k+" again to leave it unsaved")
		h.typeText("7") // typing puts it right, or tries to: the warning goes
		h.refuseView("again to leave it unsaved")
		h.press("backspace")
	}
	h.requireView("31/02/2027", `"31/02/2027" is not a real date`)
	h.press("esc")
	h.press("esc")
	if h.item().focus != focusRating {
		t.Fatal("esc twice did not leave the field")
	}
	h.requireView("31/02/2027", `"31/02/2027" is not a real date`)
	h.refuseView("again to leave it unsaved")
	if got := loadPlan(t, path).Response("lc-vision").Due; !got.IsZero() {
		t.Fatalf("an impossible date was saved: %v", got)
	}
	h.press("tab", "tab", "tab")
	// Leaving the item warns first; the second try leaves, and the text is
	// still there after going to another item and back.
	h.press("ctrl+n")
	h.requireView("item 1 of 4", "is not a date, so it is not saved", "Press ctrl+n again to leave it unsaved")
	h.press("ctrl+n")
	h.requireView("item 2 of 4")
	h.press("p")
	h.requireView("31/02/2027", "is not a real date")
	// Fixing it saves it.
	h.press("tab", "tab", "tab")
	for range len("02/2027") {
		h.press("backspace")
	}
	h.typeText("03/2027")
	h.requireView("→ Wed 31 Mar 2027")
	h.press("enter")
	if got := loadPlan(t, path).Response("lc-vision").Due; got != (plans.Date{Year: 2027, Month: 3, Day: 31}) {
		t.Fatalf("due on disk = %v", got)
	}
	h.refuseView("not a real date")
}

func TestMovingBetweenItemsAndAreas(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("n")
	h.requireView("item 2 of 4")
	h.press("pgdown")
	h.requireView("item 3 of 4")
	h.press("p")
	h.requireView("item 2 of 4")
	h.press("pgup", "left")
	h.requireView("item 1 of 4") // no further back than the first item

	// ctrl+n while typing stores the field and moves on.
	h.press("g", "tab")
	h.typeText("Share the plan")
	h.press("ctrl+n")
	h.requireView("item 2 of 4")
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "Share the plan" {
		t.Fatalf("action on disk = %q", got)
	}
	// esc leaves a field for the rating; q then quits, so in a field it types.
	h.press("r", "tab")
	h.typeText("q")
	if h.quit {
		t.Fatal("q in a text field quit")
	}
	h.press("esc")
	if h.item().focus != focusRating {
		t.Fatal("esc did not go back to the rating")
	}

	// After the last item of the area: its summary, then the next area.
	h.press("n", "n", "n")
	if h.a.active != screenAreaSummary {
		t.Fatalf("after the last item of the area: screen %d\n%s", h.a.active, h.view())
	}
	h.requireView("Leadership & Culture: done", "2 of 4 items rated", "■ Red", "1", "● Green", "○ Unrated", "2 not rated yet",
		"Next: Workforce (2 items)")
	// The area's suggestions under the source's own words, as accessible
	// mode says them: "If all you do:" alone read as a sentence cut short.
	h.requireView("If all you do is…")
	h.press("p") // back to the last item of the area
	h.requireView("item 4 of 4")
	h.press("n", "enter")
	h.requireView("Workforce", "item 1 of 2")

	// The last area's summary leads to the first follow-up question.
	h.press("o", "end", "enter", "n")
	h.requireView("Enablers: done", "Next: the next steps (5 questions)")
	h.press("enter")
	if h.a.active != screenFollowUp {
		t.Fatalf("after the last area: screen %d, want the first follow-up", h.a.active)
	}
}

func TestOverviewShowsEveryItemAndTheGaps(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-vision").Rating = "red"
	p.Response("lc-vision").Action = "Write the vision"
	p.Response("wf-interventions").Rating = "green"
	h, _ := rvOpen(t, p, 100, 40)
	h.press("o")
	h.requireView("Overview", "2 of 21 rated", "19 not rated yet",
		"Leadership & Culture", "Workforce", "Enablers",
		"■ Red", "Develop a clear vision", "Write the vision", "● Green", "Interventions", "○ Unrated")
	// The cursor starts on the item the review is at; enter opens another.
	h.requireView("› ○ Unrated  Strong leadership")
	h.press("down", "enter")
	h.requireView("item 3 of 4", "Educate senior leaders")
	// tab moves to the next gap; esc goes back.
	h.press("o", "tab")
	h.requireView("› ○ Unrated  Cultural questions")
	h.press("esc")
	h.requireView("item 3 of 4")
}

// The overview's list fills the window down to its scroll line (it kept
// two lines blank above the footer for the whole title under the cursor,
// even when the row showed it all), and a title its row cuts is given
// whole in the row itself, wrapped under itself, at 60x20 and 80x24.
func TestTheOverviewUsesEveryLine(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("o")
		requireFits(t, h, size[0], size[1])
		lines := strings.Split(h.view(), "\n")
		scroll := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "pgup pgdown to scroll") })
		if scroll < 0 {
			t.Fatalf("%dx%d: the list does not say it scrolls:\n%s", size[0], size[1], h.view())
		}
		for i, l := range lines[2:scroll] {
			if strings.TrimSpace(l) == "" {
				t.Fatalf("%dx%d: line %d of the list is blank:\n%s", size[0], size[1], i+3, h.view())
			}
		}
		if scroll != len(lines)-3 {
			t.Fatalf("%dx%d: %d lines between the scroll line and the status line:\n%s", size[0], size[1], len(lines)-3-scroll, h.view())
		}
		// The longest title, under the cursor: every word of it shows.
		const title = "Do you have a fair anti-discrimination policy, which includes an understanding of micro-aggressions, behavioural conduct etc?"
		for range 30 {
			if strings.Contains(h.view(), "› ○ Unrated  Do you have a fair anti") {
				break
			}
			h.press("down")
		}
		if !strings.Contains(strings.Join(strings.Fields(h.view()), " "), title) {
			t.Fatalf("%dx%d: the title under the cursor is not whole:\n%s", size[0], size[1], h.view())
		}
		requireFits(t, h, size[0], size[1])
	}
}

// Keys that did nothing do what they say (issue 12.9): r, a and g in the
// overview rate the item under the cursor, u opens the next item not
// rated, and p on the first item says there is none before it.
func TestOverviewRatesAndOpensTheNextGap(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 100, 40)
	h.press("o", "a")
	if got := loadPlan(t, path).Response("lc-vision").Rating; got != "amber" {
		t.Fatalf("a in the overview: the item under the cursor is %q", got)
	}
	h.requireView("› ▲ Amber    Develop a clear vision", "1 of 21 rated")
	h.press("u")
	if h.a.active != screenItem {
		t.Fatalf("u opened screen %d, not the next item not rated", h.a.active)
	}
	h.requireView("item 2 of 4", "Strong leadership")
	h.press("p")
	h.requireView("item 1 of 4")
	h.press("p")
	h.requireView("This is the first item")
	for _, e := range h.a.c.checklist().Items() {
		h.a.c.plan().Response(e.Item.ID).Rating = "green"
	}
	h.press("o", "u")
	h.requireView("Every item is rated.")
}

func TestOverviewScrollsALongChecklist(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("o")
	// The screen says the list goes on below.
	h.requireView("› ○ Unrated  Develop a clear vision", "lines 1–19 of 24 · ↑↓ pgup pgdown to scroll")
	h.press("end")
	h.requireView("› ○ Unrated  Do you have KPIs for managers", "lines 7–24 of 24")
	h.refuseView("Develop a clear vision")
	h.press("home")
	h.requireView("› ○ Unrated  Develop a clear vision")
	if n := strings.Count(h.view(), "\n") + 1; n != 24 {
		t.Fatalf("the overview is %d lines in a window of 24:\n%s", n, h.view())
	}
	// A window that holds every row says nothing of scrolling.
	h2, _ := rvOpen(t, rvNewPlan(t), 100, 40)
	h2.press("o")
	h2.requireView("KPIs for managers")
	h2.refuseView("to scroll")
}

func TestQuitSavesTheFieldBeingTyped(t *testing.T) {
	for _, quitKey := range []string{"ctrl+c"} {
		h, path := rvOpen(t, rvNewPlan(t), 80, 24)
		h.press("a", "tab")
		h.typeText("Half-typed acti")
		h.press(quitKey)
		if !h.quit {
			t.Fatalf("%s did not quit", quitKey)
		}
		if got := loadPlan(t, path).Response("lc-vision"); got.Rating != "amber" || got.Action != "Half-typed acti" {
			t.Fatalf("on disk after %s: %+v", quitKey, *got)
		}
	}
	// q outside a text field quits too, and saves the notes being typed
	// before esc... a text field has focus then, so q types: use esc first.
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("g", "tab", "tab", "tab", "tab", "tab")
	h.typeText("notes typed")
	h.press("esc", "q")
	if !h.quit {
		t.Fatal("q on the rating did not quit")
	}
	if got := loadPlan(t, path).Response("lc-vision").Notes; got != "notes typed" {
		t.Fatalf("notes on disk = %q", got)
	}
}

func TestResizingMidFieldKeepsWhatWasTyped(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 120, 40)
	h.press("r", "tab")
	h.typeText("Typed before the resize")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.send(tea.WindowSizeMsg{Width: 30, Height: 10})
	h.requireView("make the window at least 60x16")
	h.send(tea.WindowSizeMsg{Width: 61, Height: 17})
	h.typeText(", and after")
	h.press("tab")
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "Typed before the resize, and after" {
		t.Fatalf("action on disk = %q", got)
	}
}

// While the window is too small the screen cannot be seen, so a key must
// not change the plan behind the notice: r does not rate, typing does not
// type. q still saves and quits, as the notice says.
func TestKeysWaitWhileTheWindowIsTooSmall(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 40, 12)
	h.requireView("make the window at least 60x16", "q saves and quits")
	h.press("r", "tab", "x", "n", "o")
	h.typeText("blind")
	h.send(tea.PasteMsg{Content: "pasted blind"})
	if got := loadPlan(t, path).Response("lc-vision"); got.Rating != "unrated" || got.Action != "" {
		t.Fatalf("keys pressed on the too-small notice changed the plan: %+v", *got)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if h.a.active != screenItem || h.item().focus != focusRating {
		t.Fatalf("the keys moved the review behind the notice:\n%s", h.view())
	}
	h.requireView("1 of 4")
	h.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	h.press("q")
	if !h.quit {
		t.Fatal("q on the too-small notice did not quit")
	}
}

// Bubble Tea draws a first frame before it delivers the window size: that
// frame must not claim the window is too small.
func TestNoTooSmallNoticeBeforeTheSizeIsKnown(t *testing.T) {
	c, err := newCommon(Options{Dir: t.TempDir(), Today: rvToday})
	if err != nil {
		t.Fatal(err)
	}
	a := newApp(c)
	if got := a.View().Content; strings.Contains(got, "at least") {
		t.Fatalf("first frame before the size is known: %q", got)
	}
	a.Update(tea.WindowSizeMsg{Width: 30, Height: 10})
	if got := a.View().Content; !strings.Contains(got, "make the window at least 60x16") {
		t.Fatalf("a known small size should say so: %q", got)
	}
}

// Both views of the item screen, the ordinary one and presenter mode's,
// fit every window from the smallest up, on the longest item with a long
// action and notes, while rating and while typing.
func TestTheViewFitsTheWindow(t *testing.T) {
	p := rvNewPlan(t)
	for _, id := range []string{"lc-vision", "lc-leadership", "lc-educate-leaders", "lc-culture", "wf-business-as-usual"} {
		p.Response(id).Rating = "green"
	}
	r := p.Response("wf-interventions") // the longest item, where the review resumes
	r.Action = strings.Repeat("A long action that has to wrap. ", 12)
	r.Notes = "one\ntwo\nthree\nfour\nfive"
	for _, view := range []struct{ keys, amber string }{{"", "▲ Amber"}, {"P", "A M B E R"}} {
		for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
			h, _ := rvOpen(t, p, size[0], size[1])
			if view.keys != "" {
				h.press(view.keys)
			}
			h.press("a", "esc")
			for _, keys := range [][]string{nil, {"tab"}, {"tab", "tab", "tab", "tab", "tab"}} {
				h.press(keys...)
				requireFits(t, h, size[0], size[1])
				if v := h.view(); !strings.Contains(v, "Interventions") && !bigShown(v, "Interventions") {
					t.Fatalf("%dx%d: the item is not named:\n%s", size[0], size[1], v)
				}
				if v := h.view(); !strings.Contains(v, view.amber) && !bigShown(v, "▲ AMBER") {
					t.Fatalf("%dx%d: the rating is not shown:\n%s", size[0], size[1], v)
				}
				h.press("esc")
			}
			if view.keys == "P" && size[1] >= 40 {
				// Every prompt question shows on a projector-sized window.
				h.requireView("Is the social mobility network involved")
			}
		}
	}
}

func TestConflictOffersReloadOrACopy(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("g", "tab")
	h.typeText("Ours")
	h.press("tab")

	// Someone else rates another item and saves the file behind our back.
	theirBytes := saveTheirs(t, path, func(p *plans.Plan) { p.Response("en-data-collect").Rating = "red" })

	h.typeText("Sam")
	h.press("tab") // commits the owner: the save finds the change
	h.requireView("changed on disk", "R", "reload", "C", "copy")
	if got, _ := os.ReadFile(path); string(got) != string(theirBytes) {
		t.Fatal("the changed file was written over")
	}
	// While the conflict is shown, keys do not reach the fields.
	h.typeText("xyz")
	h.press("C")
	copyPath := strings.TrimSuffix(path, ".yaml") + ".copy-1.yaml"
	mine := loadPlan(t, copyPath).Response("lc-vision")
	if mine.Rating != "green" || mine.Action != "Ours" || mine.Owner != "Sam" {
		t.Fatalf("the copy holds %+v", *mine)
	}
	if got, _ := os.ReadFile(path); string(got) != string(theirBytes) {
		t.Fatal("saving a copy changed the original")
	}
	h.refuseView("changed on disk")
	h.requireView("your plan is now in")
	// Work carries on in the copy, at the same item.
	h.press("tab", "tab", "tab")
	h.typeText("2w")
	h.press("tab")
	if got := loadPlan(t, copyPath).Response("lc-vision").Due; got != (plans.Date{Year: 2027, Month: 3, Day: 28}) {
		t.Fatalf("due in the copy = %v", got)
	}
}

func TestConflictReloadTakesTheFileAsItIs(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
	h.press("r") // our save finds their change
	h.requireView("changed on disk")
	h.press("R")
	h.refuseView("changed on disk")
	h.requireView("Their action", "reloaded")
	if got := loadPlan(t, path).Response("lc-vision"); got.Rating != "unrated" || got.Action != "Their action" {
		t.Fatalf("on disk after reload: %+v", *got)
	}
	// Saving works again, on top of their version.
	h.press("esc", "a")
	if got := loadPlan(t, path).Response("lc-vision"); got.Rating != "amber" || got.Action != "Their action" {
		t.Fatalf("on disk after rating: %+v", *got)
	}
}

// After a conflict, reloading or saving a copy carries on at the item the
// person was on, not where the review would resume (the first unrated
// item): they were in the middle of something.
func TestConflictCarriesOnAtTheSameItem(t *testing.T) {
	for _, choice := range []string{"R", "C"} {
		t.Run(choice, func(t *testing.T) {
			h, path := rvOpen(t, rvNewPlan(t), 80, 24)
			h.press("n", "n") // item 3, nothing rated: the review would resume at item 1
			h.requireView("item 3 of 4")
			saveTheirs(t, path, func(p *plans.Plan) { p.Response("wf-business-as-usual").Action = "Their action" })
			h.press("a") // our save finds their change
			h.requireView("changed on disk")
			h.press(choice)
			h.refuseView("changed on disk")
			h.requireView("item 3 of 4")
		})
	}
}

func TestQuittingDuringAConflictSavesACopy(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("a", "tab")
	if err := os.WriteFile(path, append(plans.Encode(loadPlan(t, path)), "# theirs\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	h.typeText("Half typed")
	h.press("ctrl+c") // the save on quitting finds the change
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	copyPath := strings.TrimSuffix(path, ".yaml") + ".copy-1.yaml"
	if got := loadPlan(t, copyPath).Response("lc-vision"); got.Rating != "amber" || got.Action != "Half typed" {
		t.Fatalf("the copy holds %+v", *got)
	}
	if !strings.Contains(h.a.exitNotice, copyPath) {
		t.Fatalf("exit notice %q does not name the copy", h.a.exitNotice)
	}
}

func TestResumeStartsAtTheFirstUnratedItem(t *testing.T) {
	p := rvNewPlan(t)
	for _, id := range []string{"lc-vision", "lc-leadership", "lc-educate-leaders", "lc-culture", "wf-business-as-usual"} {
		p.Response(id).Rating = "amber"
	}
	h, _ := rvOpen(t, p, 80, 24)
	h.requireView("Workforce", "item 2 of 2", "Interventions", "5 of 21 rated")
	if h.item().pos != 5 {
		t.Fatalf("position %d, want 5", h.item().pos)
	}
}

// A plan with every item rated and every next-steps question answered
// opens on the end screen, not on item 1. Rated in full with questions
// left (the laptop died in the next steps), it opens at the first
// question left, where it opened at the end with them below the fold of
// the summary.
func TestResumingAFinishedPlanOpensTheEnd(t *testing.T) {
	p := rvNewPlan(t)
	for _, e := range p.Checklist.Items() {
		p.Response(e.Item.ID).Rating = "green"
	}
	p.Answer("quick-wins").List = []string{"Use story telling"}
	h, _ := rvOpen(t, p, 80, 24)
	h.requireView("Who do you need to speak with")
	if h.a.active == screenSummary {
		t.Fatalf("rated in full with next steps left, it opened at the summary")
	}
	answerNextSteps(p)
	h, _ = rvOpen(t, p, 80, 24)
	if h.a.active != screenSummary {
		t.Fatalf("active screen %d, want the summary", h.a.active)
	}
	h.requireView("The end")
}

func TestLightAndDarkBackgroundsChangeTheColoursNotTheShapes(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("r")
	dark := h.a.View().Content
	h.send(tea.BackgroundColorMsg{Color: color.White})
	light := h.a.View().Content
	if h.a.c.styles.isDark {
		t.Fatal("a white background did not switch to the light styles")
	}
	// Red is bright red (91) on a dark background, plain red (31) on a
	// light one; the shape and the word are the same.
	if !strings.Contains(dark, "91m■ Red") || strings.Contains(light, "91m■") || !strings.Contains(light, "31m■ Red") {
		t.Fatalf("red on dark and light backgrounds:\n%q\n%q", dark, light)
	}
	if ansi.Strip(dark) != ansi.Strip(light) {
		t.Fatal("the text changed with the background")
	}
}

// A plan open in another ladder session as well is said, once, in the
// footer, until the next save; the review carries on.
func TestAPlanOpenElsewhereIsSaid(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.refuseView("another ladder session")
	other, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	h2 := rvStart(t, Options{PlanPath: path, Dir: filepath.Dir(path)}, 80, 24)
	h2.requireView("open in another ladder session too")
	h2.press("r")
	h2.refuseView("another ladder session")
	if loadPlan(t, path).Response("lc-vision").Rating != "red" {
		t.Error("the review did not carry on")
	}
}

// A pause in typing stores the field without leaving it (issue 12.1):
// only the pause after the last key counts, and a date not finished is
// neither stored nor refused while it is typed.
func TestAPauseInTypingSavesTheField(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("g", "tab")
	h.typeText("Train every")
	stale := h.a.typingGen
	h.typeText(" manager")
	h.send(typingPauseMsg{stale})
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "" {
		t.Fatalf("a pause before the last key saved %q", got)
	}
	h.send(typingPauseMsg{h.a.typingGen})
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "Train every manager" {
		t.Fatalf("after the pause the action on disk is %q", got)
	}
	if it := h.item(); it.focus != focusAction || !it.typing() {
		t.Fatal("the pause left the field")
	}
	h.press("tab", "tab") // the due date
	h.typeText("31/")
	h.send(typingPauseMsg{h.a.typingGen})
	h.refuseView("✗")
	h.typeText("3/27")
	h.send(typingPauseMsg{h.a.typingGen})
	if got := loadPlan(t, path).Response("lc-vision").Due.String(); got != "2027-03-31" {
		t.Fatalf("due on disk after the pause: %q", got)
	}
	h.requireView("31/3/27", "→ Wed 31 Mar 2027") // the text as typed, still typing
}

// A due date typed and left by going to another item (ctrl+n, ctrl+p, or
// n/p from the status) is written as the item is left, not kept in memory
// until the next change: "saving…" must not stay on the screen, and a
// power cut a minute later must not lose it.
func TestADueDateIsWrittenWhenTheItemIsLeftFromTheField(t *testing.T) {
	for _, leave := range []string{"ctrl+n", "pgdown", "ctrl+p"} {
		t.Run(leave, func(t *testing.T) {
			h, path := rvOpen(t, rvNewPlan(t), 80, 24)
			h.press("n", "r", "tab", "tab", "tab") // item 2, so that ctrl+p has an item before it
			h.typeText("2w")
			h.press(leave)
			if got := loadPlan(t, path).Response("lc-leadership").Due.String(); got != "2027-03-28" {
				t.Fatalf("after %s the due date on disk is %q, want 2027-03-28", leave, got)
			}
			h.refuseView("saving…")
		})
	}
}

// Taking a participant the owner field suggests takes the name as the
// plan writes it, whatever case the person started typing in: "be" and →
// give "Ben Okafor", not "ben Okafor".
func TestTakingASuggestedOwnerKeepsTheNameAsWritten(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Ana Silva", "Ben Okafor"}
	h, path := rvOpen(t, p, 80, 24)
	h.press("g", "tab", "tab")
	h.typeText("be")
	h.press("right", "tab")
	if got := loadPlan(t, path).Response("lc-vision").Owner; got != "Ben Okafor" {
		t.Fatalf("owner on disk = %q, want %q", got, "Ben Okafor")
	}
}

// The owner field shows the names it suggests before a letter is typed
// ("who will do it? Jo Smith"): → takes the first of them there, and ↓
// goes through them, as the help says, not only after a first letter.
func TestTheOwnerFieldOffersItsNamesBeforeALetterIsTyped(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Ana Silva", "Ben Okafor"}
	p.Facilitator = "Jo Smith"
	h, path := rvOpen(t, p, 80, 24)
	h.press("g", "tab", "tab")
	h.requireView("who will do it? Ana Silva, Ben Okafor, Jo Smith")
	h.press("right", "tab")
	if got := loadPlan(t, path).Response("lc-vision").Owner; got != "Ana Silva" {
		t.Fatalf("→ on an empty owner: owner on disk = %q, want %q", got, "Ana Silva")
	}
	h.press("ctrl+n", "g", "tab", "tab", "down", "down", "down")
	h.requireView("Owner  Jo Smith")
	h.press("down", "tab")
	if got := loadPlan(t, path).Response("lc-leadership").Owner; got != "Ana Silva" {
		t.Fatalf("↓ four times: owner on disk = %q, want %q (round to the first)", got, "Ana Silva")
	}
}

// Every form help lists fits the due field while it is typed: at 80
// columns "5 February 2027" and "end of next month" show whole, not
// scrolled to " February 2027" and " of next month".
func TestTheDueFieldShowsLongFormsWhole(t *testing.T) {
	for _, typed := range []string{"5 February 2027", "end of next month", "31 September 2027"} {
		h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
		h.press("r", "tab", "tab", "tab")
		h.typeText(typed)
		h.requireView("Due    " + typed + " ")
	}
}

// The status line wraps its warnings within the width at every width,
// their second line indented (a line too wide is broken again by the
// terminal, and the screen moves).
func TestTheStatusLineWrapsWithinTheWidth(t *testing.T) {
	t.Parallel()
	for w := 60; w <= 120; w++ {
		h, path := rvOpen(t, rvNewPlan(t), w, 24)
		h.a.warning = "This plan is open in another ladder session too. You can carry on: if both change it, the second to save is told and keeps its answers in a copy."
		requireLinesWithin(t, h.a.statusLine(), h.a.c.width)
		h.a.warning = ""
		// A save that fails for real: the plan file replaced by a folder.
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
		h.press("r")
		h.requireView("Not saved")
		requireLinesWithin(t, h.a.statusLine(), h.a.c.width)
	}
}

// requireLinesWithin fails if a line of s is wider than w cells.
func requireLinesWithin(t *testing.T, s string, w int) {
	t.Helper()
	for _, l := range strings.Split(s, "\n") {
		if n := ansi.StringWidth(l); n > w {
			t.Fatalf("a line of %d cells in %d: %q", n, w, ansi.Strip(l))
		}
	}
}

// An item flagged to revisit carries the flag in the overview too, as on
// the board, so that the list of every item shows what to come back to.
func TestOverviewShowsTheFlagsToRevisit(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-culture").Revisit = true
	h, _ := rvOpen(t, p, 80, 24)
	h.press("o")
	h.requireView("Cultural questions ⚑")
	h.refuseView("Develop a clear vision for your D&I strategy ⚑")
	h.press("down", "down", "down") // the cursor on it: still flagged
	h.requireView("› ○ Unrated  Cultural questions ⚑")
}

// The Building Blocks' areas and groups are a sentence long ("Create a
// compelling, shared vision of socio-economic diversity and inclusion
// across your business"): at 80x24, on the ordinary screen and in
// presenter mode, every item's area and group show whole (they were cut
// at "socio-econo…" and the group was left out in presenter mode), with
// where the review is and the rating's levels still on the screen. At
// 60x16 they may give way, but the screen still fits with the levels.
func TestLongAreaAndGroupNamesShowWhole(t *testing.T) {
	t.Parallel()
	c, _ := rvPlanOf(t, "smc-building-blocks")
	for i, e := range c.Items() {
		_, p := rvPlanOf(t, "smc-building-blocks")
		for _, before := range c.Items()[:i] { // the review resumes at item i
			p.Response(before.Item.ID).Rating = "green"
		}
		for _, mode := range []string{"ordinary", "presenter"} {
			for _, size := range [][2]int{{80, 24}, {60, 16}} {
				h, _ := rvOpen(t, p, size[0], size[1])
				if mode == "presenter" {
					h.press("P")
				}
				requireFits(t, h, size[0], size[1])
				v := oneSpaced(h.view())
				for _, level := range []string{"■ Red", "▲ Amber", "● Green"} {
					if !strings.Contains(v, level) {
						t.Fatalf("%s %dx%d, %s: the level %q is off the screen:\n%s", mode, size[0], size[1], e.Item.ID, level, h.view())
					}
				}
				if size[0] != 80 {
					continue
				}
				want := []string{oneSpaced(e.Area.Title), oneSpaced(e.Item.Group), fmt.Sprintf("item %d of %d", e.Ref.Index+1, len(e.Area.Items))}
				if mode == "ordinary" {
					want = append(want, fmt.Sprintf("%d of 42 rated", i))
				} else {
					want[0] = strings.ToUpper(want[0])
					if spaced := oneSpaced(letterSpaced(want[0])); strings.Contains(v, spaced) {
						want[0] = spaced
					}
				}
				for _, w := range want {
					if !strings.Contains(v, w) {
						t.Errorf("%s 80x24, %s: %q is not shown whole:\n%s", mode, e.Item.ID, w, h.view())
					}
				}
			}
		}
	}
}

// An item with no questions sets its title apart from the header and the
// scale with blank lines whenever the window has two lines to spare: at
// 60x16, under a three-line heading, the title ran into the strip and the
// scale with three lines empty at the bottom.
func TestAnItemWithoutQuestionsKeepsItsTitleApart(t *testing.T) {
	_, p := rvPlanOf(t, "smc-building-blocks")
	h, _ := rvOpen(t, p, 60, 16) // bb-vision-accountability: no questions
	h.press("f")                 // flagged: where the review is takes a line of its own
	lines := strings.Split(h.view(), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Ensure a senior leader") })
	if at < 1 || strings.TrimSpace(lines[at-1]) != "" {
		t.Fatalf("no blank line above the title:\n%s", h.view())
	}
	scale := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "■ Red") })
	if scale < 1 || strings.TrimSpace(lines[scale-1]) != "" {
		t.Fatalf("no blank line above the scale:\n%s", h.view())
	}
	requireFits(t, h, 60, 16)
}

// While a conflict waits, the status line says the whole of what to do
// at 80 columns (it was cut at "not sa…"), within the width.
func TestTheConflictStatusLineIsWhole(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
	h.press("r")
	status := ansi.Strip(h.a.statusLine())
	if !strings.Contains(strings.Join(strings.Fields(status), " "), "Press R to reload it or C to save a copy beside it.") {
		t.Fatalf("the status line is cut: %q", status)
	}
	requireLinesWithin(t, h.a.statusLine(), h.a.c.width)
	lines := strings.Split(h.view(), "\n")
	if len(lines) > 24 {
		t.Fatalf("%d lines in a 24-line window", len(lines))
	}
}

// Text typed into a field, then left by opening an item from the board
// (f1 for help while typing, then b and enter), is written as the item is
// left, not kept in memory only until the next change.
func TestTextTypedIsWrittenWhenTheBoardOpensAnotherItem(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("g", "tab")
	h.typeText("Train every manager")
	h.press("f1", "b", "right", "enter")
	h.requireView("item 2 of 4")
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "Train every manager" {
		t.Fatalf("the action on disk is %q after opening another item", got)
	}
	h.refuseView("saving…")
}

// Opening help while typing (f1) stores what is typed, still in the
// field: the pause after the last key saves only the screen shown, and
// someone may read help for a while.
func TestHelpWhileTypingStoresTheText(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("g", "tab")
	h.typeText("Train every manager")
	h.press("f1")
	if got := loadPlan(t, path).Response("lc-vision").Action; got != "Train every manager" {
		t.Fatalf("the action on disk is %q with help open", got)
	}
	h.press("esc")
	if it := h.item(); it.focus != focusAction || !it.typing() {
		t.Fatal("coming back from help left the field")
	}
}

// In the action, owner, due date, status and notes fields space types (or
// changes the status), so the note under a long item's questions names
// the key that shows more from there, shift+↓, and that key does.
func TestTheMoreQuestionsNoteNamesTheKeyThatWorksInAField(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("n", "n", "n", "n", "enter", "n") // past the area's summary
	h.requireView("Interventions", "· space shows them")
	h.press("g", "tab")
	h.refuseView("space shows")
	h.requireView("· shift+↓ shows")
	h.press("shift+down")
	h.requireView("questions above")
	h.press("tab", "tab", "tab") // the status
	h.refuseView("space shows")
	h.press("esc")
	h.requireView("· space shows")
	if r := loadPlan(t, path).Response("wf-interventions"); r.Action != "" || r.Status != plans.StatusTodo {
		t.Fatalf("the keys wrote something: %+v", *r)
	}
}

// A plan comes from other people: the runes in its text that a terminal
// acts on or reorders what it shows by (a right-to-left override in the
// organisation's name, a C1 control in the title, an isolate in an
// action) never reach the terminal, on any screen that shows them.
func TestThePlansInvisibleControlsDoNotReachTheTerminal(t *testing.T) {
	p := rvNewPlan(t)
	p.Organisation = "Evil\u202eCorp"
	p.Title = "Spring\u009b7m review\u2028two"
	r := p.Response("lc-vision")
	r.Action, r.Owner = "Write \u2066it\u2069 down", "Zo\u202dë"
	h, _ := rvOpen(t, p, 100, 30)
	for _, keys := range [][]string{nil, {"tab"}, {"esc", "b"}, {"s"}, {"o"}, {"?"}} {
		h.press(keys...)
		content := h.a.View().Content
		for _, bad := range []string{"\u202e", "\u009b", "\u2028", "\u2066", "\u2069", "\u202d"} {
			if strings.Contains(content, bad) {
				t.Fatalf("after %v the screen holds %q:\n%s", keys, bad, h.view())
			}
		}
	}
	h.press("esc", "esc")
	h.requireView("EvilCorp")
}

// The too-small notice fits any window, down to a tiny one: every line
// within the width, no more lines than the height, the size it needs and
// the way out always said (at 30x10 it used to cut off "at any size").
func TestTheTooSmallNoticeFitsAnyWindow(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 30, 10)
	if got := strings.Join(strings.Fields(h.a.View().Content), " "); !strings.Contains(got, "asks in plain lines, at any size") {
		t.Errorf("at 30x10 the notice is cut short:\n%s", h.a.View().Content)
	}
	for w := 1; w < minWidth+5; w++ {
		for ht := 1; ht < minHeight+3; ht++ {
			if w >= minWidth && ht >= minHeight {
				continue
			}
			h.send(tea.WindowSizeMsg{Width: w, Height: ht})
			got := h.a.View().Content
			lines := strings.Split(got, "\n")
			if len(lines) > ht {
				t.Errorf("at %dx%d the notice has %d lines:\n%s", w, ht, len(lines), got)
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("at %dx%d a line is %d cells wide: %q", w, ht, ansi.StringWidth(l), l)
				}
			}
			if w < 12 || ht < 3 {
				continue // too small for a sentence: what fits is shown
			}
			words := strings.Join(strings.Fields(got), " ")
			for _, want := range []string{"60x16", "q saves and quits"} {
				if !strings.Contains(words, want) {
					t.Errorf("at %dx%d the notice does not say %q:\n%s", w, ht, want, got)
				}
			}
		}
	}
}

// Someone back months later sees at the item which action is late, as the
// summary and the project plan show it: the due date says how late while
// the action is not done, and stops saying so once it is.
func TestItemDueDateSaysHowLateAnOpenActionIs(t *testing.T) {
	a, _ := fuApp(t, fuPlan(t), 80, 24)
	fuShow(t, a, screenItem, 0) // lc-vision, due 31 Mar 2027: not late on fuToday
	if v := fuView(a); strings.Contains(v, "late") {
		t.Errorf("an action due after today is called late:\n%s", v)
	}
	fuShow(t, a, screenItem, 1) // lc-leadership, due 28 Feb 2027
	fuContains(t, fuView(a), "Sun 28 Feb 2027  ⚠ 1 day late")

	fuPress(t, a, "tab", "tab", "tab", "tab", "right", "right") // status: done
	fuContains(t, fuView(a), "(•) done")
	if v := fuView(a); strings.Contains(v, "late") {
		t.Errorf("a done action is still called late:\n%s", v)
	}
}

// A hurried facilitator's "a n" across an area's end: the a pressed on
// the area's summary rates nothing (nothing there is on screen to rate),
// and says so plainly, on the summary and still on the next item, until
// the next change is saved; it is not lost in silence.
func TestARatingKeyOnTheAreaSummarySaysItRatedNothing(t *testing.T) {
	for _, present := range []bool{false, true} {
		h, path := rvOpen(t, rvNewPlan(t), 100, 30)
		if present {
			h.press("P")
		}
		h.press("n", "n", "n", "a", "n") // the area's last item rated, then its summary
		if h.a.active != screenAreaSummary {
			t.Fatalf("screen %d, not the area's summary", h.a.active)
		}
		h.press("a")
		const said = "a rated nothing: it was pressed on the summary of Leadership & Culture" // not "Enablers's summary"
		h.requireView(said, "(Cultural questions)")
		h.press("n")
		h.requireView("item 1 of 2", said)
		p := loadPlan(t, path)
		if got := p.Response("wf-business-as-usual").Rating; got != checklist.Unrated {
			t.Fatalf("present %v: the first item of the next area was rated %q", present, got)
		}
		if got := p.Response("lc-culture").Rating; got != "amber" {
			t.Fatalf("present %v: the area's last item is %q", present, got)
		}
		h.press("g") // a rating saved: the warning has done its work
		if got := loadPlan(t, path).Response("wf-business-as-usual").Rating; got != "green" {
			t.Fatalf("present %v: g on the item rated %q", present, got)
		}
		if strings.Contains(h.view(), said) {
			t.Errorf("present %v: the warning outlived the next rating:\n%s", present, h.view())
		}
	}
}

// In a small window the warning about leaving a date that is not one is
// read whole, with the key that leaves: the other fields give way to it
// (at 60x16 its last line, "again to leave it unsaved", was cut off
// below the screen, and esc seemed to do nothing).
func TestTheLeaveWarningFitsASmallWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("a", "tab")
		h.typeText("Try mentoring")
		h.press("tab")
		h.typeText("Ana")
		h.press("tab")
		h.typeText("31/2")
		h.press("esc")
		v := h.view()
		if n := len(strings.Split(v, "\n")); n > size[1] {
			t.Fatalf("%dx%d: %d lines:\n%s", size[0], size[1], n, v)
		}
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range []string{"Due 31/2", "is not a date, so it is not saved", "Press esc again to leave it unsaved"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the screen lacks %q:\n%s", size[0], size[1], want, v)
			}
		}
	}
}

// A plan with a hand-edit slip opens with a warning saying what a save
// will keep, in the status line, before anything is saved: where the
// slip is, in the words the item screen's header uses ("Enablers item
// 13", where it said "(item 19)", the checklist's count, which no screen
// shows), what is wrong and what to do, whole at 80x24 and at 60x16
// (where it was cut after "put it in quotes:").
func TestOpeningAPlanWithASlipSaysWhatASaveKeeps(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		dir, path := rvPlanWithASlip(t)
		h := rvStart(t, Options{PlanPath: path, Dir: dir}, size[0], size[1])
		flat := oneSpaced(h.view())
		for _, want := range []string{
			"⚠ Enablers item 13",
			`edited by hand: owner is empty, and "#1 team" after it is a comment: if it is the owner, put it in quotes: owner: '#1 team'.`,
			"fix it here, or quit and edit the file first.",
		} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the screen lacks %q:\n%s", size[0], size[1], want, h.view())
			}
		}
		requireFits(t, h, size[0], size[1])
	}
}

// rvPlanWithASlip writes a plan edited by hand with a slip ladder check
// warns about: an owner "#1 team" that YAML reads as a comment.
func rvPlanWithASlip(t *testing.T) (dir, path string) {
	t.Helper()
	dir, path = rvWritePlan(t, rvNewPlan(t))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(data), "  en-policy-succession:\n")
	if at < 0 {
		t.Fatal("the plan has no en-policy-succession")
	}
	edited := string(data[:at]) + strings.Replace(string(data[at:]), "    owner:\n", "    owner: #1 team\n", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// A plan edited by hand and open in another ladder session too opens
// with two warnings: each is said whole, with its own sign, at 80x24 and
// 60x16, where the second was cut ("put it…") under the five lines the
// status line gave a warning.
func TestTwoWarningsOnOpeningAreBothSaidWhole(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		dir, path := rvPlanWithASlip(t)
		other, err := plans.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: path, Dir: dir}, size[0], size[1])
		other.Close()
		flat := oneSpaced(h.view())
		for _, want := range []string{
			"⚠ This plan is open in another ladder session too. You can carry on: if both change it, the second to save is told and keeps its answers in a copy.",
			"⚠ Enablers item 13",
			"A save keeps what ladder shows: fix it here, or quit and edit the file first.",
			"[g/3] ● Green",
		} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the screen lacks %q:\n%s", size[0], size[1], want, h.view())
			}
		}
		requireFits(t, h, size[0], size[1])
	}
}

// An action the organisation decides not to do is cleared (its reason in
// the notes), not marked done: it is then no longer chased, by status and
// check as by the overview, and the item stops calling its date late,
// on the fields and on the short window's one-line summary alike.
func TestAClearedActionIsNotCalledLate(t *testing.T) {
	a, _ := fuApp(t, fuPlan(t), 80, 24)
	fuShow(t, a, screenItem, 1) // lc-leadership, due 28 Feb 2027
	fuContains(t, fuView(a), "⚠ 1 day late")
	fuPress(t, a, "tab", "ctrl+u", "esc")
	if got := a.c.plan().Response("lc-leadership").Action; got != "" {
		t.Fatalf("the action is still %q", got)
	}
	if v := fuView(a); strings.Contains(v, "late") {
		t.Errorf("a cleared action is still called late:\n%s", v)
	}
	a.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	if v := fuView(a); strings.Contains(v, "late") {
		t.Errorf("a cleared action is still called late at 60x16:\n%s", v)
	}
}

// A level's first letter rates it only where no other key of the review
// has that letter: with the room on, w opened the join screen and v
// revealed the votes instead of rating Weak or Variable, and on the
// overview u opened the next gap instead of rating Usual, while every
// help line offered the letter for the level. Such levels are rated by
// their digit.
func TestRatingLettersNeverTakeTheReviewsOtherKeys(t *testing.T) {
	c, err := checklist.Parse("c.yaml", []byte("id: x\ntitle: t\nversion: '1'\nscale: [{key: weak}, {key: variable}, {key: usual}, {key: good}]\nareas: [{id: a, items: [{id: i, title: T}]}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"1"}, {"2"}, {"3"}, {"g", "4"}}
	for i, b := range rateKeys(c) {
		if !slices.Equal(b.Keys(), want[i]) {
			t.Errorf("%s is rated with %q, want %q", c.Scale[i].Key, b.Keys(), want[i])
		}
	}
}

// Someone who rates and begins the action at once, without tab, writes
// it: a letter that is no key of the item's takes them to the action,
// the letter first, where each letter of "Write a vision statement" that
// was a key acted (a rated Amber again, i opened the advice, o the
// overview, the overview's enter opened another item and a rated it),
// the action lost and other items rated by it.
func TestALetterThatIsNoKeyBeginsTheAction(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("a")
	h.typeText("Write a vision statement")
	h.requireView("› Action", "Write a vision statement")
	h.press("tab")
	p := loadPlan(t, path)
	if r := p.Response("lc-vision"); r.Rating != "amber" || r.Action != "Write a vision statement" {
		t.Fatalf("after a, the action typed and tab: %+v", *r)
	}
	if _, total := p.Counts(); total.Rated() != 1 {
		t.Fatalf("%d items rated, want the one", total.Rated())
	}
	// A letter that is a key elsewhere in a review (u the overview's)
	// writes nothing, though it does nothing here; a key of the item's
	// still acts: r rates, n moves on.
	h.press("esc", "u")
	if it := h.item(); it.focus != focusRating {
		t.Fatalf("focus = %d after u at the rating, want the rating", it.focus)
	}
	h.press("r", "n")
	h.requireView("item 2 of 4")
	if r := loadPlan(t, path).Response("lc-vision"); r.Rating != "red" {
		t.Fatalf("r at the rating after esc: %+v", *r)
	}
}

// An action begun with a capital that is a key only in presenter mode, a
// room or a clock (Develop, Train, Verify) was written without it, as
// "evelop our staff survey": the D did nothing and the e began the action.
// Outside those, such a capital is the action's first letter; in
// presenter mode, where a facilitator presses D and T by habit, it is not.
func TestACapitalThatIsAKeyOnlyElsewhereBeginsTheAction(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("a")
	h.typeText("Develop our staff survey")
	h.requireView("› Action", "Develop our staff survey")
	h.press("tab")
	if r := loadPlan(t, path).Response("lc-vision"); r.Action != "Develop our staff survey" {
		t.Fatalf("the action typed at the rating: %q", r.Action)
	}

	dir, path := rvWritePlan(t, rvNewPlan(t))
	h = rvStart(t, Options{PlanPath: path, Dir: dir, Present: true}, 120, 40)
	h.press("V")
	if it := h.item(); it.focus != focusRating {
		t.Fatalf("focus = %d after V in presenter mode, want the rating", it.focus)
	}
}

// An action begun with a small letter that is a key only in a room or
// with a clock (talk, write, visit) is written in a review with neither,
// where the letter did nothing and the rest of the words acted: 'talk to
// staff' typed after r rated the item Amber and kept 'lk to staff',
// 'write it down' rated it Red, opened the advice and kept 'down'.
// u, the overview's key for the next item not rated, still writes
// nothing: pressed twice by habit it would begin the action.
func TestAnActionBegunWithALetterThatIsARoomOrClockKeyIsWritten(t *testing.T) {
	for _, action := range []string{"talk to staff", "write it down", "visit a school"} {
		h, path := rvOpen(t, rvNewPlan(t), 80, 24)
		h.press("r")
		h.typeText(action)
		h.press("tab")
		p := loadPlan(t, path)
		if r := p.Response("lc-vision"); r.Rating != "red" || r.Action != action {
			t.Errorf("after r, %q typed and tab: rating %q, action %q", action, r.Rating, r.Action)
		}
		if _, total := p.Counts(); total.Rated() != 1 {
			t.Errorf("after r and %q: %d items rated, want the one", action, total.Rated())
		}
	}
	h, _ := rvOpen(t, rvNewPlan(t), 80, 24)
	h.press("u")
	if it := h.item(); it.focus != focusRating {
		t.Fatalf("focus = %d after u at the rating, want the rating", it.focus)
	}
	dir, path := rvWritePlan(t, rvNewPlan(t))
	h = rvStart(t, Options{PlanPath: path, Dir: dir, Present: true}, 120, 40)
	h.press("t", "v", "w")
	if it := h.item(); it.focus != focusRating {
		t.Fatalf("focus = %d after t, v and w in presenter mode, want the rating", it.focus)
	}
}

// The warning that a rating key rated nothing is for the items: after
// the last area's summary it stayed over the next-steps questions (and
// the room's join screen) until something was saved, about a key the
// questions have nothing to do with. It goes when the review leaves the
// items; on the next item it stays, as before.
func TestTheRatedNothingWarningStaysWithTheItems(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 30)
	for range 200 {
		switch h.a.active {
		case screenItem:
			h.press("g", "n")
			continue
		case screenAreaSummary:
			h.press("a")
			h.requireView("a rated nothing")
			h.press("enter")
			continue
		}
		break
	}
	if h.a.active != screenFollowUp {
		t.Fatalf("screen %d after the last area's summary, not the next-steps questions", h.a.active)
	}
	h.refuseView("rated nothing")
}

// A due date typed into a field that holds one takes its place: the
// owner came back to "2027-05-12", typed "2w", and the field read
// "2027-05-122w", refused as no date. The first key typed in a field
// that holds a date starts a new one; a key that edits (backspace, an
// arrow) edits it as before, and typing after it goes in where it is.
func TestTypingADueDateReplacesTheOneThere(t *testing.T) {
	p := rvNewPlan(t)
	p.Response("lc-vision").Due = plans.Date{Year: 2027, Month: 5, Day: 12}
	h, path := rvOpen(t, p, 80, 24)
	h.press("r", "tab", "tab", "tab")
	h.requireView("Due    2027-05-12")
	h.typeText("2w")
	h.requireView("Due    2w ", "→ Sun 28 Mar 2027")
	h.press("tab")
	if got := loadPlan(t, path).Response("lc-vision").Due.String(); got != "2027-03-28" {
		t.Fatalf("2w typed over 2027-05-12: due on disk %q, want 2027-03-28", got)
	}
	// Back in the field, backspace mends the date where it is.
	h.press("shift+tab", "backspace")
	h.typeText("9")
	h.requireView("Due    2027-03-29 ")
	h.press("tab")
	if got := loadPlan(t, path).Response("lc-vision").Due.String(); got != "2027-03-29" {
		t.Fatalf("backspace and 9: due on disk %q, want 2027-03-29", got)
	}
	// An arrow first: the digit goes in where the cursor is.
	h.press("shift+tab", "left")
	h.typeText("1")
	h.requireView("Due    2027-03-219 ")
}

// In a checklist of one area the screens name an item "item 1": the
// reminder on quitting, which begins with its name, says "Item 1".
func TestTheNoActionReminderBeginsWithACapital(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Dir: dir, PlanPath: filepath.Join(dir, "plan.yaml"), Checklist: filepath.Join(dir, "checklist.yaml")}
	if err := os.WriteFile(opts.Checklist, checklisttest.YAML(1), 0o644); err != nil {
		t.Fatal(err)
	}
	c := checklisttest.Generate(1)
	p := checklisttest.FilledPlan(c, 1)
	r := p.Response(c.Areas[0].Items[0].ID)
	r.Rating, r.Action = "red", ""
	if err := createPlan(opts.PlanPath, p); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, opts, 80, 24)
	if got, want := h.a.noActionReminder(), "Item 1 is rated ■ Red with no action yet."; !strings.HasPrefix(got, want) {
		t.Errorf("the reminder reads %q, not beginning %q", got, want)
	}
}

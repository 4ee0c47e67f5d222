package tui

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// rvPlansFolder makes a folder "plans" in a temp folder it makes the
// working folder, with two plans and a broken one, with fixed modification
// times so the order is known: the older plan has 14 of 21 items rated,
// the newer one 2.
func rvPlansFolder(t *testing.T) string {
	t.Helper()
	t.Chdir(t.TempDir())
	dir := "plans"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	older := rvNewPlan(t)
	older.Organisation, older.Title = "Acme Café Ltd", "Spring review"
	for i, e := range older.Checklist.Items() {
		if i < 14 {
			older.Response(e.Item.ID).Rating = "amber"
		}
	}
	newer := rvNewPlan(t)
	newer.Organisation, newer.Title = "東京 Bakery 🍞", "Autumn review"
	newer.Date = plans.Date{Year: 2027, Month: 3, Day: 10}
	newer.Response("lc-vision").Rating = "red"
	newer.Response("lc-culture").Rating = "green"
	write := func(name string, data []byte, age time.Duration) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mt := time.Date(2027, 3, 14, 12, 0, 0, 0, time.UTC).Add(-age)
		if err := os.Chtimes(path, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	write("2027-03-01-acme-spring.yaml", plans.Encode(older), 48*time.Hour)
	write("2027-03-10-tokyo-autumn.yaml", plans.Encode(newer), time.Hour)
	write("broken.yaml", []byte("schema: 1\norganisation: [oops\n"), 24*time.Hour)
	return dir
}

func TestStartListsPlansNewestFirstAndBrokenOnesWithTheirProblem(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir}, 100, 30)
	h.requireView("Begin a new review", "Resume a review",
		"東京 Bakery 🍞: Autumn review", "2/21 rated · Wed 10 Mar 2027 · 2027-03-10-tokyo-autumn.yaml",
		"Acme Café Ltd: Spring review", "14/21 rated",
		"Could not open", "broken.yaml:2:",
		"Open Government Licence v3.0")
	v := h.view()
	if strings.Index(v, "東京") > strings.Index(v, "Acme") {
		t.Fatalf("the newer plan is not first:\n%s", v)
	}
	// The second plan opens at its first unrated item.
	h.press("down", "down", "enter")
	h.requireView("Enablers › Policies and processes", "item 9 of 15", "14 of 21 rated")
}

func TestStartOpensTheChosenPlanAndBeginsNew(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("down", "enter") // from the review under way, the next plan
	h.requireView("Enablers › Policies and processes", "14 of 21 rated")
	if got := h.a.c.session.Path(); got != filepath.Join(dir, "2027-03-01-acme-spring.yaml") {
		t.Fatalf("opened %s", got)
	}

	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("n")
	h.requireView("A new review", "Organisation")
	h.press("esc") // back to the list, which keeps what was typed in set-up
	h.requireView("Resume a review")
}

func TestWithNoPlansItGoesStraightToAFriendlySetUp(t *testing.T) {
	t.Chdir(t.TempDir())
	dir := "plans" // not there yet
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	if h.a.active != screenSetup {
		t.Fatalf("screen %d, want set-up:\n%s", h.a.active, h.view())
	}
	h.requireView("Welcome to ladder", "first review", "Organisation", "Review title", "Facilitator", "Participants",
		"smc-progression", "Will be saved as "+filepath.Join(dir, "2027-03-14-plan.yaml"))
	// Someone back a year later, in the wrong folder, is told why no plan
	// of theirs shows, and what to do.
	requireWords(t, h.view(), "Made a review before? ladder found none in plans: press ctrl+c and run ladder in the folder that holds yours.")
	// Someone with a screen reader hears this first screen: it says where
	// the review is in plain lines, which only --help and the README said.
	requireWords(t, h.view(), "With a screen reader? Press ctrl+c and run ladder review --accessible: the same review, as plain questions, a line at a time.")
	// There is nothing to go back to.
	h.press("esc")
	if h.a.active != screenSetup {
		t.Fatal("esc left the first-run set-up")
	}
}

// Enter goes from field to field through the set-up, as its help says: in
// the participants, one name a line, enter on an empty line goes on to the
// checklist instead of adding blank lines, and enter there creates the
// plan. Someone who presses enter after each answer is never stuck.
// The new-review form says how to begin in the smallest window: at
// 60x16 its last lines ("Press enter on the checklist, or ctrl+s
// anywhere, to create it and begin." and where the plan will be saved)
// were cut off, and the footer has no room for ctrl+s. The welcome gives
// way instead; at 80x24 it stays.
func TestSetUpSaysHowToBeginInASmallWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		for _, opts := range []Options{{Dir: "plans"}, {Dir: "plans", PlanPath: filepath.Join("plans", "acme.yaml")}} {
			t.Chdir(t.TempDir())
			h := rvStart(t, opts, size[0], size[1])
			if h.a.active != screenSetup {
				t.Fatalf("plan %q: screen %d, not the new-review form", opts.PlanPath, h.a.active)
			}
			requireFits(t, h, size[0], size[1])
			v := strings.Join(strings.Fields(h.view()), " ")
			for _, want := range []string{"Organisation", "Checklist", "Will be saved as", "Press enter on the checklist, or ctrl+s anywhere, to create it and begin."} {
				if !strings.Contains(v, want) {
					t.Errorf("%dx%d, plan %q: the form lacks %q:\n%s", size[0], size[1], opts.PlanPath, want, h.view())
				}
			}
			if size[0] == 80 && opts.PlanPath == "" {
				h.requireView("Let's begin your first review.")
			}
		}
	}
}

// The new-review form names every built-in checklist whole at 80x24, so
// a person can tell them apart: the options were cut at the line's end
// ("smc-cross-industry-progression: Cross-industry toolkit for…").
func TestSetUpNamesEveryChecklistWhole(t *testing.T) {
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 80, 24)
	v := strings.Join(strings.Fields(h.view()), " ")
	for _, c := range checklist.Builtins() {
		if !strings.Contains(v, c.ID+": "+c.Title) {
			t.Errorf("the form does not name %q whole:\n%s", c.ID+": "+c.Title, h.view())
		}
	}
}

// onTheChecklistField is a new review's form at 80x24 in a folder of its
// own, answered down to the checklist field.
func onTheChecklistField(t *testing.T) *rvHarness {
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 80, 24)
	h.typeText("Acme Café Ltd")
	h.press("enter")
	h.typeText("Spring review")
	h.press("enter", "enter", "enter")
	h.requireView("› Checklist")
	return h
}

// Choosing a checklist on the form: the three were named by id and title,
// which say nothing of which suits an employer. With the checklist field
// chosen, the form says what the checklist picked is for, as ladder
// checklists does, where the window has room; a small one keeps what to
// press to begin.
func TestSetUpSaysWhatTheChosenChecklistIsFor(t *testing.T) {
	h := onTheChecklistField(t)
	requireWords(t, h.view(), checklist.Use(checklist.DefaultID))
	h.press("down")
	h.requireView("(•) smc-building-blocks")
	requireWords(t, h.view(), checklist.Use("smc-building-blocks"))
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	requireFits(t, h, 60, 16)
	requireWords(t, h.view(), "ctrl+s")
}

// Moving between the checklists keeps the form where it is: at 80x24 the
// Building Blocks' description, a line longer than the progression
// checklist's, took the introduction's place, and the whole form jumped
// up eight lines and back as the choice moved. Each description takes the
// room of the longest, so the layout is chosen once for the field.
func TestSetUpStaysStillAsTheChecklistChoiceMoves(t *testing.T) {
	h := onTheChecklistField(t)
	rowOf := func(text string) int {
		for i, l := range strings.Split(h.view(), "\n") {
			if strings.Contains(l, text) {
				return i
			}
		}
		t.Fatalf("no %q on the screen:\n%s", text, h.view())
		return -1
	}
	first, saved := rowOf("Organisation"), rowOf("Will be saved as")
	for _, id := range []string{"smc-building-blocks", "smc-cross-industry-progression"} {
		h.press("down")
		h.requireView("(•) " + id)
		requireWords(t, h.view(), checklist.Use(id))
		if got, gotSaved := rowOf("Organisation"), rowOf("Will be saved as"); got != first || gotSaved != saved {
			t.Errorf("%s chosen: the form's first field on row %d and its last line on row %d, where they were on %d and %d:\n%s", id, got, gotSaved, first, saved, h.view())
		}
	}
	requireFits(t, h, 80, 24)
}

func TestSetUpCanBeAnsweredWithEnterAlone(t *testing.T) {
	for _, people := range []string{"", "Ana\nBen\n"} {
		t.Chdir(t.TempDir())
		h := rvStart(t, Options{Dir: "plans"}, 80, 24)
		h.typeText("Acme\nSpring\nSam\n" + people)
		h.press("enter") // an empty line in the participants
		if h.a.active != screenSetup || h.a.screen(screenSetup).(*setupScreen).focus != setupChecklist {
			t.Fatalf("participants %q: enter on an empty line did not go on to the checklist:\n%s", people, h.view())
		}
		if people != "" {
			h.requireView("Participants Ana ", "Ben ")
			h.refuseView("Ben…") // the blank line is gone, not shown as more to come
		}
		h.press("enter")
		h.requireView("item 1 of 4")
		p := loadPlan(t, filepath.Join("plans", "2027-03-14-acme-spring.yaml"))
		if want := review.SplitNames(people); p.Facilitator != "Sam" || !slices.Equal(p.Participants, want) {
			t.Fatalf("created %q %q, want participants %q", p.Facilitator, p.Participants, want)
		}
	}
}

// In a small terminal (60x16) the form's problems made it taller than
// the window, and the hint under it was cut mid-sentence ("Press enter on
// the checklist, or ctrl+s anywhere, to"). The title gives way first,
// then where the plan goes and the hint, which the problems stand in for
// until they are mended.
func TestASmallSetUpFormWithProblemsCutsNoSentence(t *testing.T) {
	t.Chdir(t.TempDir())
	h := rvStart(t, Options{Dir: "plans"}, 60, 16)
	h.press("ctrl+s")
	h.requireView("the organisation's name is needed", "a title is needed")
	if v := oneSpaced(h.view()); strings.Contains(v, "ctrl+s anywhere") && !strings.Contains(v, "create it and begin.") {
		t.Fatalf("the hint is cut mid-sentence:\n%s", h.view())
	}
	h.typeText("Acme Café Ltd")
	h.requireView("a title is needed")
	requireWords(t, h.view(), "ctrl+s, or enter on the checklist, creates it and begins.") // in a line, beside where it goes
	if n := countLines(h.view()); n > 16 {
		t.Fatalf("the form is %d lines in a window of 16:\n%s", n, h.view())
	}
}

func TestSetUpRequiresOrganisationAndTitleWithoutLosingWhatWasTyped(t *testing.T) {
	t.Chdir(t.TempDir())
	dir := "plans"
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("tab", "tab")
	h.typeText("Sam Patel")
	h.press("ctrl+s")
	h.requireView("the organisation's name is needed", "a title is needed", "Sam Patel")
	if fs := h.a.screen(screenSetup).(*setupScreen); fs.focus != setupOrg {
		t.Fatalf("focus on field %d, want the organisation", fs.focus)
	}
	h.typeText("Acme Café Ltd")
	h.refuseView("the organisation's name is needed")
	h.requireView("a title is needed", "Will be saved as "+filepath.Join(dir, "2027-03-14-acme-cafe-ltd.yaml"))
	h.press("tab")
	h.typeText("Spring review")
	h.requireView("2027-03-14-acme-cafe-ltd-spring-review.yaml")
	h.press("tab", "tab")
	h.typeText("Ana Lópes, Ben\nChidi 🚀")
	h.press("tab") // the checklist: enter creates
	h.press("enter")

	h.requireView("item 1 of 4", "Develop a clear vision")
	path := filepath.Join(dir, "2027-03-14-acme-cafe-ltd-spring-review.yaml")
	p := loadPlan(t, path)
	if p.Organisation != "Acme Café Ltd" || p.Title != "Spring review" || p.Facilitator != "Sam Patel" ||
		strings.Join(p.Participants, "|") != "Ana Lópes|Ben|Chidi 🚀" || p.Date != rvToday || p.ChecklistRef.ID != "smc-progression" {
		t.Fatalf("created %+v", p)
	}
}

// A plan's name mistyped on the command line (ladder review
// plans/acme-sprng.yaml): the form said only that there is no plan there,
// and a review begun from it was a second plan beside the one meant. It
// names the plan in that folder whose name is one or two letters away,
// and how to open it.
func TestSetUpNamesThePlanAMistypedNameMeant(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	meant := filepath.Join("plans", "acme-spring.yaml")
	writePlanFile(t, meant, rvNewPlan(t))
	h := rvStart(t, Options{PlanPath: filepath.Join("plans", "acme-sprng.yaml")}, 80, 24)
	h.requireView("A new review")
	requireWords(t, h.view(), "Did you mean "+meant+"? To open it, press ctrl+c and run ladder review "+meant+".")
	// In a small window, where the introduction gives way, in a line.
	h = rvStart(t, Options{PlanPath: filepath.Join("plans", "acme-sprng.yaml")}, 60, 16)
	requireWords(t, h.view(), "Did you mean "+meant+"?")

	// A name with no plan near it is only new.
	h = rvStart(t, Options{PlanPath: filepath.Join("plans", "bea-autumn.yaml")}, 80, 24)
	h.requireView("A new review")
	h.refuseView("Did you mean")
}

func TestSetUpWritesExactlyThePlanNamedOnTheCommandLine(t *testing.T) {
	t.Chdir(t.TempDir())
	path := filepath.Join("elsewhere", "our review.yaml")
	h := rvStart(t, Options{PlanPath: path}, 80, 24)
	// A plan named that does not exist may be a typo for one that does:
	// the screen says there is none there, not only that it is new.
	h.requireView("A new review", "There is no plan at "+path+" yet: this review makes it.", "Will be saved as "+path)
	h.typeText("Acme")
	h.press("tab")
	h.typeText("Spring")
	h.press("ctrl+s")
	h.requireView("item 1 of 4")
	if p := loadPlan(t, path); p.Organisation != "Acme" {
		t.Fatalf("created %+v", p)
	}
}

func TestSetUpWithAChecklistFile(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "checklists", "ours.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, checklisttest.YAML(12), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "plans")
	h := rvStart(t, Options{Dir: dir, Checklist: file}, 100, 30)
	h.requireView("(•) " + file)
	h.typeText("Acme")
	h.press("tab")
	h.typeText("Ours")
	h.press("ctrl+s")
	h.requireView("item 1 of")
	p := loadPlan(t, filepath.Join(dir, "2027-03-14-acme-ours.yaml"))
	if p.ChecklistRef.File != "../checklists/ours.yaml" || p.Checklist.Len() != 12 {
		t.Fatalf("checklist ref %+v, %d items", p.ChecklistRef, p.Checklist.Len())
	}
}

func TestHelpListsEveryKeyFromTheKeyMaps(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 60)
	h.press("?")
	// Grouped by what the person is doing, each group under its heading
	// (issue 12.7), with every way of typing a due date.
	h.requireView("Keys", "Rating this item", "Moving between items", "In the action, owner, due date, status and notes",
		"Everywhere", "Typing text",
		"r/1", "Red", "a/2", "Amber", "g/3", "Green",
		"enter", "rate with the level chosen",
		"tab", "next field", "shift+tab", "esc", "back to the rating",
		"ctrl+n/pgdn", "next item",
		"ctrl+a/ctrl+e",
		"o", "overview", "?", "help", "q", "save & quit", "ctrl+c",
		"Typing a due date", "31/03/2027", "next Friday", "end of March")
	v := h.view()
	if strings.Index(v, "Everywhere") > strings.Index(v, "Typing text") {
		t.Error("the text-editing keys come before the keys used everywhere")
	}
	h.press("esc")
	h.requireView("item 1 of 4")

	// The help of the overview is the overview's.
	h.press("o", "?")
	h.requireView("open the item", "next item not rated")
	h.press("?")
	if h.a.active != screenOverview {
		t.Fatalf("? in help went to screen %d", h.a.active)
	}
}

func TestHelpShowsTheGlossaryWhenTheChecklistHasOne(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "ours.yaml")
	data := append(checklisttest.YAML(6), []byte("glossary:\n  - term: Progression\n    definition: Moving up, or on, at work.\n    source: SMC\n")...)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{PlanPath: filepath.Join(root, "plans", "x.yaml"), Checklist: file}, 100, 40)
	h.typeText("Acme")
	h.press("tab")
	h.typeText("Ours")
	h.press("ctrl+s", "?", "end")
	h.requireView("Words used in the checklist", "Progression: Moving up, or on, at work. (SMC)")
}

// The checklist's own introduction (what the source says the whole
// checklist is for) ends the help, whole and credited, for every built-in
// checklist at 80x24: it was loaded and checked but shown nowhere.
func TestHelpEndsWithTheChecklistsIntroduction(t *testing.T) {
	for _, b := range checklist.Builtins() {
		id := b.ID
		c, p := rvPlanOf(t, id)
		h, _ := rvOpen(t, p, 80, 24)
		h.press("?", "end")
		text := squeeze(ansi.Strip(strings.Join(h.a.screen(screenHelp).(*helpScreen).draw(), "\n")))
		for _, want := range []string{"About this checklist: " + c.Title, c.Intro, "— " + c.Credit()} {
			if c.Intro == "" || !strings.Contains(text, squeeze(want)) {
				t.Errorf("%s: the help lacks %q", id, want)
			}
		}
		requireFits(t, h, 80, 24)
	}
}

func TestAChecklistFlagDoesNotHidePlansOfOtherChecklists(t *testing.T) {
	dir := rvPlansFolder(t) // plans of the built-in checklist
	file := "ours.yaml"
	if err := os.WriteFile(file, checklisttest.YAML(12), 0o644); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{Dir: dir, Checklist: file}, 100, 30)
	h.requireView("Acme Café Ltd: Spring review", "14/21 rated", "東京 Bakery 🍞: Autumn review")
}

// A folder mixing checklists: an employer's two plans of one spring, the
// progression checklist's and the Building Blocks', both "Spring review",
// were listed alike. Each plan's line names its checklist where the folder
// holds plans of more than one, and only there.
func TestStartNamesEachPlansChecklistInAFolderMixingThem(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir}, 100, 30)
	h.requireView("14/21 rated")
	h.refuseView("smc-progression")

	_, bb := rvPlanOf(t, "smc-building-blocks")
	bb.Organisation, bb.Title = "Acme Café Ltd", "Spring review"
	bb.Date = plans.Date{Year: 2027, Month: 3, Day: 2}
	if err := os.WriteFile(filepath.Join(dir, "2027-03-02-acme-bb.yaml"), plans.Encode(bb), 0o644); err != nil {
		t.Fatal(err)
	}
	h = rvStart(t, Options{Dir: dir}, 100, 30)
	h.requireView("0/42 rated · Tue 2 Mar 2027 · smc-building-blocks · 2027-03-02-acme-bb.yaml",
		"14/21 rated · Mon 1 Mar 2027 · smc-progression · 2027-03-01-acme-spring.yaml")
}

// On a projector the start screen names plans by organisation, title and
// progress, never by file or folder (issue 10.7), and says how many files
// could not be opened without naming them; P shows them all again.
func TestStartInPresenterModeShowsNoFileNames(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir, Present: true}, 100, 30)
	h.requireView("Resume a review", "東京 Bakery 🍞: Autumn review", "2/21 rated · Wed 10 Mar 2027",
		"1 plan file could not be opened: press P to leave presenter mode")
	if v := h.view(); strings.Contains(v, ".yaml") || strings.Contains(v, "from "+dir) {
		t.Fatalf("presenter mode shows a file or folder name:\n%s", v)
	}
	h.press("P")
	h.requireView("2027-03-10-tokyo-autumn.yaml", "Resume a review from "+dir, "Could not open", "broken.yaml:2:")
}

// The new-review form on a projector names no file or folder: the room
// sees the questions, not where the plan will be kept.
func TestSetUpInPresenterModeShowsNoFileNames(t *testing.T) {
	dir := rvPlansDir(t)
	for _, opts := range []Options{
		{Dir: dir, Present: true}, // the first run: the welcome
		{Dir: dir, Present: true, PlanPath: filepath.Join(dir, "ws.yaml")}, // a plan named that is not there
	} {
		h := rvStart(t, opts, 100, 30)
		h.requireView("Organisation", "Review title")
		if v := h.view(); strings.Contains(v, ".yaml") || strings.Contains(v, "plans") {
			t.Fatalf("presenter mode shows a file or folder name:\n%s", v)
		}
		h.press("f5") // presenter mode off: where it goes is said again
		// Where it goes is on lines of its own when long: read across them.
		if v := h.view(); !strings.Contains(strings.Join(strings.Fields(v), ""), "Willbesavedas"+cmp.Or(opts.PlanPath, dir)) {
			t.Fatalf("presenter mode off, the form does not say where it saves:\n%s", v)
		}
	}
}

// The checklist's credit ends on the body's last line, just above the
// footer, at any size and with or without plans to list; it sat a line
// higher, over a blank line the screen's sums had left by mistake; and
// in the smallest window, where "(+1 more)" made the last plan's line
// wrap, the credit's last line was cut off.
func TestTheStartScreensCreditSitsAtTheBottom(t *testing.T) {
	rvPlansFolder(t)
	if err := os.MkdirAll("one", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := createPlan(filepath.Join("one", "acme.yaml"), rvNewPlan(t)); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"plans", "one"} {
		for _, size := range [][2]int{{60, 16}, {80, 24}, {100, 30}, {240, 67}} {
			h := rvStart(t, Options{Dir: dir}, size[0], size[1])
			lines := strings.Split(strings.TrimRight(h.view(), "\n"), "\n")
			if len(lines) != size[1] {
				t.Fatalf("%dx%d: the view has %d lines", size[0], size[1], len(lines))
			}
			if last := lines[len(lines)-3]; !strings.Contains(last, "Licence v3.0") {
				t.Errorf("%dx%d (%s): the credit does not end just above the footer:\n%s", size[0], size[1], dir, h.view())
			}
		}
	}
}

// A long --dir: where the new review will be saved is shown whole where it
// fits, else broken after a slash, never at a hyphen of the file's name
// (a workshop day found "…/2027-03-14-" and "plan.yaml" on two lines).
func TestTheNewReviewFormBreaksAPathAtASlash(t *testing.T) {
	t.Chdir(t.TempDir())
	dir := filepath.Join("workshops", "acme-cafe-ltd", "spring-review-with-the-whole-team", "plans-kept-in-git")
	path := filepath.Join(dir, "2027-03-14-plan.yaml")
	for _, w := range []int{60, 80, 100, 120} {
		h := rvStart(t, Options{Dir: dir}, w, 30)
		v := h.view()
		lines := strings.Split(v, "\n")
		at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Will be saved as") })
		if at < 0 {
			t.Fatalf("%d columns: the form does not say where it saves:\n%s", w, v)
		}
		var got []string
		for _, l := range lines[at:] {
			l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "Will be saved as"))
			if l != "" {
				got = append(got, l)
			}
			if strings.HasSuffix(l, ".yaml") {
				break
			}
		}
		if strings.Join(got, "") != path {
			t.Fatalf("%d columns: the path reads %q, want %q:\n%s", w, got, path, v)
		}
		for _, l := range got[:len(got)-1] {
			if !strings.HasSuffix(l, string(filepath.Separator)) {
				t.Errorf("%d columns: the path breaks after %q, not at a slash:\n%s", w, l, v)
			}
		}
		if ansi.StringWidth(path)+2 <= w-2 && len(got) != 1 {
			t.Errorf("%d columns: the path fits a line but is broken: %q", w, got)
		}
		requireFits(t, h, w, 30)
	}
}

// A facilitator's plans folder often holds several organisations' plans:
// on the projector, the start screen names none of their late actions
// (another client's "⚠ 2 late" is not the room's business), and P, turning
// presenter mode off, shows them again. Goldens of all three.
func TestStartPresenterModeHidesOtherPlansLateCounts(t *testing.T) {
	lateFolder := func(t *testing.T) string {
		dir := rvPlansFolder(t)
		p := rvNewPlan(t)
		p.Organisation, p.Title = "Bolt Logistics", "Winter review"
		p.Date = plans.Date{Year: 2026, Month: 12, Day: 1}
		for i, id := range []string{"lc-vision", "lc-leadership"} {
			r := p.Response(id)
			r.Rating, r.Action, r.Owner, r.Due = "red", "Chase this", "Kim", plans.Date{Year: 2027, Month: 1, Day: 10 + i}
		}
		path := filepath.Join(dir, "2026-12-01-bolt-winter.yaml")
		writePlanFile(t, path, p)
		mt := time.Date(2027, 3, 14, 11, 0, 0, 0, time.UTC)
		if err := os.Chtimes(path, mt, mt); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for _, tc := range []struct {
		name string
		keys []string
		size [2]int
	}{
		{"late-80x24", nil, [2]int{80, 24}},
		{"late-present-80x24", []string{"P"}, [2]int{80, 24}},
		{"late-present-60x16", []string{"P"}, [2]int{60, 16}},
		{"late-present-off-80x24", []string{"P", "P"}, [2]int{80, 24}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, h := tc.size[0], tc.size[1]
			rvGolden(t, w, h, "Winter review", func(t *testing.T) *app {
				hs := rvStart(t, Options{Dir: lateFolder(t)}, w, h)
				hs.requireView("Bolt Logistics: Winter review", "⚠ 2 late")
				hs.press(tc.keys...)
				v := hs.view()
				if present := len(tc.keys)%2 == 1; present == strings.Contains(v, "late") {
					t.Errorf("presenter mode %v, the list shows late actions: %v\n%s", present, !present, v)
				}
				return hs.a
			})
		})
	}
}

// In a small window, with a review under way chosen, the start screen
// still shows how to open it and to begin a new one (c, which only asks
// again there, is left out of the footer; on last year's plan it shows,
// TestTheStartScreensFooterOffersCWhereItBeginsTheNextReview) and still
// credits the checklist's wording to the Social Mobility Commission
// under the OGL v3.0: the credit shortens to the Commission's name and
// the licence's, and the list of files that do not open is cut before
// either.
func TestTheStartScreenKeepsCAndTheCreditInASmallWindow(t *testing.T) {
	brokenFolder := func(t *testing.T) string {
		dir := rvPlansFolder(t)
		if err := os.WriteFile(filepath.Join(dir, "zz-broken.yaml"), []byte("title: [\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		w, ht := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, ht), func(t *testing.T) {
			rvGolden(t, w, ht, "Open Government Licence v3.0", func(t *testing.T) *app {
				h := rvStart(t, Options{Dir: brokenFolder(t)}, w, ht) // a review under way chosen
				requireFits(t, h, w, ht)
				v := strings.Join(strings.Fields(h.view()), " ")
				for _, want := range []string{"n new review", "enter open", "Social Mobility Commission", "Open Government Licence v3.0", "Could not open"} {
					if !strings.Contains(v, want) {
						t.Errorf("%dx%d: the start screen lacks %q:\n%s", w, ht, want, h.view())
					}
				}
				return h.a
			})
		})
	}
}

// Many files that do not open, in a small window: their list is cut,
// saying where to see them all, before the credit or a plan would be. At
// 80x24 they all show, and both plans.
func TestTheStartScreenCutsTheFilesThatDoNotOpenFirst(t *testing.T) {
	dir := rvPlansFolder(t)
	for _, name := range []string{"b1.yaml", "b2.yaml", "b3.yaml", "b4.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("title: [\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h := rvStart(t, Options{Dir: dir}, size[0], size[1]) // a review under way chosen
		requireFits(t, h, size[0], size[1])
		v := strings.Join(strings.Fields(h.view()), " ")
		wants := []string{"Autumn review", "enter open", "Social Mobility Commission", "Open Government Licence v3.0", "Could not open"}
		if size[0] == 60 {
			wants = append(wants, "ladder check plans lists them all")
		} else {
			wants = append(wants, "Spring review", "b4.yaml")
		}
		for _, want := range wants {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the start screen lacks %q:\n%s", size[0], size[1], want, h.view())
			}
		}
	}
	// Run from docs/minutes in a repository: the folder is named from the
	// top, but the command must be one the shell runs from here ("ladder
	// check plans" there found nothing).
	for _, d := range []string{".git", filepath.Join("docs", "minutes")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join("docs", "minutes"))
	h := rvStart(t, Options{Dir: filepath.Join("..", "..", dir)}, 60, 16)
	if v := oneSpaced(h.view()); !strings.Contains(v, "ladder check ../../plans lists them all") {
		t.Errorf("from docs/minutes, the command to list the files that do not open is not one to run there:\n%s", h.view())
	}
}

// The new-review form, reached from the plans, says esc goes back to them
// wherever its footer has room for more than ctrl+s: on a projector
// (160x45, presenter mode) it showed shift+tab and left esc out, so the
// one way out on screen was ctrl+c, which quits ladder without creating
// the plan, in front of the room.
func TestSetUpFromThePlansSaysEscGoesBack(t *testing.T) {
	dir := rvPlansFolder(t)
	for _, size := range [][2]int{{100, 30}, {160, 45}, {240, 67}} {
		h := rvStart(t, Options{Dir: dir, Present: true}, size[0], size[1])
		h.press("n")
		h.requireView("A new review", "Organisation")
		if v := h.view(); !strings.Contains(v, "esc back to the plans") {
			t.Errorf("%dx%d: the footer does not say esc goes back:\n%s", size[0], size[1], v)
		}
	}
}

// Someone back after a week to a review left half way wants to carry on
// with it: the start screen chooses the latest review under way (not
// every item rated, held in the last half year), for enter to open, and
// says that "Begin a new review" is one key away (n, or ↑).
func TestTheStartScreenChoosesTheReviewUnderWay(t *testing.T) {
	dir := rvPlansFolder(t) // both under way: 東京 Bakery's was changed last
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h := rvStart(t, Options{Dir: dir}, size[0], size[1])
		h.requireView("› 東京 Bakery 🍞: Autumn review", "Begin a new review (n)")
		h.refuseView("› Begin a new review")
		requireFits(t, h, size[0], size[1])
	}
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("enter")
	h.requireView("item 2 of 4", "Strong leadership")
	if got := h.a.c.session.Path(); got != filepath.Join(dir, "2027-03-10-tokyo-autumn.yaml") {
		t.Fatalf("enter opened %s", got)
	}
	// ↑ and enter, or n, begin a new review.
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("up")
	h.requireView("› Begin a new review")
	h.refuseView("Begin a new review (n)")
	h.press("enter")
	h.requireView("A new review", "Organisation")
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("n")
	h.requireView("A new review", "Organisation")
}

// The review chosen is the organisation's latest: last year's plan, left
// with items unrated and opened again (so changed last), is not the one
// to go on with when this year's is under way. With no review under
// way (every plan rated and its next steps answered, or only an old one
// left half way), "Begin a new review" stays chosen, as before.
func TestTheStartScreenChoosesOnlyTheOrganisationsLatestReviewUnderWay(t *testing.T) {
	t.Chdir(t.TempDir())
	dir := "plans"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, p *plans.Plan, age time.Duration) {
		path := filepath.Join(dir, name)
		writePlanFile(t, path, p)
		mt := time.Date(2027, 3, 14, 12, 0, 0, 0, time.UTC).Add(-age)
		if err := os.Chtimes(path, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	rate := func(p *plans.Plan, n int) *plans.Plan {
		for i, e := range p.Checklist.Items() {
			if i < n {
				p.Response(e.Item.ID).Rating = "green"
			}
		}
		return p
	}
	old := rate(rvNewPlan(t), 5)
	old.Title, old.Date = "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 1}
	write("acme-2026.yaml", old, time.Hour)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("› Begin a new review", "Acme Café Ltd: Spring review 2026")

	// Rated in full, the laptop dead in the next steps: still under way.
	done := rate(rvNewPlan(t), 21)
	done.Title = "Spring review 2027"
	write("acme-2027.yaml", done, 2*time.Hour)
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("› Acme Café Ltd: Spring review 2027", "Begin a new review (n)")

	done.FollowUps = checklisttest.FilledPlan(done.Checklist, 1).FollowUps // its next steps answered too
	write("acme-2027.yaml", done, 2*time.Hour)
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("› Begin a new review")
	h.refuseView("(n)")

	done = rate(rvNewPlan(t), 3)
	done.Title = "Spring review 2027"
	write("acme-2027.yaml", done, 2*time.Hour)
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("› Acme Café Ltd: Spring review 2027", "Begin a new review (n)")
	v := h.view()
	if strings.Index(v, "Spring review 2026") > strings.Index(v, "Spring review 2027") {
		t.Fatalf("last year's plan, changed last, is no longer listed first:\n%s", v)
	}
}

// choosePlan moves the start screen's cursor to the first plan whose
// organisation and title include name, with ↑ and ↓ as a person would:
// the list opens on the review under way, if there is one.
func choosePlan(h *rvHarness, name string) {
	h.t.Helper()
	s := h.a.screen(screenStart).(*startScreen)
	for i, f := range s.plans {
		if !strings.Contains(f.Plan.Organisation+": "+f.Plan.Title, name) {
			continue
		}
		for s.cursor > i+1 {
			h.press("up")
		}
		for s.cursor < i+1 {
			h.press("down")
		}
		return
	}
	h.t.Fatalf("no plan %q on the start screen:\n%s", name, h.view())
}

// The list opens on the review under way, and c there would begin next
// year's review from this year's, half done, leaving it "carried on": the
// first c says so and that enter goes on with it; a second c carries it
// on all the same. Last year's plan carries on at the first c, as before.
func TestCOnAReviewUnderWayAsksAgain(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("› 東京 Bakery 🍞: Autumn review")
	h.press("c")
	if h.a.active != screenStart {
		t.Fatalf("c on the review under way left the list for screen %d", h.a.active)
	}
	requireWords(t, h.view(), "This review is under way (2 of 21 rated): enter goes on with it. Press c again to begin the next review from it all the same.")
	h.press("down", "c") // another key in between: asked again
	h.requireView("› Acme Café Ltd: Spring review")
	if h.a.active != screenStart {
		t.Fatalf("c on another review under way left the list for screen %d", h.a.active)
	}
	h.press("c")
	h.requireView("Next review, carried on")

	dir, _, _ = carryFolder(t) // last year's plan: c carries it on at once
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("down", "c")
	h.requireView("Next review, carried on")
}

// The plan chosen stays chosen when the list is read again (back from
// the set-up form), though a plan saved meanwhile (on another laptop, a
// git pull) is listed above it: enter opens the plan that was chosen.
func TestTheStartScreenKeepsThePlanChosenWhenTheListIsReadAgain(t *testing.T) {
	dir := rvPlansFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	choosePlan(h, "Acme Café Ltd: Spring review")
	h.press("n")
	h.requireView("A new review", "Organisation")
	p := rvNewPlan(t)
	p.Organisation, p.Title = "Zoë's Deli", "Summer review"
	path := filepath.Join(dir, "2027-03-14-zoe-summer.yaml")
	writePlanFile(t, path, p)
	mt := time.Date(2027, 3, 14, 13, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, mt, mt); err != nil {
		t.Fatal(err)
	}
	h.press("esc")
	h.requireView("Zoë's Deli: Summer review", "› Acme Café Ltd: Spring review")
}

// The footer offers c where it begins the next review: on last year's
// plan. On a review under way, which the list opens on, c only asks
// again (a second c carries it on all the same), so the footer leaves it
// out and keeps "n new review" in its place, in a small window too; ?
// still lists c.
func TestTheStartScreensFooterOffersCWhereItBeginsTheNextReview(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		w, ht := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, ht), func(t *testing.T) {
			h := rvStart(t, Options{Dir: rvPlansFolder(t)}, w, ht) // a review under way chosen
			h.requireView("› 東京 Bakery 🍞: Autumn review")
			footer := lastLine(h.view())
			if strings.Contains(footer, "c next review") || !strings.Contains(footer, "n new review") || !strings.Contains(footer, "enter open") {
				t.Errorf("on a review under way the footer reads %q", footer)
			}
			h.press("?")
			requireWords(t, h.view(), "c begin the next review from this plan, with its open actions")

			dir, _, _ := carryFolder(t) // last year's plan
			h = rvStart(t, Options{Dir: dir}, w, ht)
			h.press("down")
			if footer := lastLine(h.view()); !strings.Contains(footer, "c next review") {
				t.Errorf("on last year's plan the footer reads %q", footer)
			}
		})
	}
}

// A team that keeps a folder per year has no plan in plans itself:
// ladder there said it found none, and to run it in the folder that holds
// them. The welcome names the folders that do hold plans, newest first,
// and the command that lists one.
func TestWithPlansOnlyInYearFoldersTheWelcomeNamesThem(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"plans/2025/acme.yaml", "plans/2026/acme.yaml", "plans/2026/bea.yaml"} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		writePlanFile(t, name, rvNewPlan(t))
	}
	if err := os.MkdirAll("plans/notes", 0o755); err != nil { // holds no plan
		t.Fatal(err)
	}
	// In 2026, whose folder holds plans already: it is the list, with
	// 2025's review under it, to carry on.
	h := rvStart(t, Options{Dir: "plans", Today: plans.Date{Year: 2026, Month: 11, Day: 2}}, 80, 24)
	h.requireView("Resume a review from plans/2026", "Begin this year's review from one of 2025's in plans/2025")
	h.refuseView("Welcome")

	// Folders not named after years hold them: the welcome names them.
	for _, name := range []string{"clients/acme.yaml", "clients/bea.yaml"} {
		name = filepath.Join("elsewhere", name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		writePlanFile(t, name, rvNewPlan(t))
	}
	h = rvStart(t, Options{Dir: "elsewhere"}, 80, 24)
	requireWords(t, h.view(), "Made a review before? Yours are in elsewhere/clients: press ctrl+c and run ladder review --dir elsewhere/clients to list that folder's.")
	// They have: the welcome does not call this their first review, as it
	// did to an employer back a year later.
	h.requireView("Welcome back to ladder", "Let's begin a review.")
	h.refuseView("your first review")
}

// A new year, and no folder for it yet: ladder in plans told someone to
// quit and run ladder review --dir plans/2027, a command to type, to
// begin this year's review from last year's. The start screen lists last
// year's review, chosen, and says what c does with it; in a small window
// (60x16) too, with what c is in the footer. In this year's folder named
// (ladder review --dir plans/2027) the list is the same.
func TestANewYearListsLastYearsReviewToCarryOn(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, year := range []int{2025, 2026} {
		name := filepath.Join("plans", fmt.Sprint(year), "acme.yaml")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		p := rvNewPlan(t)
		p.Date.Year = year
		writePlanFile(t, name, p)
	}
	for _, dir := range []string{"plans", "plans/2027"} {
		for _, size := range [][2]int{{80, 24}, {60, 16}} {
			t.Run(fmt.Sprintf("%s-%dx%d", dir, size[0], size[1]), func(t *testing.T) {
				h := rvStart(t, Options{Dir: dir}, size[0], size[1]) // in 2027
				h.requireView("Begin this year's review from one of 2026's in plans/2026", "› Acme Café Ltd: Spring review", "c begin 2027")
				h.refuseView("Welcome", "plans/2025")
				requireWords(t, h.view(), "Press c to begin this year's review from it, in plans/2027, with its participants and checklist (it has nothing open to carry on); enter opens it as it is.")
				if n := countLines(h.view()); n > size[1] {
					t.Fatalf("the start screen is %d lines in a window of %d:\n%s", n, size[1], h.view())
				}
				if h.a.c.opts.Dir != filepath.Join("plans", "2027") {
					t.Fatalf("the plans folder is %s, not this year's", h.a.c.opts.Dir)
				}
			})
		}
	}
}

// On the start screen at 60 columns, a plan that does not load under a
// long name had its path fill the line and the rest of its place start
// the next with a lone colon (":2:15: this [ is never closed"), and the
// message's last word, a "]", stand alone on a line of its own. Nothing
// starts a line with a closing punctuation mark, at any length of name.
func TestABrokenPlansLongPathKeepsItsColon(t *testing.T) {
	for n := 36; n <= 60; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.MkdirAll("plans", 0o755); err != nil {
				t.Fatal(err)
			}
			name := strings.Repeat("a", n-len(".yaml")) + ".yaml"
			if err := os.WriteFile(filepath.Join("plans", name), []byte("schema: 1\norganisation: [oops\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			h := rvStart(t, Options{Dir: "plans"}, 60, 16)
			h.requireView("Could not open", "is never closed")
			v := h.view()
			for line := range strings.SplitSeq(v, "\n") {
				if l := strings.TrimSpace(line); l != "" && strings.ContainsRune(":;,.)]}", []rune(l)[0]) {
					t.Fatalf("a line starts with %q:\n%s", l[:1], v)
				}
			}
			if !strings.Contains(oneSpaced(v), ":2:15: this [ is never closed") {
				t.Fatalf("the place or the problem is lost:\n%s", v)
			}
		})
	}
}

// Run from docs/minutes with --dir ../../elsewhere, the welcome named
// the folders that hold plans "../../elsewhere/clients", and the folder
// itself as given, unfiltered, where the screens name a plan from the
// top: it names both from the top (plans.ShownPath, in review.FolderList
// for the accessible prompts too); the command to type keeps the
// shell's ../../.
func TestFromAnotherFolderTheWelcomeNamesFoldersFromTheTop(t *testing.T) {
	top := t.TempDir()
	for _, dir := range []string{".git", filepath.Join("docs", "minutes"), filepath.Join("elsewhere", "clients")} {
		if err := os.MkdirAll(filepath.Join(top, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writePlanFile(t, filepath.Join(top, "elsewhere", "clients", "acme.yaml"), rvNewPlan(t))
	t.Chdir(filepath.Join(top, "docs", "minutes"))
	command := regexp.MustCompile(`ladder [a-z]+(?: --[a-z]+)* (?:\.\./)+`)
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h := rvStart(t, Options{Dir: filepath.Join("..", "..", "elsewhere")}, size[0], size[1])
		view := h.view()
		if size[0] == 80 {
			requireWords(t, view, "in the folder elsewhere.")
			requireWords(t, view, "Made a review before? Yours are in elsewhere/clients: press ctrl+c and run ladder review --dir ../../elsewhere/clients to list that folder's.")
		} else {
			requireWords(t, view, "Your earlier plans are in elsewhere/clients.")
		}
		if said := command.ReplaceAllString(oneSpaced(view), ""); strings.Contains(said, "../") {
			t.Errorf("at %dx%d a folder is named from docs/minutes, not from the top:\n%s", size[0], size[1], view)
		}
	}
}

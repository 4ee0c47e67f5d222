package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// carryFolder makes a working folder whose plans folder holds last year's
// plan, filled in (seed 3: 14 open actions and 3 open steps), dated
// 14 Mar 2026, and returns the folder and the plan's path.
func carryFolder(t *testing.T) (dir, path string, prev *plans.Plan) {
	t.Helper()
	t.Chdir(t.TempDir())
	dir = "plans"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	prev = checklisttest.FilledPlan(c, 3)
	prev.Title, prev.Date = "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
	path = filepath.Join(dir, "acme-2026.yaml")
	writePlanFile(t, path, prev)
	return dir, path, prev
}

// writePlanFile writes p to path, as a person's editor would.
func writePlanFile(t *testing.T, path string, p *plans.Plan) {
	t.Helper()
	if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
}

// carryOnFromStart opens the start screen on dir at w×h and carries the
// first plan on: c, the title "Spring review 2027", ctrl+s.
func carryOnFromStart(t *testing.T, dir string, w, h int) *rvHarness {
	t.Helper()
	hs := rvStart(t, Options{Dir: dir}, w, h)
	hs.press("down", "c")
	hs.typeText("Spring review 2027")
	hs.press("ctrl+s")
	return hs
}

// c on a plan in the start screen's list begins the next review from it:
// the form is filled from it and says what comes across; the new plan has
// last year's open actions, last year's plan gains its next_review line
// and nothing else, and each item shows last year's rating.
func TestStartCarriesAPlanOnIntoTheNextReview(t *testing.T) {
	dir, oldPath, prev := carryFolder(t)
	before, _ := os.ReadFile(oldPath)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	// A year on, the list opens on last year's plan (TestLastYearsPlanIn…).
	h.requireView("› Acme Café Ltd: Spring review 2026", "c next review")
	// c shows in the footer only while a plan is chosen: on "Begin a new
	// review", and to someone who has never made a review, it means nothing.
	h.press("up")
	h.refuseView("carry on", "next review")
	h.press("down", "c")
	h.requireView("Organisation Acme Café Ltd", "Facilitator  "+prev.Facilitator, "Spring review 2027 (suggested)")
	requireWords(t, h.view(), "Carries on 14 open actions, 3 of them also project-plan steps from acme-2026.yaml, Spring review 2026 of Sat 14 Mar 2026; ratings start afresh, on its checklist.")
	h.typeText("Spring review 2027")
	h.press("ctrl+s")
	h.requireView("item 1 of 4", "Last review (Sat 14 Mar 2026): ▲ Amber · its action is carried on below",
		"Action Agree a survey of socio-economic background")

	next := h.a.c.session.Path()
	p := loadPlan(t, next)
	if p.PreviousReview != "acme-2026.yaml" || len(p.ActionsToChase()) == 0 || p.Organisation != "Acme Café Ltd" {
		t.Fatalf("the new plan: previous review %q, %d actions to chase, organisation %q", p.PreviousReview, len(p.ActionsToChase()), p.Organisation)
	}
	after, _ := os.ReadFile(oldPath)
	line := []byte("next_review: " + filepath.Base(next) + "\n")
	if !bytes.Equal(bytes.Replace(after, line, nil, 1), before) {
		t.Fatalf("last year's plan changed by more than its next_review line:\n%s", after)
	}

	// Back on the start screen, last year's plan says where it went, and
	// c on it chooses that review rather than carrying it on twice.
	h2 := rvStart(t, Options{Dir: dir}, 100, 30)
	h2.requireView("Spring review 2026 → carried on", "next review "+filepath.Base(next)+" · 21/21 rated")
	for i, f := range h2.a.screen(screenStart).(*startScreen).plans {
		if f.Path == oldPath {
			for range i + 1 {
				h2.press("down")
			}
		}
	}
	h2.press("c")
	requireWords(t, h2.view(), "acme-2026.yaml was carried on already, to "+filepath.Base(next)+": its open actions are chased there; that one is chosen now, press enter to open it.")
	h2.press("enter")
	if got := h2.a.c.session.Path(); got != next {
		t.Fatalf("opened %s, not the next review %s", got, next)
	}
}

// requireWords fails unless the screen says words, however they wrap.
func requireWords(t *testing.T, view, words string) {
	t.Helper()
	if !strings.Contains(oneSpaced(view), words) {
		t.Fatalf("the screen does not say %q; it shows:\n%s", words, view)
	}
}

// Last year's plan changed by someone else after it was chosen: nothing is
// written, and the form says why and what to do.
func TestCarryOnRefusesAPlanChangedSinceItWasChosen(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("down", "c")
	h.typeText("2027")
	theirs := saveTheirs(t, oldPath, func(p *plans.Plan) { p.Title = "Spring review 2026 (agreed)" })
	h.press("ctrl+s")
	requireWords(t, h.view(), "✗ acme-2026.yaml changed on disk after you chose it, so nothing was written: press esc and choose it again")
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the plans folder holds %d files, not last year's alone", len(entries))
	}
	if got, _ := os.ReadFile(oldPath); !bytes.Equal(got, theirs) {
		t.Fatal("last year's plan was written over")
	}
	// esc goes back, and a new review after it starts blank.
	h.press("esc", "n")
	h.refuseView("Organisation Acme Café Ltd", "Carries on")
}

// A plan that no longer loads when c is pressed is named, with why.
func TestCarryOnSaysWhenThePlanDoesNotLoad(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("down")
	if err := os.WriteFile(oldPath, []byte("schema: 1\norganisation: [oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.press("c")
	requireWords(t, h.view(), "✗ acme-2026.yaml does not load, so it cannot be carried on:")
	h.requireView("Resume a review")

	// On a projector, the problem names no file (its line does, and may
	// quote the file): P shows it.
	h.press("P", "c")
	requireWords(t, h.view(), "✗ That plan could not be opened: press P to leave presenter mode and see why.")
	if v := h.view(); strings.Contains(v, ".yaml") || strings.Contains(v, "oops") {
		t.Fatalf("presenter mode names a file:\n%s", v)
	}
	h.press("P")
	requireWords(t, h.view(), "✗ acme-2026.yaml does not load, so it cannot be carried on:")
}

// review NEW --from OLD opens the form carrying OLD on into NEW.
func TestReviewFromOpensTheFormCarryingOn(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	// In a repository, the two plans may be in folders of their own.
	if out, err := exec.Command("git", "init", "-q", ".").CombinedOutput(); err != nil {
		t.Skipf("git: %v %s", err, out)
	}
	f, err := plans.Open(oldPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	next := filepath.Join("2027", "acme.yaml")
	h := rvStart(t, Options{Dir: dir, PlanPath: next, CarryFrom: f}, 80, 24)
	h.requireView("Organisation Acme Café Ltd", "Will be saved as "+next)
	h.typeText("Spring review 2027")
	h.press("ctrl+s")
	h.requireView("item 1 of 4", "Last review (Sat 14 Mar 2026): ▲ Amber")
	if p := loadPlan(t, next); p.PreviousReview != "../plans/acme-2026.yaml" {
		t.Fatalf("previous_review: %q", p.PreviousReview)
	}
}

// The carry-on form and an item of the review it begins, at each golden
// size and the smallest window.
func TestCarryOnGoldens(t *testing.T) {
	for _, size := range append(rvGoldenSizes, [2]int{minWidth, minHeight}) {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("form-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "create", func(t *testing.T) *app {
				dir, _, _ := carryFolder(t)
				hs := rvStart(t, Options{Dir: dir}, w, h)
				hs.press("down", "c")
				return hs.a
			})
		})
		t.Run(fmt.Sprintf("item-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Last review", func(t *testing.T) *app {
				dir, _, _ := carryFolder(t)
				return carryOnFromStart(t, dir, w, h).a
			})
		})
	}
}

// This year's review removed after carrying last year's on (git rm, or a
// mistake undone): c on last year's plan says to delete its next_review
// line, never to open the review that is not there, which would begin a
// blank one under that name.
func TestCarryOnFromAPlanWhoseNextReviewWasRemoved(t *testing.T) {
	dir, oldPath, prev := carryFolder(t)
	prev.NextReview = "acme-2027.yaml"
	writePlanFile(t, oldPath, prev)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("down", "c")
	requireWords(t, h.view(), "acme-2026.yaml names a next review that does not take its actions on (\"acme-2027.yaml\" leads to no plan: plans/acme-2027.yaml is not there): if that review was removed on purpose, delete its next_review line, then carry it on again.")
	h.refuseView("open that one instead", "Next review, carried on")

	// On a projector the same, naming no file: P shows why.
	h.press("P", "c")
	requireWords(t, h.view(), "That review names a next review that does not take its actions on: if that review was removed on purpose, delete its next_review line, then carry it on again. Press P to leave presenter mode and see why.")
	if v := h.view(); strings.Contains(v, ".yaml") {
		t.Fatalf("presenter mode names a file:\n%s", v)
	}
}

// carryOnTo2027 carries the plan at oldPath on into a new review in dir,
// acme-2027.yaml, as ladder new --from does, and returns its path.
func carryOnTo2027(t *testing.T, dir, oldPath string) string {
	t.Helper()
	old, err := plans.Open(oldPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	next := filepath.Join(dir, "acme-2027.yaml")
	if _, _, err := plans.CreateNext(next, old, plans.New(old.Plan.Checklist, "Acme Café Ltd", "Spring review 2027", rvToday)); err != nil {
		t.Fatal(err)
	}
	return next
}

// On a projector, c on a plan carried on already says so in the words
// the command line uses, naming neither file, and chooses the review that
// took its actions on, for enter to open, as it does off the projector.
func TestCarryOnInPresenterModeChoosesTheNextReviewNamingNoFile(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	next := carryOnTo2027(t, dir, oldPath)
	h := rvStart(t, Options{Dir: dir, Present: true}, 80, 24)
	for i, f := range h.a.screen(screenStart).(*startScreen).plans {
		if f.Path == oldPath {
			for range i + 1 {
				h.press("down")
			}
		}
	}
	h.press("c")
	requireWords(t, h.view(), "That review was carried on already, to the next review: its open actions are chased there; that one is chosen now, press enter to open it.")
	if v := h.view(); strings.Contains(v, ".yaml") {
		t.Fatalf("presenter mode names a file:\n%s", v)
	}
	h.press("enter")
	if got := h.a.c.session.Path(); got != next {
		t.Fatalf("opened %s, not the next review %s", got, next)
	}
}

// Last year's plan, opened after it was carried on: its summary and each
// item with an open action say the actions are chased in the next review
// now, so that someone chasing them marks them done there, where ladder
// status and check look, not in last year's copy.
func TestAPlanCarriedOnSaysWhereItsActionsAreChased(t *testing.T) {
	t.Chdir(t.TempDir())
	dir := "plans"
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, next := filepath.Join(dir, "acme-2026.yaml"), filepath.Join(dir, "acme-2027.yaml")
	p := fuPlan(t)
	p.NextReview = "acme-2027.yaml"
	n := plans.New(p.Checklist, p.Organisation, "2027", fuToday)
	n.PreviousReview = "acme-2026.yaml"
	if err := createPlan(next, n); err != nil {
		t.Fatal(err)
	}
	a := fuAppAt(t, p, old, 80, 24)
	fuShow(t, a, screenSummary, 0)
	requireWords(t, fuView(a), "Open actions, by due date (3, 1 overdue) Carried on to the next review, "+next+": its open actions are chased there now, so mark them done in that plan.")

	fuShow(t, a, screenItem, 1) // lc-leadership: an open action
	requireWords(t, fuView(a), "This action is chased in the next review now: acme-2027.yaml")
	fuShow(t, a, screenItem, 4) // wf-interventions: no action
	if strings.Contains(fuView(a), "chased in the next review") {
		t.Fatalf("an item with no action says it is carried on:\n%s", fuView(a))
	}

	// A next_review line whose plan does not name this one back hands
	// nothing on, and says nothing of the kind.
	dir2 := t.TempDir()
	n.PreviousReview = ""
	if err := createPlan(filepath.Join(dir2, "acme-2027.yaml"), n); err != nil {
		t.Fatal(err)
	}
	b := fuAppAt(t, p, filepath.Join(dir2, "acme-2026.yaml"), 80, 24)
	fuShow(t, b, screenSummary, 0)
	if strings.Contains(fuView(b), "Carried on to") {
		t.Fatalf("a plan whose next review does not name it back says it is carried on:\n%s", fuView(b))
	}
}

// On the project plan of a carried-on review, each step that came across
// from last year's plan is marked ↺, the tally says in words how many
// came from the last review, and the chosen step's detail says so with
// the date; a step added this year is not marked.
func TestProjectPlanMarksStepsCarriedFromTheLastReview(t *testing.T) {
	dir, _, _ := carryFolder(t)
	h := carryOnFromStart(t, dir, 80, 24)
	h.requireView("item 1 of 4")
	fuShow(t, h.a, screenFollowUp, 4)
	steps := h.a.c.plan().Answer("project-plan").Steps
	requireWords(t, h.view(), "↺ 3 from the last review")
	requireWords(t, h.view(), "↺ Carried on from the last review (Sat 14 Mar 2026).")
	for _, line := range strings.Split(h.view(), "\n") {
		if f := strings.Fields(line); len(f) < 2 || f[0] != "›" && !strings.HasSuffix(f[0], ".") || strings.Contains(line, "review (") {
			continue
		}
		if !strings.Contains(line, "↺") {
			t.Fatalf("a carried step's row is not marked: %q", line)
		}
	}
	h.press("end", "a")
	h.typeText("Tell the whole team")
	h.press("enter")
	if n := len(h.a.c.plan().Answer("project-plan").Steps); n != len(steps)+1 {
		t.Fatalf("%d steps after adding one to %d", n, len(steps))
	}
	h.requireView("Tell the whole team")
	for _, line := range strings.Split(h.view(), "\n") {
		if strings.Contains(line, "Tell the whole team") && strings.Contains(line, "↺") {
			t.Fatalf("a step added this year is marked as carried: %q", line)
		}
	}
	requireWords(t, h.view(), "↺ 3 from the last review")
}

// The start screen's list is truthful about carrying on: a plan whose
// next review was removed does not read "→ carried on" (its actions are
// still chased in it), and it says how many of them are late; a plan
// carried on says where, and leaves its late actions to the next review.
func TestStartListSaysCarriedOnOnlyWhenTheNextReviewTookTheActions(t *testing.T) {
	dir, oldPath, prev := carryFolder(t)
	prev.NextReview = "acme-2027.yaml"
	writePlanFile(t, oldPath, prev)
	late := 0
	for _, a := range prev.ActionsToChase() {
		if !a.Due.IsZero() && a.Due.Before(rvToday) {
			late++
		}
	}
	if late == 0 {
		t.Fatal("the test plan has no late actions")
	}
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("Acme Café Ltd: Spring review 2026", fmt.Sprintf("21/21 rated · ⚠ %d late · Sat 14 Mar 2026", late))
	h.refuseView("carried on", "next review")

	// Carried on for real: the row says so, and the late ones are the next
	// review's to chase.
	prev.NextReview = ""
	writePlanFile(t, oldPath, prev)
	h = carryOnFromStart(t, dir, 100, 30)
	h.requireView("item 1 of 4")
	h = rvStart(t, Options{Dir: dir}, 100, 30)
	h.requireView("Spring review 2026 → carried on")
	for _, line := range strings.Split(h.view(), "\n") {
		if strings.Contains(line, "acme-2026.yaml") && strings.Contains(line, "late") {
			t.Fatalf("a plan carried on counts its late actions, which the next review chases: %q", line)
		}
	}
}

// A year on, "Begin a new review" for the same organisation (typed in
// another case) says that its last review still has open actions, and
// that esc then c carries them on; esc comes back with that plan chosen.
// Begun from the blank form, the new review would start without them, as
// ladder new warns on the command line. The late are said of all it
// carries on, as the prompts say them: ", 1 of them late" after "3 of them
// also project-plan steps" was read as one of the steps.
func TestANewReviewOfTheSameOrganisationPointsAtTheOpenActions(t *testing.T) {
	dir, _, _ := carryFolder(t)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("n")
	h.requireView("A new review")
	h.typeText("Zeta Ltd")
	h.refuseView("esc, then c")
	for range len("Zeta Ltd") {
		h.press("backspace")
	}
	h.typeText("acme café  ltd")
	requireWords(t, h.view(), "The last review of Acme Café Ltd here, Spring review 2026 (acme-2026.yaml), has 14 open actions, 3 of them also project-plan steps; 1 of the 14 is late.")
	requireWords(t, h.view(), "To carry them on into this review, press esc, then c.")
	requireHangingIndent(t, h.view(), "⚠ The last review of")
	// In a 60x16 window, in a line or two under the form.
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	requireWords(t, h.view(), "The last review has open actions: esc, then c, carries them on; ctrl+s begins without them.")
	h.press("esc")
	h.requireView("› Acme Café Ltd: Spring review 2026")
	requireWords(t, h.view(), "Press c to begin the next review from this plan, with its open actions.")
	h.press("c")
	h.requireView("Next review, carried on")
}

// The next-steps questions of a review carried on from last year's show
// last year's answer under the question, with the date it was due by
// (nothing chased it: an answer has no status), so the review can say
// what became of last year's quick wins; the counts are worked out afresh,
// and nothing shows where last year gave no answer.
func TestNextStepsShowLastReviewsAnswers(t *testing.T) {
	dir, path, prev := carryFolder(t)
	prev.FollowUps["quick-wins"] = &plans.Answer{List: []string{"Appoint a sponsor", "Use story telling"}, Due: plans.Date{Year: 2026, Month: 4, Day: 1}}
	prev.FollowUps["decision-makers"] = &plans.Answer{}
	writePlanFile(t, path, prev)
	h := carryOnFromStart(t, dir, 80, 24)
	h.requireView("item 1 of 4")
	fuShow(t, h.a, screenFollowUp, 1)
	requireWords(t, h.view(), "Last review (Sat 14 Mar 2026): Appoint a sponsor; Use story telling · was due Wed 1 Apr 2026")
	fuShow(t, h.a, screenFollowUp, 3)
	h.refuseView("Last review")
	// In a 60x16 window it keeps to a line, and the answer keeps its room.
	fuShow(t, h.a, screenFollowUp, 1)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.requireView("Last review: Appoint a sponsor; Use story telling") // the dates in ? help
	h.refuseView("more: ?")
}

// Carrying on writes the new review, then last year's plan its
// next_review line, so last year's is the file changed last. The start
// screen lists a plan carried on after the others: the review to go on
// with is the one that took its actions on, first and a ↓ away.
func TestStartListsAPlanCarriedOnAfterTheReviewThatTookItOn(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	h := carryOnFromStart(t, dir, 80, 24)
	h.requireView("item 1 of 4")
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(oldPath, later, later); err != nil {
		t.Fatal(err)
	}
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.requireView("› Acme Café Ltd: Spring review 2027") // the review under way, chosen
	h.press("down")
	h.requireView("› Acme Café Ltd: Spring review 2026 → carried on")
}

// This year's review begun twice by mistake: "Begin a new review" for an
// organisation with a review of the last half year says that one is
// under way and how to go on with it (esc comes back with it chosen, for
// enter), not to carry it on into a third.
func TestANewReviewSaysWhenOneIsUnderWay(t *testing.T) {
	h := nameANewReviewOfOneUnderWay(t)
	requireWords(t, h.view(), "A review of Acme Café Ltd is under way here: Spring review 2027")
	requireWords(t, h.view(), "To go on with it, press esc, then enter.")
	h.refuseView("esc, then c")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	requireWords(t, h.view(), "A review of this organisation is under way: esc, then enter, opens it; ctrl+s begins another.")
	h.press("esc")
	h.requireView("› Acme Café Ltd: Spring review 2027")
	requireWords(t, h.view(), "Press enter to go on with this review.")
	h.press("enter")
	h.requireView("item 1 of 4")
}

// nameANewReviewOfOneUnderWay carries the last review of carryFolder's
// organisation on, then, from the start screen again, begins a new review
// and names the same organisation on its form.
func nameANewReviewOfOneUnderWay(t *testing.T) *rvHarness {
	t.Helper()
	dir, _, _ := carryFolder(t)
	h := carryOnFromStart(t, dir, 80, 24)
	h.requireView("item 1 of 4")
	h = rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("n")
	h.typeText("Acme Café Ltd")
	return h
}

// An employer reviewing with two checklists in one half year: choosing
// another checklist on the form than the one the review under way follows,
// the pointer at that review says which checklist it follows, so that the
// new one is not read as that review begun twice.
func TestANewReviewOnAnotherChecklistSaysTheOneUnderWayFollowsAnother(t *testing.T) {
	h := nameANewReviewOfOneUnderWay(t)
	h.press("enter")
	h.typeText("Building blocks")
	h.press("enter", "enter", "enter")
	h.requireView("(•) smc-progression")
	requireWords(t, h.view(), "A review of Acme Café Ltd is under way here: Spring review 2027")
	h.press("down")
	h.requireView("(•) smc-building-blocks")
	requireWords(t, h.view(), "A review of Acme Café Ltd is under way here, on another checklist (smc-progression): Spring review 2027")
	requireWords(t, h.view(), "To go on with it, press esc, then enter.")
}

// On a projector the form's pointer at the last review names no file and
// no late count, as the start screen's list does not.
func TestANewReviewPointsAtTheLastReviewNamingNoFileOnAProjector(t *testing.T) {
	dir, _, _ := carryFolder(t)
	h := rvStart(t, Options{Dir: dir, Present: true}, 100, 30)
	h.press("n")
	h.typeText("Acme Café Ltd")
	requireWords(t, h.view(), "The last review of Acme Café Ltd here, Spring review 2026, has 14 open actions, 3 of them also project-plan steps. To carry them on into this review, press esc, then c.")
	if v := h.view(); strings.Contains(v, ".yaml") || strings.Contains(v, "late") {
		t.Fatalf("presenter mode names a file or a late count:\n%s", v)
	}
}

// Last year's answer to a list question is shown whole answer by whole
// answer, as many as fit, and says how many more there are and that ?
// shows them all, where the rest are listed one a line: at 60x16 the
// quick wins showed the first of six, cut, with nothing to say five more
// were hidden. Who to speak with (an answer per area) is counted alike;
// the decision makers (one text) are cut, saying ? shows it whole.
func TestLastReviewsAnswerSaysHowManyMoreAndHelpShowsThemAll(t *testing.T) {
	dir, path, prev := carryFolder(t)
	wins := []string{"Appoint a sponsor on the board", "Use story telling in the newsletter", "Publish the pay bands",
		"Mentor two apprentices", "Ask leavers why in exit interviews", "Advertise every role inside first"}
	prev.FollowUps["quick-wins"] = &plans.Answer{List: wins, Due: plans.Date{Year: 2026, Month: 4, Day: 1}}
	prev.FollowUps["speak-with"] = &plans.Answer{ByArea: map[string]string{"leadership-culture": "The managing director and the two owners",
		"workforce": "Shift leads at both cafés", "enablers": "Our bookkeeper, who runs payroll"}}
	prev.FollowUps["decision-makers"] = &plans.Answer{Text: "Priya (owner), Tom (owner), and the bank manager for any loan"}
	writePlanFile(t, path, prev)
	h := carryOnFromStart(t, dir, 80, 24)
	h.requireView("item 1 of 4")
	more := regexp.MustCompile(`\+(\d+) more: \? shows them`)
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		fuShow(t, h.a, screenFollowUp, 1)
		requireFits(t, h, size[0], size[1])
		v := oneSpaced(h.view())
		m := more.FindStringSubmatch(v)
		if m == nil {
			t.Fatalf("%dx%d: the quick wins do not say how many of last year's are hidden:\n%s", size[0], size[1], h.view())
		}
		shown := 0
		for _, w := range wins {
			if strings.Contains(v, w) {
				shown++
			}
		}
		if n, _ := strconv.Atoi(m[1]); n+max(shown, 1) != len(wins) {
			t.Errorf("%dx%d: %d of last year's quick wins shown whole and %q hidden, of %d:\n%s", size[0], size[1], shown, m[0], len(wins), h.view())
		}
		requireWords(t, h.view(), "Appoint a")
		h.requireView("Last review")
		// ? lists them all, one a line, with the date they were due by.
		h.press("?")
		for _, w := range append([]string{"Last review's answer (Sat 14 Mar 2026)", "due Wed 1 Apr 2026"}, wins...) {
			requireWords(t, h.view(), w)
		}
		h.press("esc")

		fuShow(t, h.a, screenFollowUp, 2)
		requireFits(t, h, size[0], size[1])
		requireWords(t, h.view(), "Leadership & Culture")
		h.requireView("Last review")
		if !more.MatchString(oneSpaced(h.view())) {
			t.Errorf("%dx%d: who to speak with does not say how many of last year's answers are hidden:\n%s", size[0], size[1], h.view())
		}
		fuShow(t, h.a, screenFollowUp, 3)
		requireFits(t, h, size[0], size[1])
		requireWords(t, h.view(), "Priya (owner)")
		h.requireView("Last review")
		h.refuseView("more: ?")
		if size[0] == 60 { // cut, where 80x24 has room for it all
			h.requireView("? shows it whole")
		} else {
			h.refuseView("? shows it whole")
		}
	}
	// Where all of last year's answer fits, nothing is said of more.
	h.send(tea.WindowSizeMsg{Width: 240, Height: 67})
	fuShow(t, h.a, screenFollowUp, 1)
	requireWords(t, h.view(), "Last review (Sat 14 Mar 2026): "+strings.Join(wins, "; "))
	h.refuseView("more: ?")
}

// A review of the last half year with every item rated was held: the form
// says so, and how to go back to it, where it said the review was "under
// way, 21 of 21 rated", which reads as a slip of ladder's, to someone who
// finished it last month and begins another review of the organisation
// (another team's, or the follow-up meeting's).
func TestANewReviewSaysWhenOneWasHeldWithEveryItemRated(t *testing.T) {
	dir, _, _ := carryFolder(t)
	c, _ := checklist.Builtin(checklist.DefaultID)
	held := checklisttest.FilledPlan(c, 4)
	held.Title, held.Date = "Winter review 2027", plans.Date{Year: 2027, Month: 2, Day: 1}
	writePlanFile(t, filepath.Join(dir, "acme-2027.yaml"), held)
	h := rvStart(t, Options{Dir: dir}, 80, 24)
	h.press("n")
	h.typeText("Acme Café Ltd")
	requireWords(t, h.view(), "A review of Acme Café Ltd was held here in the last half year: Winter review 2027 (acme-2027.yaml), of Mon 1 Feb 2027, every item rated. To go back to it, press esc, then enter.")
	h.refuseView("under way")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	requireWords(t, h.view(), "A review of this organisation was held in the last half year: esc, then enter, opens it; ctrl+s begins another.")
	h.refuseView("under way")
	h.press("esc")
	h.requireView("› Acme Café Ltd: Winter review 2027")
	requireWords(t, h.view(), "Press enter to open this review.")
}

// A year on, the employer re-rates an item whose action last year's team
// finished: the screen said "Last review: ■ Red" and nothing of the work
// done since, which is what the new rating weighs (the vision written:
// Amber now?). It says the action was done, in its words.
func TestAnItemSaysLastYearsActionWasDone(t *testing.T) {
	dir, oldPath, prev := carryFolder(t)
	first := prev.Checklist.Items()[0].Item.ID
	prev.Items[first].Status = plans.StatusDone
	prev.Items[first].Action = "Agree a survey"
	writePlanFile(t, oldPath, prev)
	h := carryOnFromStart(t, dir, 100, 30)
	h.requireView("item 1 of 4", "Last review (Sat 14 Mar 2026): ▲ Amber · its action was done: Agree a survey ")
	h.refuseView("carried on below")
	// Too narrow for the note, the line is last year's rating alone, as
	// before, never half a note.
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	h.requireView("Last review (Sat 14 Mar 2026): ▲ Amber")
	h.refuseView("· its", "action was")
}

// Last year's next_review line undone after the carry-on (git checkout
// of the file, taken for one changed by accident; or the laptop killed
// between the carry-on's two writes): c on last year's plan opened the
// form, which named a second review by today's date and carried the
// actions on again, leaving the first, rated since, behind. Now c
// finishes the carry-on into the review written first: last year's plan
// names it again, and it opens as it was left, its rating kept.
func TestCarryOnAgainFinishesACarryOnCutShort(t *testing.T) {
	dir, oldPath, _ := carryFolder(t)
	before, _ := os.ReadFile(oldPath)
	next := carryOnTo2027(t, dir, oldPath)
	p, err := plans.LoadFile(next, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Response("lc-vision").Rating = "amber" // rated since
	writePlanFile(t, next, p)
	if err := os.WriteFile(oldPath, before, 0o644); err != nil { // the line undone
		t.Fatal(err)
	}

	h := rvStart(t, Options{Dir: dir}, 80, 24)
	choosePlan(h, "Spring review 2026")
	h.press("c")
	// Good news, said with ✓, not ⚠ as the warnings beside it.
	h.requireView("✓ Finished carrying on acme-2026.yaml into acme-2027.yaml", "item 2 of 4") // item 1 rated
	h.refuseView("Next review, carried on", "⚠ Finished")
	if got, err := plans.LoadFile(oldPath, nil); err != nil || got.NextReview != "acme-2027.yaml" {
		t.Fatalf("last year's plan: next_review %q (%v)", got.NextReview, err)
	}
	if got, _ := plans.LoadFile(next, nil); got.Response("lc-vision").Rating != "amber" {
		t.Errorf("the review written first lost its rating: %q", got.Response("lc-vision").Rating)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("a second review was written: %v", entries)
	}
}

// Plans kept a folder per year share a file name: the status line names
// each by its folder too, where it said "acme.yaml into acme.yaml".
func TestFinishedCarryWordsTellPlansOfOneNameApart(t *testing.T) {
	for _, tc := range []struct{ prev, next, want string }{
		{"plans/acme-2026.yaml", "plans/acme-2027.yaml", "Finished carrying on acme-2026.yaml into acme-2027.yaml,"},
		{filepath.Join("plans", "2026", "acme.yaml"), filepath.Join("plans", "2027", "acme.yaml"), "Finished carrying on " + filepath.Join("2026", "acme.yaml") + " into " + filepath.Join("2027", "acme.yaml") + ","},
	} {
		if got := finishedCarryWords(tc.prev, tc.next); !strings.HasPrefix(got, tc.want) {
			t.Errorf("finishedCarryWords(%q, %q) = %q, want it to begin %q", tc.prev, tc.next, got, tc.want)
		}
	}
}

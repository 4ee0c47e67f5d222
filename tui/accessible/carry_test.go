package accessible

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// writeLastYear writes a filled plan (seed 3: 14 open actions, 3 open
// steps; its first item rated Amber with an open action) dated 14 Mar 2026.
func writeLastYear(t *testing.T, path string) *plans.Plan {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := checklisttest.FilledPlan(c, 3)
	p.Title, p.Date = "Spring review 2026", plans.Date{Year: 2026, Month: 3, Day: 14}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// lastYearFolder writes last year's plan (writeLastYear) as
// plans/acme-2026.yaml in a new folder, and names this year's beside it.
func lastYearFolder(t *testing.T) (old, next string, prev *plans.Plan) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plans")
	old = filepath.Join(dir, "acme-2026.yaml")
	return old, filepath.Join(dir, "acme-2027.yaml"), writeLastYear(t, old)
}

// review --from, the accessible way: it says what comes across, asks for
// the title (keeping last year's people on Enter), writes the new plan
// with last year's open actions and gives last year's plan its one
// next_review line; each item then says last year's rating in words.
func TestCarryOnFromLastYearsPlan(t *testing.T) {
	old, next, prev := lastYearFolder(t)
	dir := filepath.Dir(old)
	before, _ := os.ReadFile(old)
	out := runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\n"))
	for _, want := range []string{
		"It carries on 14 open actions, 3 of them also project-plan steps; ratings start afresh, on the same checklist.",
		"Last time: Spring review 2026.",
		"Enter keeps: " + prev.Facilitator + ".",
		"Created the plan " + next + ". From " + old + " it carried on 14 open actions, 3 of them also project-plan steps; " + old + " now names it as its next review.",
		"Last review: Amber, on Saturday 14 March 2026.\nIts action is carried on: ",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("the review did not say %q:\n%s", want, out)
		}
	}
	p, err := plans.LoadFile(next, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.PreviousReview != "acme-2026.yaml" || p.Facilitator != prev.Facilitator || len(p.ActionsToChase()) == 0 {
		t.Fatalf("the new plan: previous %q, facilitator %q, %d actions", p.PreviousReview, p.Facilitator, len(p.ActionsToChase()))
	}
	after, _ := os.ReadFile(old)
	if !bytes.Equal(bytes.Replace(after, []byte("next_review: acme-2027.yaml\n"), nil, 1), before) {
		t.Fatalf("last year's plan changed by more than one line:\n%s", after)
	}

	// Carried on already: a second --from is refused, naming where it went.
	_, err = runReview(t, Options{PlanPath: filepath.Join(dir, "again.yaml"), From: old}, strings.NewReader(""))
	if want := old + " was carried on already, to " + next + ": its open actions are chased there; open that one instead (ladder review " + plans.CommandQuote(next) + ")"; err == nil || err.Error() != want {
		t.Fatalf("carried on twice: %v", err)
	}
}

// Last year's plan, opened after it was carried on: before anything else
// it says its open actions are chased in the next review now, so that a
// screen-reader user chasing them marks them done there, not here.
func TestAPlanCarriedOnSaysWhereItsActionsAreChased(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nquit\n"))

	out := runReviewOK(t, Options{PlanPath: old}, strings.NewReader("quit\n"))
	want := "Plan file: " + old + " (21 of 21 rated).\nCarried on to the next review, " + next + ": its open actions are chased there now, so mark them done in that plan."
	if !strings.Contains(out, want) {
		t.Fatalf("last year's plan did not say %q:\n%s", want, out)
	}
	// This year's plan names no next review, and says nothing of the kind.
	if out := runReviewOK(t, Options{PlanPath: next}, strings.NewReader("quit\n")); strings.Contains(out, "Carried on to the next review") {
		t.Fatalf("this year's plan says it was carried on:\n%s", out)
	}
}

// Quitting a review just after carrying last year's plan on says that
// last year's plan changed too (its next_review line), and the git
// commands it gives name both files, as the final summary's do: a person
// who commits the new plan alone leaves last year's actions chased twice
// on another clone.
func TestStoppingAfterCarryingOnNamesBothFiles(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	out := runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nquit\n"))
	stop := out[strings.LastIndex(out, "Stopped."):]
	for _, want := range []string{
		old + " changed too: it now names " + next + " as its next review.",
		"git add -- " + next + " " + old,
	} {
		if !strings.Contains(stop, want) {
			t.Fatalf("the stop message does not say %q:\n%s", want, stop)
		}
	}
	// A review that carried nothing on this run says nothing of it.
	out = runReviewOK(t, Options{PlanPath: next}, strings.NewReader("quit\n"))
	if stop := out[strings.LastIndex(out, "Stopped."):]; strings.Contains(stop, "changed too") {
		t.Fatalf("a review resumed says last year's plan changed:\n%s", stop)
	}
}

// At the project plan of a carried-on review, each step that came across
// from last year's plan says so, as the screens mark it with ↺; a step
// added this year does not.
func TestProjectPlanSaysWhichStepsWereCarriedOn(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nquit\n"))
	f, err := plans.Open(next, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Plan
	allGreen(p)
	steps := p.Answer("project-plan").Steps
	p.Answer("project-plan").Steps = append(steps, plans.Step{ID: 424242, Text: "Tell the whole team", Status: plans.StatusTodo})
	f.Close()
	if err := os.WriteFile(next, plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
	answers := []string{"", "", "", "", "", "", "", "", "", "", "", ""}
	out := runReviewOK(t, Options{PlanPath: next}, linesReader(answers))
	list := out[strings.Index(out, "The project plan so far:"):]
	for i, s := range steps {
		line := fmt.Sprintf("%d. %s", i+1, s.Text)
		at := strings.Index(list, line)
		if at < 0 {
			t.Fatalf("step %q is not listed:\n%s", line, list)
		}
		if end := strings.IndexByte(list[at:], '\n'); !strings.Contains(list[at:at+end], "; carried on from the last review") {
			t.Fatalf("a carried step does not say so: %q", list[at:at+end])
		}
	}
	added := list[strings.Index(list, "Tell the whole team"):]
	if added = added[:strings.IndexByte(added, '\n')]; strings.Contains(added, "carried on") {
		t.Fatalf("a step added this year says it was carried on: %q", added)
	}
}

// The next-steps questions say last year's answer after the question, as
// the screens show it: carrying on does not take answers across, and
// nothing chased their due dates.
func TestNextStepsSayLastYearsAnswer(t *testing.T) {
	old, next, prev := lastYearFolder(t)
	prev.FollowUps["quick-wins"] = &plans.Answer{List: []string{"Appoint a sponsor", "Use story telling"}, Due: plans.Date{Year: 2026, Month: 4, Day: 1}}
	if err := os.WriteFile(old, plans.Encode(prev), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring review 2027", plans.Date{Year: 2027, Month: 3, Day: 14})
	p.PreviousReview = "acme-2026.yaml"
	for _, r := range p.Items {
		r.Rating = "green"
	}
	if err := os.WriteFile(next, plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := runReview(t, Options{PlanPath: next}, strings.NewReader(strings.Repeat("\n", 6)))
	want := "Question 2 of 5: What are your quick wins?\nLast review, on Saturday 14 March 2026: Appoint a sponsor; Use story telling. It was due by Wednesday 1 April 2026."
	if !strings.Contains(out, want) {
		t.Fatalf("the review did not say %q:\n%s", want, out)
	}
}

// ladder alone, the accessible way, offers to begin the next review from
// the newest plan with open actions, as c does on the start screen: a
// year on, "Begin a new review" alone would leave last year's actions
// behind, and --from is a flag nobody remembers.
func TestTheFolderListOffersTheNextReview(t *testing.T) {
	old, _, _ := lastYearFolder(t)
	dir := filepath.Dir(old)
	out := runReviewOK(t, Options{Dir: dir}, strings.NewReader("2\nSpring review 2027\n\n\n"))
	for _, want := range []string{
		"1) Acme Café Ltd: Spring review 2026, 21 of 21 rated (acme-2026.yaml)\n2) Begin the next review from Acme Café Ltd: Spring review 2026, carrying on 14 open actions, 3 of them also project-plan steps\n3) Begin a new review\nType 1, 2 or 3, or press Enter to begin the next review (2).",
		"Created the plan ",
		"From " + old + " it carried on 14 open actions, 3 of them also project-plan steps;",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("the review did not say %q:\n%s", want, out)
		}
	}
	after, err := plans.LoadFile(old, nil)
	if err != nil || after.NextReview == "" {
		t.Fatalf("last year's plan names no next review: %v", err)
	}
}

// This year's review begun without carrying last year's on: the list
// offers to go on with it (it is listed), not to begin yet another next
// review from last year's, which would make a third plan for the year.
// The screens' form follows the same rule (an organisation's newest plan
// decides: review.UnderWay).
func TestTheFolderListOffersNoNextReviewBesideOneUnderWay(t *testing.T) {
	old, next, prev := lastYearFolder(t)
	dir := filepath.Dir(old)
	now := plans.New(prev.Checklist, prev.Organisation, "Spring review 2027", today.AddDays(-5))
	if err := os.WriteFile(next, plans.Encode(now), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runReviewOK(t, Options{Dir: dir}, strings.NewReader("quit\n"))
	if strings.Contains(out, "Begin the next review from") {
		t.Errorf("beside a review under way, the list offers another next review:\n%s", out)
	}
	if !strings.Contains(out, "Spring review 2027, 0 of 21 rated") {
		t.Errorf("the review under way is not listed:\n%s", out)
	}

	// Another organisation's plans in the same folder (a consultant's)
	// do not hide Acme's last review.
	other := plans.New(prev.Checklist, "Bea's Bakery", "Winter review", today.AddDays(-3))
	if err := os.WriteFile(filepath.Join(dir, "bea.yaml"), plans.Encode(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(next); err != nil {
		t.Fatal(err)
	}
	out = runReviewOK(t, Options{Dir: dir}, strings.NewReader("quit\n"))
	if !strings.Contains(out, "Begin the next review from Acme Café Ltd: Spring review 2026") {
		t.Errorf("another organisation's review hid Acme's last one:\n%s", out)
	}
}

// A year on, an item whose action last year's team finished says so
// after last year's rating, in the action's words: the new rating weighs
// the work done since.
func TestAnItemSaysLastYearsActionWasDone(t *testing.T) {
	old, next, prev := lastYearFolder(t)
	first := prev.Checklist.Items()[0].Item.ID
	prev.Items[first].Status = plans.StatusDone
	if err := os.WriteFile(old, plans.Encode(prev), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\n"))
	want := "Last review: Amber, on Saturday 14 March 2026.\nIts action was done: " + prev.Items[first].Action + ".\n"
	if !strings.Contains(out, want) {
		t.Fatalf("the review did not say %q:\n%s", want, out)
	}
}

// An item whose action came across from last year's plan says that
// action, its owner, due date and status, before the rating is asked: the
// screens show it in the action field below the item, and a listener who
// skips the item (Enter at Rating) never reached the Action prompt that
// would have read it out, so "its action is carried on" named nothing.
func TestACarriedActionIsSaidAtItsItem(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	out := runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\n\nquit\n"))
	p, err := plans.LoadFile(next, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := p.Checklist.Items()[0].Item.ID
	res := p.Response(first)
	if !res.OpenAction() {
		t.Fatalf("the first item carried no open action: %+v", res)
	}
	want := "Its action is carried on: " + describe(res.Action, res.Owner, res.Due, res.Status, today) + ". Enter at Action keeps it"
	if !strings.Contains(out, want) {
		t.Fatalf("the first item did not say %q:\n%s", want, out)
	}
}

// A year on, in a plans folder kept a folder per year: the prompts list
// last year's reviews, as the start screen does, to begin this year's
// review in this year's folder from one, open it as it is, or begin a
// fresh review there.
// They said to type the organisation, and a listener who typed "acme ltd"
// for "Acme Café Ltd" (the name is in a file they cannot see) was given a
// new, empty review with nothing carried on.
func TestAYearOnThePromptsListLastYearsReviews(t *testing.T) {
	top := t.TempDir()
	// In git, as a plans folder kept a folder per year is: outside one, a
	// plan names a previous review only in its own folder or below it.
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out)
	}
	dir := filepath.Join(top, "plans")
	old := filepath.Join(dir, "2026", "acme-2026.yaml")
	writeLastYear(t, old) // held 14 March 2026, with actions open
	out := runReviewOK(t, Options{Dir: dir, Today: plans.Date{Year: 2027, Month: 3, Day: 10}}, strings.NewReader("1\nSpring review 2027\n\n\nquit\n"))
	y27 := filepath.Join(dir, "2027")
	for _, want := range []string{
		"Last year's reviews, in " + filepath.Join(dir, "2026") + ", to begin this year's in " + y27 + ":\n",
		// "Begin", as the start screen says it: "carry on" beside "open"
		// reads as resume last year's review.
		"1) Begin this year's review in " + y27 + " from Acme Café Ltd: Spring review 2026 (Saturday 14 March 2026), carrying on its 14 open actions, 3 of them also project-plan steps\n",
		"2) Open Acme Café Ltd: Spring review 2026 as it is (acme-2026.yaml)\n",
		"3) Begin a new review in " + y27 + "\n",
		// Answers piped in as before the list still give the organisation.
		"Type 1, 2 or 3, or press Enter to begin this year's review from 1, or type the organisation's name to begin a new review of it.\n",
		"It carries on 14 open actions, 3 of them also project-plan steps",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("the prompts did not say %q:\n%s", want, out)
		}
	}
	found, _ := plans.Discover(y27, nil)
	if len(found) != 1 || found[0].Plan == nil || found[0].Plan.PreviousReview == "" {
		t.Fatalf("this year's folder holds %d plans, not one carried on from last year's:\n%s", len(found), out)
	}
}

// Answers piped in as they were before last year's reviews were listed
// (the organisation first, then whether to carry on its last review)
// still make the plan that choosing 3, a new review, and typing the same
// answers makes, byte for byte: an answer file kept from last year goes
// on working.
func TestAnOrganisationTypedAtLastYearsListIsANewReviewOfIt(t *testing.T) {
	var made [2][]byte
	for i, answers := range [][]string{
		{"Acme", "1", "Spring", "Sam", "Ana", "1"},
		{"3", "Acme", "1", "Spring", "Sam", "Ana", "1"},
	} {
		top := t.TempDir()
		if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
			t.Skipf("no git: %v %s", err, out) // a plan names last year's only in git
		}
		dir := filepath.Join(top, "plans")
		newPlan(t, filepath.Join(dir, "2026", "acme.yaml"), func(p *plans.Plan) {
			p.Date = plans.Date{Year: 2026, Month: 1, Day: 10}
			r := p.Response("lc-vision")
			r.Rating, r.Action = "red", "Write a vision"
		})
		out, err := runReview(t, Options{Dir: filepath.Join(dir, "2027")}, linesReader(answers))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "1) Begin this year's review in ") {
			t.Fatalf("last year's reviews were not listed:\n%s", out)
		}
		found, _ := plans.Discover(filepath.Join(dir, "2027"), nil)
		if len(found) != 1 || found[0].Plan.PreviousReview == "" {
			t.Fatalf("answers %q: this year's folder holds %d plans, not one carried on:\n%s", answers, len(found), out)
		}
		if made[i], err = os.ReadFile(found[0].Path); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(made[0], made[1]) {
		t.Errorf("the organisation typed at the list made:\n%s\nwhere 3 then the organisation made:\n%s", made[0], made[1])
	}
}

// TestAYearOnThePromptsListThisYearsReviews: this year's review, begun
// from last year's in a folder per year and stopped (a laptop killed, a
// day's end), was not listed when ladder was started again in the same
// place: the plans folder itself holds none, and last year's review,
// carried on, has nothing to offer, so the prompts said to quit and run
// ladder again with --dir plans/2027, or go on to make a new review, a
// second plan for the year, where the screens list this year's folder.
// They list it now, as the screens do, with last year's reviews not yet
// carried on (another organisation's) to begin from, and Enter opens the
// review under way.
func TestAYearOnThePromptsListThisYearsReviews(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out)
	}
	dir := filepath.Join(top, "plans")
	writeLastYear(t, filepath.Join(dir, "2026", "acme-2026.yaml"))
	newPlan(t, filepath.Join(dir, "2026", "bakery-2026.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Bea's Bakery", "Review 2026", plans.Date{Year: 2026, Month: 2, Day: 2}
		r := p.Response("lc-vision")
		r.Rating, r.Action = "red", "Write a vision"
	})
	march := plans.Date{Year: 2027, Month: 3, Day: 10}
	runReviewOK(t, Options{Dir: dir, Today: march}, strings.NewReader("1\nSpring review 2027\n\n\nquit\n"))
	y27 := filepath.Join(dir, "2027")
	found, _ := plans.Discover(y27, nil)
	if len(found) != 1 {
		t.Fatalf("this year's folder holds %d plans after the first run", len(found))
	}

	out := runReviewOK(t, Options{Dir: dir, Today: march}, strings.NewReader("\nquit\n"))
	for _, want := range []string{
		"Plans in the folder " + y27 + ", newest first:\n1) Acme Café Ltd: Spring review 2027, 0 of 21 rated, 14 carried on from the last review, 1 of them past due (" + filepath.Base(found[0].Path) + ")\n",
		"2) Begin this year's review in " + y27 + " from Bea's Bakery: Review 2026 (Monday 2 February 2026), carrying on its 1 open action\n",
		"3) Begin a new review\nType 1, 2 or 3, or press Enter to open 1.\n",
		"Review of Acme Café Ltd: Spring review 2027.",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("the prompts did not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "A new review") {
		t.Errorf("a new review was begun:\n%s", out)
	}

	out = runReviewOK(t, Options{Dir: dir, Today: march}, strings.NewReader("2\nReview 2027\n\n\nquit\n"))
	if found, _ := plans.Discover(y27, nil); len(found) != 2 || !strings.Contains(out, "it carried on 1 open action") {
		t.Errorf("Bea's Bakery's review was not begun from last year's in %s (%d plans there):\n%s", y27, len(found), out)
	}
}

// TestAYearOnThePromptsListsLastYearsReviewUnderWay: a review of last
// year held in the last half year and not finished (December's, items
// left to rate) was left out of the list once this year's folder held
// another organisation's review: only last year's reviews to begin from
// were listed there, so the prompts offered no way back to it short of
// --dir, where the screens list it (enter opens it). It is listed now,
// to open as it is, in its own folder.
func TestAYearOnThePromptsListsLastYearsReviewUnderWay(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	newPlan(t, filepath.Join(dir, "2026", "bakery-2026.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Bea's Bakery", "Winter review", plans.Date{Year: 2026, Month: 12, Day: 2}
		p.Response("lc-vision").Rating = "red"
	})
	newPlan(t, filepath.Join(dir, "2027", "acme-2027.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme Café Ltd", "Spring review 2027", plans.Date{Year: 2027, Month: 1, Day: 12}
	})
	jan := plans.Date{Year: 2027, Month: 1, Day: 20}
	out := runReviewOK(t, Options{Dir: dir, Today: jan}, strings.NewReader("2\nquit\n"))
	for _, want := range []string{
		"1) Acme Café Ltd: Spring review 2027, 0 of 21 rated (acme-2027.yaml)\n",
		"2) Open Bea's Bakery: Winter review as it is, 1 of 21 rated, in " + filepath.Join(dir, "2026") + " (bakery-2026.yaml)\n",
		"Review of Bea's Bakery: Winter review.",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("the prompts did not say %q:\n%s", want, out)
		}
	}

	// This year's finished (rated in full, its next steps answered),
	// Enter opens last year's under way, as the screens' list opens on it.
	if err := os.Remove(filepath.Join(dir, "2027", "acme-2027.yaml")); err != nil {
		t.Fatal(err)
	}
	newPlan(t, filepath.Join(dir, "2027", "acme-2027.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title, p.Date = "Acme Café Ltd", "Spring review 2027", plans.Date{Year: 2027, Month: 1, Day: 12}
		for _, e := range p.Checklist.Items() {
			p.Response(e.Item.ID).Rating = "green"
		}
		p.FollowUps = checklisttest.FilledPlan(p.Checklist, 1).FollowUps // its next steps answered too
	})
	out = runReviewOK(t, Options{Dir: dir, Today: jan}, strings.NewReader("\nquit\n"))
	for _, want := range []string{"or press Enter to open 2.\n", "Review of Bea's Bakery: Winter review."} {
		if !strings.Contains(out, want) {
			t.Fatalf("the prompts did not say %q:\n%s", want, out)
		}
	}
}

// This year's review, carried on from last year's, is listed and opened
// with what came across and how many of those are past due, as the
// screens' list and overview say it ("↺ 14 carried on, ⚠ 9 past due"),
// where the prompts said only how many items were rated.
func TestTheListSaysWhatCameAcrossAndWhatIsPastDue(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nquit\n"))
	later := plans.Date{Year: 2030, Month: 1, Day: 1}
	p, err := plans.LoadFile(next, nil)
	if err != nil {
		t.Fatal(err)
	}
	pastDue := len(p.Overdue(later))
	if pastDue == 0 {
		t.Fatal("nothing carried on is past due in 2030: the test says nothing")
	}
	out := runReviewOK(t, Options{Dir: filepath.Dir(next), Today: later}, strings.NewReader("1\nquit\n"))
	said := fmt.Sprintf(", 14 carried on from the last review, %d of them past due", pastDue)
	for _, want := range []string{
		"Spring review 2027, 0 of 21 rated" + said + " (acme-2027.yaml)",
		"Plan file: " + next + " (0 of 21 rated" + said + ").",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the prompts did not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "more late") {
		t.Errorf("what came across is not what this review let slip:\n%s", out)
	}
}

// The prompts suggest this year's title as the screens' form does
// ("Spring review 2027" after "Spring review 2026"), which Enter keeps,
// where they asked for one with "for example Spring review".
func TestCarryOnSuggestsThisYearsTitle(t *testing.T) {
	old, next, _ := lastYearFolder(t)
	out := runReviewOK(t, Options{PlanPath: next, From: old, Today: plans.Date{Year: 2027, Month: 3, Day: 20}}, strings.NewReader("\n\n\nquit\n"))
	if !strings.Contains(out, "A name for this review. Last time: Spring review 2026. Enter keeps: Spring review 2027.") {
		t.Fatalf("the prompts did not suggest this year's title:\n%s", out)
	}
	if p, err := plans.LoadFile(next, nil); err != nil || p.Title != "Spring review 2027" {
		t.Fatalf("Enter did not keep the title suggested: %v %+v", err, p)
	}
}

// Run inside last year's folder, plans/2026, the prompts named the
// folders "../2026" and "../2027", where the screens say "plans/2026":
// they name folders and plans from the top of the repository, as the
// screens do (plans.ShownPath); commands to type keep the shell's path.
func TestInsideLastYearsFolderThePromptsNameFoldersFromTheTop(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out)
	}
	writeLastYear(t, filepath.Join(top, "plans", "2026", "acme-2026.yaml"))
	t.Chdir(filepath.Join(top, "plans", "2026"))
	out := runReviewOK(t, Options{Dir: "..", Today: plans.Date{Year: 2027, Month: 3, Day: 10}}, strings.NewReader("1\nSpring review 2027\n\n\nquit\n"))
	for _, want := range []string{
		"Last year's reviews, in plans/2026, to begin this year's in plans/2027:\n",
		"1) Begin this year's review in plans/2027 from Acme Café Ltd",
		"Begin a new review in plans/2027\n",
		"Created the plan plans/2027/",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the prompts do not say %q:\n%s", want, out)
		}
	}
}

// Run from docs/minutes, the prompts named the plan "../../plans/acme.yaml"
// as it opened ("Plan file: …") and when someone else changed it ("… was
// changed by someone else", "saved in a copy beside it, …"), where the
// screens, and the prompts as a review begins or input ends, say
// "plans/acme.yaml": every plan named is named from the top (plans.ShownPath);
// the command to type again keeps the shell's ../../plans.
func TestFromAnotherFolderThePromptsNameThePlanFromTheTop(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out)
	}
	path := filepath.Join(top, "plans", "acme.yaml")
	newPlan(t, path, nil)
	if err := os.MkdirAll(filepath.Join(top, "docs", "minutes"), 0o755); err != nil {
		t.Fatal(err)
	}
	in, _ := changedAfterTheRating(t, path)
	t.Chdir(filepath.Join(top, "docs", "minutes"))
	out, err := runReview(t, Options{PlanPath: filepath.Join("..", "..", "plans", "acme.yaml")}, in)
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, out,
		"Plan file: plans/acme.yaml (",
		"plans/acme.yaml was changed by someone else while you were answering, so it was left as it is.\n",
		"Your answers are saved in a copy beside it, plans/acme.copy-1.yaml, and the review carries on there.\n",
		"Your answers so far are saved in plans/acme.copy-1.yaml.\n",
		"run: ladder review --accessible ../../plans/acme.copy-1.yaml\n",
	)
	for line := range strings.SplitSeq(out, "\n") {
		if strings.Contains(line, "../") && !strings.Contains(line, "ladder review") {
			t.Errorf("a plan is named from docs/minutes, not from the top: %q", line)
		}
	}
}

// Carrying on from a plan with nothing open, run from docs/minutes, the
// prompts said "It carries on nothing: ../../plans/acme.yaml has …",
// unfiltered, the line above naming it plans/acme.yaml: it is named from
// the top there too.
func TestCarryingOnNothingNamesThePlanFromTheTop(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out)
	}
	newPlan(t, filepath.Join(top, "plans", "acme.yaml"), nil)
	if err := os.MkdirAll(filepath.Join(top, "docs", "minutes"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(top, "docs", "minutes"))
	plansDir := filepath.Join("..", "..", "plans")
	out := runReviewOK(t, Options{PlanPath: filepath.Join(plansDir, "acme-next.yaml"), From: filepath.Join(plansDir, "acme.yaml")}, strings.NewReader("Spring review 2027\n\n\n"))
	checkOutput(t, out, "It carries on nothing: plans/acme.yaml has no open actions or project-plan steps;")
}

// Inside last year's folder, plans/2026, a new review of the same
// organisation offered its last review as "(../2026/acme-2026.yaml, …)"
// two lines under "Last year's reviews, in plans/2026": it is named from
// the top too.
func TestInsideLastYearsFolderTheLastReviewOfferedIsNamedFromTheTop(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
		t.Skipf("no git: %v %s", err, out)
	}
	writeLastYear(t, filepath.Join(top, "plans", "2026", "acme-2026.yaml"))
	t.Chdir(filepath.Join(top, "plans", "2026"))
	out, _ := runReview(t, Options{Dir: "..", Today: plans.Date{Year: 2027, Month: 3, Day: 10}}, strings.NewReader("new\nAcme Café Ltd\n"))
	checkOutput(t, out, "The last review of Acme Café Ltd, Spring review 2026 (plans/2026/acme-2026.yaml, Saturday 14 March 2026), has ")
}

// commandPath matches a path the shell needs in a ladder command to type
// ("ladder review --accessible --dir ../../plans/2026"): such a path
// keeps its ../ (plans.CommandPath), as a git command's line does.
var commandPath = regexp.MustCompile(`ladder [a-z]+(?: --[a-z]+)* (?:\.\./)+`)

// Run from docs/minutes, the prompts named folders and plans as given,
// "../../plans/2026", where the lines around them say "plans/2026": the
// folder with no plans itself, the folders that hold yours and this
// year's folder of its own (some unfiltered), a review under way or held
// already, last year's review under way listed, a plan that does not
// load, a plan named that is not there and the one it was probably meant
// to be, a carry-on cut short finished. Every one is named from the top (plans.ShownPath); only a
// command to type keeps the shell's ../.
func TestFromAnotherFolderNoLineButACommandClimbsOut(t *testing.T) {
	repo := func(t *testing.T) string {
		top := t.TempDir()
		if out, err := exec.Command("git", "init", "-q", top).CombinedOutput(); err != nil {
			t.Skipf("no git: %v %s", err, out)
		}
		if err := os.MkdirAll(filepath.Join(top, "docs", "minutes"), 0o755); err != nil {
			t.Fatal(err)
		}
		return top
	}
	plansDir := filepath.Join("..", "..", "plans")
	allGreen := func(p *plans.Plan) {
		for _, r := range p.Items {
			r.Rating = "green"
		}
	}
	var out string
	for _, run := range []struct {
		name  string
		edit  func(p *plans.Plan) // last year's folder's plan
		dir   string
		in    string
		other func(t *testing.T, top string) Options
	}{
		{name: "a folder of its own, under way", dir: plansDir, in: "Acme\nSpring\nSam\nAna\n1\n"},
		{name: "the years beside, held", edit: allGreen, dir: filepath.Join(plansDir, "2027"), in: "Acme\nSpring\nSam\nAna\n1\n"},
		{name: "last year's under way listed, one broken", in: "quit\n", other: func(t *testing.T, top string) Options {
			newPlan(t, filepath.Join(top, "plans", "2026", "bakery-2026.yaml"), func(p *plans.Plan) {
				p.Organisation, p.Title, p.Date = "Bea's Bakery", "Winter review", plans.Date{Year: 2026, Month: 12, Day: 2}
				p.Response("lc-vision").Rating = "red"
			})
			newPlan(t, filepath.Join(top, "plans", "2027", "acme-2027.yaml"), func(p *plans.Plan) {
				p.Organisation, p.Title, p.Date = "Acme Café Ltd", "Spring review 2027", plans.Date{Year: 2027, Month: 1, Day: 12}
			})
			if err := os.WriteFile(filepath.Join(top, "plans", "2027", "broken.yaml"), []byte("x: [\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return Options{Dir: plansDir}
		}},
		{name: "a plan named that is not there", in: "quit\n", other: func(t *testing.T, top string) Options {
			newPlan(t, filepath.Join(top, "plans", "acme-2027.yaml"), nil)
			return Options{PlanPath: filepath.Join(plansDir, "acme-2028.yaml")}
		}},
		{name: "a carry-on cut short", in: "quit\n", other: func(t *testing.T, top string) Options {
			old, next := filepath.Join(top, "plans", "acme-2026.yaml"), filepath.Join(top, "plans", "acme-2027.yaml")
			writeLastYear(t, old)
			before, _ := os.ReadFile(old)
			runReviewOK(t, Options{PlanPath: next, From: old}, strings.NewReader("Spring review 2027\n\n\nred\nquit\n"))
			if err := os.WriteFile(old, before, 0o644); err != nil { // git checkout of last year's plan
				t.Fatal(err)
			}
			return Options{PlanPath: filepath.Join(plansDir, "acme-2027.yaml"), From: filepath.Join(plansDir, "acme-2026.yaml")}
		}},
	} {
		top := repo(t)
		opts := Options{Dir: run.dir}
		if run.other != nil {
			opts = run.other(t, top)
		} else {
			newPlan(t, filepath.Join(top, "plans", "2025", "acme.yaml"), func(p *plans.Plan) { p.Date = plans.Date{Year: 2025, Month: 3, Day: 1} })
			newPlan(t, filepath.Join(top, "plans", "2026", "acme.yaml"), run.edit)
		}
		t.Chdir(filepath.Join(top, "docs", "minutes"))
		said, _ := runReview(t, opts, strings.NewReader(run.in))
		out += said
		for line := range strings.SplitSeq(said, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "git ") && strings.Contains(commandPath.ReplaceAllString(line, ""), "../") {
				t.Errorf("%s: a path is named from docs/minutes, not from the top: %q", run.name, line)
			}
		}
	}
	checkOutput(t, out,
		"There are no plans in the folder plans itself. Made a review before? Yours are in plans/2026 and plans/2025. This year's review goes in a folder of its own, plans/2027: type its organisation below to begin it from its last one (ladder review --accessible --dir ../../plans/2026 lists last year's plans).",
		"A review of Acme is under way already: plans/2026/acme.yaml (Spring). To go on with it, quit (ctrl+c) and run ladder review --accessible ../../plans/2026/acme.yaml.",
		"There are no plans in the folder plans/2027 itself. Made a review before? Yours are in plans/2026 and plans/2025: to list that folder's, quit (ctrl+c) and run ladder review --accessible --dir ../../plans/2026.",
		"A review of Acme was held in the last half year, every item rated: plans/2026/acme.yaml (Spring).",
		", 1 of 21 rated, in plans/2026 (bakery-2026.yaml)\n",
		"Not listed: plans/2027/broken.yaml does not load (",
		"Finished carrying on plans/acme-2026.yaml into plans/acme-2027.yaml, begun before and left as it was",
		"There is no plan at plans/acme-2028.yaml yet, so this is a new review.\nDid you mean plans/acme-2027.yaml? To open it, quit (ctrl+c) and run ladder review --accessible ../../plans/acme-2027.yaml.",
	)
}

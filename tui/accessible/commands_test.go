package accessible

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// newPlanFile writes a new plan of the built-in checklist, prepared for
// the review, and returns its path.
func newPlanFile(t *testing.T, change func(p *plans.Plan)) string {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring", today)
	p.Participants = []string{"Ana", "Ben"}
	if change != nil {
		change(p)
	}
	path := filepath.Join(t.TempDir(), "acme.yaml")
	f, err := plans.Create(path, p)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// allGreen rates every item of a plan Green: a review that opens at its
// next steps.
func allGreen(p *plans.Plan) {
	for _, e := range p.Checklist.Items() {
		p.Response(e.Item.ID).Rating = "green"
	}
}

// toTheProjectPlan are the answers that take a review of an allGreen
// plan, opened by its path, to the project plan's first new step: the
// last item kept as it is, and questions 1 to 4 with their due dates.
var toTheProjectPlan = []string{"item 21", "", "", "", "", "", // item 21, kept: on to the next steps
	"", "", "", "", "", "", "", "", "", "", // questions 1 to 4 and their due dates
}

// onDiskPlan loads the plan file at path as the review left it.
func onDiskPlan(t *testing.T, path string) *plans.Plan {
	t.Helper()
	p, err := plans.LoadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCommandsAtEveryQuestion (issue 10.11): help, board, advice and flag
// answer and ask the question again; back goes to the question before
// (at a rating, the item before), item N
// to any item, rated or not, where Enter keeps the rating and - clears it;
// quit stops and says where the answers are.
func TestCommandsAtEveryQuestion(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{
		"help",   // at item 1's rating
		"board",  // still item 1
		"advice", // still item 1
		"r",      // item 1 rated red
		"flag",   // at item 1's action: flagged, asked again
		"", "", "", "",
		"a", "", "", "", "", // item 2 amber, fields left empty
		"back",    // at item 3's rating: back to item 2
		"",        // item 2: Enter keeps amber
		"back",    // at item 2's action: back to its rating
		"back",    // at item 2's rating: back to item 1
		"-",       // item 1: the rating cleared
		"item 20", // at item 2's rating: to item 20
		"g", "Write KPIs", "", "", "", "",
		"\"back\"", // at item 21's rating: a command word in quotes is an answer
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Type help at any question for the commands",
		"These commands work at every question:\n- back: go back to the question before; at a rating, to the item before\n- item N: go to item N of the whole checklist, or item N of an area (item 2 of Leadership & Culture);",
		"Rating: help\n1) Red: Nothing/Not something you currently do\n2) Amber: Do something in this space but limited\n3) Green: Actively do this\nType 1, 2 or 3 (or r, a or g), or press Enter to skip it and leave it unrated.\nAnswer each question on one line.",
		"Every item (0 of 21 rated); item N goes to one:\nLeadership & Culture, items 1 to 4: none rated yet:\n1. A clear D&I vision\n",
		"20. Anti-discrimination\n",
		"Advice from the source for: Develop a clear vision for your D&I strategy\n- ",
		"Item 1 is flagged to revisit. Back to the question.\nAction: ",
		"Rating: back\n\nArea: Leadership & Culture\nItem 2 of 4 in this area, 2 of 21 in all\n",
		"Enter keeps: Amber; type a dash (-) to clear the rating. Type a question mark (?) to hear the descriptions again.\nRating: \nKept Amber.\n",
		"Action: back\nBack to the rating of item 2 of 21, Leaders driving D&I.\nRate it: ",
		"Flagged to revisit.\nRate it: ",
		"Rating: -\nCleared: the item is unrated again.\n",
		"Rating: item 20\n\nArea: Enablers\nItem 14 of 15 in this area, 20 of 21 in all\n",
		"Rating: \"back\"\n\"back\" is not one of the choices.",
		"Stopped. Every answer given is saved in "+path+".\n",
		"To carry on where you left off, run: ladder review --accessible ",
	)
	p := onDiskPlan(t, path)
	if r := p.Response("lc-vision"); r.Rating != checklist.Unrated || !r.Revisit {
		t.Errorf("item 1: rating %q, revisit %v; want cleared and flagged", r.Rating, r.Revisit)
	}
	if r := p.Response("lc-leadership"); r.Rating != "amber" {
		t.Errorf("item 2: %q, want amber kept", r.Rating)
	}
	if r := p.Response("en-policy-anti-discrimination"); r.Rating != "green" || r.Action != "Write KPIs" {
		t.Errorf("item 20: %+v", *r)
	}
}

// interruptedReview runs the review of a new plan, types input, waits
// until saved says the plan on disk holds it (what names it in the
// failure), then sends sig as the terminal would. It returns the plan's
// path, what the review printed and what Run returned.
func interruptedReview(t *testing.T, input, what string, saved func(*plans.Plan) bool, sig os.Signal) (path, out string, err error) {
	t.Helper()
	path = newPlanFile(t, nil)
	in, feed := io.Pipe()
	interrupt := make(chan os.Signal, 1)
	var said strings.Builder
	done := make(chan error, 1)
	go func() {
		done <- Run(Options{PlanPath: path, Today: today, In: in, Out: &said, Interrupt: interrupt})
	}()
	io.WriteString(feed, input)
	deadline := time.Now().Add(10 * time.Second)
	for !saved(onDiskPlan(t, path)) {
		if time.Now().After(deadline) {
			t.Fatalf("%s was not saved", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
	interrupt <- sig
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%v did not end the review", sig)
	}
	return path, said.String(), err
}

// TestInterruptSaysWhatWasSaved: ctrl+c while a question waits ends the
// review with ErrInterrupted (exit 130) after saying where every answer
// given is.
func TestInterruptSaysWhatWasSaved(t *testing.T) {
	actionSaved := func(p *plans.Plan) bool { return p.Response("lc-vision").Action != "" }
	path, out, err := interruptedReview(t, "g\nSend the vision to the board\n", "the action", actionSaved, syscall.SIGINT)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Run = %v, want ErrInterrupted", err)
	}
	if want := "Interrupted (ctrl+c). Every answer given is saved in " + path + "."; !strings.Contains(out, want) {
		t.Fatalf("output lacks %q:\n%s", want, out)
	}
	if r := onDiskPlan(t, path).Response("lc-vision"); r.Rating != "green" || r.Action != "Send the vision to the board" {
		t.Fatalf("on disk: %+v", *r)
	}
}

// TestProjectPlanStepsCanBeChangedMovedAndRemoved: a step's number
// changes it (Enter keeps each part), moves it, or removes it, and undo
// brings it back.
func TestProjectPlanStepsCanBeChangedMovedAndRemoved(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		allGreen(p)
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner = "red", "Write the vision", "Ana"
		r = p.Response("lc-leadership")
		r.Rating, r.Action = "amber", "Brief the managers"
	})
	// Resumes at the next steps; the first four questions are skipped.
	answers := []string{
		"",         // counts: due date
		"", "", "", // quick wins: numbers, another, due date
		"", "", "", "", // speak with, per area, and due
		"", "", // decision makers, due
		// The project plan starts as the two actions.
		"1", "change", "Write the vision, one page", "", "31/3/2027", "doing",
		"2", "up",
		"2", "remove", "undo",
		"1", "remove", "",
		"", // the plan is complete
		"", // its due date
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"to change, move or remove a step, type its number (1 to 2)",
		"Step: Write the vision; owner Ana; no due date; todo\n",
		"1. Write the vision, one page; owner Ana; due Wednesday 31 March 2027; doing\n",
		"Do: up\nThe project plan so far:\n1. Brief the managers; no due date; todo; follows the action of item 2\n2. Write the vision, one page;",
		"Removed. To bring it back, answer the next question with undo.\nUndo: undo\nBrought back.\n",
	)
	steps := onDiskPlan(t, path).Answer("project-plan").Steps
	if len(steps) != 1 || steps[0].Text != "Write the vision, one page" || steps[0].Status != plans.StatusDoing || steps[0].Due.String() != "2027-03-31" {
		t.Fatalf("steps on disk: %+v", steps)
	}
}

// TestDueDatesCountFromThePlansDateWhenChosen (issue 10.10): a plan dated
// later than today asks once what 6w counts from; the owner question
// names the participants.
func TestDueDatesCountFromThePlansDateWhenChosen(t *testing.T) {
	workshop := plans.Date{Year: 2027, Month: 2, Day: 1}
	path := newPlanFile(t, func(p *plans.Plan) { p.Date = workshop })
	answers := []string{"g", "Write the vision", "Ana", "2", "6w", "", "", "a", "", "", "6w", ""}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Who will do it? For example Ana, Ben. Press Enter to leave it empty.\n",
		"This plan is dated Monday 1 February 2027, later than today. Should due dates such as 6w count from today or from the plan's date?\n",
		"Count from: 2\n",
		"Due date: 6w\nUnderstood as Monday 15 March 2027.\n",
	)
	if n := strings.Count(out, "Should due dates such as 6w count from"); n != 1 {
		t.Errorf("asked %d times, want once", n)
	}
	p := onDiskPlan(t, path)
	if got := p.Response("lc-vision").Due; got != workshop.AddDays(42) {
		t.Errorf("item 1 due %v, want six weeks after the plan's date", got)
	}
	if got := p.Response("lc-leadership").Due; got != workshop.AddDays(42) {
		t.Errorf("item 2 due %v: the choice was not kept", got)
	}
}

// TestHelpAndQuitBeforeAPlanIsOpen: choosing a plan or typing a new
// one's details, help says what to do and quit stops, as the screens' q
// does on the start screen, instead of "is not one of the choices" (issue
// 10.11). A word in quotes is still an answer.
func TestHelpAndQuitBeforeAPlanIsOpen(t *testing.T) {
	dir := t.TempDir()
	newPlan(t, filepath.Join(dir, "acme.yaml"), nil)
	out := runReviewOK(t, Options{Dir: dir}, linesReader([]string{"help", "quit"}))
	checkOutput(t, out,
		"Plan: help\n",
		"- quit: stop here: no plan is created",
		"Plan: quit\n\nStopped. No plan was created, so nothing was saved.\n",
	)
	if strings.Contains(out, "is not one of the choices") {
		t.Errorf("help or quit was refused as a choice:\n%s", out)
	}

	// Typing a new plan's details: quit stops there too, and "quit" in
	// quotes is an organisation's name.
	out = runReviewOK(t, Options{Dir: filepath.Join(dir, "new")}, linesReader([]string{`"Quit"`, "quit"}))
	if !strings.Contains(out, "Organisation: \"Quit\"\n") || !strings.Contains(out, "Title: quit\n\nStopped. No plan was created") {
		t.Errorf("quit while typing a new plan's details:\n%s", out)
	}
}

// SIGTERM and SIGHUP end the review as ctrl+c does, each named, with its
// conventional exit status.
func TestSignalsSayWhatWasSaved(t *testing.T) {
	for _, tc := range []struct {
		sig    os.Signal
		said   string
		status int
	}{
		{syscall.SIGINT, "Interrupted (ctrl+c).", 130},
		{syscall.SIGTERM, "Asked to stop (SIGTERM).", 143},
		{syscall.SIGHUP, "The terminal closed (SIGHUP).", 129},
	} {
		rated := func(p *plans.Plan) bool { return p.Response("lc-vision").Rated() }
		path, out, err := interruptedReview(t, "g\n", "the rating", rated, tc.sig)
		var stop *Interrupted
		if !errors.As(err, &stop) || stop.ExitCode() != tc.status || !errors.Is(err, ErrInterrupted) {
			t.Fatalf("%v: Run = %v, want an Interrupted exiting %d", tc.sig, err, tc.status)
		}
		if want := tc.said + " Every answer given is saved in " + path + "."; !strings.Contains(out, want) {
			t.Fatalf("output lacks %q:\n%s", want, out)
		}
	}
}

// When a terminal closes, reading from it ends at much the same moment
// as SIGHUP arrives: input that ends at a terminal waits a moment for the
// signal, so that the review says it was the hangup (and exits 129), not
// that the person typed ctrl+d (exit 0).
func TestAHangupIsNotTakenForTheEndOfInput(t *testing.T) {
	src, feed := io.Pipe()
	interrupt := make(chan os.Signal, 1)
	in := interruptible(src, interrupt, hangupGrace)
	feed.Close() // the input ends first
	go func() {
		time.Sleep(hangupGrace / 5)
		interrupt <- syscall.SIGHUP
	}()
	_, err := io.ReadAll(in)
	var stop *Interrupted
	if !errors.As(err, &stop) || stop.Signal != syscall.SIGHUP {
		t.Fatalf("read = %v, want the hangup", err)
	}
	// Without a signal, the end of input is the end of input, after the
	// grace; and without grace (piped input), at once.
	for _, grace := range []time.Duration{hangupGrace, 0} {
		src, feed := io.Pipe()
		in := interruptible(src, make(chan os.Signal), grace)
		feed.Close()
		if _, err := io.ReadAll(in); err != nil {
			t.Fatalf("grace %v: read = %v, want the end of input", grace, err)
		}
	}
}

// advice ends with the credit for the checklist's wording: whose it is
// and under which licence (it said only the licence).
func TestAdviceCreditsTheChecklistsSource(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	out := runReviewOK(t, Options{PlanPath: newPlanFile(t, nil)}, linesReader([]string{"advice", "quit"}))
	checkOutput(t, out, c.Source+". "+c.Licence+"\nBack to the question.")
}

// advice gives the area's introduction, as the screens' advice screen
// does: after the item's own passages and before the area's suggestions,
// under "About this area", credited to the checklist's document and the
// area; and where the item has no passage of its own, it does not say
// there is no advice.
func TestAdviceGivesTheAreasIntroduction(t *testing.T) {
	for _, id := range []string{"smc-building-blocks", "smc-cross-industry-progression"} {
		c, _ := checklist.Builtin(id)
		answers := []string{}
		for i := range c.Len() {
			answers = append(answers, fmt.Sprintf("item %d", i+1), "advice")
		}
		path := newPlanFile(t, func(p *plans.Plan) { *p = *plans.New(c, "Acme", "Spring", today) })
		out := runReviewOK(t, Options{PlanPath: path}, linesReader(append(answers, "quit")))
		said := strings.Split(out, "Advice from the source for: ")[1:]
		if len(said) != c.Len() {
			t.Fatalf("%s: advice said %d times, want %d:\n%s", id, len(said), c.Len(), out)
		}
		for i, e := range c.Items() {
			advice, _, _ := strings.Cut(said[i], "Back to the question.")
			about := "About this area:\n- " + e.Area.Intro + " (" + c.Title + ", " + e.Area.Title + ")\n"
			at := strings.Index(advice, about)
			if e.Area.Intro == "" || at < 0 {
				t.Fatalf("%s: the advice lacks %q:\n%s", e.Item.ID, about, advice)
			}
			if len(e.Item.Guidance) > 0 && at < strings.Index(advice, e.Item.Guidance[len(e.Item.Guidance)-1].Text) {
				t.Errorf("%s: the area's introduction comes before the item's own advice:\n%s", e.Item.ID, advice)
			}
			if ifAll := strings.Index(advice, "If all you do is"); ifAll >= 0 && ifAll < at {
				t.Errorf("%s: the area's introduction comes after its suggestions:\n%s", e.Item.ID, advice)
			}
			if strings.Contains(advice, "has no advice for this item.") {
				t.Errorf("%s: the advice says there is none:\n%s", e.Item.ID, advice)
			}
		}
	}
}

// The area's "If all you do is..." suggestions are credited, as the advice
// screen credits them: they were said with no source.
func TestAdviceCreditsTheAreasSuggestions(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	a := c.Areas[0]
	out := runReviewOK(t, Options{PlanPath: newPlanFile(t, nil)}, linesReader([]string{"advice", "quit"}))
	last := a.IfAllYouDo[len(a.IfAllYouDo)-1]
	checkOutput(t, out, "If all you do is... ("+a.Title+")\n- "+a.IfAllYouDo[0].Text+"\n",
		"- "+last.Text+"\nSource: "+last.Source+"\n"+c.Credit()+"\n")
}

// Each item is said with its number in its area, as the screens, the
// board and the phones say it, and its number in the whole checklist; item
// takes either, so that "item 2 of Workforce", read off the projector,
// goes where it says. Words that name no area after the number are an
// answer, not a command.
func TestItemByItsNumberInItsArea(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{
		"item 3 of workforce", // Workforce has two items
		"item 2 of Workforce",
		"item 1 in enablers",
		"item 2 lead",
		"r", "item 2 of the budget", // an action, not a command
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Area: Leadership & Culture\nItem 1 of 4 in this area, 1 of 21 in all\n",
		"Rating: item 3 of workforce\nThere is no item 3 in Workforce: it has items 1 to 2.\n",
		"Rating: item 2 of Workforce\n\nArea: Workforce\nItem 2 of 2 in this area, 6 of 21 in all\n",
		"Rating: item 1 in enablers\n\nArea: Enablers\nItem 1 of 15 in this area, 7 of 21 in all\n",
		"Rating: item 2 lead\n\nArea: Leadership & Culture\nItem 2 of 4 in this area, 2 of 21 in all\n",
	)
	if got := onDiskPlan(t, path).Response("lc-leadership").Action; got != "item 2 of the budget" {
		t.Errorf("the action is %q, want the words typed", got)
	}
	// board says where each area's items are in the whole checklist.
	out = runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"board", "quit"}))
	checkOutput(t, out, "\nWorkforce, items 5 to 6: none rated yet:\n5. Business as usual\n")
}

// An area named by words that begin more than one area's name ("create":
// the Building Blocks' Vision and Culture both begin "Create a") is asked
// about, not taken as an answer; and help's example of item N of an area
// names one of the checklist's own areas (it named Workforce, which the
// Building Blocks does not have).
func TestItemOfAnAreaNamedAmbiguously(t *testing.T) {
	c, _ := checklist.Builtin("smc-building-blocks")
	path := newPlanFile(t, func(p *plans.Plan) { *p = *plans.New(c, "Acme", "Spring", today) })
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"help", "item 2 of create", "item 2 of create a diverse", "quit"}))
	checkOutput(t, out,
		"or item N of an area (item 2 of Vision);", // help's example is one of the checklist's own areas
		"Rating: item 2 of create\ncreate could be Vision or Culture: type more of the area's name.\n",
		"Rating: item 2 of create a diverse\n\nArea: Create a diverse and inclusive culture\nItem 2 of 6 in this area, 18 of 42 in all\n")
}

// TestLateActionsSaySo: where the screens mark a passed due date "⚠ 14
// days late", the prompts say it in words: keeping the date at the item,
// in the project plan's list and in the summary.
func TestLateActionsSaySo(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "red", "Write the vision", "Ana", plans.StatusTodo
		r.Due = today.AddDays(-14)
	})
	answers := []string{"item 1", "", "", "", "", "", "", "item 21"}
	for range 20 {
		answers = append(answers, "")
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Enter keeps: Friday 1 January 2027, 14 days late. Type a dash (-) to clear it.\n",
		"The project plan so far:\nA step that follows an item's action changes with it until you edit the step here.\n1. Write the vision; owner Ana; due Friday 1 January 2027, 14 days late; todo;",
		"Open actions by due date:\n1. Write the vision; owner Ana; due Friday 1 January 2027, 14 days late; todo\n",
	)
}

// An action cleared at the item (dropped, its reason in the notes) is no
// longer chased, so its due date is not called late any more, as on the
// screens (review.ActionLateWords).
func TestAClearedActionsDateIsNotCalledLate(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner, r.Status = "red", "Write the vision", "Ana", plans.StatusTodo
		r.Due = today.AddDays(-14)
	})
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"item 1", "", "-", "", "", "quit"}))
	checkOutput(t, out, "Enter keeps: Friday 1 January 2027. Type a dash (-) to clear it.\n")
	if strings.Contains(out, "days late") {
		t.Errorf("a cleared action's date is called late:\n%s", out)
	}
}

// The terminal closed after item 1 was rated Red, at its action: the
// rating is saved and the review resumes at item 2, the first not rated,
// and says in one line that item 1 has no action yet and how to go back
// to it, where nothing pointed back to it.
func TestResumingAfterAHangupAtTheActionNamesTheItemWithoutOne(t *testing.T) {
	rated := func(p *plans.Plan) bool { return p.Response("lc-vision").Rated() }
	path, _, err := interruptedReview(t, "r\n", "the rating", rated, syscall.SIGHUP)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Run = %v, want the hangup", err)
	}
	out, _ := runReview(t, Options{PlanPath: path}, strings.NewReader(""))
	checkOutput(t, out, "Carrying on at item 2 of 21, the first one not rated yet.\n"+
		"Item 1, A clear D&I vision, is rated Red with no action yet: type item 1 to go back to it.\n"+
		"Type help at any question")

	// One is named by its short title, as board names it; several by
	// number and rating, in one line. Green needs no
	// action, and one with its action is not named.
	path = newPlanFile(t, func(p *plans.Plan) {
		for id, rating := range map[string]string{"lc-vision": "red", "lc-leadership": "green", "lc-educate-leaders": "amber", "lc-culture": "amber", "wf-interventions": "red"} {
			p.Response(id).Rating = rating
		}
		p.Response("lc-culture").Action = "Ask the team"
	})
	out, _ = runReview(t, Options{PlanPath: path}, strings.NewReader(""))
	checkOutput(t, out, "Carrying on at item 5 of 21, the first one not rated yet.\n"+
		"3 rated items have no action yet: items 1 (Red), 3 (Amber) and 6 (Red). To go back to one, type item and its number, as in item 1.\n")

	// Many are named four at a time, as the prompts read other lists out:
	// a team that rates every item first and writes the actions later
	// hears one short line at each start, not twenty numbers.
	path = newPlanFile(t, func(p *plans.Plan) {
		for _, r := range p.Items {
			r.Rating = "red"
		}
		p.Response("lc-vision").Rating = "green"
	})
	out, _ = runReview(t, Options{PlanPath: path}, strings.NewReader(""))
	checkOutput(t, out, "20 rated items have no action yet: items 2 (Red), 3 (Red), 4 (Red), 5 (Red) and 16 more. To go back to one, type item and its number, as in item 2.\n")

	// With every item rated, the line follows the move to the next steps.
	path = newPlanFile(t, func(p *plans.Plan) {
		for _, r := range p.Items {
			r.Rating, r.Action = "amber", "Do it"
		}
		p.Response("en-data-share").Action = ""
	})
	out, _ = runReview(t, Options{PlanPath: path}, strings.NewReader(""))
	checkOutput(t, out, "Every item is rated, so on to the next steps.\nItem 13, Share data internally, is rated Amber with no action yet: type item 13 to go back to it.\n")
}

// TestGlossarySaysTheSourcesWords: the screens' help ends with the
// checklist's terms as the source defines them and its introduction; the
// prompts never said them, so a screen-reader user could not hear what
// "socio-economic background" means in the checklist. glossary says
// them, credited, and help names it; a checklist that defines nothing is
// not offered the word.
func TestGlossarySaysTheSourcesWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, nil)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"help", "glossary", "quit"}))
	checkOutput(t, out,
		"board, advice, flag, data, glossary, quit.\n",
		"- glossary: what the checklist's words mean, as the source defines them, and what the checklist is for\n",
		"Rating: glossary\nWords used in the checklist:\n- Socio-economic background: 'Socio-economic background' is the term",
		"(Social Mobility Commission, Masterclass: Progression, Glossary of terms)\n",
		"About this checklist: Progression review and refine checklist\n- ",
		"Open Government Licence v3.0.\nBack to the question.\nRating: quit\n",
	)

	// A custom checklist with no glossary and no introduction.
	dir := t.TempDir()
	cl := tinyChecklist(t, dir, "Ours")
	out = runReviewOK(t, Options{PlanPath: filepath.Join(dir, "plans", "ours.yaml"), Checklist: cl}, linesReader([]string{"Acme", "Ours", "", "", "help", "quit"}))
	if strings.Contains(out, "glossary") {
		t.Errorf("a checklist with no glossary offers one:\n%s", out)
	}
}

// TestBackWorksInANewPlansDetails: back at a new plan's details goes to
// the question before, its answer kept as what Enter keeps, as shift+tab
// does on the screens' form and as the README says back does at any
// question. It was taken as the answer: a review titled "back".
func TestBackWorksInANewPlansDetails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	answers := []string{"back", "Acme", "back", "", "Spring", "back", "Spring review", "Sam", "back", "", "Ana", "1", "quit"}
	out := runReviewOK(t, Options{Dir: dir}, linesReader(answers))
	checkOutput(t, out,
		"Organisation: back\nThis is the first question.\nOrganisation: Acme\n",
		"Title: back\nThe name of the organisation under review, for example Acme Café Ltd. Enter keeps: Acme.\nOrganisation: \n",
		"Facilitator: back\nA name for this review, for example Spring review. Enter keeps: Spring.\nTitle: Spring review\n",
		"Participants: back\nWho runs the review? Enter keeps: Sam. Type a dash (-) to clear it.\nFacilitator: \nWho is taking part?",
	)
	p := onDiskPlan(t, filepath.Join(dir, "2027-01-15-acme-spring-review.yaml"))
	if p.Organisation != "Acme" || p.Title != "Spring review" || p.Facilitator != "Sam" || !slices.Equal(p.Participants, []string{"Ana"}) {
		t.Errorf("plan: %q %q %q %q", p.Organisation, p.Title, p.Facilitator, p.Participants)
	}

	// Carrying a plan on, back at its first question says so.
	last := filepath.Join(dir, "2026-01-15-acme-spring.yaml")
	newPlan(t, last, func(p *plans.Plan) {
		p.Date = plans.Date{Year: 2026, Month: 1, Day: 15}
		p.Response("lc-vision").Rating, p.Response("lc-vision").Action = "red", "Write it"
	})
	out = runReviewOK(t, Options{Dir: t.TempDir(), PlanPath: filepath.Join(dir, "next.yaml"), From: last}, linesReader([]string{"back", "Autumn", "", "", "quit"}))
	checkOutput(t, out, "Title: back\nThis is the first question.\nTitle: Autumn\n")

	// back at the offer of the organisation's last review goes back to
	// the organisation.
	other := filepath.Join(t.TempDir(), "plans")
	newPlan(t, filepath.Join(other, "2026-01-15-acme-spring.yaml"), func(p *plans.Plan) {
		p.Date = plans.Date{Year: 2026, Month: 1, Day: 15}
		p.Response("lc-vision").Rating, p.Response("lc-vision").Action = "red", "Write it"
	})
	out = runReviewOK(t, Options{Dir: other}, linesReader([]string{"3", "Acme", "back", "", "new", "Autumn", "", "", "", "quit"}))
	checkOutput(t, out, "Last review: back\nThe name of the organisation under review, for example Acme Café Ltd. Enter keeps: Acme.\nOrganisation: \nThe last review of Acme")
}

// An area of one item (the Building Blocks' last, "Make a plan") is
// "item 42" on the board, not "items 42 to 42".
func TestTheBoardNamesAnAreaOfOneItem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "blocks.yaml")
	c, ok := checklist.Builtin("smc-building-blocks")
	if !ok {
		t.Skip("no Building Blocks checklist")
	}
	if err := createPlan(path, plans.New(c, "Acme", "Blocks", today)); err != nil {
		t.Fatal(err)
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"board", "quit"}))
	checkOutput(t, out, "\nMake a plan, item 42: none rated yet:\n42. ")
	if strings.Contains(out, "items 42 to 42") {
		t.Errorf("the board says items 42 to 42:\n%s", out)
	}
}

// ctrl+c while a line is half typed: the terminal (or the pipe) holds a
// line until Enter, and drops it, so the review cannot save it; it says
// so, naming the question, where it said only that every answer given
// was saved and a listener took the owner they had typed to be among
// them.
func TestInterruptSaysALineNotEnteredIsNotSaved(t *testing.T) {
	actionSaved := func(p *plans.Plan) bool { return p.Response("lc-vision").Action != "" }
	path, out, err := interruptedReview(t, "g\nSend the vision to the board\nSam Pat", "the action", actionSaved, syscall.SIGINT)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Run = %v, want ErrInterrupted", err)
	}
	if want := "Interrupted (ctrl+c). Every answer given is saved in " + path + ".\nAnything typed at Owner without Enter is not saved: type it again when you carry on.\n"; !strings.Contains(out, want) {
		t.Fatalf("output lacks %q:\n%s", want, out)
	}
	if r := onDiskPlan(t, path).Response("lc-vision"); r.Owner != "" {
		t.Fatalf("on disk, an owner never entered: %+v", *r)
	}
}

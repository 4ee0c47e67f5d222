package accessible

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// The progression checklist's scale in full, as the first item says it,
// and the one line that asks the rating of an unrated item after it.
const (
	fullScale = "How do you rate it?\n" +
		"1) Red: Nothing/Not something you currently do\n" +
		"2) Amber: Do something in this space but limited\n" +
		"3) Green: Actively do this\n" +
		"Type 1, 2 or 3 (or r, a or g), or press Enter to skip it and leave it unrated.\nRating: "
	shortScale = "Rate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g), or press Enter to skip it and leave it unrated. Type a question mark (?) to hear the descriptions again.\nRating: "
)

// fullReviewLines is at most how many lines a whole piped review of the
// 21 items says (fixture full-review.answers): 689 before the scale, the
// status choices, the owner names, "Press Enter to leave it empty", an
// unchanged area and the workforce data were said in full once and in
// one line after; 529 since, and one more for the quick wins chosen said
// back by their words ("Chosen: ..."), three for the statuses chosen
// ("Marked doing.") and one for the quick win typed ("Added: ...").
const fullReviewLines = 535

// fullReview pipes the answers of a whole review (full-review.answers)
// into a new plan and returns what was said and the plan's path.
func fullReview(t *testing.T) (out, path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "plans", "acme.yaml")
	answers, err := os.Open("testdata/full-review.answers")
	if err != nil {
		t.Fatal(err)
	}
	defer answers.Close()
	return runReviewOK(t, Options{PlanPath: path}, answers), path
}

// TestScaleInFullOnceThenOneLine: a screen-reader user hears the scale's
// descriptions and how to answer on the first item, and on every later
// item one line naming the choices; the status choices likewise. A whole
// review says far fewer lines.
func TestScaleInFullOnceThenOneLine(t *testing.T) {
	out, _ := fullReview(t)
	if n := strings.Count(out, fullScale); n != 1 {
		t.Errorf("the scale was said in full %d times, want once", n)
	}
	if !strings.Contains(out, "1 of 21 in all\nRecommendation: Develop a clear vision for your D&I strategy\n") ||
		strings.Index(out, fullScale) > strings.Index(out, "2 of 21 in all") {
		t.Errorf("the scale in full is not on the first item")
	}
	if n := strings.Count(out, shortScale); n != 20 {
		t.Errorf("the one-line rating prompt was said %d times, want 20 (every item after the first)", n)
	}
	status := "How far has the action got?\n1) todo: not started yet\n2) doing: under way\n3) done: finished\nType 1, 2 or 3; Enter keeps: todo.\nStatus: "
	if n := strings.Count(out, status); n != 1 {
		t.Errorf("the status choices were said in full %d times, want once", n)
	}
	if n := strings.Count(out, "How far has the action got? 1 for todo, 2 for doing or 3 for done; Enter keeps: todo. Type a question mark (?) to hear what they mean again.\nStatus: "); n != 11 {
		t.Errorf("the one-line status prompt was said %d times, want 11 (12 actions)", n)
	}
	// The owner names are said when they are new to the listener, not at
	// every item.
	if n := strings.Count(out, "For example Ana, Björn, 李雷, Zoë Østergaard."); n != 1 {
		t.Errorf("the owner names were said %d times, want once", n)
	}
	// What Enter does to an empty answer is said once for each question.
	if n := strings.Count(out, "What will you do about it? Press Enter to leave it empty.\nAction: "); n != 1 {
		t.Errorf("Action's Enter said %d times, want once", n)
	}
	if n := strings.Count(out, "What will you do about it?\nAction: "); n != 20 {
		t.Errorf("Action asked in one line %d times, want 20", n)
	}
	// What a linked step is, is said where the project plan is listed,
	// not after each of its 12 linked steps.
	if n := strings.Count(out, "until you edit the step here"); n != 1 || strings.Contains(out, "until you edit it here") {
		t.Errorf("linked steps explained %d times, want once, where the plan is listed", n)
	}
	checkOutput(t, out, "1. Write a fair succession policy; owner Ana; due Monday 25 January 2027; todo; follows the action of item 19\n")
	// Each item's own text is said in full, every time.
	for _, want := range []string{
		"Recommendation: Strong leadership and management driving your D&I strategy\nQuestions to consider:\n- Do you have strong and vocal leaders",
		"Recommendation: Business as usual\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("an item's own text is missing: %q", want)
		}
	}
	if n := strings.Count(out, "\n"); n > fullReviewLines {
		t.Errorf("a whole review says %d lines, want at most %d", n, fullReviewLines)
	}
	t.Logf("a whole review says %d lines", strings.Count(out, "\n"))
}

// TestQuestionMarkSaysTheScaleAgain: ? or help at the rating says the
// scale with its descriptions and how to answer, then the commands, and
// asks again; at the status, the statuses.
func TestQuestionMarkSaysTheScaleAgain(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{
		"",                                           // item 1 skipped
		"?", "help", "a", "Act", "", "", "?", "", "", // item 2
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	item2 := out[strings.Index(out, "2 of 21 in all"):]
	checkOutput(t, item2,
		shortScale+"?\n"+strings.TrimPrefix(strings.TrimSuffix(fullScale, "Rating: "), "How do you rate it?\n")+"Answer each question on one line.",
		"These commands work at every question:\n- back: ",
		"- help or ?: these commands, and how to answer: at a choice, each choice in full\n",
		"Back to the question.\nRating: help\n1) Red: Nothing/Not something you currently do\n",
		"Back to the question.\nRating: a\nRated Amber.\n",
		"Status: ?\n1) todo: not started yet\n2) doing: under way\n3) done: finished\nType 1, 2 or 3; Enter keeps: todo.\nAnswer each question",
	)
	if r := onDiskPlan(t, path).Response("lc-leadership"); r.Rating != "amber" || r.Action != "Act" {
		t.Errorf("item 2 on disk: %+v", r)
	}
}

// TestResumedRunSaysTheScaleOnItsFirstItem: a run that carries on part
// way says the scale in full on the first item it asks, however many
// items were rated before.
func TestResumedRunSaysTheScaleOnItsFirstItem(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		for _, id := range []string{"lc-vision", "lc-leadership", "lc-educate-leaders"} {
			p.Response(id).Rating = "green"
		}
	})
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"", ""}))
	checkOutput(t, out,
		"Carrying on at item 4 of 21",
		"4 of 21 in all\nRecommendation: Cultural questions\n",
		"Rating: \nSkipped: left unrated.\n",
		"5 of 21 in all\nRecommendation: Business as usual\n",
	)
	if n := strings.Count(out, fullScale); n != 1 || strings.Index(out, fullScale) > strings.Index(out, "5 of 21 in all") {
		t.Errorf("the scale in full: said %d times, want once, on item 4", n)
	}
	// Item 6 is asked too, when the input ends.
	if n := strings.Count(out, shortScale); n != 2 || strings.Index(out, shortScale) < strings.Index(out, "5 of 21 in all") {
		t.Errorf("the one-line prompt: said %d times, want twice, from item 5", n)
	}
}

// TestShortRatingKeepsWhatEnterDoes: on a rated item the one line says
// what Enter keeps and that - clears, as the full hint does.
func TestShortRatingKeepsWhatEnterDoes(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) { p.Response("lc-leadership").Rating = "amber" })
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"", ""}))
	checkOutput(t, out,
		"Rate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g); Enter keeps: Amber; type a dash (-) to clear the rating. Type a question mark (?) to hear the descriptions again.\nRating: \nKept Amber.\n",
	)
}

// TestShortRatingInTheChecklistsWords: another checklist's scale is said
// in its own words, in full once and in one line after: the built-in
// Building Blocks, and a checklist of one's own.
func TestShortRatingInTheChecklistsWords(t *testing.T) {
	dir := t.TempDir()
	cl := filepath.Join(dir, "ours.yaml")
	err := os.WriteFile(cl, []byte(`id: ours
title: Our checklist
version: "1"
scale:
  - {key: none, label: Not yet, description: We have not begun}
  - {key: some, label: Developing, description: Under way}
  - {key: all, label: Embedded, description: Part of how we work}
areas:
  - id: people
    title: People
    items:
      - id: p1
        title: Do you talk to people?
      - id: p2
        title: Do you listen to them?
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	out := runReviewOK(t, Options{PlanPath: filepath.Join(dir, "plans", "ours.yaml"), Checklist: cl},
		linesReader([]string{"Acme", "Ours", "", "", "", ""}))
	checkOutput(t, out,
		"How do you rate it?\n1) Not yet: We have not begun\n2) Developing: Under way\n3) Embedded: Part of how we work\nType 1, 2 or 3 (or n, s or a), or press Enter to skip it and leave it unrated.\nRating: \n",
		"Rate it: 1 for Not yet, 2 for Developing or 3 for Embedded (or n, s or a), or press Enter to skip it and leave it unrated. Type a question mark (?) to hear the descriptions again.\nRating: \n",
	)

	out = runReviewOK(t, Options{PlanPath: filepath.Join(dir, "plans", "bb.yaml"), Checklist: "smc-building-blocks"},
		linesReader([]string{"Acme", "Blocks", "", "", "", ""}))
	if n := strings.Count(out, fullScale); n != 1 {
		t.Errorf("Building Blocks: the scale in full said %d times, want once", n)
	}
	if n := strings.Count(out, shortScale); n != 2 { // items 2 and 3 (the input ends there)
		t.Errorf("Building Blocks: the one-line prompt said %d times, want twice", n)
	}
}

// TestAreaSaidWhereItChanges: going on item by item, an item says its
// area (and group) when it differs from the item before; after a jump it
// says it again.
func TestAreaSaidWhereItChanges(t *testing.T) {
	out, _ := fullReview(t)
	for _, heading := range []string{"Area: Leadership & Culture\n", "Area: Workforce\n", "Area: Enablers\n", "Group: Data\n", "Group: Policies and processes\n"} {
		if n := strings.Count(out, heading); n != 1 {
			t.Errorf("%q said %d times, want once", heading, n)
		}
	}
	checkOutput(t, out,
		"Notes: Start from the board's values\n\nItem 2 of 4 in this area, 2 of 21 in all\nRecommendation: Strong leadership",
		"\nArea: Workforce\nItem 1 of 2 in this area, 5 of 21 in all\n",
	)

	// item N within the same area, and back: the area is said again.
	path := newPlanFile(t, nil)
	out = runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"item 3", "back"}))
	checkOutput(t, out,
		"Rating: item 3\n\nArea: Leadership & Culture\nItem 3 of 4 in this area",
		"Rating: back\n\nArea: Leadership & Culture\nItem 2 of 4 in this area",
	)
}

// Data imported with the review open, in another window as the first
// item about the data says, is said in full at the next item about it,
// where that item said "as said at item 7" of the words that there was
// none yet, until ladder was started again.
func TestWorkforceDataImportedDuringTheReviewIsSaid(t *testing.T) {
	path := newPlanFile(t, nil)
	imported := func() {
		if err := os.WriteFile(workforce.PathFor(path), workforce.Encode(&workforce.Data{Schema: workforce.SchemaVersion, Threshold: workforce.MinThreshold,
			Grades: []workforce.Grade{{Name: "Staff", Headcount: 40, Counts: workforce.Counts{12, 11, 10}}}}), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := runReviewOK(t, Options{PlanPath: path}, &lineHook{lines: []string{"item 7", "item 8", "item 9"}, before: map[int]func(){1: imported}})
	at8 := out[strings.Index(out, "8 of 21 in all"):]
	if strings.Contains(at8[:strings.Index(at8, "Rating:")], "as said at item 7") || !strings.Contains(at8, "Your workforce data") {
		t.Errorf("item 8 did not say the data imported after item 7:\n%s", at8)
	}
	checkOutput(t, out, "Workforce data: as said at item 8; type data to hear it again.\n")
}

// lineHook gives its lines one a Read, running before[i] first: what
// happens at a terminal between two answers (a file written in another
// window).
type lineHook struct {
	lines  []string
	before map[int]func()
	next   int
}

func (r *lineHook) Read(b []byte) (int, error) {
	if r.next == len(r.lines) {
		return 0, io.EOF
	}
	if f := r.before[r.next]; f != nil {
		f()
	}
	r.next++
	return copy(b, r.lines[r.next-1]+"\n"), nil
}

// TestWorkforceDataSaidOnceThenOnRequest: the plan's workforce data (here,
// none yet, and how to add it) is said in full at the first item about
// the data, and at the six after it in one line; data says it again.
func TestWorkforceDataSaidOnceThenOnRequest(t *testing.T) {
	out, _ := fullReview(t)
	if n := strings.Count(out, "No workforce data yet. Ask the key question"); n != 1 || strings.Index(out, "No workforce data yet") < strings.Index(out, "7 of 21 in all") {
		t.Errorf("the workforce data was said %d times, want once, at item 7", n)
	}
	if n := strings.Count(out, "Workforce data: as said at item 7; type data to hear it again.\n"); n != 6 {
		t.Errorf("the one line for the workforce data was said %d times, want 6", n)
	}

	path := newPlanFile(t, nil)
	out = runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"item 8", "data", "help"}))
	checkOutput(t, out,
		"8 of 21 in all\nGroup: Data\nRecommendation: Do you record and evaluate the take up of training",
		"Rating: data\nNo workforce data yet. Ask the key question, \"What was the occupation of your main household earner when you were about aged 14?\", then count the answers by grade:\nladder data import responses.csv --plan "+path+" (ladder data --help says how).\nBack to the question.\nRating: help\n",
		"- data: the plan's workforce data, as the items about it say it\n",
	)
}

// TestWorkforceDataAtTheItemItWasSaidAtIsSaidAgain: the item the data
// were said at, asked again (after a reload, item 7 typed there, back from
// item 8), said "Workforce data: as said at item 7" at item 7 itself,
// pointing the listener to where they were. There the data are said in
// full again; elsewhere in one line, as before.
func TestWorkforceDataAtTheItemItWasSaidAtIsSaidAgain(t *testing.T) {
	path := newPlanFile(t, nil)
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"item 7", "item 8", "back", "quit"}))
	if strings.Contains(out, "as said at item 7; type data to hear it again.\n\nRate it") || strings.Count(out, "No workforce data yet. Ask the key question") != 2 {
		t.Errorf("item 7 asked again did not say the data again:\n%s", out)
	}
	checkOutput(t, out, "8 of 21 in all\nGroup: Data\nRecommendation: Do you record and evaluate the take up of training and apprenticeships based on socio-economic background?\nWorkforce data: as said at item 7; type data to hear it again.\n")
}

package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// stepsOn is the project plan's steps as the plan file holds them.
func stepsOn(t testing.TB, path string) []plans.Step {
	t.Helper()
	return loadPlan(t, path).Answer("project-plan").Steps
}

// Words typed on the project plan's list, where no step is being edited,
// change no step and open nothing: "done" removed the step under the
// cursor at its d, "send the plan to Sam" moved its status on at the s
// and wrote "nd the plan to Sam" on the end of its text at the e, "Ask
// the directors" changed its status at the s and took "k", "i" and "e"
// as keys. The screen says there is nothing to type here.
func TestWordsTypedOnTheProjectPlansListChangeNoStep(t *testing.T) {
	for _, words := range []string{"done", "send the plan to Sam", "Ask the directors", "decide by June"} {
		t.Run(words, func(t *testing.T) {
			a, path := fuQuestion(t, 4)
			before := stepsOn(t, path)
			fuType(t, a, words)
			if got := stepsOn(t, path); !slices.Equal(got, before) {
				t.Fatalf("%q typed on the list: the steps are\n%+v\nwere\n%+v", words, got, before)
			}
			if a.active != screenFollowUp || a.screen(a.active).typing() {
				t.Fatalf("%q typed on the list: screen %d, typing %v", words, a.active, a.screen(a.active).typing())
			}
			fuContains(t, fuView(a), "Nothing to type here", "ctrl+c save & quit")
			fuPress(t, a, "esc") // types nothing: the list's keys act again
			if v := fuView(a); strings.Contains(v, "Nothing to type here") {
				t.Fatalf("esc kept the note:\n%s", v)
			}
		})
	}
}

// The facilitator's keys on the list act as before: d removes, u puts
// back, s and space move the status on, s s twice, d d two steps, J
// moves, e and enter edit, a adds; and a key that types nothing after d
// or s (an arrow, enter) keeps what it did.
func TestTheFacilitatorsKeysOnTheProjectPlanStillAct(t *testing.T) {
	a, path := fuQuestion(t, 4) // steps 1, 2, 3
	fuPress(t, a, "s")
	if st := stepsOn(t, path)[0].Status; st != plans.StatusDoing {
		t.Fatalf("s: status %q", st)
	}
	fuPress(t, a, "s", "down", "space")
	if st := stepsOn(t, path); st[0].Status != plans.StatusDone || st[1].Status != plans.StatusDoing {
		t.Fatalf("s, down, space: %+v", st)
	}
	fuPress(t, a, "d", "d")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1}) {
		t.Fatalf("d d: %v", got)
	}
	fuPress(t, a, "u", "u")
	if got := stepIDs(t, path); !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("u u: %v", got)
	}
	fuPress(t, a, "d", "up")
	if got := stepIDs(t, path); len(got) != 2 {
		t.Fatalf("d, up: %v", got)
	}
	fuPress(t, a, "u", "home", "J")
	if got := stepIDs(t, path); !slices.Equal(got, []int{2, 1, 3}) {
		t.Fatalf("u, home, J: %v", got)
	}
	want := stepsOn(t, path)[1].Text + " now"
	fuPress(t, a, "e")
	fuType(t, a, " now")
	fuPress(t, a, "enter")
	if got := stepsOn(t, path)[1].Text; got != want {
		t.Fatalf("e, ' now', enter: %q", got)
	}
	fuPress(t, a, "a")
	fuType(t, a, "Share the results")
	fuPress(t, a, "enter")
	if got := stepsOn(t, path); len(got) != 4 || got[2].Text != "Share the results" {
		t.Fatalf("a, 'Share the results', enter: %+v", got)
	}
	fuPress(t, a, "n")
	if a.active != screenFollowUp && a.active != screenSummary {
		t.Fatalf("n: screen %d", a.active)
	}
	if a.active != screenSummary {
		t.Fatalf("n from the last question did not go on to the summary: screen %d", a.active)
	}
}

// Words typed at the counts, or at a due date highlighted but not being
// typed in, go nowhere: the counts' "Ask the directors" opened the
// overview at the o of "directors" and rated the item under its cursor
// Red at the r; "done" at a due date opened the overview at its o and
// went on with n.
func TestWordsTypedAtTheCountsOrADueDateGoNowhere(t *testing.T) {
	for _, tc := range []struct {
		name     string
		question int
		keys     []string
		words    string
	}{
		{"counts", 0, nil, "Ask the directors"},
		{"counts, done", 0, nil, "done"},
		{"quick wins' due date", 1, []string{"tab", "esc"}, "done"},
		{"project plan's due date", 4, []string{"tab", "esc"}, "send the plan to Sam"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, path := fuQuestion(t, tc.question)
			fuPress(t, a, tc.keys...)
			before := loadPlan(t, path)
			fuType(t, a, tc.words)
			if a.active != screenFollowUp {
				t.Fatalf("%q: screen %d", tc.words, a.active)
			}
			after := loadPlan(t, path)
			for id, r := range before.Items {
				if after.Items[id].Rating != r.Rating {
					t.Fatalf("%q rated %s %q", tc.words, id, after.Items[id].Rating)
				}
			}
			for id, ans := range before.FollowUps {
				if got, was := fmt.Sprintf("%+v", *after.FollowUps[id]), fmt.Sprintf("%+v", *ans); got != was {
					t.Fatalf("%q changed the answer to %s:\n%s\nwas\n%s", tc.words, id, got, was)
				}
			}
			fuContains(t, fuView(a), "Nothing to type here")
		})
	}
}

// Letters still begin an answer where there is one to type: at the quick
// wins, a quick win; at the decision makers, the answer.
func TestLettersStillBeginAnAnswerWhereThereIsOne(t *testing.T) {
	a, path := fuQuestion(t, 3)
	fuType(t, a, "Ask the directors")
	fuPress(t, a, "esc")
	if got := loadPlan(t, path).Answer("decision-makers").Text; got != "Ask the directors" {
		t.Fatalf("decision makers: %q", got)
	}
	if v := fuView(a); strings.Contains(v, "Nothing to type here") {
		t.Fatalf("the answer was typed, yet the screen says nothing is:\n%s", v)
	}
}

// Help, opened from the project plan's list, says what words typed there
// do; opened from the quick wins, where a letter begins a quick win, it
// says nothing of the kind.
func TestHelpSaysWhatWordsTypedOnTheProjectPlanDo(t *testing.T) {
	a, _ := fuApp(t, fuPlan(t), 100, 120)
	fuShow(t, a, screenFollowUp, 4)
	fuPress(t, a, "?")
	fuContains(t, oneSpaced(fuView(a)), "Nothing is typed in the list of steps", "A word begun with d or s")
	fuPress(t, a, "esc")
	fuShow(t, a, screenFollowUp, 1)
	fuPress(t, a, "?")
	if v := oneSpaced(fuView(a)); strings.Contains(v, "Nothing is typed") {
		t.Fatalf("help at the quick wins says nothing is typed:\n%s", v)
	}
}

// A word typed on a row of the quick wins begins a quick win, as a
// letter that is no key does, though its first letter is a key: "done"
// removed the quick win under the cursor at its d and opened the
// overview at its o. A d on its own still removes, and u puts it back.
func TestAWordBegunWithAQuickWinsKeyIsAQuickWin(t *testing.T) {
	for _, tc := range []struct{ words, typed string }{
		{"done", ""}, {"decide the budget", ""}, {"discuss it", "Mentoring scheme"},
	} {
		t.Run(tc.words, func(t *testing.T) {
			a, path := fuQuestion(t, 1)
			if tc.typed != "" {
				fuPress(t, a, "a")
				fuType(t, a, tc.typed)
				fuPress(t, a, "esc")
				fuPress(t, a, "end")
				for a.screen(screenFollowUp).(*followupScreen).stops[0].(*quickWins).cursor > 0 {
					qw := a.screen(screenFollowUp).(*followupScreen).stops[0].(*quickWins)
					if qw.cursor < len(qw.rows) && qw.rows[qw.cursor].text == tc.typed {
						break
					}
					fuPress(t, a, "up")
				}
			} else {
				fuPress(t, a, "space") // the first action chosen: d would unchoose it
			}
			before := loadPlan(t, path).Answer("quick-wins").List
			fuType(t, a, tc.words)
			if a.active != screenFollowUp {
				t.Fatalf("%q: screen %d", tc.words, a.active)
			}
			fuPress(t, a, "enter", "esc")
			want := append(slices.Clone(before), tc.words)
			if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, want) {
				t.Fatalf("%q typed on a row: the quick wins are\n%q\nwant\n%q", tc.words, got, want)
			}
		})
	}
	a, path := fuQuestion(t, 1)
	fuPress(t, a, "space", "d")
	if got := loadPlan(t, path).Answer("quick-wins").List; len(got) != 0 {
		t.Fatalf("space, d: %q", got)
	}
	fuPress(t, a, "space", "d", "down")
	if got := loadPlan(t, path).Answer("quick-wins").List; len(got) != 0 {
		t.Fatalf("space, d, down: %q", got)
	}
}

// The note at 60x16 and 80x24, on the project plan's list after "done"
// and at the counts after "Ask the directors".
func TestNextStepsStrayLetterGoldens(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		w, h := size[0], size[1]
		for _, tc := range []struct {
			name     string
			question int
			words    string
		}{
			{"project-plan", 4, "done"},
			{"counts", 0, "Ask the directors"},
		} {
			t.Run(fmt.Sprintf("%s-stray-%dx%d", tc.name, w, h), func(t *testing.T) {
				fuGolden(t, w, h, "Nothing to type here", func(t *testing.T, a *app) {
					fuShow(t, a, screenFollowUp, tc.question)
					fuType(t, a, tc.words)
				})
			})
		}
	}
}

// While letters are held the footer offers no key that types, which is
// held too: "a add" and "d remove" did nothing under the note.
func TestTheFooterOffersNoHeldKey(t *testing.T) {
	a, _ := fuQuestion(t, 4)
	fuContains(t, fuView(a), "a add", "d remove")
	fuType(t, a, "Ask")
	v := fuView(a)
	fuContains(t, v, "Nothing to type here", "n/→ next", "enter edit", "ctrl+c save & quit")
	for _, held := range []string{"a add", "d remove", "K/J move"} {
		if strings.Contains(v, held) {
			t.Errorf("the footer offers %q while letters are held:\n%s", held, v)
		}
	}
}

// The room's join screen, projected while people join, has nowhere to
// type: "Hello everyone" typed there opened the overview at the o of
// "Hello", and a room's words (v reveals, w closes) act as keys. The
// facilitator's esc and w still go back to the review.
func TestWordsTypedOnTheJoinScreenGoNowhere(t *testing.T) {
	t.Parallel()
	h := startRoomHarness(t, 80, 24)
	if h.a.active != screenRoom {
		t.Fatalf("the room opened on screen %d, not its join screen", h.a.active)
	}
	before := ratings(t, h.path)
	for _, r := range "Hello everyone" {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		h.settle()
	}
	requireRatings(t, h.path, before, "'Hello everyone' on the join screen")
	if h.a.active != screenRoom {
		t.Fatalf("'Hello everyone' on the join screen left it for screen %d", h.a.active)
	}
	h.waitView("Nothing to type here")
	h.press("esc")
	if h.a.active == screenRoom {
		t.Fatal("esc after the words did not go back to the review")
	}
	h = startRoomHarness(t, 80, 24)
	h.press("w")
	if h.a.active == screenRoom {
		t.Fatal("w on the join screen did not go back to the review")
	}
}

// A facilitator who presses e to edit a step, or a quick win, and types
// straight away keeps what they type: "Book venu", e, "e" made "Book
// venue", where the e was taken for a word's first letter and the letter
// after it closed the edit with nothing stored, said "Nothing to type
// here" and held the rest. And the list's own keys after d or s act as
// keys: d then k (up) keeps the step removed, s then k its status.
func TestTheFacilitatorsEditKeepsWhatIsTypedStraightAway(t *testing.T) {
	a, path := fuQuestion(t, 4)
	want := stepsOn(t, path)[0].Text + "s"
	fuPress(t, a, "e")
	fuType(t, a, "s")
	if !a.screen(a.active).typing() {
		t.Fatalf("e, s: the edit closed:\n%s", fuView(a))
	}
	fuPress(t, a, "enter")
	if got := stepsOn(t, path)[0].Text; got != want {
		t.Fatalf("e, s, enter: the step is %q, want %q", got, want)
	}
	fuPress(t, a, "down", "s", "k")
	if st := stepsOn(t, path)[1].Status; st != plans.StatusDoing {
		t.Fatalf("down, s, k: the status is %q, want it moved on", st)
	}
	fuPress(t, a, "down", "d", "k")
	if got := stepIDs(t, path); len(got) != 2 {
		t.Fatalf("down, d, k: steps %v, want one removed", got)
	}

	a, path = fuQuestion(t, 1)
	fuPress(t, a, "a")
	fuType(t, a, "Book venu")
	fuPress(t, a, "esc")
	qw := a.screen(screenFollowUp).(*followupScreen).stops[0].(*quickWins)
	qw.cursor = slices.IndexFunc(qw.rows, func(r quickWin) bool { return r.text == "Book venu" })
	fuPress(t, a, "e")
	fuType(t, a, "e")
	fuPress(t, a, "enter", "esc")
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Contains(got, "Book venue") {
		t.Fatalf("e, e, enter on \"Book venu\": the quick wins are %q", got)
	}
}

// A step added straight after d or s keeps what is typed in it, small
// letters too: s, a, "book the room" closed the new step at its b with
// nothing stored, put the status back and held the rest, as if s had
// begun "sab…"; d, a, "call Sam" put the removed step back.
func TestAStepAddedAfterDOrSKeepsWhatIsTyped(t *testing.T) {
	a, path := fuQuestion(t, 4) // steps 1, 2, 3
	fuPress(t, a, "s", "a")
	fuType(t, a, "book the room")
	fuPress(t, a, "enter")
	got := stepsOn(t, path)
	if len(got) != 4 || got[0].Status != plans.StatusDoing || got[1].Text != "book the room" {
		t.Fatalf("s, a, \"book the room\", enter: %+v", got)
	}
	fuPress(t, a, "home", "d", "a")
	fuType(t, a, "call Sam")
	fuPress(t, a, "enter")
	got = stepsOn(t, path)
	if len(got) != 4 || got[0].Text != "book the room" || !slices.ContainsFunc(got, func(s plans.Step) bool { return s.Text == "call Sam" }) {
		t.Fatalf("d, a, \"call Sam\", enter: %+v", got)
	}

	a, path = fuQuestion(t, 1)
	fuPress(t, a, "space", "d", "a") // the first action chosen, then unchosen
	fuType(t, a, "book the room")
	fuPress(t, a, "enter", "esc")
	if got := loadPlan(t, path).Answer("quick-wins").List; !slices.Equal(got, []string{"book the room"}) {
		t.Fatalf("space, d, a, \"book the room\": the quick wins are %q", got)
	}
}

package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

func TestSummaryShowsBoardCountsActionsAndGit(t *testing.T) {
	p := fuPlan(t)
	// A step that only repeats an item's action is listed once; a done
	// action is not listed.
	p.AddActionSteps()
	p.Response("en-data-collect").Status = plans.StatusDone
	a, path := fuApp(t, p, 120, 60)
	fuShow(t, a, screenSummary, 0)
	v := fuView(a)
	fuContains(t, v,
		"The end · Acme Café Ltd, Spring review 🌱",
		"Leadership & Culture  ■ ▲ ○ ○",
		"Workforce             ○ ●",
		"■ Red  ▲ Amber  ● Green  ○ Unrated",
		"Open actions, by due date (3, 1 overdue)",
		"Saved to "+path,
		"git add -- "+plans.CommandQuote(path),
		"git commit -m 'Progression review: Acme Café Ltd, Spring review 🌱'",
	)
	c := collapse(v)
	fuContains(t, c, "Leadership & Culture 1 1 0 2", "All areas 2 1 2 16")

	// Open actions by due date, the overdue one marked with a shape and a
	// word, not only a colour.
	workshop := strings.Index(v, "⚠ 28 Feb 2027  Run a manager workshop")
	vision := strings.Index(v, "31 Mar 2027  Write a one-page vision")
	survey := strings.Index(v, "Keep the survey going")
	if workshop < 0 || vision < 0 || workshop > vision {
		t.Errorf("open actions not in due-date order with the overdue one marked:\n%s", v)
	}
	if !strings.Contains(v[workshop:vision], "overdue") {
		t.Errorf("the overdue action does not say so")
	}
	if survey < 0 || survey < vision {
		// The survey's item action is done; its step (seeded before) is
		// still open and listed.
		t.Errorf("the open step from a done action is missing:\n%s", v)
	}
	if n := strings.Count(v, "Write a one-page vision"); n != 1 {
		t.Errorf("an action repeated by its step is listed %d times", n)
	}
}

// In a folder not in git yet (a first review on a laptop), the commands
// start with git init, which git add needs there; in a work tree they do
// not.
func TestSummaryStartsWithGitInitOutsideGit(t *testing.T) {
	a, path := fuApp(t, fuPlan(t), 120, 60)
	fuShow(t, a, screenSummary, 0)
	v := fuView(a)
	fuContains(t, v, "To keep it in git (this folder is not in git yet), run:", "  git init  ", "  git add -- ")
	if strings.Index(v, "git init") > strings.Index(v, "git add") {
		t.Fatalf("git init is not first:\n%s", v)
	}

	if out, err := exec.Command(testtool.Need(t, "git"), "init", "-q", filepath.Dir(path)).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	fuShow(t, a, screenSummary, 0)
	v = fuView(a)
	fuContains(t, v, "To keep it in git, run:", "  git add -- ")
	if strings.Contains(v, "git init") {
		t.Fatalf("in a git work tree, the summary still says git init:\n%s", v)
	}
}

func TestSummaryBoardSeparatesGroupsAndWraps(t *testing.T) {
	p := fuPlan(t)
	a, _ := fuApp(t, p, 60, 16)
	fuShow(t, a, screenSummary, 0)
	v := fuView(a)
	// Enablers has a group of data items, then policies: │ between them.
	fuContains(t, v, "● ○ ○ ○ ○ ○ ○│○ ○ ■")
	if n := lineCount(v); n != 16 {
		t.Errorf("summary at 60x16 has %d lines", n)
	}
	for _, line := range strings.Split(v, "\n") {
		if w := len([]rune(line)); w > 60 {
			t.Errorf("line wider than the window (%d): %q", w, line)
		}
	}
}

func TestSummaryScrollsAndGoesBack(t *testing.T) {
	p := fuPlan(t)
	a, path := fuApp(t, p, 60, 16)
	fuShow(t, a, screenSummary, 0)
	v := fuView(a)
	if strings.Contains(v, "git commit") {
		t.Fatalf("the whole summary fits at 60x16? %s", v)
	}
	fuContains(t, v, "↑↓ pgup pgdown to scroll")
	fuPress(t, a, "end")
	v = fuView(a)
	fuContains(t, v, "ladder report")
	if m := regexp.MustCompile(`lines \d+–(\d+) of (\d+)`).FindStringSubmatch(v); m == nil || m[1] != m[2] {
		t.Errorf("end does not show the last line:\n%s", v)
	}
	fuPress(t, a, "home")
	fuContains(t, fuView(a), "The end")
	for range 40 {
		fuPress(t, a, "j")
	}
	fuContains(t, fuView(a), "git commit")
	fuPress(t, a, "pgup", "pgup", "pgup", "pgup")
	fuContains(t, fuView(a), "The end")

	fuPress(t, a, "o")
	if a.active != screenOverview {
		t.Fatalf("o went to %v", a.active)
	}
	fuShow(t, a, screenSummary, 0)
	fuPress(t, a, "p")
	if a.active != screenFollowUp {
		t.Fatalf("p went to %v", a.active)
	}
	fuShow(t, a, screenSummary, 0)
	fuPress(t, a, "q")
	if !a.quitting {
		t.Fatal("q did not quit")
	}
	if _, err := plans.LoadFile(path, nil); err != nil {
		t.Fatal(err)
	}
}

func TestSummaryOfAPlanWithNothingOpen(t *testing.T) {
	c, _ := checklist.Builtin("smc-progression")
	p := plans.New(c, "", "", plans.Date{Year: 2027, Month: 1, Day: 1})
	a, _ := fuApp(t, p, 80, 24)
	fuShow(t, a, screenSummary, 0)
	fuContains(t, fuView(a), "The end", "None: every action is done, or none is written yet.")
}

func TestSummaryGoldens(t *testing.T) {
	for _, size := range fuGoldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			fuGolden(t, size[0], size[1], "The end", func(t *testing.T, a *app) {
				fuShow(t, a, screenSummary, 0)
			})
		})
		// The end of the page: the git commands, broken only between
		// words (issue 12.4).
		t.Run(fmt.Sprintf("end-%dx%d", size[0], size[1]), func(t *testing.T) {
			fuGolden(t, size[0], size[1], "To keep it in git", func(t *testing.T, a *app) {
				fuShow(t, a, screenSummary, 0)
				a.initialised = true // the golden's run leaves the screen as it is
				fuPress(t, a, "end")
			})
		})
	}
}

// In presenter mode the summary leaves out where the plan is saved and
// the git commands (a room reads the projector), but says where they are:
// P shows them, q prints them; its footer names P. P shows them.
func TestThePresentersSummarySaysWhereTheGitCommandsAre(t *testing.T) {
	a, path := fuApp(t, fuPlan(t), 100, 30)
	fuPress(t, a, "P")
	fuShow(t, a, screenSummary, 0)
	fuPress(t, a, "end")
	v := fuView(a)
	if strings.Contains(v, path) || strings.Contains(v, "git add") {
		t.Fatalf("presenter mode shows the file or the git commands:\n%s", v)
	}
	fuContains(t, v, "P shows where the plan is saved", "prints them as ladder ends", "P file & git")
	fuPress(t, a, "P")
	fuPress(t, a, "end")
	fuContains(t, fuView(a), "Saved to", "git add -- ")
}

// The review in presenter mode ends on the board: q there prints where
// the plan is saved and the git commands, as it does from the summary.
func TestQuittingAtThePresentersEndPrintsTheGitCommands(t *testing.T) {
	a, path := fuApp(t, fuPlan(t), 100, 30)
	fuPress(t, a, "P")
	fuShow(t, a, screenFollowUp, len(a.c.checklist().FollowUps)-1)
	fuPress(t, a, "n")
	if a.active != screenBoard {
		t.Fatalf("the presenter's review ended on screen %d, not the board", a.active)
	}
	a.commitNotice()
	for _, want := range []string{"Your plan is saved in " + path, "\n  git add -- "} {
		if !strings.Contains(a.exitNotice, want) {
			t.Errorf("after q at the end, the notice lacks %q:\n%s", want, a.exitNotice)
		}
	}
	// The board opened mid-review is no end: q there prints nothing more.
	b, _ := fuApp(t, fuPlan(t), 100, 30)
	fuPress(t, b, "P", "b")
	b.commitNotice()
	if b.exitNotice != "" {
		t.Errorf("q on the board mid-review printed %q", b.exitNotice)
	}
}

// What ladder prints as it ends at the summary stays in the terminal
// after it: the owner, wanting to send the plan to a partner days later,
// scrolled back to it and found only the git commands. It names, as the
// summary does, the command that writes the plan as a web page to email.
func TestQuittingAtTheEndPrintsHowToSendTheReport(t *testing.T) {
	a, path := fuApp(t, fuPlan(t), 100, 30)
	fuShow(t, a, screenSummary, 0)
	a.commitNotice()
	want := "To send it to someone without ladder, as a web page to email, run:\n  ladder report " + plans.CommandPath(path) + " -o acme.html"
	if !strings.Contains(a.exitNotice, want) {
		t.Errorf("after q at the end, the notice lacks %q:\n%s", want, a.exitNotice)
	}
	if strings.Index(a.exitNotice, "git add") > strings.Index(a.exitNotice, "ladder report") {
		t.Errorf("the report comes before the git commands:\n%s", a.exitNotice)
	}
}

// An area of a checklist of one's own whose title is a sentence, with no
// short title, was named by its first 20 characters wherever the title
// did not fit, "Arweinyddiaeth a…", even in a column of 48 cells: on the
// summary every area of a Welsh checklist looked alike. It takes the
// words the column has room for; an author's short title still wins.
func TestALongAreaTitleTakesTheRoomItsColumnHas(t *testing.T) {
	const title = "Arweinyddiaeth a diwylliant sefydliadol: Leadership and organisational culture across every site"
	a := checklist.Area{Title: title}
	for _, tc := range []struct {
		w    int
		want string
	}{
		{200, title},
		{48, "Arweinyddiaeth a diwylliant sefydliadol…"},
		{30, "Arweinyddiaeth a diwylliant…"},
		{10, "Arweinyddiaeth a…"}, // the callers cut it to the column
	} {
		if got := areaName(&a, tc.w); got != tc.want {
			t.Errorf("in %d cells: %q, want %q", tc.w, got, tc.want)
		}
	}
	a.Short = "Arweinyddiaeth"
	if got := areaName(&a, 48); got != "Arweinyddiaeth" {
		t.Errorf("with a short title: %q", got)
	}
}

// The end screen's git add names the workforce data file beside the plan
// (ladder data import's), not the plan alone, and at 60 columns breaks
// the command between words, each path whole.
func TestSummaryCommitsTheDataFileBesideThePlan(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("plans", "acme.yaml")
	a := fuAppAt(t, fuPlan(t), path, 60, 60)
	data := workforce.PathFor(path)
	if err := os.WriteFile(data, []byte("schema: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fuShow(t, a, screenSummary, 0)
	v := strings.ReplaceAll(fuView(a), " \\\n", " ")
	for _, cmd := range []string{"git add", "git commit"} {
		i := strings.Index(v, cmd)
		if i < 0 {
			t.Fatalf("no %s:\n%s", cmd, fuView(a))
		}
		command := v[i:]
		if j := strings.Index(command[len(cmd):], "git "); j >= 0 {
			command = command[:len(cmd)+j] // its own words, not the next command's
		}
		if words := strings.Fields(command); !slices.Contains(words, plans.CommandQuote(data)) || !slices.Contains(words, plans.CommandQuote(path)) {
			t.Fatalf("%s does not name the plan and its data file whole:\n%s", cmd, fuView(a))
		}
	}
}

// TestSummaryNamesRatedItemsWithNoAction: an item rated Red with no action
// (the laptop died between the rating and the action, and the review
// resumed at the first item not rated, past it) is named at the end, with
// its rating in a shape and a word, where the open actions alone passed
// it by; one rated Green needs no action and is not named.
func TestSummaryNamesRatedItemsWithNoAction(t *testing.T) {
	p := fuPlan(t) // en-policy-pathways is Red with no action; wf-interventions Green with none
	a, _ := fuApp(t, p, 100, 60)
	fuShow(t, a, screenSummary, 0)
	v := fuView(a)
	fuContains(t, v, "Rated, with no action yet (1)", "■ Red  Enablers 10: Do you have clear career pathways?", "o opens the overview at the first; enter opens it, to write its action.")
	if strings.Contains(v, "Interventions") {
		t.Errorf("an item rated Green is named as wanting an action:\n%s", v)
	}
	// o opens the overview on the first of them, for enter to open it.
	fuPress(t, a, "o")
	if o := a.screen(screenOverview).(*overviewScreen); a.active != screenOverview || o.entries[o.rows[o.cursor].entry].Item.ID != "en-policy-pathways" {
		t.Errorf("o from the summary: screen %v, cursor on %s", a.active, o.entries[o.rows[o.cursor].entry].Item.ID)
	}

	// At 60 columns the way to them is said whole, wrapped.
	a, _ = fuApp(t, p, 60, 16)
	fuShow(t, a, screenSummary, 0)
	fuContains(t, oneSpaced(ansi.Strip(strings.Join(a.screen(screenSummary).(*summaryScreen).draw(), "\n"))), "o opens the overview at the first; enter opens it, to write its action.")

	p.Response("en-policy-pathways").Action = "Write the pathways down"
	a, _ = fuApp(t, p, 100, 60)
	fuShow(t, a, screenSummary, 0)
	if v := fuView(a); strings.Contains(v, "no action yet") {
		t.Errorf("an item with its action is still named:\n%s", v)
	}
}

// TestTheGitCommandsCopyWholeAtEveryWidth lays out the commit command of
// a plan for Hill's Bakery at every width from a 60-column window's up:
// every line fits, every line but the last ends in " \", and the lines,
// pasted into a shell, are the command. At 60 columns the message with
// its -m and the " \" after it were one cell too wide, and the " \" was
// wrapped onto a line of its own: pasted, the commit ran without its
// "-- path" and the path ran as a command.
func TestTheGitCommandsCopyWholeAtEveryWidth(t *testing.T) {
	p := fuPlan(t)
	p.Organisation, p.Title = "Hill's Bakery", "Spring review"
	_, hills := plans.CommitWords("plans/2026-11-29-hill-s-bakery-spring-review.yaml", p)
	// A message that fits a line of its own only less indented.
	p.Organisation, p.Title = "Acme Café Ltd", "Spring review 🌱"
	_, acme := plans.CommitWords("/tmp/TestSummaryScrollsAndGoesBack25/001/acme.yaml", p)
	for _, commit := range [][]string{hills, acme} {
		copiesWhole(t, commit)
	}
}

func copiesWhole(t *testing.T, commit []string) {
	t.Helper()
	for w := 58; w <= 120; w++ {
		lines := commandLines(commit, w)
		var words []string
		for i, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("at %d cells, line %d is %d wide: %q", w, i, ansi.StringWidth(l), l)
			}
			if i < len(lines)-1 {
				if !strings.HasSuffix(l, " \\") {
					t.Errorf("at %d cells, line %d does not go on: %q", w, i, l)
				}
				l = strings.TrimSuffix(l, " \\")
			}
			words = append(words, strings.TrimSpace(l))
		}
		if got, want := strings.Join(words, " "), strings.Join(commit, " "); got != want {
			t.Errorf("at %d cells the lines are\n%s\nnot %s", w, strings.Join(lines, "\n"), want)
		}
	}
}

// A plan of Hill's Bakery and Tea Rooms Ltd has a path wider than a
// 60-column window: the summary cut it at the window's edge, and, copied
// from there, git add and git commit were given "plans/…-spring-r" and
// the shell ran "eview-2027.yaml" as a command, the commit refused. The
// summary says so where a command is cut, and that q prints it whole;
// where the commands fit, it says nothing of it.
func TestTheSummarySaysWhenAWindowCutsACommand(t *testing.T) {
	p := fuPlan(t)
	p.Organisation, p.Title = "Hill's Bakery and Tea Rooms Ltd", "Spring review 2027"
	t.Chdir(t.TempDir())
	if err := os.Mkdir("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	path := "plans/2026-11-30-hill-s-bakery-and-tea-rooms-ltd-spring-review-2027.yaml"
	for _, tc := range []struct {
		w   int
		cut bool
	}{{60, true}, {71, true}, {80, false}, {120, false}} {
		a := fuAppAt(t, p, path, tc.w, 40)
		fuShow(t, a, screenSummary, 0)
		a.screen(screenSummary).(*summaryScreen).commitSteps = [][]string{{"git", "add", "--", plans.CommandPath(path)}}
		v := oneSpaced(ansi.Strip(strings.Join(a.screen(screenSummary).(*summaryScreen).draw(), "\n")))
		if said := strings.Contains(v, narrowCommands); said != tc.cut {
			t.Errorf("at %d columns, a command cut %v, said %v:\n%s", tc.w, tc.cut, said, v)
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
	a := fuAppAt(t, p, path, 60, 40)
	fuShow(t, a, screenSummary, 0)
	a.commitNotice()
	if !strings.Contains(a.exitNotice, "\n  git add -- "+path+"\n") {
		t.Errorf("q does not print the command whole:\n%s", a.exitNotice)
	}
}

// The summary said how to keep the plan in git, and nothing of how to
// send it to someone (a partner, a board) who does not use ladder: the
// owner met ladder report nowhere on the screens. It now gives the
// command that writes the report as a web page to email, named after the
// plan, after the git commands.
func TestSummarySaysHowToSendTheReport(t *testing.T) {
	a, path := fuApp(t, fuPlan(t), 120, 60)
	fuShow(t, a, screenSummary, 0)
	v := fuView(a)
	fuContains(t, v, "To send it to someone without ladder, as a web page to email, run:",
		"  ladder report "+plans.CommandPath(path)+" -o acme.html")
	if strings.Index(v, "git commit") > strings.Index(v, "ladder report") {
		t.Fatalf("the report comes before the git commands:\n%s", v)
	}
}

package tui_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The accessible mode and the screens are two ways of giving the same
// answers, and must leave the same plan. This test gives the accessible
// mode's full-review answers (tui/accessible/testdata, the one source of
// the answers) to both: piped, line by line, to `ladder review
// --accessible`, and translated into keystrokes on the screens of `ladder
// review` in a pseudo-terminal. The two plan files must be byte for byte
// the same.
//
// Each mode creates its plan through its own set-up, from the first five
// answers (organisation, title, facilitator, participants, checklist), as
// the golden plan of these answers was made: so set-up is compared too,
// and the fixture needs no other source for the plan's header.

const (
	samePlanAnswers = "accessible/testdata/full-review.answers"
	samePlanGolden  = "accessible/testdata/full-review.golden.yaml"
	samePlanToday   = "2027-01-15"
	// samePlanTimeout is how long the screens may take to catch up with
	// the whole review typed ahead, on a loaded machine.
	samePlanTimeout = 60 * time.Second
)

func TestAccessibleAndScreensMakeTheSamePlan(t *testing.T) {
	bin := e2eBinary(t) // skips under -short
	t.Run("as written", func(t *testing.T) { samePlan(t, bin, false) })
	// Spaces typed around an answer are not part of it, in the fields
	// where both modes drop them (see padding).
	t.Run("with stray spaces", func(t *testing.T) { samePlan(t, bin, true) })
}

// samePlan gives the answers to both modes, with spaces around them when
// padded, and compares the plans.
func samePlan(t *testing.T, bin string, padded bool) {
	lines := readAnswerLines(t, samePlanAnswers)
	today, err := plans.ParseDate(samePlanToday)
	if err != nil {
		t.Fatal(err)
	}
	script := translateAnswers(t, lines, checklist.Builtins(), today)
	script.padded = padded

	// Plan A: the answers piped to the accessible mode.
	dirA := t.TempDir()
	cmd := exec.Command(bin, "review", "--accessible", "--today", samePlanToday, "plans/acme.yaml")
	cmd.Dir = dirA
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var answers bytes.Buffer
	for _, l := range lines {
		if padded && l.text != "" {
			l.text = padText(l.text, padBoth)
		}
		answers.WriteString(l.text + "\n")
	}
	cmd.Stdin = &answers
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if out, err := cmd.Output(); err != nil {
		t.Fatalf("accessible review: %v\n%s\n%s", err, stderr.Bytes(), out)
	}
	planA := samePlanFile(t, filepath.Join(dirA, "plans", "acme.yaml"))

	// Plan B: the same answers typed on the screens. ACCESSIBLE is set
	// empty in case the machine running the tests asks for accessible
	// mode everywhere.
	dirB := t.TempDir()
	e := e2eSession{t, e2eRun(t, bin, dirB, []string{"ACCESSIBLE=", "NO_COLOR="}, "review", "--today", samePlanToday, "plans/acme.yaml")}
	start := time.Now()
	script.run(e)
	if err := e.s.Wait(samePlanTimeout); err != nil {
		t.Fatalf("quitting the screens: %v", err)
	}
	t.Logf("screens: %d keys and typed answers, %v from the first to the end", len(script.ops), time.Since(start).Round(time.Millisecond))
	planB := samePlanFile(t, filepath.Join(dirB, "plans", "acme.yaml"))

	if !bytes.Equal(planA, planB) {
		t.Errorf("the screens made a different plan from the accessible mode's for the same answers:\n%s",
			diff.Diff("accessible.yaml", planA, "screens.yaml", planB))
	}
	// Two empty plans would be equal too: A must be the plan the
	// accessible tests expect of these answers.
	if golden := samePlanFile(t, samePlanGolden); !bytes.Equal(planA, golden) {
		t.Errorf("the accessible mode's plan is not %s:\n%s", samePlanGolden,
			diff.Diff("golden.yaml", golden, "accessible.yaml", planA))
	}
}

func samePlanFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// answerLine is one line of the answers file, with its line number for
// messages.
type answerLine struct {
	n    int
	text string
}

func readAnswerLines(t *testing.T, path string) []answerLine {
	t.Helper()
	var out []answerLine
	for i, l := range strings.Split(strings.TrimSuffix(string(samePlanFile(t, path)), "\n"), "\n") {
		// The accessible prompter trims each answer (cleanInput).
		out = append(out, answerLine{i + 1, strings.TrimSpace(l)})
	}
	return out
}

// screenOp is one thing done to the screens: keys pressed, an answer
// typed, or a wait for text to appear.
type screenOp struct {
	keys []string
	text string
	pad  padding // how spaces are put around text when padded
	wait string
}

// padding says where stray spaces typed around an answer are dropped by
// both modes. The accessible mode trims every answer; the screens trim
// one-line item, set-up, quick-win and step fields, keep the spaces that
// start a note (after them only, then), and store the per-area and
// free-text answers of the next steps exactly as typed (so they are not
// padded at all: a difference between the modes, reported, not hidden).
type padding int

const (
	padBoth padding = iota
	padAfter
	padNone
)

// screenScript is the keystrokes that give the screens the answers.
type screenScript struct {
	ops []screenOp
	// padded types spaces around the answers, where both modes drop them.
	padded bool
}

func (s *screenScript) press(keys ...string) { s.ops = append(s.ops, screenOp{keys: keys}) }
func (s *screenScript) wait(marker string)   { s.ops = append(s.ops, screenOp{wait: marker}) }

// typeText types an answer into the focused field; nothing for an empty
// answer.
func (s *screenScript) typeText(text string, pad padding) {
	if text != "" {
		s.ops = append(s.ops, screenOp{text: text, pad: pad})
	}
}

// padText puts spaces around an answer.
func padText(text string, pad padding) string {
	switch pad {
	case padBoth:
		return "  " + text + "  "
	case padAfter:
		return text + "  "
	}
	return text
}

// run sends the script. Screens change synchronously with the key that
// moves them, so keys are sent ahead without waiting; the waits are where
// the program itself works off the update loop (creating the plan) and
// the end. The script uses no key that a terminal sends as an escape
// sequence (j and k, not the arrows), so that keys queued up on a busy
// machine cannot be read apart or together wrongly.
func (s *screenScript) run(e e2eSession) {
	e.t.Helper()
	for _, op := range s.ops {
		switch {
		case op.wait != "":
			if _, err := e.s.WaitFor(op.wait, samePlanTimeout); err != nil {
				e.t.Fatal(err)
			}
		case op.text != "" && s.padded:
			e.typeText(padText(op.text, op.pad))
		case op.text != "":
			e.typeText(op.text)
		default:
			e.keys(op.keys...)
		}
	}
}

// answerReader hands out the answers in the order the accessible mode's
// prompts read them.
type answerReader struct {
	t     *testing.T
	lines []answerLine
	next  int
}

func (r *answerReader) read(what string) answerLine {
	r.t.Helper()
	if r.next >= len(r.lines) {
		r.t.Fatalf("%s: the answers end where %s was expected", samePlanAnswers, what)
	}
	l := r.lines[r.next]
	r.next++
	return l
}

// text reads a text answer. The plan is new, so every field starts
// empty: Enter (keep what is there) and "-" (clear it) both leave it
// empty, which on a screen is typing nothing.
func (r *answerReader) text(what string) string {
	r.t.Helper()
	if s := r.read(what).text; s != "-" {
		return s
	}
	return ""
}

// date reads a due date, as the accessible mode does, and checks that it
// is one: a date it cannot read is asked again, which this translation
// does not follow.
func (r *answerReader) date(what string, today plans.Date) string {
	r.t.Helper()
	l := r.read(what)
	if l.text == "" || l.text == "-" {
		return ""
	}
	if _, err := plans.ParseDue(l.text, today); err != nil {
		r.t.Fatalf("%s:%d: %s %q is not a date (%v); a re-asked date is not translated to keys", samePlanAnswers, l.n, what, l.text, err)
	}
	return l.text
}

// choice reads a numbered choice the way the accessible prompter does:
// a number from 1, or a word of an option (case does not matter); an
// empty answer gives def (-1: none).
func (r *answerReader) choice(what string, words [][]string, def int) int {
	r.t.Helper()
	l := r.read(what)
	if l.text == "" {
		return def
	}
	if n, err := strconv.Atoi(l.text); err == nil && n >= 1 && n <= len(words) {
		return n - 1
	}
	for i, ws := range words {
		for _, w := range ws {
			if strings.EqualFold(l.text, w) {
				return i
			}
		}
	}
	r.t.Fatalf("%s:%d: %s %q is not one of the choices", samePlanAnswers, l.n, what, l.text)
	return 0
}

// translateAnswers turns the answers of a new review in accessible mode
// (set-up, every item, the next-steps questions) into the keys that give
// the same answers on the screens.
func translateAnswers(t *testing.T, lines []answerLine, builtins []*checklist.Checklist, today plans.Date) *screenScript {
	t.Helper()
	r := &answerReader{t: t, lines: lines}
	s := &screenScript{}
	c := translateSetUp(r, s, builtins)
	actions := translateItems(r, s, c, today)
	translateNextSteps(r, s, c, actions, today)
	if r.next < len(lines) {
		t.Fatalf("%s:%d: answers left over after the last question: the translation has lost its place", samePlanAnswers, lines[r.next].n)
	}
	return s
}

// translateSetUp fills in the set-up screen: organisation, title,
// facilitator and participants (typed as given: both modes split the
// participants at commas), then the checklist, and waits for the first
// item. It returns the checklist chosen.
func translateSetUp(r *answerReader, s *screenScript, builtins []*checklist.Checklist) *checklist.Checklist {
	org := r.read("the organisation")
	title := r.read("the title")
	if org.text == "" || title.text == "" {
		r.t.Fatalf("%s:%d: an empty organisation or title is asked again, which this translation does not follow", samePlanAnswers, org.n)
	}
	s.wait("A new review")
	for _, v := range []string{org.text, title.text, r.text("the facilitator"), r.text("the participants")} {
		s.typeText(v, padBoth)
		s.press("tab")
	}
	// The accessible mode numbers the built-in checklists; the screen's
	// checklist field starts at the default one and moves with j/k.
	var words [][]string
	def := 0
	for i, cl := range builtins {
		words = append(words, []string{cl.ID})
		if cl.ID == checklist.DefaultID {
			def = i
		}
	}
	chosen := r.choice("the checklist", words, def)
	for range def - chosen {
		s.press("k")
	}
	for range chosen - def {
		s.press("j")
	}
	s.press("ctrl+s")
	c := builtins[chosen]
	// Creating the plan happens off the update loop: keys typed before it
	// is open would land on the set-up screen.
	s.wait(c.Items()[0].Item.Title)
	return c
}

// translateItems rates every item and fills in its fields. It returns the
// actions written, in checklist order, each once (as plans.WrittenActions
// gives them), which the quick wins are chosen from.
func translateItems(r *answerReader, s *screenScript, c *checklist.Checklist, today plans.Date) []string {
	var ratingWords [][]string
	for i, l := range c.Scale {
		ws := []string{l.Key, l.Label}
		if k, ok := c.Shortcut(i); ok {
			ws = append(ws, k)
		}
		ratingWords = append(ratingWords, ws)
	}
	statusWords := make([][]string, len(plans.Statuses))
	for i, st := range plans.Statuses {
		statusWords[i] = []string{string(st)}
	}
	statusWords[0] = append(statusWords[0], "to do")

	var actions []string
	for _, e := range c.Items() {
		what := func(field string) string { return field + " of item " + strconv.Itoa(e.Ref.Seq+1) }
		// Enter on the rating skips the item in accessible mode; n
		// passes it by on the screen.
		level := r.choice(what("the rating"), ratingWords, -1)
		if level < 0 {
			s.press("n")
		} else {
			// The accessible mode takes a number, the key, the word or
			// its initial; the screen takes the level's digit (and some
			// letters), which rates and moves to the action.
			s.press(strconv.Itoa(level + 1))
			action := r.text(what("the action"))
			s.typeText(action, padBoth)
			s.press("tab")
			s.typeText(r.text(what("the owner")), padBoth)
			s.press("tab")
			s.typeText(r.date(what("the due date"), today), padBoth)
			s.press("tab")
			// The status is asked only of an item with an action; on the
			// screen it is a field like the others, starting at todo (a
			// new plan's status), and space moves it along.
			if action != "" {
				for range r.choice(what("the status"), statusWords, 0) {
					s.press("space")
				}
				if !slices.Contains(actions, action) {
					actions = append(actions, action)
				}
			}
			s.press("tab")
			s.typeText(r.text(what("the notes")), padAfter)
			s.press("ctrl+n") // stores the notes and goes on
		}
		if e.Ref.Index == len(e.Area.Items)-1 {
			s.press("enter") // the area's summary: continue
		}
	}
	return actions
}

// translateNextSteps answers the follow-up questions, each followed by
// its due date, and quits from the summary.
//
// On a follow-up screen a text field is entered with enter and left with
// tab, which commits it and starts typing in the next field; the due date
// is the last field, and enter there commits it and shows the next
// question.
func translateNextSteps(r *answerReader, s *screenScript, c *checklist.Checklist, actions []string, today plans.Date) {
	for _, f := range c.FollowUps {
		switch f.Kind {
		case checklist.KindCounts:
			s.press("enter") // only the due date is asked
		case checklist.KindList:
			translateQuickWins(r, s, c, actions)
			s.press("tab")
		case checklist.KindPerArea:
			s.press("enter")
			for _, a := range c.Areas {
				s.typeText(r.text("the answer for "+a.Title), padNone)
				s.press("tab")
			}
		case checklist.KindText:
			s.press("enter")
			s.typeText(r.text("the answer to "+f.ID), padNone)
			s.press("tab")
		case checklist.KindPlan:
			translateProjectPlan(r, s, today)
			s.press("tab")
		}
		s.typeText(r.date("the due date of "+f.ID, today), padBoth)
		s.press("enter")
	}
	s.wait("The end")
	s.press("q")
}

// translateQuickWins chooses the quick wins and types the others.
//
// The accessible mode numbers the written actions, then the areas'
// suggestions, and takes the numbers chosen; the screen lists the same
// rows in the same order, with a box ticked by space. The accessible mode
// stores them in the order the numbers were typed, the screen in the
// order of its rows, so a number typed out of order is moved down with J,
// as someone at the screen would to get that order. A quick win typed in
// goes at the end in both modes, unless its text is one of the rows
// offered: the accessible mode still puts it at the end, the screen ticks
// that row where it stands (a difference between the modes, reported; not
// in these answers).
func translateQuickWins(r *answerReader, s *screenScript, c *checklist.Checklist, actions []string) {
	rows := slices.Clone(actions)
	for _, a := range c.Areas {
		for _, sg := range a.IfAllYouDo {
			if !slices.Contains(rows, sg.Text) {
				rows = append(rows, sg.Text)
			}
		}
	}
	chosen := map[string]bool{}
	cursor := 0
	moveTo := func(row int) {
		for ; cursor < row; cursor++ {
			s.press("j")
		}
		for ; cursor > row; cursor-- {
			s.press("k")
		}
	}
	if len(rows) > 0 {
		l := r.read("the quick wins' numbers")
		var picks []string
		if l.text != "" && l.text != "-" { // the list starts empty: both choose none
			for _, f := range strings.FieldsFunc(l.text, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
				n, err := strconv.Atoi(f)
				if err != nil || n < 1 || n > len(rows) {
					r.t.Fatalf("%s:%d: %q is not a number from 1 to %d (asked again, which this translation does not follow)", samePlanAnswers, l.n, f, len(rows))
				}
				if text := rows[n-1]; !slices.Contains(picks, text) {
					picks = append(picks, text)
				}
			}
		}
		for _, text := range picks {
			moveTo(slices.Index(rows, text))
			s.press("space")
			chosen[text] = true
		}
		// Each pick above the one before it moves down (J) to just below it.
		for k := 1; k < len(picks); k++ {
			before := slices.Index(rows, picks[k-1])
			moveTo(slices.Index(rows, picks[k]))
			for ; cursor < before; cursor++ {
				s.press("J")
				rows[cursor], rows[cursor+1] = rows[cursor+1], rows[cursor]
			}
		}
	}
	typing := false
	for {
		text := r.read("another quick win").text
		if text == "" {
			return
		}
		if !typing {
			s.press("a") // a new row at the end, typing
		}
		s.typeText(text, padBoth)
		s.press("enter")
		// Enter stores the row and starts the next new one, unless the
		// text was a row already chosen: then nothing changed, and typing
		// stops.
		typing = !chosen[text]
		if !slices.Contains(rows, text) {
			rows = append(rows, text)
		}
		chosen[text] = true
	}
}

// translateProjectPlan adds the new steps. Both modes start the plan as
// the actions written so far; the accessible mode adds each step at the
// end, the screen after the cursor, so the cursor goes to the last step
// first (G).
func translateProjectPlan(r *answerReader, s *screenScript, today plans.Date) {
	for {
		text := r.read("a new step").text
		if text == "" {
			return
		}
		s.press("G", "a")
		s.typeText(text, padBoth)
		s.press("tab")
		s.typeText(r.text("the step's owner"), padBoth)
		s.press("tab")
		s.typeText(r.date("the step's due date", today), padBoth)
		s.press("enter") // stores the step
	}
}

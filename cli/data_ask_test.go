package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/creack/pty"
	"github.com/socialmobility/ladder/workforce"
)

// The questions ladder data import asks at a terminal, driven with typed
// lines: a wrong answer is asked again, and the end of input writes
// nothing.
func TestImportAsksAtATerminal(t *testing.T) {
	var out bytes.Buffer
	a := &asker{in: bufio.NewReader(strings.NewReader("2 1\n\n3 1 2\n")), out: &out}
	order, _, err := a.order([]string{"Manager", "Team member", "Director"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ",") != "Director,Manager,Team member" {
		t.Errorf("order %v", order)
	}
	if !strings.Contains(out.String(), "Give each of the 3 numbers once, or press Enter alone to stop.") {
		t.Errorf("a short answer should be asked again:\n%s", out.String())
	}

	out.Reset()
	a = &asker{in: bufio.NewReader(strings.NewReader("9\nB\n2\n")), out: &out}
	cols := []workforce.Column{{Index: 0, Header: "When"}, {Index: 1, Header: "Level of job"}}
	c, err := a.column("grade", cols)
	if err != nil || c.Index != 1 {
		t.Errorf("column %+v, %v", c, err)
	}
	if !strings.Contains(out.String(), "Which column holds the grade?\n  1) A \"When\"\n  2) B \"Level of job\"\n") {
		t.Errorf("the columns should be listed:\n%s", out.String())
	}

	a = &asker{in: bufio.NewReader(strings.NewReader("")), out: &out}
	if _, _, err := a.order([]string{"A", "B"}); err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("no answer: %v", err)
	}
}

// A grade typed two ways in the survey ("Band 3" and "B3") is two grades
// to order, and no order of them is right: the question says how to stop,
// and an empty answer stops with what to do, writing nothing. It used to
// ask again and again until Ctrl+D. (Asked first whether B3, left out, is
// one of the others, Enter declines.)
func TestImportGradeOrderCanBeLeftForATypo(t *testing.T) {
	var out bytes.Buffer
	a := &asker{in: bufio.NewReader(strings.NewReader("1 3\n\n\n")), out: &out}
	_, _, err := a.order([]string{"Band 1", "B3", "Band 3"})
	if !strings.Contains(out.String(), "Give each of the 3 numbers once, or press Enter alone to stop.") {
		t.Errorf("the question does not say how to stop:\n%s", out.String())
	}
	if err == nil || !strings.Contains(err.Error(), "if a grade is spelt two ways, import again with --same-grade SPELLING=GRADE (or correct it in the CSV)") ||
		!strings.Contains(err.Error(), "Nothing was written") {
		t.Errorf("an empty answer: %v", err)
	}
}

// Next year's first import at a terminal says how the grades changed
// since last year before asking their order; a first import with no last
// year has nothing to say there, and no blank line stands for it above
// the question.
func TestSayWrappedSaysNothingOfNothingAtATerminal(t *testing.T) {
	got := at80x24(t, func(tty *os.File) {
		sayWrapped(tty, "")
		sayWrapped(tty, "Last review's data has Staff.\n")
	})
	if got != "Last review's data has Staff.\r\n" {
		t.Errorf("the terminal got %q", got)
	}
}

// Next year's question of the grades' order, at an 80-column terminal:
// its first line ran to 82 columns, so the terminal broke "ones" in two.
// It is wrapped at its spaces, as the line above it is.
func TestNextYearsGradeQuestionFitsTheTerminal(t *testing.T) {
	got := at80x24(t, func(tty *os.File) {
		a := &asker{in: bufio.NewReader(strings.NewReader("1 2\n")), out: tty}
		if _, _, err := a.orderListed([]string{"Staff", "Team lead"}, "last review's first, in its order, then the new ones"); err != nil {
			t.Fatal(err)
		}
	})
	if !strings.Contains(strings.ReplaceAll(got, "\r\n", " "), "then the new ones: ") {
		t.Errorf("the question's first line, its last word not whole:\n%s", got)
	}
	for _, line := range strings.Split(got, "\r\n") {
		if n := utf8.RuneCountInString(line); n > 79 {
			t.Errorf("a line of %d columns at an 80-column terminal: %q", n, line)
		}
	}
}

// at80x24 is what an 80x24 pseudo-terminal got from write.
func at80x24(t *testing.T, write func(tty *os.File)) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80})
	out := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptmx)
		out <- b
	}()
	write(tty)
	tty.Close()
	return string(<-out)
}

// typed is an answer typed at a question once its prompt is on the screen.
type typed struct{ prompt, answer string }

// importAtATerminal imports csv, as hr.csv, into plans/acme.data.yaml at
// an 80x24 pseudo-terminal, typing the answers in turn as their prompts
// show and Enter alone, to stop, if the grades' order is asked again. It
// returns what the terminal showed and the data file written.
func importAtATerminal(t *testing.T, csv string, answers ...typed) (screen, data string) {
	t.Helper()
	if err := os.WriteFile("hr.csv", []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80})
	seenc := make(chan string)
	go func() {
		var seen strings.Builder
		buf := make([]byte, 4096)
		next, stopped := 0, false
		for {
			n, err := ptmx.Read(buf)
			seen.Write(buf[:n])
			for next < len(answers) && strings.Contains(seen.String(), answers[next].prompt) {
				ptmx.Write([]byte(answers[next].answer))
				next++
			}
			if !stopped && strings.Contains(seen.String(), "Give each of the") {
				// Asked again: Enter alone stops, rather than wait.
				ptmx.Write([]byte("\n"))
				stopped = true
			}
			if err != nil {
				seenc <- seen.String()
				return
			}
		}
	}()
	var stdout bytes.Buffer
	err = runDataImport(tty, &stdout, tty, "hr.csv", dataImportOptions{out: "plans/acme.data.yaml", collected: "2027-03-10"})
	tty.Close()
	screen = strings.ReplaceAll(<-seenc, "\r\n", "\n")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, screen)
	}
	d, err := os.ReadFile("plans/acme.data.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return screen, string(d)
}

// The import's last line gives the command that shows the counts, on a
// line of its own, whole: at 80 columns its path went to a line of its
// own below "Next: ladder data show", and whoever copied the command (or
// heard it read a line at a time) had half of it.
func TestImportGivesTheNextCommandWhole(t *testing.T) {
	out := "plans/2026/2026-11-30-hill-bakery-ltd-review-2026.data.yaml"
	im := &workforce.Imported{Responses: 42, Delimiter: ',', Other: workforce.Column{Index: -1}}
	d := &workforce.Data{Grades: []workforce.Grade{{Name: "Baker", Counts: workforce.Counts{20, 10, 12, 0, 0}}}}
	got := at80x24(t, func(tty *os.File) { reportImportTo(tty, "responses.csv", out, im, d, nil, false) })
	if !slices.Contains(strings.Split(got, "\r\n"), "  ladder data show "+out) {
		t.Errorf("the command is not on a line of its own, whole:\n%s", got)
	}
}

// An HR export spells grades two ways ("shop-floor", "Mgr"), imported at
// a terminal with no --grades: ladder names the pairs and asks whether to
// count each as the grade it looks like; Enter (yes) joins them from the
// counts read, and the order is asked of the grades left. It listed every
// spelling to put in order, and the way to join them was to stop and type
// a --same-grade for each.
func TestImportAtATerminalJoinsGradesSpeltTwoWays(t *testing.T) {
	t.Chdir(t.TempDir())
	var csv strings.Builder
	csv.WriteString("\ufeffStaff no;Pay Grade / Band;Q3. What was the occupation of your main household earner when you were about aged 14?\r\n")
	for i, g := range []string{"Shop floor", "Shop floor", "shop-floor", "Manager", "Mgr", "Mgr"} {
		for j := range 4 {
			fmt.Fprintf(&csv, "%d%d;%s;%s\r\n", i, j, g, []string{"Plumber", "Teacher", "Secretary", "Cleaner"}[j])
		}
	}
	got, d := importAtATerminal(t, csv.String(), typed{"[Y/n] ", "\n"}, typed{"e.g. 3 1 2: ", "1 2\n"})
	for _, want := range []string{
		`Some look like one grade written two ways: "shop-floor" like "Shop floor",` + "\n" + `"Mgr" like "Manager".`,
		"Count each as the grade it looks like? [Y/n] ",
		"These grades are in the file, in the order they were found:\n  1) Shop floor\n  2) Manager\n",
		"Spellings counted as another grade (check them):\n  \"shop-floor\" → Shop floor: fewer than 10 answers\n  \"Mgr\" → Manager: fewer than 10 answers\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the terminal does not show %q:\n%s", want, got)
		}
	}
	for _, want := range []string{"  - grade: \"Shop floor\"\n", "  - grade: \"Manager\"\n    headcount:\n    working_class: 6\n"} {
		if !strings.Contains(d, want) {
			t.Errorf("the data file has no %q:\n%s", want, d)
		}
	}
}

// A year on, the import says it takes the grades' order from last
// year's data: at an 80-column terminal the line ran to 140 columns and
// the terminal broke a grade's name in two. It is wrapped at its spaces.
func TestLastReviewsOrderFitsTheTerminal(t *testing.T) {
	order := []string{"Shop floor", "Team leader", "Assistant manager", "Manager", "Regional director"}
	got := at80x24(t, func(tty *os.File) { sayLastReviewOrder(tty, "plans/2026/acme-2026.data.yaml", order) })
	flat := strings.Join(strings.Fields(got), " ")
	if !strings.Contains(flat, "Shop floor, Team leader, Assistant manager, Manager, Regional director (give --grades to change it).") {
		t.Errorf("the grades are not all said:\n%s", got)
	}
	for _, line := range strings.Split(got, "\r\n") {
		if n := utf8.RuneCountInString(line); n > 79 {
			t.Errorf("a line of %d columns at an 80-column terminal: %q", n, line)
		}
	}
}

package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

// A payroll export spells a grade two ways the look-alike check does not
// catch ("Administrator" beside "Admin"). At a terminal the office
// manager, asked the grades' order, leaves it out: ladder asks whether it
// is one of the others written another way and, given that grade's
// number, counts it as that grade and keeps the spelling. It said only
// "Give each of the 3 numbers once", and the way to join them was to stop
// and work out a --same-grade.
func TestImportAtATerminalJoinsAGradeLeftOut(t *testing.T) {
	t.Chdir(t.TempDir())
	var csv strings.Builder
	csv.WriteString("Staff ID,Job Grade,Parent job at 14\n")
	for i, g := range []string{"Admin", "Admin", "Admin", "Administrator", "Associate", "Associate", "Associate"} {
		for j := range 4 {
			fmt.Fprintf(&csv, "%d%d,%s,%s\n", i, j, g, []string{"Plumber", "Teacher", "Secretary", "Cleaner"}[j])
		}
	}
	got, d := importAtATerminal(t, csv.String(), typed{"e.g. 3 1 2: ", "1 3\n"}, typed{"give the order again: ", "1\n"})
	flat := strings.Join(strings.Fields(got), " ")
	for _, want := range []string{
		`"Administrator" is not in that order. If it is one of the grades above written another way, type that grade's number to count it as that grade (1 for Admin); or press Enter to give the order again:`,
		`Spellings counted as another grade (check them): "Administrator" → Admin: fewer than 10 answers`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the terminal does not show %q:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("a line of %d columns at an 80-column terminal: %q", n, line)
		}
	}
	if strings.Contains(d, `grade: "Administrator"`) {
		t.Errorf("Administrator is still a grade:\n%s", d)
	}
	for _, want := range []string{"  - grade: \"Admin\"\n    headcount:\n    working_class: 8\n", "  - spelling: \"Administrator\"\n    grade: \"Admin\"\n"} {
		if !strings.Contains(d, want) {
			t.Errorf("the data file has no %q:\n%s", want, d)
		}
	}
}

// A grade left out of the order is counted only as a grade in the order:
// its own number (or one not in the order) is no answer, and the order
// is asked again; each grade left out is asked about in turn.
func TestAGradeLeftOutJoinsOnlyAGradeInTheOrder(t *testing.T) {
	var out bytes.Buffer
	a := &asker{in: bufio.NewReader(strings.NewReader("1 3\n2\n1\n1\n1\n")), out: &out}
	order, joins, err := a.order([]string{"Admin", "Administrator", "Associate"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ",") != "Admin" {
		t.Errorf("order %v, want Admin alone", order)
	}
	want := []workforce.SameGrade{{Spelling: "Administrator", Grade: "Admin"}, {Spelling: "Associate", Grade: "Admin"}}
	if !slices.Equal(joins, want) {
		t.Errorf("joins %v, want %v", joins, want)
	}
	if n := strings.Count(out.String(), "Give each of the 3 numbers once"); n != 1 {
		t.Errorf("the order was asked again %d times, want once (after the grade's own number):\n%s", n, out.String())
	}
	if n := strings.Count(out.String(), `"Associate" is not in that order`); n != 1 {
		t.Errorf("Associate, left out of the second order, was asked about %d times, want once:\n%s", n, out.String())
	}
}

package cli

import (
	"fmt"
	"strings"
	"testing"
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
